/**
 * 双随机 draw that anyone can re-run: from its recorded input alone — the frozen pool of enterprises (each with its
 * stratum, its visits so far and its cap), the strata's ratios, the inspector pool, the pairs recently sent to each
 * enterprise, and a value a second person entered after the pool was frozen and published — the same result, to the
 * byte. No single person controls the seed: it is the SHA-256 of the pool's own hash and the witness's value.
 *
 * Randomness is SHA-256 in counter mode over the seed, read as 32-bit integers; a number below n is taken by
 * rejection (no modulo bias); enterprises are drawn by a Fisher–Yates shuffle of the eligible ones sorted by id.
 * The hash is passed in (node:crypto in the core and the verifier), so this stays pure and runs anywhere.
 */
export type Sha256 = (data: Uint8Array) => Uint8Array;

export const DRAW_FORMAT = 'desk-draw';
/** 2 adds the inspectors' 回避 conflicts; a version 1 record (none) is still re-run as it was drawn. */
export const DRAW_VERSION = 2;
const DRAW_VERSIONS: readonly number[] = [1, 2];

export interface DrawPoolEntry {
  enterpriseId: number;
  name: string;
  stratum: string;
  /** Inspections this year so far, and the most the caps allow (国办发〔2024〕54号). */
  visits: number;
  cap: number;
  /** Covered this year by the 重点 list or another draw: not drawn again. */
  covered: boolean;
}

export interface DrawInput {
  format: typeof DRAW_FORMAT;
  version: 1 | typeof DRAW_VERSION;
  year: number;
  label: string;
  /** Each stratum's ratio of the year, and how many of it earlier draws this year took: this draw takes the rest. */
  strata: { id: string; name: string; ratio: number; drawnBefore: number }[];
  /** Sorted by enterprise id. */
  pool: DrawPoolEntry[];
  /** Certified on the day, not away, no 回避 conflict; sorted by officer id. */
  inspectors: { officerId: number; name: string }[];
  /** Pairs sent to an enterprise in the recent draws: not sent together to it again while others can go. */
  recentPairs: { enterpriseId: number; officerIds: [number, number] }[];
  /** 回避: an officer never drawn for an enterprise he withdrew from (version 2; absent from version 1). */
  conflicts?: { enterpriseId: number; officerId: number }[];
}

export interface DrawResult {
  poolSha256: string;
  seed: string;
  strata: {
    id: string;
    name: string;
    ratio: number;
    enterprises: number;
    quota: number;
    eligible: number;
    drawn: number;
    /** Fewer eligible than the quota: all of them were taken, this many short. */
    short: number;
  }[];
  picks: { enterpriseId: number; name: string; stratum: string; officerIds: [number, number]; repeatedPair: boolean }[];
  excluded: { enterpriseId: number; reason: 'cap' | 'covered' }[];
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The pool as hashed: the input's JSON with its keys in a fixed order (published beside the hash, re-hashable). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      // As JSON.stringify does: a key whose value is undefined is not written.
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The input as drawn and hashed: the pool, the inspectors and the recent pairs in a fixed order. */
export const normalized = (input: DrawInput): DrawInput => ({
  ...input,
  pool: [...input.pool].sort((a, b) => a.enterpriseId - b.enterpriseId),
  inspectors: [...input.inspectors].sort((a, b) => a.officerId - b.officerId),
  recentPairs: [...input.recentPairs]
    .map((p) => ({
      enterpriseId: p.enterpriseId,
      officerIds: [...p.officerIds].sort((a, b) => a - b) as [number, number],
    }))
    .sort(
      (a, b) =>
        a.enterpriseId - b.enterpriseId || a.officerIds[0] - b.officerIds[0] || a.officerIds[1] - b.officerIds[1],
    ),
  // Written only where the version has it: a version 1 input hashes as it did.
  ...(input.conflicts
    ? {
        conflicts: [...input.conflicts].sort((a, b) => a.enterpriseId - b.enterpriseId || a.officerId - b.officerId),
      }
    : {}),
});

export const poolHash = (input: DrawInput, sha256: Sha256) => hex(sha256(utf8(canonicalJson(normalized(input)))));

/** A stream of uniform integers from the seed: SHA-256(seed ‖ counter), eight 32-bit words a block. */
export function randomStream(seed: Uint8Array, sha256: Sha256) {
  let counter = 0;
  let words: number[] = [];
  const next = (): number => {
    if (!words.length) {
      const block = new Uint8Array(seed.length + 4);
      block.set(seed);
      new DataView(block.buffer).setUint32(seed.length, counter++);
      const out = sha256(block);
      const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
      words = Array.from({ length: 8 }, (_, i) => view.getUint32(i * 4));
    }
    return words.shift()!;
  };
  return {
    /** Uniform in [0, n), by rejection: never biased towards small numbers. */
    below(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
      const limit = Math.floor(2 ** 32 / n) * n;
      for (;;) {
        const x = next();
        if (x < limit) return x % n;
      }
    },
  };
}

function shuffled<T>(items: T[], rng: ReturnType<typeof randomStream>): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const pairKey = (enterpriseId: number, a: number, b: number) => `${enterpriseId}:${Math.min(a, b)}-${Math.max(a, b)}`;

/**
 * ceil(N × ratio), with the product rounded to nine places first: 100 × 0.07 is 7.000000000000001 in floating point,
 * and a quota of 8 would be one enterprise too many.
 */
export const yearQuota = (n: number, ratio: number) => Math.ceil(Number((n * ratio).toFixed(9)));

/** What a stratum holds before it is drawn: its members, the year's quota, what this draw takes, who can be taken. */
export interface StratumQuota {
  id: string;
  name: string;
  ratio: number;
  enterprises: number;
  yearQuota: number;
  drawnBefore: number;
  /** The year's quota less what earlier draws took: what this draw takes (all the eligible, if fewer). */
  quota: number;
  /** Members drawn earlier this year, and those at their visit cap. */
  covered: number;
  capped: number;
  eligible: number;
}

/** Each stratum's quota as the draw will take it, shown with the pool before anyone draws. */
export function strataQuotas(input: DrawInput): StratumQuota[] {
  return input.strata.map((st) => {
    const members = input.pool.filter((e) => e.stratum === st.id);
    const year = yearQuota(members.length, st.ratio);
    const covered = members.filter((e) => e.covered).length;
    const capped = members.filter((e) => !e.covered && e.visits >= e.cap).length;
    return {
      id: st.id,
      name: st.name,
      ratio: st.ratio,
      enterprises: members.length,
      yearQuota: year,
      drawnBefore: st.drawnBefore,
      // The year's quota less what earlier draws took: quarterly draws never add up to more than the plan allows.
      quota: Math.max(0, year - st.drawnBefore),
      covered,
      capped,
      eligible: members.length - covered - capped,
    };
  });
}

/** A draw that cannot be made, said by its translation key. */
export class DrawRefused extends Error {
  readonly key: string;
  constructor(key: string) {
    super(key);
    this.key = key;
  }
}

/** The draw itself: a pure function of its input, the witness's value and the hash. */
export function runDraw(input: DrawInput, witnessValue: string, sha256: Sha256): DrawResult {
  if (input.inspectors.length < 2) throw new DrawRefused('plans.draw.fewInspectors');
  // Version 1 knew no conflicts: a record claiming both is not one this draw could have made.
  if (input.version === 1 && input.conflicts) throw new DrawRefused('plans.draw.version');
  const poolSha256 = poolHash(input, sha256);
  const seed = sha256(utf8(`${DRAW_FORMAT}/${input.version}\n${poolSha256}\n${witnessValue}`));
  const rng = randomStream(seed, sha256);
  const { pool: byId, inspectors } = normalized(input);
  const excluded: DrawResult['excluded'] = [];
  const strata: DrawResult['strata'] = [];
  const drawn: DrawPoolEntry[] = [];
  const quotas = new Map(strataQuotas(input).map((q) => [q.id, q.quota]));
  for (const st of input.strata) {
    const members = byId.filter((e) => e.stratum === st.id);
    const quota = quotas.get(st.id)!;
    const eligible = members.filter((e) => {
      const reason = e.covered ? 'covered' : e.visits >= e.cap ? 'cap' : null;
      if (reason) excluded.push({ enterpriseId: e.enterpriseId, reason });
      return !reason;
    });
    const taken = eligible.length <= quota ? eligible : shuffled(eligible, rng).slice(0, quota);
    drawn.push(...taken);
    strata.push({
      id: st.id,
      name: st.name,
      ratio: st.ratio,
      enterprises: members.length,
      quota,
      eligible: eligible.length,
      drawn: taken.length,
      short: quota - taken.length,
    });
  }
  const recent = new Set(input.recentPairs.map((p) => pairKey(p.enterpriseId, ...p.officerIds)));
  const conflicted = new Set((input.conflicts ?? []).map((c) => `${c.enterpriseId}:${c.officerId}`));
  const picks = drawn.map((e) => {
    // The shuffle is drawn whole before those in conflict are set aside: the stream is used the same either way.
    const order = shuffled(inspectors, rng).filter((o) => !conflicted.has(`${e.enterpriseId}:${o.officerId}`));
    if (order.length < 2) throw new DrawRefused('plans.draw.conflictsLeaveTooFew');
    let pair: [number, number] | null = null;
    for (let i = 0; i < order.length && !pair; i++)
      for (let j = i + 1; j < order.length && !pair; j++)
        if (!recent.has(pairKey(e.enterpriseId, order[i].officerId, order[j].officerId)))
          pair = [order[i].officerId, order[j].officerId];
    // Every pair went there lately (a squad of two): the first, said so.
    const repeatedPair = !pair;
    pair ??= [order[0].officerId, order[1].officerId];
    return { enterpriseId: e.enterpriseId, name: e.name, stratum: e.stratum, officerIds: pair, repeatedPair };
  });
  return { poolSha256, seed: hex(seed), strata, picks, excluded };
}

/** A draw as kept and handed out: everything needed to re-run it, and what it gave. */
export interface DrawRecord {
  format?: 'desk-draw-record';
  id: number;
  planYear: number;
  label: string;
  input: DrawInput;
  witnessValue: string;
  witnessName: string;
  operator: string;
  drawnAt: string;
  result: DrawResult;
  resultSha256: string;
}

export const resultHash = (result: DrawResult, sha256: Sha256) => hex(sha256(utf8(canonicalJson(result))));

/**
 * Re-runs a recorded draw from its input and the witness's value alone and compares: the pool's hash, the result and
 * its hash must all come out as recorded. Each difference is named.
 */
export function verifyDraw(record: DrawRecord, sha256: Sha256): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  // A record as handed out says its format; a line of a package's draws.jsonl is the same record without it.
  if (record.format !== undefined && record.format !== 'desk-draw-record') problems.push('format');
  if (record.input?.format !== DRAW_FORMAT || !DRAW_VERSIONS.includes(record.input?.version))
    problems.push('input.version');
  if (problems.length) return { ok: false, problems };
  let again: DrawResult;
  try {
    again = runDraw(record.input, record.witnessValue, sha256);
  } catch (e) {
    return { ok: false, problems: [`input: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (again.poolSha256 !== record.result.poolSha256) problems.push('poolSha256');
  if (again.seed !== record.result.seed) problems.push('seed');
  if (canonicalJson(again.picks) !== canonicalJson(record.result.picks)) problems.push('picks');
  if (canonicalJson(again.strata) !== canonicalJson(record.result.strata)) problems.push('strata');
  if (canonicalJson(again.excluded) !== canonicalJson(record.result.excluded)) problems.push('excluded');
  if (resultHash(record.result, sha256) !== record.resultSha256) problems.push('resultSha256');
  return { ok: problems.length === 0, problems };
}
