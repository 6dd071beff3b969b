import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  amountIssues,
  basisMissing,
  benchmarkInForce,
  confiscationIssues,
  proposeDiscretion,
  statutoryRange,
} from '../../../shared/domain/discretion.ts';
import { discretionBenchmark } from '../../../shared/entities/discretion.ts';
import { penaltyCatalogue } from '../../../shared/entities/penalty-article.ts';

const knowledge = path.resolve(import.meta.dirname, '../../../resources/knowledge');
const penalties = penaltyCatalogue.parse(
  JSON.parse(fs.readFileSync(path.join(knowledge, 'penalty-articles.json'), 'utf8')),
).items;
const example = discretionBenchmark.parse(
  JSON.parse(fs.readFileSync(path.join(knowledge, 'discretion/example-national.json'), 'utf8')),
);
const item = (id: string) => penalties.find((p) => p.id === id)!;
const entry = (id: string, circumstance: string) =>
  example.entries.find((e) => e.penaltyItemId === id && e.circumstance === circumstance)!;

describe('the bundled example benchmark', () => {
  it('is labelled 示例 and names only penalty items the knowledge base has, within their statutory ranges', () => {
    expect(example.example).toBe(true);
    expect(example.name).toContain('示例');
    for (const e of example.entries) {
      const p = item(e.penaltyItemId);
      expect(p, e.penaltyItemId).toBeDefined();
      for (const party of ['unit', 'person'] as const) {
        const band = party === 'unit' ? e.unitFine : e.personFine;
        if (!band) continue;
        const range = statutoryRange(p, party, e.stage);
        expect(range, `${e.penaltyItemId} ${e.stage} ${party}`).not.toBeNull();
        expect(band.min ?? 0).toBeGreaterThanOrEqual(range!.min);
        expect(band.max!).toBeLessThanOrEqual(range!.max);
      }
    }
  });
});

describe('the discretion helper (行政处罚法 第三十二、三十三条)', () => {
  const base = { item: item('aqsc-102'), party: 'unit' as const, stage: 'first' as const, benchmark: example };
  it.each([
    // No circumstances: the benchmark row's band (一般).
    [[], '一般事故隐患未采取措施消除', 'general', { min: 10000, max: 30000 }],
    // 从轻: the lower half of the row; 从重: the upper half; both: 一般, to be weighed in the reasoning.
    [['removed-harm'], '一般事故隐患未采取措施消除', 'lighter', { min: 10000, max: 20000 }],
    [['repeat'], '一般事故隐患未采取措施消除', 'heavier', { min: 20000, max: 30000 }],
    [['removed-harm', 'repeat'], '一般事故隐患未采取措施消除', 'general', { min: 10000, max: 30000 }],
    // 不予处罚 beats everything; 首违不罚 is offered.
    [['minor-corrected', 'repeat'], null, 'no-penalty', null],
    [['first-minor'], null, 'waived', null],
    // No benchmark row: the statutory range (0–50,000 元) in thirds.
    [[], null, 'general', { min: 16667, max: 33333 }],
    [['confessed'], null, 'lighter', { min: 0, max: 16667 }],
  ])('%j with row %s proposes %s %j', (ids, circumstance, tier, band) => {
    const p = proposeDiscretion({
      ...base,
      entry: circumstance ? entry('aqsc-102', circumstance) : null,
      circumstanceIds: ids as string[],
    });
    expect(p).toMatchObject({ tier, band, statutory: { min: 0, max: 50000 }, uncertain: true });
  });

  it('goes below the statutory minimum only as 减轻 with a 第三十二条 circumstance', () => {
    const p = proposeDiscretion({
      item: item('aqsc-109'),
      party: 'unit',
      stage: 'first',
      benchmark: example,
      entry: null,
      circumstanceIds: ['meritorious'],
      reduce: true,
    });
    expect(p).toMatchObject({
      tier: 'reduced',
      band: { min: 0, max: 50000 },
      bases: ['《中华人民共和国行政处罚法》第三十二条第（四）项'],
    });
    const statutory = statutoryRange(item('aqsc-109'), 'unit', 'first');
    expect(amountIssues({ tier: 'general', amount: 40000, statutory, path: ['fine'] })).toEqual([
      { path: ['fine'], key: 'cases.rules.belowStatutoryMin', params: { min: 50000 } },
    ]);
    expect(amountIssues({ tier: 'reduced', amount: 40000, statutory, path: ['fine'], mitigated: true })).toEqual([]);
    // The tier alone is not a ground: without a 第三十二条 circumstance 减轻 is refused.
    expect(amountIssues({ tier: 'reduced', amount: 40000, statutory, path: ['violations', 0, 'fine'] })).toEqual([
      { path: ['violations', 0, 'tier'], key: 'cases.rules.reducedNeedsGround' },
    ]);
    // Nothing is below a floor of 5万 too, unless reduced.
    expect(amountIssues({ tier: 'general', amount: 0, statutory, path: ['fine'] })[0].key).toBe(
      'cases.rules.belowStatutoryMin',
    );
    expect(amountIssues({ tier: 'heavier', amount: 100001, statutory, path: ['fine'] })).toEqual([
      { path: ['fine'], key: 'cases.rules.aboveStatutoryMax', params: { max: 100000 } },
    ]);
    expect(amountIssues({ tier: 'waived', amount: 1, statutory, path: ['fine'] })[0].key).toBe(
      'cases.rules.noFineWhenNotPenalised',
    );
  });

  it('uses the ranges for a party that did not correct in time, and knows when the article sets no fine', () => {
    expect(statutoryRange(item('aqsc-99-1'), 'unit', 'overdue')).toEqual({ min: 50000, max: 200000 });
    expect(statutoryRange(item('aqsc-102'), 'unit', 'refusal')).toBeNull();
    expect(statutoryRange(item('aqsc-102'), 'person', 'refusal')).toEqual({ min: 50000, max: 100000 });
    expect(amountIssues({ tier: 'general', amount: 1000, statutory: null, path: ['fine'] })[0].key).toBe(
      'cases.rules.noStatutoryFine',
    );
  });

  it('measures a fine by 违法所得 at or above the threshold, and by the fixed range below it', () => {
    const sublet = item('aqsc-103-k1');
    expect(statutoryRange(sublet, 'unit', 'first', { gains: 150000 })).toEqual({ min: 300000, max: 750000 });
    expect(statutoryRange(sublet, 'unit', 'first', { gains: 100000 })).toEqual({ min: 200000, max: 500000 });
    expect(statutoryRange(sublet, 'unit', 'first', { gains: 99999 })).toEqual({ min: 100000, max: 200000 });
    expect(statutoryRange(sublet, 'unit', 'first', { gains: 0 })).toEqual({ min: 100000, max: 200000 });
    // Not established is not "none": the gains must be recorded (0 when the investigation found none).
    expect(basisMissing(sublet, 'unit', 'first', {})).toBe('gains');
    expect(basisMissing(sublet, 'unit', 'first', { gains: 0 })).toBeNull();
    expect(basisMissing(sublet, 'unit', 'overdue', {})).toBeNull();
    // Confiscation: ordered whenever gains were found, and only then.
    expect(confiscationIssues(sublet, { gains: 150000, measures: [] }, ['m'])).toEqual([
      { path: ['m'], key: 'cases.rules.confiscationRequired' },
    ]);
    expect(confiscationIssues(sublet, { gains: 150000, measures: ['没收违法所得'] }, ['m'])).toEqual([]);
    expect(confiscationIssues(sublet, { gains: 0, measures: ['没收违法所得'] }, ['m'])).toEqual([
      { path: ['m'], key: 'cases.rules.confiscationWithoutGains' },
    ]);
    expect(confiscationIssues(sublet, { gains: 0, measures: [] }, ['m'])).toEqual([]);
    // The persons' fine is fixed whatever the gains.
    expect(statutoryRange(sublet, 'person', 'first', { gains: 150000 })).toEqual({ min: 10000, max: 20000 });
  });

  it('measures a fine by 上一年年收入, in whole yuan, and says when the income is missing', () => {
    const fled = item('aqsc-110-k1');
    expect(statutoryRange(fled, 'person', 'first', { income: 200000 })).toEqual({ min: 120000, max: 200000 });
    expect(statutoryRange(fled, 'person', 'first', {})).toBeNull();
    expect(basisMissing(fled, 'person', 'first', {})).toBe('income');
    expect(basisMissing(fled, 'person', 'first', { income: 0 })).toBeNull();
    // 一般事故: exactly 40%; a share between two yuan allows the nearest.
    expect(statutoryRange(item('aqsc-95-1'), 'person', 'first', { income: 123457 })).toEqual({
      min: 49383,
      max: 49383,
    });
    expect(
      amountIssues({
        tier: 'general',
        amount: 150000,
        statutory: null,
        path: ['violations', 0, 'fine'],
        missing: 'income',
      }),
    ).toEqual([{ path: ['violations', 0, 'income'], key: 'cases.rules.incomeRequired' }]);
    // The fine is mandatory: leaving it at 0 does not get round the missing income.
    expect(
      amountIssues({ tier: 'general', amount: 0, statutory: null, path: ['violations', 0, 'fine'], missing: 'income' }),
    ).toEqual([{ path: ['violations', 0, 'income'], key: 'cases.rules.incomeRequired' }]);
  });

  it('prefers an imported benchmark in force over the example', () => {
    const imported = { ...example, id: 'sichuan-2025', example: false, effectiveFrom: '2025-03-01' };
    expect(benchmarkInForce([example, imported], '2026-11-22')?.id).toBe('sichuan-2025');
    expect(benchmarkInForce([example, imported], '2025-01-01')?.id).toBe('example-national');
  });
});
