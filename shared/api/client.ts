import { CHANNELS, type ChannelName, type InputOf, type OutputOf } from './contract.ts';
import { AppError, type ErrorPayload } from '../base/errors.ts';

/**
 * The typed object the renderer calls: `api.enterprises.importPreview(input)` for the channel
 * `enterprises:import-preview`. The Electron preload and the browser client both build it with
 * `makeApi`, each over its own transport; neither can call a channel the contract does not list.
 */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C> = C extends `${string}:${infer A}` ? A : never;

export type Api = {
  [D in DomainOf<ChannelName>]: {
    [C in Extract<ChannelName, `${D}:${string}`> as Camel<ActionOf<C>>]: (input?: InputOf<C>) => Promise<OutputOf<C>>;
  };
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/** One call over a host's transport. Envelope-level context (token, workspace) is the transport's business. */
export type Transport = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function makeApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, action] = channel.split(':');
    (api[domain] ??= {})[camel(action)] = async (input?: unknown) => {
      const result = await transport(channel, input ?? {});
      if (result.ok) return result.data;
      throw new AppError(result.error.code, result.error.details);
    };
  }
  return api as unknown as Api;
}
