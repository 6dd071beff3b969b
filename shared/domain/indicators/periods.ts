import { addCalendarDays } from '../workdays.ts';

/** A report's period: first and last day, inclusive (ISO days, China's calendar). */
export interface Period {
  from: string;
  to: string;
}
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const parts = (day: string) => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;

/** A whole month, quarter or year, or any other run of days. */
export function periodKind({ from, to }: Period): PeriodKind {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  if (fy !== ty || fd !== 1 || td !== lastOfMonth(ty, tm)) return 'custom';
  if (fm === 1 && tm === 12) return 'year';
  if (fm === tm) return 'month';
  if (fm % 3 === 1 && tm === fm + 2) return 'quarter';
  return 'custom';
}

/** The month, quarter or year holding a day. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const [y, m] = parts(day);
  const first = kind === 'year' ? 1 : kind === 'quarter' ? m - ((m - 1) % 3) : m;
  const last = kind === 'year' ? 12 : kind === 'quarter' ? first + 2 : m;
  return { from: iso(y, first, 1), to: iso(y, last, lastOfMonth(y, last)) };
}

/** The same days a year before (29 February becomes the 28th). 同比 compares with it. */
export function sameLastYear(p: Period): Period {
  const back = (day: string) => {
    const [y, m, d] = parts(day);
    return iso(y - 1, m, Math.min(d, lastOfMonth(y - 1, m)));
  };
  // A whole month stays whole: February 2025 ends on the 28th.
  const kind = periodKind(p);
  if (kind !== 'custom') return periodOf(kind, back(p.from));
  return { from: back(p.from), to: back(p.to) };
}

/** The period just before, of the same kind (环比): the previous month or quarter, or as many days before. */
export function previousPeriod(p: Period): Period {
  const kind = periodKind(p);
  if (kind !== 'custom') return periodOf(kind, addCalendarDays(p.from, -1));
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000);
  const to = addCalendarDays(p.from, -1);
  return { from: addCalendarDays(to, -days), to };
}

/** 1 January of the period's last year to its last day: what an annual target is held over. */
export const yearToDate = (p: Period): Period => ({ from: `${p.to.slice(0, 4)}-01-01`, to: p.to });

/** The quarter (1–4) a whole quarter is, 0 for a whole year, null otherwise: how entered base figures are keyed. */
export function baseSlot(p: Period): { year: number; quarter: number } | null {
  const kind = periodKind(p);
  const year = Number(p.from.slice(0, 4));
  if (kind === 'year') return { year, quarter: 0 };
  if (kind === 'quarter') return { year, quarter: (Number(p.from.slice(5, 7)) + 2) / 3 };
  return null;
}

/** The months of a year, as YYYY-MM, each with its days. */
export const monthsOf = (year: number): (Period & { month: string })[] =>
  Array.from({ length: 12 }, (_, i) => ({
    month: iso(year, i + 1, 1).slice(0, 7),
    from: iso(year, i + 1, 1),
    to: iso(year, i + 1, lastOfMonth(year, i + 1)),
  }));
