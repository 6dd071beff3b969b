import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * A statutory period as data: what it is, its legal basis, how it counts, and when the rule is in
 * force. Values from the 2015 办法 (replaced by 应急管理部令第18号 from 2026-02-01, text not yet in
 * our references) are marked uncertain until an admin confirms them.
 */
export const statutoryPeriod = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  basis: z.string(),
  /** workdays: 行政处罚法 第八十五条 (2/3/5/7 日) and 行政强制法 第六十九条 (≤10 日); calendar days and months otherwise. */
  unit: z.enum(['workdays', 'days', 'months', 'hours']),
  length: z.number().positive(),
  /** after: due N units after the event; before: must happen at least N units before it. */
  direction: z.enum(['after', 'before']).default('after'),
  from: z.string(),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable().default(null),
  uncertain: z.boolean().default(false),
  note: z.string().default(''),
});
export type StatutoryPeriod = z.output<typeof statutoryPeriod>;

export const periodCatalogue = z.object({ version: z.string(), periods: z.array(statutoryPeriod).min(1) });
