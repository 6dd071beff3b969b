import { z } from 'zod';
import { NON_ENFORCEMENT_DAYS, OTHER_ENFORCEMENT_DAYS, keysOf } from '../base/vocabulary.ts';
import { isoDate, optionalText, required } from './common.ts';

const personDays = z.number().int().min(0).max(100_000);
// Whole days or halves (two officers for half a day make 1), so what a plan needs is counted exactly.
const perVisit = z
  .number()
  .min(1)
  .max(30)
  .refine((x) => Number.isInteger(x * 2), { error: 'plans.rules.perVisitHalves' });

/** What the clerk enters for the working-day method; everything else is computed from the record. */
export const planInputs = z.object({
  /** 纳入执法的人员数 (the roster's officers on duty, unless the clerk counts otherwise). */
  officers: z.number().int().min(1).max(1000),
  otherEnforcement: z.partialRecord(z.enum(keysOf(OTHER_ENFORCEMENT_DAYS)), personDays),
  nonEnforcement: z.partialRecord(z.enum(keysOf(NON_ENFORCEMENT_DAYS)), personDays),
  /** Person-days one visit takes: two officers for a day make 2 (行政处罚法第四十二条: never fewer than two). */
  perVisit: z.object({ key: perVisit, random: perVisit }),
  /** Share of the inspection days kept free (留有余地). */
  margin: z
    .number()
    .min(0)
    .max(0.5)
    .refine((x) => Number.isInteger(Math.round(x * 1e6) / 1e3), { error: 'plans.rules.marginPerMille' }),
  note: optionalText(2000),
});
export type PlanInputs = z.output<typeof planInputs>;

export const planYear = z.number().int().min(2000).max(2100);

export const planSave = z.object({ year: planYear, inputs: planInputs, version: z.number().int().nullable() });
export const planApprove = z.object({
  year: planYear,
  version: z.number().int(),
  /** The day the 本级人民政府 approved it, and its reference (批复文号). */
  approvedOn: isoDate,
  approvalRef: required(z.string().max(100, { error: 'validation.tooLong' })),
});
export const planFile = z.object({
  year: planYear,
  version: z.number().int(),
  /** The day it was filed with the city (报市局备案), and the receipt if any. */
  filedOn: isoDate,
  filingRef: optionalText(100),
});
