import type { CaseDeadlineRow } from '../../../../shared/api/channels/cases.ts';

/**
 * The squad's overdue case deadlines by 承办人, most first (then by name): what a supervisor chases. A deadline of a
 * case two officers handle counts for each; one of a case without handlers on the roster is left out.
 */
export function overdueByOfficer(rows: readonly CaseDeadlineRow[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.urgency === 'overdue')
      for (const name of new Set(r.handlerNames)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}
