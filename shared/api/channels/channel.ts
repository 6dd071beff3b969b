import type { z } from 'zod';
import type { Permission } from '../../base/roles.ts';

/**
 * Access levels besides the role permissions:
 *   public     – no session (first-run setup, sign-in, recovery, app info)
 *   unlock     – a session that the idle lock has locked (only to unlock it)
 *   signed-in  – any role
 */
export type Access = Permission | 'public' | 'unlock' | 'signed-in';

export interface Channel<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: the output type, for the typed clients. */
  output?: O;
}

/** A channel with output O: `channel<O>()({ input, access })`. */
export function channel<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): Channel<I, O> => spec;
}

type AnyChannel = Channel<z.ZodType, unknown>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Channel names that more than one group (file of channels/) defines: none, or the table could not say whose is meant. */
export type DefinedTwice<G> = {
  [F in keyof G]: keyof G[F] & { [O in Exclude<keyof G, F>]: keyof G[O] }[Exclude<keyof G, F>];
}[keyof G];

/** The groups' channels as one flat table, each channel with its own precise type. */
export type Merged<G> = UnionToIntersection<G[keyof G]> extends infer M ? { readonly [K in keyof M]: M[K] } : never;

/**
 * The groups of channels (one per file of channels/) as one table. A channel name two groups define
 * is a type error here, naming the channel (and throws, should a cast get it past the typecheck).
 */
export function mergeChannels<G extends Record<string, Record<string, AnyChannel>>>(
  groups: G & ([DefinedTwice<G>] extends [never] ? unknown : { definedTwice: DefinedTwice<G> }),
): Merged<G> {
  const table: Record<string, AnyChannel> = {};
  for (const [group, channels] of Object.entries(groups as G))
    for (const [name, spec] of Object.entries(channels)) {
      if (name in table) throw new Error(`The channel ${name} is defined twice (the second time in ${group}).`);
      table[name] = spec;
    }
  return table as Merged<G>;
}
