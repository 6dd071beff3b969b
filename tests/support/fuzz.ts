import { z } from 'zod';
import { CHANNELS, contract } from '../../shared/api/contract.ts';
import { ERROR_CODES } from '../../shared/base/errors.ts';
import type { Core } from '../../electron/core/create-core.ts';

/**
 * Inputs for every channel as a careless or hostile caller sends them (issue 23), from a seed, so a failure found once
 * is found again: half follow the channel's own schema with a field or two swapped for something hostile, half are
 * hostile throughout. Whatever comes in, the answer is data or a coded refusal, never INTERNAL, and the core goes on
 * answering.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  // mulberry32: small, fast, and the same sequence on every machine.
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
}

/**
 * Values no field expects: empty, huge, control characters, paths, escapes, numbers past every bound, deep nesting, and
 * what IPC carries but JSON cannot (a BigInt, a cycle, a Date, a Map).
 */
function hostile(r: Random): unknown {
  const makers: (() => unknown)[] = [
    () => '',
    () => ' \t\n',
    () => '\u0000\u0007\u202e',
    () => '𠮷\uE000\u{30000}😀',
    () => '../../../../etc/passwd',
    () => 'C:\\Windows\\System32\\config\\SAM',
    () => '%E0%A4%A',
    () => "'; DROP TABLE enterprises; --",
    () => '<img src=x onerror=alert(1)>',
    () => '__proto__',
    () => 'x'.repeat(Math.floor(r() * 200_000)),
    () => '查'.repeat(Math.floor(r() * 60_000)),
    () => -1,
    () => 0,
    () => 2 ** 53 + 2,
    () => -1e308,
    () => 1e308,
    () => 0.5,
    () => true,
    () => null,
    () => [],
    () => ({}),
    () => JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
    () => Array.from({ length: Math.floor(r() * 20_000) }, (_, i) => i),
    () => nested(10 + Math.floor(r() * 100)),
    () => '2026-02-30',
    () => '9999-12-31T23:59:59Z',
    () => Number.MAX_SAFE_INTEGER,
    // What Electron's IPC clones and JSON cannot carry.
    () => 10n,
    () => {
      const cycle: Record<string, unknown> = { name: '示例' };
      cycle.self = cycle;
      return cycle;
    },
    () => new Date('2026-11-22T00:00:00Z'),
    () => new Map([['a', 1]]),
    () => Number.NaN,
  ];
  return pick(r, makers)();
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
}

const WORDS = ['示例', '化工', '有限公司', '张明', '东乡街道', 'A', '1', '-', ' ', '宣汉县', '2026', '第', '号'];

function plausibleString(r: Random, s: JsonSchema): string {
  if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}'))
    return `2026-${pick(r, ['01', '06', '11', '12'])}-${pick(r, ['01', '15', '22', '28'])}`;
  if (s.format === 'date-time') return '2026-11-22T09:30:00.000Z';
  if (s.pattern === '^[0-9a-f]{64}$') return 'ab'.repeat(32);
  let out = '';
  const length = Math.max(s.minLength ?? 0, 1 + Math.floor(r() * 4));
  while (out.length < length) out += pick(r, WORDS);
  return s.maxLength !== undefined ? out.slice(0, s.maxLength) : out;
}

/** A value much as the schema asks for, a field now and then swapped for a hostile one. */
function fromSchema(r: Random, s: JsonSchema | boolean | undefined, depth = 0): unknown {
  if (s === undefined || typeof s === 'boolean' || depth > 6) return hostile(r);
  if (r() < 0.12) return hostile(r);
  if (s.const !== undefined) return s.const;
  if (s.enum) return pick(r, s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options) return fromSchema(r, pick(r, options), depth + 1);
  const type = Array.isArray(s.type) ? pick(r, s.type) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(k) || r() < 0.5) out[k] = fromSchema(r, v, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.floor(r() * 3) }, () => fromSchema(r, s.items, depth + 1));
    case 'string':
      return plausibleString(r, s);
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? 1;
      const hi = Math.min(s.maximum ?? lo + 60, lo + 1000);
      const n = lo + r() * (hi - lo);
      return type === 'integer' ? Math.round(n) : n;
    }
    case 'boolean':
      return r() < 0.5;
    case 'null':
      return null;
    default:
      return hostile(r);
  }
}

const schemas = new Map<string, JsonSchema | undefined>();
function jsonSchemaOf(channel: string): JsonSchema | undefined {
  if (!schemas.has(channel)) {
    let schema: JsonSchema | undefined;
    try {
      schema = z.toJSONSchema(contract[channel as keyof typeof contract].input, {
        io: 'input',
        unrepresentable: 'any',
      }) as JsonSchema;
    } catch {
      schema = undefined;
    }
    schemas.set(channel, schema);
  }
  return schemas.get(channel);
}

export function fuzzInput(channel: string, r: Random): unknown {
  return r() < 0.5 ? fromSchema(r, jsonSchemaOf(channel)) : hostile(r);
}

/** An input as a failure report shows it, whatever it holds (JSON.stringify throws on a BigInt or a cycle). */
function shown(input: unknown): string {
  try {
    return JSON.stringify(input)?.slice(0, 300) ?? 'undefined';
  } catch {
    return String(input).slice(0, 300);
  }
}

export interface FuzzCounts {
  inputs: number;
  ok: number;
  refused: Record<string, number>;
  /** What came back INTERNAL or not as a coded answer at all: must stay empty. */
  failures: { channel: string; as: string; answer: string; input: string }[];
}

/**
 * `perChannel` inputs to every channel, as the admin, as a trusted caller and as nobody, drawn from the seed.
 * A call that ended the session (auth:sign-out, a restore) is followed by signing in again.
 */
export async function fuzzChannels(
  core: Core,
  o: { seed: number; perChannel: number; signIn: () => Promise<string | undefined> },
): Promise<FuzzCounts> {
  const r = seeded(o.seed);
  const codes = new Set<string>(ERROR_CODES);
  const counts: FuzzCounts = { inputs: 0, ok: 0, refused: {}, failures: [] };
  let token = await o.signIn();
  for (let round = 0; round < o.perChannel; round++) {
    for (const channel of CHANNELS) {
      // As the admin signed in, as an admin the host trusts (the CLI: no session to lose), or as nobody.
      const as = r();
      const signedIn = as < 0.5;
      const envelope = signedIn ? { token } : as < 0.8 ? { trusted: { userName: 'fuzz' } } : {};
      const input = fuzzInput(channel, r);
      let answer: string;
      try {
        const res = await core.dispatch(channel, input, envelope);
        answer = res.ok ? 'ok' : res.error.code;
      } catch (e) {
        answer = `threw ${(e as Error).message}`;
      }
      counts.inputs++;
      if (answer === 'ok') counts.ok++;
      else if (codes.has(answer) && answer !== 'INTERNAL') counts.refused[answer] = (counts.refused[answer] ?? 0) + 1;
      if (answer === 'INTERNAL' || !(answer === 'ok' || codes.has(answer)))
        counts.failures.push({
          channel,
          as: signedIn ? 'admin' : 'trusted' in envelope ? 'trusted' : 'nobody',
          answer,
          input: shown(input),
        });
      if (signedIn && (answer === 'UNAUTHENTICATED' || answer === 'SESSION_LOCKED')) token = await o.signIn();
    }
  }
  return counts;
}
