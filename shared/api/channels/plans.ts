import { z } from 'zod';
import type { CreditStatus, RiskGrade, StandardizationGrade, SupervisionCategory } from '../../base/vocabulary.ts';
import type { Classification, classifyAll } from '../../domain/plans/classify.ts';
import type { PlanRules } from '../../entities/plan-rules.ts';
import { channel } from './channel.ts';

export interface ClassifiedEnterprise extends Classification {
  name: string;
  uscc: string;
  township: string;
  categories: SupervisionCategory[];
  standardizationGrade: StandardizationGrade;
  riskGrade: RiskGrade | null;
  creditStatus: CreditStatus;
}

export interface PlanClassification {
  today: string;
  /** The rules in force: the unit's own where an admin set them, else the bundled 示例. */
  rules: PlanRules;
  rulesOwn: boolean;
  rows: ClassifiedEnterprise[];
  summary: ReturnType<typeof classifyAll>['summary'];
}

/** 执法计划: the annual plan, 分类分级 and the 双随机 draws. */
export const planChannels = {
  /** Every enterprise of the ledger sorted for the plan, each with why. */
  'plans:classification': channel<PlanClassification>()({ input: z.object({}).default({}), access: 'ledger.read' }),
} as const;
