import { z } from 'zod';
import {
  CREDIT_STATUSES,
  INSPECTION_KINDS,
  RISK_GRADES,
  STANDARDIZATION_GRADES,
  SUPERVISION_CATEGORIES,
  keysOf,
} from '../base/vocabulary.ts';

/**
 * Which enterprises a rule speaks of: every field given must match (a field lists the values any of which matches);
 * an empty condition matches every enterprise. `riskGrades` may list `unknown` for an enterprise with no grade yet.
 */
export const planCondition = z
  .object({
    categories: z
      .array(z.enum(keysOf(SUPERVISION_CATEGORIES)))
      .min(1)
      .optional(),
    standardizationGrades: z
      .array(z.enum(keysOf(STANDARDIZATION_GRADES)))
      .min(1)
      .optional(),
    riskGrades: z
      .array(z.enum([...keysOf(RISK_GRADES), 'unknown']))
      .min(1)
      .optional(),
    creditStatuses: z
      .array(z.enum(keysOf(CREDIT_STATUSES)))
      .min(1)
      .optional(),
  })
  .strict();
export type PlanCondition = z.infer<typeof planCondition>;

const ruleId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const name = z.string().trim().min(1).max(60);

/**
 * 分类分级: how the unit sorts its enterprises for the year's plan, as data the unit edits. Bundled as
 * resources/knowledge/plan-rules.json (its notes give the sources; what no source fixed is marked as an example).
 */
export const planRules = z
  .object({
    version: z.string().min(1).max(40),
    source: z.string().max(2000),
    note: z.string().max(4000),
    /** On the 重点 list, with at least one full-coverage visit a year: any rule matching puts it there. */
    key: z.array(z.object({ id: ruleId, name, when: planCondition })).min(1),
    /** One more visit a year (应急〔2021〕23号); an enterprise sampled otherwise is put on the 重点 list for it. */
    extraVisit: z.object({
      accidentWithinYears: z.number().int().min(0).max(10),
      majorHazardWithinYears: z.number().int().min(0).max(10),
      creditStatuses: z.array(z.enum(keysOf(CREDIT_STATUSES))),
    }),
    /**
     * A 重点 enterprise that may move to sampling: 标准化 grades listed, or this many years without an accident —
     * counted only where the ledger has known it that long (0: never by accidents).
     */
    relief: z.object({
      standardizationGrades: z.array(z.enum(keysOf(STANDARDIZATION_GRADES))),
      accidentFreeYears: z.number().int().min(0).max(10),
    }),
    /** 双随机 strata, first match wins; the last must match every enterprise. Ratio of the stratum drawn a year. */
    strata: z.array(z.object({ id: ruleId, name, when: planCondition, ratio: z.number().min(0).max(1) })).min(1),
    /** 双随机 inspector rotation: a pair sent to an enterprise is not sent to it again within this many draws. */
    rotationDraws: z.number().int().min(0).max(20),
    /** 国办发〔2024〕54号: visits a year at most, first match wins; the last must match every enterprise. */
    caps: z.array(z.object({ id: ruleId, name, when: planCondition, cap: z.number().int().min(1).max(52) })).min(1),
    /**
     * Inspections the caps do not count: checks on a complaint, a task from above, an accident, a re-check of ordered
     * rectification. Rules a unit saved before this field existed are read with the bundled list.
     */
    capExempt: z
      .array(
        // The plan's own inspections are what the caps are for.
        z.enum(keysOf(INSPECTION_KINDS)).refine((k) => k !== 'plan' && k !== 'random', {
          error: 'plans.rules.plannedNotExempt',
        }),
      )
      .max(20)
      .default(['complaint', 'assigned', 'accident', 'recheck']),
  })
  .superRefine((r, ctx) => {
    const catchAll = (c: PlanCondition) => Object.keys(c).length === 0;
    if (!catchAll(r.strata.at(-1)!.when))
      ctx.addIssue({
        code: 'custom',
        path: ['strata', r.strata.length - 1, 'when'],
        message: 'plans.rules.lastMatchesAll',
      });
    if (!catchAll(r.caps.at(-1)!.when))
      ctx.addIssue({
        code: 'custom',
        path: ['caps', r.caps.length - 1, 'when'],
        message: 'plans.rules.lastMatchesAll',
      });
    for (const list of ['key', 'strata', 'caps'] as const) {
      const ids = r[list].map((x) => x.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'plans.rules.idTwice' });
      });
    }
  });
export type PlanRules = z.infer<typeof planRules>;

const wordingRow = z.object({
  item: z.string().min(1),
  basis: z.string().min(1),
  content: z.string().min(1),
  method: z.string().min(1),
  frequency: z.string().min(1),
});

/** The printed plan's official wording (resources/knowledge/plan-document.json); its figures are the plan's. */
export const planDocument = z.object({
  version: z.string(),
  source: z.string(),
  title: z.string().includes('{{year}}'),
  basis: z.string().min(1),
  key: wordingRow,
  random: wordingRow,
  /** The 检查结果 of a 双随机 pick as published, from its inspection and hazards; {{n}} is the hazards found. */
  publicResults: z.object({
    note: z.string(),
    pending: z.string().min(1),
    clean: z.string().min(1),
    found: z.string().includes('{{n}}'),
    rectified: z.string().includes('{{n}}'),
  }),
  joint: z.string(),
  quarters: z.array(z.string()).length(4),
});
export type PlanDocument = z.infer<typeof planDocument>;
