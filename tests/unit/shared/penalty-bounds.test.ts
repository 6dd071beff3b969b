import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  amountIssues,
  type Band,
  basisMissing,
  type FineFacts,
  statutoryRange,
} from '../../../shared/domain/discretion.ts';
import type { ViolationStage } from '../../../shared/entities/discretion.ts';
import { type FineRange, penaltyCatalogue } from '../../../shared/entities/penalty-article.ts';
import { LAW_TABLE, type LawRow } from '../../support/penalty-law.ts';

/**
 * The amount check at the edges of every lawful range, generated from the statute's own bounds
 * (tests/support/penalty-law.ts, not from the catalogue under test): for every item, stage and party,
 * and for the facts an article measures by (违法所得 below, at and above its threshold; 上一年年收入), the
 * lowest and highest lawful fines are accepted and one yuan outside is refused. No lawful penalty is
 * refused, no unlawful one accepted.
 */
const catalogue = penaltyCatalogue.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/penalty-articles.json'), 'utf8'),
  ),
);
const item = (id: string) => catalogue.items.find((i) => i.id === id)!;
const band = (r: FineRange): Band | null => (r && r.max !== null ? { min: r.min ?? 0, max: r.max } : null);

interface Case {
  name: string;
  id: string;
  party: 'unit' | 'person';
  stage: ViolationStage;
  facts: FineFacts;
  /** The lawful range by the statute; null: no fine may be set (or, with `needs`, not until the fact is known). */
  lawful: Band | null;
  needs?: 'income' | 'gains';
}

function casesOf(row: LawRow): Case[] {
  const out: Case[] = [];
  const add = (c: Omit<Case, 'id'>) => out.push({ ...c, id: row.id });
  for (const party of ['unit', 'person'] as const) {
    for (const stage of ['overdue', 'refusal'] as const)
      add({ name: `${stage}, ${party}`, party, stage, facts: {}, lawful: band(row.overdue?.[party] ?? null) });
  }
  if (row.unitGains) {
    const { threshold, minTimes, maxTimes } = row.unitGains;
    const fixed = band(row.first.unit);
    add({
      name: 'first, unit, gains not established',
      party: 'unit',
      stage: 'first',
      facts: {},
      lawful: null,
      needs: 'gains',
    });
    add({ name: 'first, unit, no gains', party: 'unit', stage: 'first', facts: { gains: 0 }, lawful: fixed });
    add({
      name: 'first, unit, gains below',
      party: 'unit',
      stage: 'first',
      facts: { gains: threshold - 1 },
      lawful: fixed,
    });
    for (const gains of [threshold, threshold + 50000, 1234567])
      add({
        name: `first, unit, gains ${gains}`,
        party: 'unit',
        stage: 'first',
        facts: { gains },
        lawful: { min: gains * minTimes, max: gains * maxTimes },
      });
  } else add({ name: 'first, unit', party: 'unit', stage: 'first', facts: {}, lawful: band(row.first.unit) });
  if (row.personIncome) {
    const { minPercent, maxPercent } = row.personIncome;
    add({
      name: 'first, person, no income',
      party: 'person',
      stage: 'first',
      facts: {},
      lawful: null,
      needs: 'income',
    });
    for (const income of [200000, 350000])
      add({
        name: `first, person, income ${income}`,
        party: 'person',
        stage: 'first',
        facts: { income },
        lawful: { min: (income * minPercent) / 100, max: (income * maxPercent) / 100 },
      });
  } else add({ name: 'first, person', party: 'person', stage: 'first', facts: {}, lawful: band(row.first.person) });
  return out;
}

const check = (c: Case, amount: number) => {
  const it = item(c.id);
  return amountIssues({
    tier: 'general',
    amount,
    statutory: statutoryRange(it, c.party, c.stage, c.facts),
    path: ['fine'],
    missing: basisMissing(it, c.party, c.stage, c.facts),
  }).map((i) => i.key);
};

const all = LAW_TABLE.flatMap(casesOf);

describe('the amount check at the edges of every statutory range', () => {
  it('covers every item of the catalogue', () => {
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(catalogue.items.map((i) => i.id)));
    expect(all.filter((c) => c.lawful).length).toBeGreaterThan(100);
  });

  it.each(all.map((c) => [`${c.id}: ${c.name}`, c] as const))('%s', (_name, c) => {
    if (c.needs) {
      // Mandatory fines: neither an amount nor none at all until the fact is recorded.
      for (const amount of [0, 1, 100000]) expect(check(c, amount)).toEqual([`cases.rules.${c.needs}Required`]);
      return;
    }
    if (!c.lawful) {
      expect(check(c, 1)).toEqual(['cases.rules.noStatutoryFine']);
      return;
    }
    const { min, max } = c.lawful;
    expect(check(c, Math.ceil(min)), 'the lowest lawful fine').toEqual([]);
    expect(check(c, Math.floor(max)), 'the highest lawful fine').toEqual([]);
    expect(check(c, Math.floor(max) + 1), 'one yuan above').toEqual(['cases.rules.aboveStatutoryMax']);
    if (min > 0) expect(check(c, Math.ceil(min) - 1), 'one yuan below').toEqual(['cases.rules.belowStatutoryMin']);
  });
});
