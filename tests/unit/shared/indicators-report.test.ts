import { describe, expect, it } from 'vitest';
import {
  baseSlot,
  monthsOf,
  periodKind,
  periodOf,
  previousPeriod,
  sameLastYear,
  yearToDate,
} from '../../../shared/domain/indicators/periods.ts';
import { checkTarget, growth } from '../../../shared/domain/indicators/targets.ts';
import { groupsOf, sectorOf } from '../../../shared/domain/indicators/breakdown.ts';
import { assembleFigures, changeOf } from '../../../shared/domain/indicators/report.ts';
import { reportRules, reportTarget } from '../../../shared/entities/report-rules.ts';
import type { RecordOf } from '../../../shared/entities/exports/records.ts';
import type { IndicatorValue } from '../../../shared/domain/indicators/values.ts';
import fs from 'node:fs';
import path from 'node:path';

const rules = reportRules.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/report-rules.json'), 'utf8'),
  ),
);

describe('report periods', () => {
  it('knows a whole month, quarter and year, and anything else is custom', () => {
    expect(periodKind({ from: '2026-02-01', to: '2026-02-28' })).toBe('month');
    expect(periodKind({ from: '2026-10-01', to: '2026-12-31' })).toBe('quarter');
    expect(periodKind({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(periodKind({ from: '2026-02-01', to: '2026-04-30' })).toBe('custom');
    expect(periodKind({ from: '2026-10-01', to: '2026-11-25' })).toBe('custom');
    expect(periodOf('quarter', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('compares with the same days last year (同比) and the period before (环比)', () => {
    // A leap February stays whole a year back.
    expect(sameLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(sameLastYear({ from: '2028-02-10', to: '2028-02-29' })).toEqual({ from: '2027-02-10', to: '2027-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // A custom run of 10 days: the 10 days before.
    expect(previousPeriod({ from: '2026-11-11', to: '2026-11-20' })).toEqual({ from: '2026-11-01', to: '2026-11-10' });
    expect(yearToDate({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('keys entered base figures by quarter or year only', () => {
    expect(baseSlot({ from: '2025-10-01', to: '2025-12-31' })).toEqual({ year: 2025, quarter: 4 });
    expect(baseSlot({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ year: 2025, quarter: 0 });
    expect(baseSlot({ from: '2025-10-01', to: '2025-10-31' })).toBeNull();
    expect(monthsOf(2026)[1]).toEqual({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
  });
});

describe('report targets', () => {
  const target = (t: Record<string, unknown>) => reportTarget.parse({ basis: '', ...t });

  it('holds a minimum to the period, an annual one to the year so far, pending until its day', () => {
    const onDuty = target({ indicator: 'officers-on-duty', kind: 'min', value: 90 });
    const after = '2027-01-15';
    const figures = (period: number | null, yearToDate: number | null = null) => ({
      period,
      yearToDate,
      lastYear: null,
    });
    expect(checkTarget(onDuty, figures(89.9), '2026-03-31', after).status).toBe('missed');
    expect(checkTarget(onDuty, figures(90), '2026-03-31', after).status).toBe('met');
    // The quarter still running on 03-20: not missed yet.
    expect(checkTarget(onDuty, figures(89.9), '2026-03-31', '2026-03-20').status).toBe('pending');
    expect(checkTarget(onDuty, figures(89.9), '2026-03-31', '2026-03-31').status).toBe('missed');
    const transfer = target({ indicator: 'transfers', kind: 'min', value: 1, annual: true, due: '10-31' });
    // Q3 looked at after it ended, but before the end of October: the year still has time.
    expect(checkTarget(transfer, figures(0, 0), '2026-09-30', '2026-10-10')).toMatchObject({
      status: 'pending',
      actual: 0,
    });
    expect(checkTarget(transfer, figures(0, 0), '2026-09-30', '2026-11-02').status).toBe('missed');
    expect(checkTarget(transfer, figures(0, 0), '2026-12-31', after).status).toBe('missed');
    expect(checkTarget(transfer, figures(0, 1), '2026-12-31', after).status).toBe('met');
    expect(checkTarget(onDuty, figures(null), '2026-12-31', after).status).toBe('none');
  });

  it('holds a 同比 target to the growth, with nothing to say without last year', () => {
    const up = target({ indicator: 'inspections', kind: 'yoy', op: '>', value: 0 });
    const after = '2027-01-15';
    expect(checkTarget(up, { period: 44, yearToDate: null, lastYear: 40 }, '2026-12-31', after)).toMatchObject({
      status: 'met',
      actual: 10,
    });
    expect(checkTarget(up, { period: 40, yearToDate: null, lastYear: 40 }, '2026-12-31', after).status).toBe('missed');
    expect(checkTarget(up, { period: 30, yearToDate: null, lastYear: 40 }, '2026-12-31', '2026-11-25').status).toBe(
      'pending',
    );
    expect(checkTarget(up, { period: 40, yearToDate: null, lastYear: null }, '2026-12-31', after).status).toBe('none');
    expect(growth(3, 0)).toBeNull();
    expect(growth(1, 3)).toBe(-66.7);
    // A share changes by points, not per cent.
    expect(changeOf('ratio', 95.5, 90)).toBe(5.5);
    expect(changeOf('count', 30, 20)).toBe(50);
  });
});

describe('report breakdowns', () => {
  const e = (id: number, categories: string[], industryCode: string, township: string) =>
    ({ id, name: `企业${id}`, categories, industryCode, township }) as unknown as RecordOf<'enterprises'>;

  it('puts an enterprise under the first sector of its categories, and 工贸 under a sub-sector by its 大类', () => {
    expect(sectorOf(e(1, ['dust', 'hazchem'], '2614', ''), rules.sectors)).toEqual({
      sector: 'hazchem',
      subsector: null,
    });
    expect(sectorOf(e(2, ['dust'], '2021', ''), rules.sectors)).toEqual({ sector: 'trade', subsector: 'trade/light' });
    expect(sectorOf(e(3, ['metallurgy'], '3391', ''), rules.sectors)).toEqual({
      sector: 'trade',
      subsector: 'trade/machinery',
    });
    expect(sectorOf(e(4, ['industry'], '', ''), rules.sectors)).toEqual({ sector: 'trade', subsector: 'trade/' });
    expect(sectorOf(e(5, [], '5211', ''), rules.sectors)).toBeNull();
  });

  it('lists sectors in the rules’ order with their sub-sectors, and townships with the blank one last', () => {
    const enterprises = [
      e(1, ['industry'], '3391', '南坝镇'),
      e(2, ['mine'], '1012', ''),
      e(3, ['industry'], '', '东乡街道'),
      e(4, [], '', '南坝镇'),
    ];
    const sectors = groupsOf('sector', { enterprises, officers: [] }, rules.sectors);
    expect(sectors.map((g) => [g.key, g.parent, [...g.enterprises!]])).toEqual([
      ['mine', null, [2]],
      ['trade', null, [1, 3]],
      ['trade/machinery', 'trade', [1]],
      ['trade/', 'trade', [3]],
      ['', null, [4]],
    ]);
    const towns = groupsOf('township', { enterprises, officers: [] }, rules.sectors);
    expect(towns.map((g) => g.key)).toEqual(['东乡街道', '南坝镇', '']);
  });
});

describe('the report’s figures', () => {
  const count = (id: string, n: number): IndicatorValue => ({
    id,
    version: '1',
    kind: 'count',
    value: n,
    records: Array.from({ length: n }, (_, i) => ({ entity: 'inspections', id: i + 1, label: '' })),
    excluded: [],
  });

  it('compares with entered figures, with the records, or with nothing before the desk’s first record', () => {
    const figures = assembleFigures({
      to: '2026-12-31',
      current: [count('inspections', 30), count('cases-filed', 6)],
      previous: {
        period: { from: '2026-07-01', to: '2026-09-30' },
        values: [count('inspections', 20), count('cases-filed', 3)],
      },
      lastYear: {
        period: { from: '2025-10-01', to: '2025-12-31' },
        values: [count('inspections', 0), count('cases-filed', 0)],
      },
      yearToDate: [],
      entered: new Map([
        ['cases-filed', { value: 4, enteredBy: '管理员', enteredAt: '2026-11-01T00:00:00.000Z', note: '' }],
      ]),
      targets: rules.targets,
      recordedFrom: '2026-08-15',
      asOf: '2027-01-10',
    });
    expect(figures.map((f) => [f.id, f.group, f.value])).toEqual([
      ['inspections', 'inspections', 30],
      ['cases-filed', 'cases', 6],
    ]);
    const [inspections, cases] = figures;
    // 环比 from a quarter the desk began within: partial. 同比: nothing recorded, nothing entered.
    expect(inspections.previous).toEqual({ value: 20, source: 'partial', change: 50 });
    expect(inspections.lastYear).toEqual({ value: null, source: 'none', change: null, entered: null });
    expect(inspections.target).toMatchObject({ status: 'none' });
    expect(cases.lastYear).toMatchObject({ value: 4, source: 'entered', change: 50 });
    expect(cases.target).toMatchObject({ status: 'met', actual: 50 });
  });

  it('lets the records stand over a figure typed for a period they cover, and judges no growth on part of one', () => {
    const base = {
      to: '2027-12-31',
      current: [count('inspections', 30)],
      previous: { period: { from: '2027-07-01', to: '2027-09-30' }, values: [count('inspections', 20)] },
      lastYear: { period: { from: '2026-10-01', to: '2026-12-31' }, values: [count('inspections', 24)] },
      yearToDate: [],
      entered: new Map([
        ['inspections', { value: 40, enteredBy: '管理员', enteredAt: '2027-01-05T00:00:00.000Z', note: '' }],
      ]),
      targets: rules.targets,
      asOf: '2028-01-10',
    };
    // Recorded from before last year's quarter: the 24 counted, not the 40 typed.
    const [whole] = assembleFigures({ ...base, recordedFrom: '2026-08-15' });
    expect(whole.lastYear).toMatchObject({ value: 24, source: 'records', entered: null, change: 25 });
    expect(whole.target).toMatchObject({ status: 'met' });
    // Recorded from within it: the typed figure stands for the whole quarter.
    const [typed] = assembleFigures({ ...base, recordedFrom: '2026-11-02' });
    expect(typed.lastYear).toMatchObject({ value: 40, source: 'entered' });
    // Without one typed, the part counted is shown but no growth is judged on it.
    const [part] = assembleFigures({ ...base, entered: new Map(), recordedFrom: '2026-11-02' });
    expect(part.lastYear).toMatchObject({ value: 24, source: 'partial' });
    expect(part.target).toMatchObject({ status: 'none' });
  });
});
