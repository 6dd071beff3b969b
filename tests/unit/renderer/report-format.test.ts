import { describe, expect, it } from 'vitest';
import type { BreakdownRow, IssuedReport } from '../../../shared/api/channels/reports.ts';
import type { ReportFigure } from '../../../shared/domain/indicators/report.ts';
import type { ReportTarget } from '../../../shared/entities/report-rules.ts';
import {
  baseSlotFor,
  canStepForward,
  changeParts,
  compareState,
  coverageOf,
  defaultPeriod,
  englishMonth,
  figureKey,
  groupDigits,
  issuedFor,
  kindOf,
  periodFromParams,
  periodTitle,
  pieSlices,
  rangeText,
  recordLink,
  reportDateAllowed,
  reportDateFor,
  rowName,
  shortHash,
  stepPeriod,
  switchKind,
  targetParts,
  topLevel,
  valueParts,
  yoyHint,
} from '../../../renderer/src/features/reports/report-format.ts';

describe('统计报表: choosing the period', () => {
  it('opens on the quarter holding today', () => {
    expect(defaultPeriod('2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(defaultPeriod('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('takes the period from the address only when it is two days in order', () => {
    expect(periodFromParams('2026-07-01', '2026-09-30', '2026-11-25')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(periodFromParams('2026-09-30', '2026-07-01', '2026-11-25')).toEqual(defaultPeriod('2026-11-25'));
    expect(periodFromParams('2026-13-01', '2026-12-31', '2026-11-25')).toEqual(defaultPeriod('2026-11-25'));
    expect(periodFromParams(null, '2026-12-31', '2026-11-25')).toEqual(defaultPeriod('2026-11-25'));
  });

  it('switches kind around what is shown: the current month of the current quarter, the last month of a past one', () => {
    const q4 = { from: '2026-10-01', to: '2026-12-31' };
    expect(switchKind('month', q4, '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(switchKind('year', q4, '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    const q3 = { from: '2026-07-01', to: '2026-09-30' };
    expect(switchKind('month', q3, '2026-11-25')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(switchKind('quarter', { from: '2025-01-01', to: '2025-12-31' }, '2026-11-25')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(switchKind('custom', q3, '2026-11-25')).toBe(q3);
  });

  it('steps a period at a time, never into one not yet begun', () => {
    const q4 = { from: '2026-10-01', to: '2026-12-31' };
    expect(stepPeriod(q4, 'quarter', -1)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(stepPeriod({ from: '2026-01-01', to: '2026-03-31' }, 'quarter', -1)).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(stepPeriod({ from: '2024-02-01', to: '2024-02-29' }, 'month', 1)).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(canStepForward(q4, 'quarter', '2026-11-25')).toBe(false);
    expect(canStepForward({ from: '2026-07-01', to: '2026-09-30' }, 'quarter', '2026-11-25')).toBe(true);
    expect(canStepForward({ from: '2026-10-01', to: '2026-10-31' }, 'month', '2026-11-25')).toBe(true);
    expect(canStepForward({ from: '2026-11-01', to: '2026-11-30' }, 'month', '2026-11-25')).toBe(false);
  });

  it('tells a whole month, quarter or year from any other run of days', () => {
    expect(kindOf({ from: '2026-11-01', to: '2026-11-30' })).toBe('month');
    expect(kindOf({ from: '2026-10-01', to: '2026-12-31' })).toBe('quarter');
    expect(kindOf({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(kindOf({ from: '2026-10-08', to: '2026-11-07' })).toBe('custom');
  });
});

describe('统计报表: periods in words', () => {
  it('writes the days in Chinese with the year once when both share it', () => {
    expect(rangeText({ from: '2026-10-01', to: '2026-12-31' }, 'zh-CN')).toBe('2026年10月1日—12月31日');
    expect(rangeText({ from: '2025-12-01', to: '2026-01-31' }, 'zh-CN')).toBe('2025年12月1日—2026年1月31日');
    expect(rangeText({ from: '2026-11-25', to: '2026-11-25' }, 'zh-CN')).toBe('2026年11月25日');
  });

  it('writes them in English as ISO days', () => {
    expect(rangeText({ from: '2026-10-01', to: '2026-12-31' }, 'en')).toBe('2026-10-01 – 2026-12-31');
  });

  it('names the period for its title', () => {
    expect(periodTitle({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(periodTitle({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(periodTitle({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ kind: 'year', year: 2025 });
    expect(periodTitle({ from: '2026-10-08', to: '2026-11-07' })).toEqual({ kind: 'custom' });
    expect(englishMonth(11)).toBe('November');
    expect(englishMonth(1, 'short')).toBe('Jan');
  });
});

describe('统计报表: figures and their changes', () => {
  it('shows counts plain, amounts in yuan with separators, shares with one decimal', () => {
    expect(valueParts('count', 1234)).toEqual({ unit: 'none', number: '1234' });
    expect(valueParts('sum', 1234567)).toEqual({ unit: 'yuan', number: '1,234,567' });
    expect(valueParts('mean', 14000)).toEqual({ unit: 'yuan', number: '14,000' });
    expect(valueParts('ratio', 12.5)).toEqual({ unit: 'percent', number: '12.5' });
    expect(valueParts('rate', 100)).toEqual({ unit: 'percent', number: '100.0' });
    expect(valueParts('quotient', null)).toBeNull();
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(-20000)).toBe('-20,000');
  });

  it('reads a count’s change in per cent and a share’s in points, with its arrow', () => {
    expect(changeParts('count', 33.3)).toEqual({ direction: 'up', arrow: '▲', magnitude: '33.3', unit: 'percent' });
    expect(changeParts('sum', -30)).toEqual({ direction: 'down', arrow: '▼', magnitude: '30.0', unit: 'percent' });
    expect(changeParts('ratio', 2.5)).toEqual({ direction: 'up', arrow: '▲', magnitude: '2.5', unit: 'points' });
    expect(changeParts('rate', -1.6)).toEqual({ direction: 'down', arrow: '▼', magnitude: '1.6', unit: 'points' });
    expect(changeParts('count', 0)).toEqual({ direction: 'flat', arrow: '', magnitude: '0.0', unit: 'percent' });
    expect(changeParts('count', null)).toBeNull();
  });

  it('says nothing to compare with when the desk has no records, else the change or the figure compared with', () => {
    expect(compareState('count', 5, { value: null, source: 'none', change: null })).toEqual({ state: 'none' });
    expect(compareState('count', 4, { value: 3, source: 'partial', change: 33.3 })).toMatchObject({
      state: 'change',
      change: { arrow: '▲', magnitude: '33.3' },
    });
    // Grown from nothing: no rate, the 0 said.
    expect(compareState('count', 5, { value: 0, source: 'records', change: null })).toEqual({
      state: 'noChange',
      before: 0,
    });
    // A share with nothing to divide then.
    expect(compareState('ratio', 20, { value: null, source: 'partial', change: null })).toEqual({
      state: 'noChange',
      before: null,
    });
    expect(compareState('count', 5, { value: 4, source: 'entered', change: 25 })).toMatchObject({ state: 'change' });
  });
});

describe('统计报表: targets', () => {
  const target = (t: Partial<ReportTarget>): ReportTarget => ({
    indicator: 'inspections',
    kind: 'min',
    op: '>=',
    value: 0,
    annual: false,
    due: null,
    basis: '',
    uncertain: false,
    ...t,
  });
  it('reads a 同比 target as up, not down, or growth of so much', () => {
    expect(targetParts(target({ kind: 'yoy', op: '>', value: 0 })).key).toBe('yoyUp');
    expect(targetParts(target({ kind: 'yoy', op: '>=', value: 0 })).key).toBe('yoyNotDown');
    expect(targetParts(target({ kind: 'yoy', op: '>', value: 5 }))).toMatchObject({ key: 'yoy', op: '>', value: 5 });
  });
  it('reads a minimum, for the year, and by its day', () => {
    expect(targetParts(target({ value: 90 }))).toEqual({ key: 'min', op: '≥', value: 90, due: null });
    expect(targetParts(target({ value: 1, annual: true }))).toMatchObject({ key: 'minYear' });
    expect(targetParts(target({ value: 1, annual: true, due: '10-31' }))).toEqual({
      key: 'minBy',
      op: '≥',
      value: 1,
      due: { month: 10, day: 31 },
    });
  });
});

const figure = (id: string, lastYear: ReportFigure['lastYear']['source'], previous = lastYear): ReportFigure => ({
  id,
  group: 'inspections',
  kind: 'count',
  value: 1,
  numerator: null,
  denominator: null,
  unavailable: null,
  previous: { value: null, source: previous, change: null },
  lastYear: { value: null, source: lastYear, change: null, entered: null },
  target: null,
});

describe('统计报表: what 同比 lacks, and the next step', () => {
  const q4 = { from: '2025-10-01', to: '2025-12-31' };
  it('counts the figures with nothing for last year, and whether a base can be entered for it', () => {
    expect(
      yoyHint({ figures: [figure('a', 'none'), figure('b', 'entered')], lastYear: q4, recordedFrom: '2026-08-27' }),
    ).toEqual({ kind: 'none', count: 1, enterable: true });
    // A month or a custom run: bases are entered by quarter or year.
    expect(
      yoyHint({
        figures: [figure('a', 'none')],
        lastYear: { from: '2025-11-01', to: '2025-11-30' },
        recordedFrom: null,
      }),
    ).toEqual({ kind: 'none', count: 1, enterable: false });
  });
  it('says when last year was recorded only in part, and nothing when it was whole', () => {
    expect(yoyHint({ figures: [figure('a', 'partial')], lastYear: q4, recordedFrom: '2025-11-03' })).toEqual({
      kind: 'partial',
      from: '2025-11-03',
    });
    expect(yoyHint({ figures: [figure('a', 'records')], lastYear: q4, recordedFrom: '2020-01-01' })).toBeNull();
  });
  it('sums up a comparison period’s records for the line above the figures', () => {
    expect(coverageOf([figure('a', 'none', 'partial')], 'previous')).toBe('partial');
    expect(coverageOf([figure('a', 'none', 'partial')], 'lastYear')).toBe('none');
    // Entered figures do not make records: the desk still has none until every figure was entered.
    expect(coverageOf([figure('a', 'entered'), figure('b', 'none')], 'lastYear')).toBe('none');
    expect(coverageOf([figure('a', 'entered')], 'lastYear')).toBe('entered');
  });
  it('opens the base figures on last year’s quarter, or its whole year for a month', () => {
    expect(baseSlotFor(q4)).toEqual({ year: 2025, quarter: 4 });
    expect(baseSlotFor({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ year: 2025, quarter: 0 });
    expect(baseSlotFor({ from: '2025-11-01', to: '2025-11-30' })).toEqual({ year: 2025, quarter: 0 });
  });
});

describe('统计报表: records and breakdowns', () => {
  it('links a record to its page where the desk has one', () => {
    expect(recordLink({ entity: 'inspections', id: 3 })).toBe('/inspections/3');
    expect(recordLink({ entity: 'cases', id: 4 })).toBe('/cases/4');
    expect(recordLink({ entity: 'enterprises', id: 5 })).toBe('/enterprises/5');
    expect(recordLink({ entity: 'documents', id: 6 })).toBe('/documents/6');
    expect(recordLink({ entity: 'plans', id: 1 })).toBe('/plans?tab=progress');
    expect(recordLink({ entity: 'hazards', id: 1 })).toBeNull();
    expect(recordLink({ entity: 'officers', id: 1 })).toBeNull();
  });

  it('names a figure by its dictionary', () => {
    expect(figureKey('inspections', 'name')).toBe('indicators.enforcement.inspections.name');
    expect(figureKey('cases-complete', 'definition')).toBe('indicators.cases-complete.definition');
  });

  const row = (key: string, parent: string | null, inspections: number): BreakdownRow => ({
    key,
    label: key === 'trade/light' ? '轻工' : key === 'trade' ? '工贸' : key,
    labelEn: key === 'trade/light' ? 'Light industry' : key === 'trade' ? 'Industry and trade' : null,
    parent,
    values: { inspections },
  });
  it('names rows: sectors in the UI’s language, townships and officers as recorded, the rest by what they lack', () => {
    expect(rowName('sector', row('trade', null, 1), 'en')).toEqual({ text: 'Industry and trade', data: false });
    expect(rowName('sector', row('trade', null, 1), 'zh-CN')).toEqual({ text: '工贸', data: false });
    expect(rowName('township', { key: '城关镇', label: '城关镇', labelEn: null }, 'en')).toEqual({
      text: '城关镇',
      data: true,
    });
    expect(rowName('township', { key: '', label: '', labelEn: null }, 'zh-CN')).toEqual({ key: 'noTownship' });
    expect(rowName('sector', { key: '', label: '', labelEn: null }, 'zh-CN')).toEqual({ key: 'noSector' });
  });
  it('charts the sectors themselves, largest slice first, none for nothing', () => {
    const rows = [row('mine', null, 1), row('trade', null, 3), row('trade/light', 'trade', 3), row('', null, 0)];
    expect(topLevel(rows).map((r) => r.key)).toEqual(['mine', 'trade', '']);
    expect(pieSlices(topLevel(rows), 'inspections')).toEqual([
      { key: 'trade', value: 3 },
      { key: 'mine', value: 1 },
    ]);
  });
});

describe('统计报表: printing and issuing the report', () => {
  const Q3 = { from: '2026-07-01', to: '2026-09-30' };
  const Q4 = { from: '2026-10-01', to: '2026-12-31' };

  it('dates a report of a past period on its last day, of the current one today', () => {
    expect(reportDateFor(Q3, '2026-11-25')).toBe('2026-09-30');
    expect(reportDateFor(Q4, '2026-11-25')).toBe('2026-11-25');
    expect(reportDateFor({ from: '2026-11-01', to: '2026-11-25' }, '2026-11-25')).toBe('2026-11-25');
  });

  it('lets it be dated from the period’s first day to today, never after', () => {
    expect(reportDateAllowed(Q3, '2026-10-15', '2026-11-25')).toBe(true);
    expect(reportDateAllowed(Q3, '2026-07-01', '2026-11-25')).toBe(true);
    expect(reportDateAllowed(Q3, '2026-11-25', '2026-11-25')).toBe(true);
    expect(reportDateAllowed(Q3, '2026-06-30', '2026-11-25')).toBe(false);
    expect(reportDateAllowed(Q3, '2026-11-26', '2026-11-25')).toBe(false);
  });

  it('finds the reports issued for exactly the period shown', () => {
    const issued = (id: number, periodFrom: string, periodTo: string): IssuedReport => ({
      id,
      periodFrom,
      periodTo,
      reportDate: periodTo,
      title: `通报${id}`,
      dataSha256: 'a'.repeat(64),
      pdfSha256: 'b'.repeat(64),
      pages: 3,
      issuedAt: '2026-11-25T02:00:00.000Z',
      issuedBy: '演示大队长',
    });
    const list = [issued(3, Q3.from, Q3.to), issued(2, '2026-07-01', '2026-07-31'), issued(1, Q3.from, Q3.to)];
    expect(issuedFor(list, Q3).map((r) => r.id)).toEqual([3, 1]);
    expect(issuedFor(list, Q4)).toEqual([]);
  });

  it('shows the first 16 characters of a digest', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef');
  });
});
