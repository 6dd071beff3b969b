import { z } from 'zod';
import { ABSENCE_KINDS, SUPERVISION_CATEGORIES, keysOf } from '../base/vocabulary.ts';

const ruleId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const name = z.string().trim().min(1).max(60);
/** GB/T 4754 大类: the two digits an industry code begins with. */
const division = z.string().regex(/^\d{2}$/);

/**
 * A target a figure is held to. `min`: the figure is at least `value` (a count, or per cent for a share); `yoy`: it
 * grew on the same period last year by more than `value` per cent (`op` '>') or at least (`op` '>='). `annual`: held
 * over the year to the period's last day, and missed only once the day `due` (MM-DD) has passed — one 行刑衔接 case
 * by the end of October, 重点 fully covered by December.
 */
export const reportTarget = z
  .object({
    indicator: z.string().regex(/^[a-z][a-z-]{0,39}$/),
    kind: z.enum(['min', 'yoy']),
    op: z.enum(['>', '>=']).default('>='),
    value: z.number().min(-100).max(1_000_000_000),
    annual: z.boolean().default(false),
    due: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
      .nullable()
      .default(null),
    basis: z.string().max(300),
    uncertain: z.boolean().default(false),
  })
  .strict();
export type ReportTarget = z.output<typeof reportTarget>;

/** A 行业领域 of the breakdown: the enterprises of any of its categories, the first sector matching taking them. */
export const reportSector = z
  .object({
    id: ruleId,
    name,
    nameEn: name,
    categories: z.array(z.enum(keysOf(SUPERVISION_CATEGORIES))).min(1),
    /** 工贸's sub-sectors, by the industry code's 大类; an enterprise none matches goes under the sector itself. */
    subsectors: z
      .array(z.object({ id: ruleId, name, nameEn: name, divisions: z.array(division).min(1) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type ReportSector = z.output<typeof reportSector>;

/**
 * 统计报表's rules that are data (resources/knowledge/report-rules.json; a unit sets its own targets in settings):
 * which absences take an officer off post, the targets, and the sectors of the breakdown.
 */
export const reportRules = z
  .object({
    version: z.string().min(1).max(40),
    source: z.string().max(2000),
    note: z.string().max(4000),
    offPostKinds: z.array(z.enum(keysOf(ABSENCE_KINDS))),
    /** One a figure: the report judges each figure by one target. */
    targets: z
      .array(reportTarget)
      .max(40)
      .refine((ts) => new Set(ts.map((x) => x.indicator)).size === ts.length, { error: 'reports.rules.targetTwice' }),
    sectors: z.array(reportSector).min(1).max(20),
  })
  .strict();
export type ReportRules = z.output<typeof reportRules>;
