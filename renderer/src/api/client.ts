import { makeApi, type Api, type Result, type Transport } from '../../../shared/api/client.ts';
import { contract, type ChannelName } from '../../../shared/api/contract.ts';
import { bodyLimit } from '../../../shared/base/body-limits.ts';
import { AppError } from '../../../shared/base/errors.ts';

/**
 * The only module that knows which host the renderer runs in. Under Electron the preload exposes
 * `window.desk.invoke`; in the browser the same calls go over fetch to the web host. Everything
 * else imports `api` from here and never sees the difference.
 */
interface DeskBridge {
  invoke(
    channel: ChannelName,
    input: unknown,
    envelope: { token?: string; workspace: Workspace },
  ): Promise<Result<unknown>>;
  onEvent(workspace: Workspace, listener: (event: unknown) => void): () => void;
}
declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export type Workspace = 'real' | 'demo';
const WORKSPACE_KEY = 'desk.workspace';
const TOKEN_KEY = 'desk.token';

let workspace: Workspace = sessionStorage.getItem(WORKSPACE_KEY) === 'demo' ? 'demo' : 'real';
/** Per tab and per workspace; sessionStorage so a reload keeps the session but a new window signs in. */
let token: string | undefined = sessionStorage.getItem(`${TOKEN_KEY}.${workspace}`) ?? undefined;

export function getWorkspace(): Workspace {
  return workspace;
}
export function setWorkspace(next: Workspace): void {
  workspace = next;
  sessionStorage.setItem(WORKSPACE_KEY, next);
  token = sessionStorage.getItem(`${TOKEN_KEY}.${workspace}`) ?? undefined;
}
export function setToken(next: string | undefined): void {
  token = next;
  if (next) sessionStorage.setItem(`${TOKEN_KEY}.${workspace}`, next);
  else sessionStorage.removeItem(`${TOKEN_KEY}.${workspace}`);
}

const webTransport: Transport = async (channel, input) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-workspace': workspace };
  if (token) headers['x-session-token'] = token;
  // Measured as sent (UTF-8) and sent as measured: one copy of a large upload, not two.
  const body = new Blob([JSON.stringify({ input })]);
  // The host refuses a larger body unread (server.ts): said here, as the field's error, without sending it.
  if (Object.hasOwn(contract, channel) && body.size > bodyLimit(contract[channel].input))
    return {
      ok: false,
      error: new AppError('VALIDATION', { issues: [{ path: [], key: 'validation.fileTooLarge' }] }).toPayload(),
    };
  try {
    const res = await fetch(`/api/${channel}`, { method: 'POST', headers, body });
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: new AppError('INTERNAL').toPayload() };
  }
};

const electronTransport: Transport = (channel, input) => window.desk!.invoke(channel, input, { token, workspace });

const listeners = new Set<(code: string) => void>();
/** The shell listens here to show the sign-in or lock screen whatever call hit the problem. */
export function onSessionProblem(listener: (code: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * How many calls the user waits for are in flight, on the page's root element (data-pending),
 * which the end-to-end tests wait on instead of a fixed time, so a slow PC or a busy machine makes them slower, not red.
 */
// Polls a screen makes on its own (the demo banner's progress, the session ping) are not the user's to wait for.
const QUIET = new Set(['app:info', 'auth:session']);
let pending = 0;
const waitListeners = new Set<(calls: number) => void>();
const markPending = (delta: number, channel: string) => {
  if (QUIET.has(channel)) return;
  pending += delta;
  if (pending) document.documentElement.dataset.pending = String(pending);
  else delete document.documentElement.dataset.pending;
  for (const l of waitListeners) l(pending);
};

/** Calls the user is waiting for, as their number changes (the busy bar shows while any is in flight). */
export function onWaiting(listener: (calls: number) => void): () => void {
  waitListeners.add(listener);
  return () => waitListeners.delete(listener);
}

const transport: Transport = async (channel, input) => {
  markPending(1, channel);
  const result = await (window.desk ? electronTransport : webTransport)(channel, input).finally(() =>
    markPending(-1, channel),
  );
  if (!result.ok && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'SESSION_LOCKED')) {
    for (const l of listeners) l(result.error.code);
  }
  return result;
};

export const api: Api = makeApi(transport);

export function subscribeEvents(
  listener: (event: { type: string; job: string; phase: string; done: number; total: number }) => void,
): () => void {
  if (window.desk) return window.desk.onEvent(workspace, listener as (e: unknown) => void);
  // Read over fetch rather than EventSource, which cannot send headers: the token stays out of the URL.
  const stop = new AbortController();
  const headers = { 'x-workspace': workspace, 'x-session-token': token ?? '' };
  void (async () => {
    while (!stop.signal.aborted) {
      try {
        const res = await fetch('/api/events', { headers, signal: stop.signal });
        // No session (signed out, or the host restarted): as EventSource does, no retry.
        if (!res.ok || !res.body) return;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        try {
          let buffered = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffered += value;
            for (let end; (end = buffered.indexOf('\n\n')) >= 0; buffered = buffered.slice(end + 2))
              for (const line of buffered.slice(0, end).split('\n'))
                if (line.startsWith('data: ')) {
                  // One event the screen cannot take does not end the stream.
                  try {
                    listener(JSON.parse(line.slice(6)));
                  } catch {
                    /* skipped */
                  }
                }
          }
        } finally {
          // The connection is given back however the reading ended (a browser has six per host).
          void reader.cancel().catch(() => undefined);
        }
      } catch {
        if (stop.signal.aborted) return;
      }
      // The connection dropped: again shortly, as EventSource would.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  })();
  return () => stop.abort();
}
