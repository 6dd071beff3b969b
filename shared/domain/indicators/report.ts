import type { ReportTarget } from '../../entities/report-rules.ts';
import type { Breakdown } from './breakdown.ts';
import type { Period, PeriodKind } from './periods.ts';
import { checkTarget, growth, type TargetCheck } from './targets.ts';
import { figureOf, type IndicatorValue, isShare } from './values.ts';

/** The figures of 统计报表 as the screen and the report group them; each id is an indicator of a dictionary. */
export const FIGURE_GROUPS = [
  {
    id: 'inspections',
    figures: ['enterprises-inspected', 'inspections', 'random-share', 'key-coverage', 'plan-completion'],
  },
  { id: 'hazards', figures: ['hazards', 'major-hazards', 'hazards-rectified'] },
  {
    id: 'cases',
    figures: [
      'cases-filed',
      'decisions',
      'decisions-unit',
      'decisions-person',
      'penalty-rate',
      'suspensions',
      'closures',
      'daily-penalties',
      'transfers',
    ],
  },
  { id: 'fines', figures: ['fines', 'fines-routine', 'fines-accident', 'fines-collected', 'average-fine'] },
  { id: 'work', figures: ['typical-cases', 'officers-on-duty', 'inspections-complete', 'cases-complete'] },
] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number]['id'];

/** The figures that are shares of a whole (at most 100%): what a base figure entered for one is held to. */
export const SHARE_IDS = [
  'random-share',
  'key-coverage',
  'plan-completion',
  'hazards-rectified',
  'typical-cases',
  'officers-on-duty',
  'inspections-complete',
  'cases-complete',
] as const;

/** The figures the trend chart draws month by month, this year against last. */
export const TREND_IDS = ['inspections', 'hazards', 'cases-filed', 'decisions', 'fines'] as const;

/**
 * A count's or sum's figure month by month, from the year's list: each record on the month of its day (`on`). The
 * same as counting each month apart, for figures that date each record by one day (a test holds TREND_IDS to it).
 */
export function monthly(v: IndicatorValue, months: readonly { from: string; to: string }[]): (number | null)[] {
  if (v.unavailable || (v.kind !== 'count' && v.kind !== 'sum')) return months.map(() => null);
  const on = (r: { on?: string }, m: { from: string; to: string }) =>
    r.on !== undefined && r.on >= m.from && r.on <= m.to;
  if (v.kind === 'sum') return months.map((m) => v.records.filter((r) => on(r, m)).reduce((s, r) => s + r.amount, 0));
  return months.map((m) => v.records.filter((r) => on(r, m)).length);
}

/** A figure entered by hand for a period the desk did not record (its first year). */
export interface EnteredBase {
  value: number;
  enteredBy: string;
  enteredAt: string;
  note: string;
}

/** Where a comparison figure comes from: the records, entered by hand, or nowhere (the desk did not record then). */
export type CompareSource = 'records' | 'partial' | 'entered' | 'none';

export interface ReportFigure {
  id: string;
  group: FigureGroup;
  kind: IndicatorValue['kind'];
  /** The count, 元, or per cent; null when it cannot be given (`unavailable` says why) or nothing is counted. */
  value: number | null;
  /** A share's two counts (a rate's sums). */
  numerator: number | null;
  denominator: number | null;
  unavailable: string | null;
  /** 环比: the period before; 同比: the same period last year, with its growth in per cent (points for a share). */
  previous: { value: number | null; source: CompareSource; change: number | null };
  lastYear: { value: number | null; source: CompareSource; change: number | null; entered: EnteredBase | null };
  target: TargetCheck | null;
}

const shareOf = (v: IndicatorValue) =>
  v.kind === 'ratio' || v.kind === 'quotient' || v.kind === 'rate'
    ? { numerator: v.numerator, denominator: v.denominator }
    : { numerator: null, denominator: null };

/** A figure's change: growth in per cent of a count or amount, the difference in points of a share. */
export function changeOf(kind: IndicatorValue['kind'], current: number | null, before: number | null): number | null {
  if (!isShare(kind)) return growth(current, before);
  return current === null || before === null ? null : Math.round((current - before) * 10) / 10;
}

/**
 * The report's figures, in FIGURE_GROUPS order, from the dictionaries' values for the period, the one before, the same
 * one last year and the year to date. `recordedFrom`: the first day the desk holds records for — a comparison period
 * wholly before it has no figure (`none`) unless one was entered; one that straddles it is `partial`.
 */
export function assembleFigures(input: {
  to: string;
  current: IndicatorValue[];
  previous: { period: { from: string; to: string }; values: IndicatorValue[] };
  lastYear: { period: { from: string; to: string }; values: IndicatorValue[] };
  yearToDate: IndicatorValue[];
  entered: ReadonlyMap<string, EnteredBase>;
  targets: readonly ReportTarget[];
  recordedFrom: string | null;
  /** The day the figures are counted as of: a period not over by then has targets still to be met, not missed. */
  asOf: string;
}): ReportFigure[] {
  const find = (list: IndicatorValue[], id: string) => list.find((v) => v.id === id);
  const sourceOf = (p: { from: string; to: string }): CompareSource =>
    input.recordedFrom === null || p.to < input.recordedFrom
      ? 'none'
      : p.from < input.recordedFrom
        ? 'partial'
        : 'records';
  const out: ReportFigure[] = [];
  for (const group of FIGURE_GROUPS)
    for (const id of group.figures) {
      const v = find(input.current, id);
      if (!v) continue;
      const value = figureOf(v);
      // A figure not counted for the comparison period (录入率 is counted for the period alone) has none.
      const compared = (list: IndicatorValue[], p: { from: string; to: string }) => {
        const w = find(list, id);
        const source = w ? sourceOf(p) : 'none';
        return { source, value: source === 'none' || !w ? null : figureOf(w) };
      };
      const prev = compared(input.previous.values, input.previous.period);
      const previous = prev.value;
      // A figure entered by hand stands only where the records do not cover last year's period whole: once they do,
      // they are counted, whatever was typed.
      const counted = compared(input.lastYear.values, input.lastYear.period);
      const entered = counted.source === 'records' ? null : (input.entered.get(id) ?? null);
      const lySource: CompareSource = entered ? 'entered' : counted.source;
      const lastYear = entered ? entered.value : counted.value;
      const target = input.targets.find((t) => t.indicator === id);
      const ytd = find(input.yearToDate, id);
      out.push({
        id,
        group: group.id,
        kind: v.kind,
        value,
        ...shareOf(v),
        unavailable: v.unavailable ?? null,
        previous: { value: previous, source: prev.source, change: changeOf(v.kind, value, previous) },
        lastYear: {
          value: lastYear,
          source: lySource,
          change: changeOf(v.kind, value, lastYear),
          entered,
        },
        target: target
          ? checkTarget(
              target,
              {
                period: value,
                yearToDate: ytd ? figureOf(ytd) : null,
                // Growth on part of last year's period says nothing.
                lastYear: lySource === 'partial' ? null : lastYear,
              },
              input.to,
              input.asOf,
            )
          : null,
      });
    }
  return out;
}

/** One row of a breakdown: a sector (and its sub-sectors), a township, an officer, with the breakdown's figures. */
export interface BreakdownRow {
  key: string;
  /** The township or officer as recorded; a sector's name from the rules, in Chinese and English. */
  label: string;
  labelEn: string | null;
  parent: string | null;
  values: Record<string, number | null>;
}

/** 统计报表 of a period, as the screen shows it and the report prints it. */
export interface ReportView {
  period: Period & { kind: PeriodKind };
  previous: Period;
  lastYear: Period;
  /** The dictionaries' versions the figures were counted by. */
  versions: { enforcement: string; rules: string };
  figures: ReportFigure[];
  /** Month by month, this year and last: TREND_IDS, null for months after the period or before the desk's records. */
  trend: { months: string[]; series: { id: string; thisYear: (number | null)[]; lastYear: (number | null)[] }[] };
  breakdowns: Record<Breakdown, { ids: string[]; rows: BreakdownRow[] }>;
  /** The first day the desk holds records for: comparisons before it need figures entered by an admin. */
  recordedFrom: string | null;
  /** The day the figures are counted as of (today; a report's date): targets of a period still running are pending. */
  asOf: string;
  /** The figures entered for the comparison period, when any were. */
  enteredCount: number;
}
