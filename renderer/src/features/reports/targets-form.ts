import { SHARE_IDS } from '../../../../shared/domain/indicators/report.ts';
import type { ReportTarget } from '../../../../shared/entities/report-rules.ts';

/** What the targets editor refuses before saving, each on its row (0-based). */
export interface TargetProblem {
  row: number;
  key: 'twice' | 'due' | 'share';
}

/**
 * One target a figure (the report judges each figure by one); an annual target's day as MM-DD; a share's minimum
 * within 100%.
 */
export function targetIssues(targets: readonly ReportTarget[]): TargetProblem[] {
  const out: TargetProblem[] = [];
  targets.forEach((x, row) => {
    if (targets.findIndex((y) => y.indicator === x.indicator) < row) out.push({ row, key: 'twice' });
    if (x.annual && x.due !== null && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(x.due))
      out.push({ row, key: 'due' });
    if (x.kind === 'min' && SHARE_IDS.includes(x.indicator as never) && x.value > 100) out.push({ row, key: 'share' });
  });
  return out;
}
