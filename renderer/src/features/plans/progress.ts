import type { PlanProgress } from '../../../../shared/domain/plans/standing.ts';

/**
 * A count over a count as a percentage with one decimal (3/7 → 42.9%), null when there is nothing to count against.
 * Worked in whole tenths of a per cent from the counts, so a half tenth rounds up as a reader would (201/400 → 50.3%,
 * not the 50.2% the ratio 0.5025 gives in floating point). Never 100.0% while one is missing nor 0.0% once one is done:
 * a supervisor reads "100%" as "all covered", which the city's rule is about.
 */
export function rate(done: number, of: number): string | null {
  if (!(of > 0)) return null;
  let tenths = Math.round((done * 1000) / of);
  if (done < of) tenths = Math.min(tenths, 999);
  if (done > 0) tenths = Math.max(tenths, 1);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** The city's rule: every 重点 enterprise covered by the end of the plan's year. */
export const coverageDeadline = (year: number): string => `${year}-12-31`;

/** Calendar days from one day to another (YYYY-MM-DD), negative once past. */
export function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The plan's last month with 重点 enterprises still not covered: the month's visits have to reach them. */
export function coverageUrgent(progress: Pick<PlanProgress, 'year' | 'key'>, day: string): boolean {
  return progress.key.notCovered.length > 0 && day.slice(0, 7) === `${progress.year}-12`;
}
