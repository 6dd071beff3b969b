import type { BreakdownRow, IssuedReport, ReportView } from '../../../../shared/api/channels/reports.ts';
import type { Breakdown } from '../../../../shared/domain/indicators/breakdown.ts';
import {
  baseSlot,
  type Period,
  type PeriodKind,
  periodKind,
  periodOf,
} from '../../../../shared/domain/indicators/periods.ts';
import type { ReportFigure } from '../../../../shared/domain/indicators/report.ts';
import { type DrillRecord, type IndicatorValue, isShare } from '../../../../shared/domain/indicators/values.ts';
import { addCalendarDays } from '../../../../shared/domain/workdays.ts';
import type { ReportTarget } from '../../../../shared/entities/report-rules.ts';

/**
 * 统计报表's pure helpers: the periods a supervisor picks, and how a figure, its change and its target read. No
 * wording here: each returns the parts a translation key takes.
 */

export type FixedKind = Exclude<PeriodKind, 'custom'>;
export const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The period the page opens on: the quarter holding today (the app's today). */
export const defaultPeriod = (today: string): Period => periodOf('quarter', today);

/** The period the address asks for (?from=…&to=…), when it is two days in order; else the default. */
export function periodFromParams(from: string | null, to: string | null, today: string): Period {
  if (from && to && ISO_DAY.test(from) && ISO_DAY.test(to) && from <= to) return { from, to };
  return defaultPeriod(today);
}

/**
 * Another kind of period, around the one shown: the month, quarter or year holding its last day, or today when the
 * period runs past it (a month of the current quarter is the current month, not December). Custom keeps the days.
 */
export function switchKind(kind: PeriodKind, current: Period, today: string): Period {
  if (kind === 'custom') return current;
  return periodOf(kind, current.to < today ? current.to : current.from > today ? current.from : today);
}

/** The period before or after, of the same kind. */
export function stepPeriod(p: Period, kind: FixedKind, dir: -1 | 1): Period {
  return periodOf(kind, dir < 0 ? addCalendarDays(p.from, -1) : addCalendarDays(p.to, 1));
}

/** Whether a period after this one has begun by today (nothing to count in one still to come). */
export const canStepForward = (p: Period, kind: FixedKind, today: string): boolean =>
  stepPeriod(p, kind, 1).from <= today;

/** The kind the page treats the period as: a whole month, quarter or year, else custom. */
export const kindOf = (p: Period): PeriodKind => periodKind(p);

const ymd = (day: string) => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;

/**
 * A period's days as a reader writes them: 2026年10月1日—12月31日 (the year once when both days share it), or in
 * English 2026-10-01 – 2026-12-31. One day alone is written once.
 */
export function rangeText(p: Period, language: string): string {
  if (language === 'en') return p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  const [fy, fm, fd] = ymd(p.from);
  const [ty, tm, td] = ymd(p.to);
  const first = `${fy}年${fm}月${fd}日`;
  if (p.from === p.to) return first;
  return fy === ty ? `${first}—${tm}月${td}日` : `${first}—${ty}年${tm}月${td}日`;
}

/** A period's name as the translation keys take it: 2026年第四季度 / Q4 2026, 2026年11月, 2026年; custom: its days. */
export function periodTitle(p: Period):
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | {
      kind: 'year';
      year: number;
    }
  | { kind: 'custom' } {
  const kind = periodKind(p);
  const [year, month] = ymd(p.from);
  if (kind === 'month') return { kind, year, month };
  if (kind === 'quarter') return { kind, year, quarter: (month + 2) / 3 };
  if (kind === 'year') return { kind, year };
  return { kind: 'custom' };
}

/** A month's name in English (1 → January), for the period's title and the trend's axis. */
export const englishMonth = (month: number, style: 'long' | 'short' = 'long'): string =>
  new Intl.DateTimeFormat('en-US', { month: style, timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

/** Whether a figure of this kind is a share in per cent (shown with %, its change in points). */
export const isShareKind = isShare;
/** Whether a figure of this kind is an amount in 元. */
export const isYuanKind = (kind: IndicatorValue['kind']): boolean => kind === 'sum' || kind === 'mean';

/** Whole yuan with thousands separators: 1234567 → 1,234,567. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [whole, fraction] = Math.abs(n).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction ? `.${fraction}` : '');
}

/**
 * A figure's number and its unit: a count plain, an amount in 元 with thousands separators, a share in per cent with
 * one decimal. Null when there is none.
 */
export function valueParts(
  kind: IndicatorValue['kind'],
  value: number | null,
): { unit: 'none' | 'yuan' | 'percent'; number: string } | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (isShareKind(kind)) return { unit: 'percent', number: value.toFixed(1) };
  if (isYuanKind(kind)) return { unit: 'yuan', number: groupDigits(Math.round(value)) };
  return { unit: 'none', number: String(value) };
}

/** A change as the table shows it: ▲/▼ and its size, in per cent for a count or amount, in points for a share. */
export interface ChangeParts {
  direction: 'up' | 'down' | 'flat';
  arrow: '▲' | '▼' | '';
  magnitude: string;
  unit: 'percent' | 'points';
}
export function changeParts(kind: IndicatorValue['kind'], change: number | null): ChangeParts | null {
  if (change === null || !Number.isFinite(change)) return null;
  const unit = isShareKind(kind) ? 'points' : 'percent';
  const magnitude = Math.abs(change).toFixed(1);
  if (magnitude === '0.0') return { direction: 'flat', arrow: '', magnitude, unit };
  return change > 0
    ? { direction: 'up', arrow: '▲', magnitude, unit }
    : { direction: 'down', arrow: '▼', magnitude, unit };
}

/** What a comparison cell says: nothing to compare with, a change, or the value compared with but no change (a 0). */
export type CompareState =
  { state: 'none' } | { state: 'change'; change: ChangeParts } | { state: 'noChange'; before: number | null };
export function compareState(
  kind: IndicatorValue['kind'],
  value: number | null,
  cmp: { value: number | null; source: string; change: number | null },
): CompareState {
  if (cmp.source === 'none') return { state: 'none' };
  const change = changeParts(kind, cmp.change);
  // A share's points need both figures; a count's growth a base above zero: otherwise only the figure compared with.
  if (change && value !== null) return { state: 'change', change };
  return { state: 'noChange', before: cmp.value };
}

/** A target's wording: its translation key and the parts it takes (the figure's own number is formatted apart). */
export function targetParts(target: ReportTarget): {
  key: 'yoyUp' | 'yoyNotDown' | 'yoy' | 'min' | 'minYear' | 'minBy';
  op: '>' | '≥';
  value: number;
  due: { month: number; day: number } | null;
} {
  const op = target.op === '>' ? '>' : '≥';
  const due =
    target.annual && target.due ? { month: Number(target.due.slice(0, 2)), day: Number(target.due.slice(3)) } : null;
  if (target.kind === 'yoy') {
    const key = target.value !== 0 ? 'yoy' : target.op === '>' ? 'yoyUp' : 'yoyNotDown';
    return { key, op, value: target.value, due: null };
  }
  return { key: due ? 'minBy' : target.annual ? 'minYear' : 'min', op, value: target.value, due };
}

/** Where a drill-down record opens: an enterprise, inspection, case or document page; the year's plan. */
export function recordLink(r: Pick<DrillRecord, 'entity' | 'id'>): string | null {
  switch (r.entity) {
    case 'enterprises':
    case 'inspections':
    case 'cases':
    case 'documents':
      return `/${r.entity}/${r.id}`;
    case 'plans':
      return '/plans?tab=progress';
    default:
      return null;
  }
}

/** The 录入率 figures are 数据上报's and named there; the others are the enforcement dictionary's. */
const COMPLETENESS = new Set(['inspections-complete', 'cases-complete']);
export const figureKey = (id: string, part: 'name' | 'definition'): string =>
  COMPLETENESS.has(id) ? `indicators.${id}.${part}` : `indicators.enforcement.${id}.${part}`;

/**
 * What 同比 lacks, for the hint above the figures: `none` — figures with nothing for last year's period (neither
 * records nor a base entered), and whether a base can be entered for it (a whole quarter or year); `partial` — the
 * desk's records begin within last year's period.
 */
export function yoyHint(
  view: Pick<ReportView, 'figures' | 'lastYear' | 'recordedFrom'>,
): { kind: 'none'; count: number; enterable: boolean } | { kind: 'partial'; from: string } | null {
  const none = view.figures.filter((f) => f.lastYear.source === 'none').length;
  if (none > 0) return { kind: 'none', count: none, enterable: baseSlot(view.lastYear) !== null };
  if (view.recordedFrom && view.figures.some((f) => f.lastYear.source === 'partial'))
    return { kind: 'partial', from: view.recordedFrom };
  return null;
}

/**
 * The comparison period's records: whole, begun within it (from that day), or none — what the desk holds whatever
 * was entered by hand; `entered` only when every figure was.
 */
export function coverageOf(
  figures: readonly ReportFigure[],
  which: 'previous' | 'lastYear',
): 'records' | 'partial' | 'none' | 'entered' {
  const sources = new Set(figures.map((f) => f[which].source));
  if (sources.has('partial')) return 'partial';
  if (sources.has('records')) return 'records';
  if (sources.has('none') || sources.size === 0) return 'none';
  return 'entered';
}

/** The slot base figures are entered for, as the form opens: last year's quarter or year shown, else its whole year. */
export function baseSlotFor(lastYear: Period): { year: number; quarter: number } {
  return baseSlot(lastYear) ?? { year: Number(lastYear.to.slice(0, 4)), quarter: 0 };
}

/**
 * A breakdown row's name: a sector's in the UI's language (its English from the rules), a township or officer as
 * recorded (data), or the group of those with none.
 */
export function rowName(
  by: Breakdown,
  row: Pick<BreakdownRow, 'key' | 'label' | 'labelEn'>,
  language: string,
): { text: string; data: boolean } | { key: 'noTownship' | 'noSector' } {
  if (row.key === '' && by === 'township') return { key: 'noTownship' };
  if (row.key === '' && by === 'sector') return { key: 'noSector' };
  if (by === 'sector') return { text: language === 'en' ? (row.labelEn ?? row.label) : row.label, data: false };
  return { text: row.label, data: true };
}

/** A sector breakdown's top-level rows (the sectors themselves, sub-sectors left out), for the charts. */
export const topLevel = (rows: readonly BreakdownRow[]): BreakdownRow[] => rows.filter((r) => r.parent === null);

/** The slices of a pie: the rows with something to show, largest first. */
export function pieSlices(rows: readonly BreakdownRow[], id: string): { key: string; value: number }[] {
  return rows
    .map((r) => ({ key: r.key, value: r.values[id] ?? 0 }))
    .filter((s) => s.value > 0)
    .sort((a, b) => b.value - a.value);
}

/**
 * The day a report is dated when 打印通报 opens: the period's last day once it is over, else today (a report is never
 * dated after today, nor before its period begins — the core refuses both).
 */
export const reportDateFor = (p: Period, today: string): string => (p.to < today ? p.to : today);

/** The days a report of the period can be dated: from its first day to today. */
export const reportDateAllowed = (p: Period, day: string, today: string): boolean => day >= p.from && day <= today;

/** The reports already issued for exactly this period, newest first (as the list holds them). */
export const issuedFor = (issued: readonly IssuedReport[], p: Period): IssuedReport[] =>
  issued.filter((r) => r.periodFrom === p.from && r.periodTo === p.to);

/** A SHA-256 as the list shows it: its first 16 characters, enough to tell two reports' figures apart. */
export const shortHash = (sha256: string): string => sha256.slice(0, 16);
