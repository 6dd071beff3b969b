import { z } from 'zod';
import { ACCIDENT_GRADES, keysOf } from '../base/vocabulary.ts';
import { id, isoDate, required } from './common.ts';

/**
 * A 生产安全事故 at an enterprise, as its dated record: the plan reads "an accident in the recent period" and "three
 * years without one" from these. The grade is computed from the figures (条例第三条), never chosen.
 */
export const accidentInput = z.object({
  enterpriseId: id,
  occurredOn: isoDate,
  deaths: z.number().int().min(0).max(10_000).default(0),
  seriousInjuries: z.number().int().min(0).max(10_000).default(0),
  /** 直接经济损失, in whole 元 (a 万元 figure is entered ×10,000 by the form). */
  directLossYuan: z.number().int().min(0).max(1e12).default(0),
  summary: required(z.string().max(500, { error: 'validation.tooLong' })),
});
export type AccidentInput = z.input<typeof accidentInput>;

export const accident = z.object({
  id,
  enterpriseId: z.number().int(),
  occurredOn: z.string(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLossYuan: z.number().int(),
  summary: z.string(),
  grade: z.enum(keysOf(ACCIDENT_GRADES)),
  createdAt: z.string(),
  createdBy: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type Accident = z.infer<typeof accident>;
