import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * A penalty item of the 安全生产法 (第九十条–第一百一十九条) as knowledge: what it covers, the provision
 * usually violated, the fine ranges for the unit and for persons (in 元, whole numbers), the measures
 * that come with it, and what follows when the party does not correct in time.
 */
export const fineRange = z
  .object({ min: z.number().int().min(0).nullable(), max: z.number().int().positive().nullable() })
  .nullable();

export const penaltyItem = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The 处罚依据 down to 款/项, as cited in documents: 第九十七条第（一）项. */
  article: z.string().regex(/^第.+条/),
  covers: z.string().min(4),
  violatedProvision: z.string().nullable(),
  unitFine: fineRange,
  personFine: fineRange,
  /** Who "personFine" applies to: 直接负责的主管人员和其他直接责任人员, 主要负责人… */
  personDescription: z.string().default(''),
  measures: z.array(z.string()).default([]),
  whenOverdue: z.string().default(''),
  /** The ranges when the party did not correct in time (or refused), where the article sets them; null where unknown here. */
  overdue: z.object({ unitFine: fineRange, personFine: fineRange }).nullable().default(null),
  criminal: z.boolean().default(false),
  uncertain: z.boolean().default(false),
  note: z.string().default(''),
});

export const penaltyCatalogue = z.object({
  law: z.string(),
  version: z.string(),
  effectiveFrom: isoDate,
  source: z.string(),
  items: z.array(penaltyItem).min(1),
});
export type PenaltyItem = z.output<typeof penaltyItem>;
export type FineRange = z.output<typeof fineRange>;
