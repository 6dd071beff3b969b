import type { ReportTarget } from '../../entities/report-rules.ts';

export type TargetStatus = 'met' | 'missed' | 'pending' | 'none';

export interface TargetCheck {
  target: ReportTarget;
  status: TargetStatus;
  /** The figure held to it: the period's (or the year's to date), or its growth in per cent for a 同比 target. */
  actual: number | null;
}

/** Growth in per cent on a base, to one decimal; null without a base to grow from. */
export function growth(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return Math.round(((current - base) / Math.abs(base)) * 1000) / 10;
}

const holds = (actual: number, op: ReportTarget['op'], value: number) =>
  op === '>' ? actual > value : actual >= value;

/**
 * Whether a figure meets its target, as of a day. A period not over by then is still running: what it has not met
 * yet is pending, not missed. An annual target is held over the year to date and is pending until its due day has
 * passed; a 同比 target needs last year's figure (none: 'none', nothing to say).
 */
export function checkTarget(
  target: ReportTarget,
  figures: { period: number | null; yearToDate: number | null; lastYear: number | null },
  periodEnd: string,
  asOf: string,
): TargetCheck {
  const running = asOf < periodEnd;
  if (target.kind === 'yoy') {
    const actual = growth(figures.period, figures.lastYear);
    if (actual === null) return { target, actual, status: 'none' };
    return { target, actual, status: holds(actual, target.op, target.value) ? 'met' : running ? 'pending' : 'missed' };
  }
  const actual = target.annual ? figures.yearToDate : figures.period;
  if (actual === null) return { target, actual, status: 'none' };
  if (holds(actual, target.op, target.value)) return { target, actual, status: 'met' };
  const due = target.annual && target.due ? `${periodEnd.slice(0, 4)}-${target.due}` : periodEnd;
  return { target, actual, status: running || asOf < due ? 'pending' : 'missed' };
}
