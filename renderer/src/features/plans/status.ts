import type { Plan } from '../../../../shared/api/channels/plans.ts';

export const PLAN_STATUS_COLORS: Record<Plan['status'], string> = {
  none: 'default',
  draft: 'processing',
  approved: 'green',
  filed: 'green',
};

/** Not yet filed and the end of January passed: the 报市局备案 is late. */
export const filingOverdue = (plan: Plan, day: string) => plan.status !== 'filed' && day > plan.filingDue;
