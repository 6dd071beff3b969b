import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  type DrawInput,
  type DrawRecord,
  DrawRefused,
  randomStream,
  resultHash,
  runDraw,
  type Sha256,
  verifyDraw,
  yearQuota,
} from '../../../shared/domain/plans/draw.ts';

import { DATA_FILES, PackageIndex } from '../../../shared/domain/package-checks.ts';

const sha256: Sha256 = (b) => new Uint8Array(createHash('sha256').update(b).digest());

const entry = (id: number, stratum: string, over: Partial<DrawInput['pool'][number]> = {}) => ({
  enterpriseId: id,
  name: `企业${id}`,
  stratum,
  visits: 0,
  cap: 6,
  covered: false,
  ...over,
});

const INPUT: DrawInput = {
  format: 'desk-draw',
  version: 1,
  year: 2026,
  label: '2026年第四季度双随机抽查',
  strata: [
    { id: 'a', name: '较大风险', ratio: 0.25, drawnBefore: 0 },
    { id: 'b', name: '一般风险', ratio: 0.5, drawnBefore: 0 },
  ],
  pool: [
    ...Array.from({ length: 20 }, (_, i) => entry(i + 1, 'a')),
    ...Array.from({ length: 10 }, (_, i) => entry(i + 101, 'b')),
  ],
  inspectors: [1, 2, 3, 4, 5].map((id) => ({ officerId: id, name: `执法人员${id}` })),
  recentPairs: [],
};

describe('the 双随机 draw', () => {
  it('is the same draw from the same input and value, byte for byte, and another from another value', () => {
    const one = runDraw(INPUT, '20261125-福彩3D-417', sha256);
    expect(JSON.stringify(runDraw(structuredClone(INPUT), '20261125-福彩3D-417', sha256))).toBe(JSON.stringify(one));
    // The pool's order as given does not matter: it is drawn sorted by id.
    expect(runDraw({ ...INPUT, pool: [...INPUT.pool].reverse() }, '20261125-福彩3D-417', sha256).picks).toEqual(
      one.picks,
    );
    const other = runDraw(INPUT, '20261125-福彩3D-418', sha256);
    expect(other.seed).not.toBe(one.seed);
    expect(other.picks.map((p) => p.enterpriseId)).not.toEqual(one.picks.map((p) => p.enterpriseId));
    // Pinned: a change of the algorithm would make every recorded draw fail its verification.
    expect(one.poolSha256).toBe('4e4290c98ec6e3436734b575880c0f82a7aa90362a7e36f97a5cfa192603dc02');
    expect(one.seed).toBe(sha256Hex(`desk-draw/1\n${one.poolSha256}\n20261125-福彩3D-417`));
    expect(one.picks.map((p) => [p.enterpriseId, ...p.officerIds])).toEqual([
      [6, 2, 3],
      [11, 3, 1],
      [15, 4, 5],
      [12, 3, 1],
      [18, 3, 4],
      [102, 3, 5],
      [108, 4, 1],
      [107, 3, 4],
      [109, 1, 4],
      [110, 2, 3],
    ]);
    expect(one.strata).toEqual([
      { id: 'a', name: '较大风险', ratio: 0.25, enterprises: 20, quota: 5, eligible: 20, drawn: 5, short: 0 },
      { id: 'b', name: '一般风险', ratio: 0.5, enterprises: 10, quota: 5, eligible: 10, drawn: 5, short: 0 },
    ]);
    expect(new Set(one.picks.map((p) => p.enterpriseId)).size).toBe(10);
    for (const p of one.picks) expect(p.officerIds[0]).not.toBe(p.officerIds[1]);
  });

  it('selects each enterprise as often as its stratum’s ratio says, over many seeds', () => {
    const counts = new Map<number, number>();
    const officerCounts = new Map<number, number>();
    const SEEDS = 2000;
    for (let s = 0; s < SEEDS; s++)
      for (const p of runDraw(INPUT, `seed-${s}`, sha256).picks) {
        counts.set(p.enterpriseId, (counts.get(p.enterpriseId) ?? 0) + 1);
        for (const o of p.officerIds) officerCounts.set(o, (officerCounts.get(o) ?? 0) + 1);
      }
    // Binomial: n = 2000, p = 0.25 (σ ≈ 19.4) or 0.5 (σ ≈ 22.4); five σ either side. The seeds are fixed, so this
    // is the same answer on every run, not a chance of failing.
    for (const e of INPUT.pool) {
      const p = e.stratum === 'a' ? 0.25 : 0.5;
      const sigma = Math.sqrt(SEEDS * p * (1 - p));
      expect(Math.abs(counts.get(e.enterpriseId)! - SEEDS * p), `enterprise ${e.enterpriseId}`).toBeLessThan(5 * sigma);
    }
    // Ten picks, two officers each, five officers: 4 of every 10 visits each (σ ≈ √(20000 × 0.4 × 0.6) ≈ 69).
    for (const [, n] of officerCounts) expect(Math.abs(n - 8000)).toBeLessThan(5 * 69.3);
  });

  it('leaves out enterprises at their cap or covered elsewhere, and takes a short stratum whole, saying so', () => {
    const input: DrawInput = {
      ...INPUT,
      pool: [
        entry(1, 'a', { visits: 6 }),
        entry(2, 'a', { covered: true }),
        entry(3, 'a'),
        entry(4, 'a'),
        ...Array.from({ length: 4 }, (_, i) => entry(i + 101, 'b', { visits: i < 3 ? 6 : 0 })),
      ],
    };
    const r = runDraw(input, 'x', sha256);
    expect(r.excluded).toEqual([
      { enterpriseId: 1, reason: 'cap' },
      { enterpriseId: 2, reason: 'covered' },
      { enterpriseId: 101, reason: 'cap' },
      { enterpriseId: 102, reason: 'cap' },
      { enterpriseId: 103, reason: 'cap' },
    ]);
    expect(r.strata.map((s) => [s.id, s.enterprises, s.quota, s.eligible, s.drawn, s.short])).toEqual([
      ['a', 4, 1, 2, 1, 0],
      ['b', 4, 2, 1, 1, 1],
    ]);
    expect(r.picks.map((p) => p.enterpriseId)).toContain(104);
  });

  it('does not send the same pair to an enterprise it went to lately, unless no other pair is left', () => {
    const input: DrawInput = {
      ...INPUT,
      strata: [{ id: 'b', name: '一般风险', ratio: 1, drawnBefore: 0 }],
      pool: [entry(101, 'b')],
      inspectors: [1, 2, 3].map((id) => ({ officerId: id, name: `执法人员${id}` })),
      recentPairs: [
        { enterpriseId: 101, officerIds: [2, 1] },
        { enterpriseId: 101, officerIds: [1, 3] },
      ],
    };
    for (let s = 0; s < 50; s++) {
      const [pick] = runDraw(input, `s${s}`, sha256).picks;
      expect([...pick.officerIds].sort()).toEqual([2, 3]);
      expect(pick.repeatedPair).toBe(false);
    }
    const two = runDraw(
      { ...input, inspectors: input.inspectors.slice(0, 2), recentPairs: [{ enterpriseId: 101, officerIds: [1, 2] }] },
      's',
      sha256,
    );
    expect(two.picks[0].repeatedPair).toBe(true);
    expect(() => runDraw({ ...input, inspectors: input.inspectors.slice(0, 1) }, 's', sha256)).toThrow(DrawRefused);
  });

  it('never sends an officer to an enterprise he withdrew from (回避), and a version 1 record re-runs as drawn', () => {
    const input: DrawInput = {
      ...INPUT,
      version: 2,
      conflicts: [
        { enterpriseId: 6, officerId: 2 },
        { enterpriseId: 6, officerId: 3 },
        { enterpriseId: 102, officerId: 5 },
      ],
    };
    for (let s = 0; s < 40; s++) {
      const picks = runDraw(input, `s${s}`, sha256).picks;
      for (const p of picks) {
        if (p.enterpriseId === 6) expect(p.officerIds.filter((o) => o === 2 || o === 3)).toEqual([]);
        if (p.enterpriseId === 102) expect(p.officerIds).not.toContain(5);
      }
    }
    // The version is in the seed: the same pool under version 2 is another draw, and each re-runs as its own.
    const v2 = runDraw({ ...INPUT, version: 2, conflicts: [] }, '20261125-福彩3D-417', sha256);
    expect(v2.seed).toBe(sha256Hex(`desk-draw/2\n${v2.poolSha256}\n20261125-福彩3D-417`));
    // Enough officers set aside that no pair is left for an enterprise: refused, not drawn with one in conflict.
    const all = [1, 2, 3, 4].map((officerId) => ({ enterpriseId: 101, officerId }));
    expect(() =>
      runDraw(
        {
          ...input,
          strata: [{ id: 'b', name: '一般风险', ratio: 1, drawnBefore: 0 }],
          pool: [entry(101, 'b')],
          conflicts: all,
        },
        's',
        sha256,
      ),
    ).toThrow(DrawRefused);
    const record = (i: DrawInput): DrawRecord => {
      const result = runDraw(i, 'w-2026-11-25', sha256);
      return {
        id: 1,
        planYear: 2026,
        label: i.label,
        input: i,
        witnessValue: 'w-2026-11-25',
        witnessName: '刘强',
        operator: '管理员',
        drawnAt: '2026-11-25T02:00:00.000Z',
        result,
        resultSha256: resultHash(result, sha256),
      };
    };
    expect(verifyDraw(record(INPUT), sha256)).toEqual({ ok: true, problems: [] });
    expect(verifyDraw(record(input), sha256)).toEqual({ ok: true, problems: [] });
  });

  it('takes what is left of the year’s quota: draws through the year add up to the plan, never more', () => {
    const later = runDraw(
      {
        ...INPUT,
        strata: [
          { ...INPUT.strata[0], drawnBefore: 3 },
          { ...INPUT.strata[1], drawnBefore: 5 },
        ],
      },
      'x',
      sha256,
    );
    expect(later.strata.map((s) => [s.quota, s.drawn])).toEqual([
      [2, 2],
      [0, 0],
    ]);
  });

  it('counts the quota as a person would: ceil(100 × 7%) is 7, not 8', () => {
    expect(yearQuota(100, 0.07)).toBe(7);
    expect(yearQuota(50, 0.14)).toBe(7);
    expect(yearQuota(25, 0.28)).toBe(7);
    expect(yearQuota(11, 0.2)).toBe(3);
    expect(yearQuota(0, 0.5)).toBe(0);
  });

  it('re-runs a record handed out, or the same line of a package (without its format), and names what differs', () => {
    const result = runDraw(INPUT, 'witness-value', sha256);
    const record: DrawRecord = {
      format: 'desk-draw-record',
      id: 1,
      planYear: 2026,
      label: INPUT.label,
      input: INPUT,
      witnessValue: 'witness-value',
      witnessName: '刘强',
      operator: '张明',
      drawnAt: '2026-11-25T06:00:00.000Z',
      result,
      resultSha256: resultHash(result, sha256),
    };
    expect(verifyDraw(record, sha256)).toEqual({ ok: true, problems: [] });
    const { format: _f, ...line } = record;
    expect(verifyDraw(JSON.parse(JSON.stringify(line)) as DrawRecord, sha256).ok).toBe(true);
    expect(verifyDraw({ ...record, witnessValue: 'witness-valuf' }, sha256).problems).toEqual(['seed', 'picks']);
    // A key left undefined is not part of the canonical form, as JSON.stringify leaves it out.
    expect(canonicalJson({ b: 1, a: undefined, c: [2, { z: 1, y: null }] })).toBe('{"b":1,"c":[2,{"y":null,"z":1}]}');
  });

  it('draws numbers below n without bias, and refuses what is not a count', () => {
    const rng = randomStream(new Uint8Array(32), sha256);
    const seen = [0, 0, 0];
    for (let i = 0; i < 3000; i++) seen[rng.below(3)]++;
    for (const n of seen) expect(Math.abs(n - 1000)).toBeLessThan(5 * Math.sqrt(3000 * (1 / 3) * (2 / 3)));
    expect(() => rng.below(0)).toThrow(RangeError);
    expect(() => rng.below(1.5)).toThrow(RangeError);
  });

  it('is re-run by the package check as the receiving side would: a line altered after the draw is caught', () => {
    const result = runDraw(INPUT, 'w-2026-11-25', sha256);
    const line = {
      id: 1,
      planYear: 2026,
      label: INPUT.label,
      input: INPUT,
      witnessValue: 'w-2026-11-25',
      witnessName: '刘强',
      operator: '管理员',
      drawnAt: '2026-11-25T02:00:00.000Z',
      result,
      resultSha256: resultHash(result, sha256),
    };
    expect(new PackageIndex({ sha256 }).line(DATA_FILES.draws, 1, JSON.stringify(line))).toBeNull();
    const swapped = structuredClone(line);
    swapped.result.picks[0].enterpriseId = 999;
    expect(new PackageIndex({ sha256 }).line(DATA_FILES.draws, 1, JSON.stringify(swapped))).toMatchObject({
      code: 'hash-mismatch',
      record: { entity: 'draws', id: 1 },
      detail: 'picks, resultSha256',
    });
    // Without the digest function (a check that only reads the schema), the line is only a record.
    expect(new PackageIndex().line(DATA_FILES.draws, 1, JSON.stringify(swapped))).toBeNull();
  });
});

function sha256Hex(s: string) {
  return createHash('sha256').update(s).digest('hex');
}
