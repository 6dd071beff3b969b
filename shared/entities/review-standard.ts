import { z } from 'zod';

/**
 * A case-file review standard (案卷评查标准) as versioned data: sections of items with the points a
 * source gives them (none where it gives none), how a finding costs points, the veto items (一票否决)
 * and the grade bands. Each item says whether the machine decides it (the checks it runs) or the
 * reviewer's judgement does. A province imports its own; the bundled one is marked 示例.
 */
/** A name as the standard writes it, and optionally in English for the English UI (official text stays Chinese on paper). */
const nameEn = z.string().max(200).optional();

const itemBase = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(200),
  nameEn,
  /** Where the item and its points come from. */
  source: z.string().max(300).default(''),
};

export const reviewItem = z
  .object({
    ...itemBase,
    /** Points the source gives the item; null where it gives none (the finding is listed, not scored). */
    points: z.number().min(0).max(100).nullable().default(null),
    mode: z.enum(['auto', 'judgement']),
    /** The machine checks that decide an 'auto' item (shared/domain/review/checks.ts). */
    checks: z.array(z.string()).default([]),
    /** 'all': any finding costs the item's points; a number: that many per finding, up to the item's points. */
    deduct: z.union([z.literal('all'), z.number().positive()]).default('all'),
    /**
     * A finding here (not overruled) and the file cannot pass whatever it scored: it is graded at the floor
     * (案卷文书不齐全: a file missing a document its procedure requires is neither 优秀 nor 合格).
     */
    failsFile: z.boolean().default(false),
  })
  .refine((i) => (i.mode === 'auto') === i.checks.length > 0, {
    error: 'review.standard.checksForAuto',
    path: ['checks'],
  });
export type ReviewItem = z.output<typeof reviewItem>;

export const reviewVeto = z
  .object({
    ...itemBase,
    mode: z.enum(['auto', 'judgement']),
    checks: z.array(z.string()).default([]),
  })
  .refine((i) => (i.mode === 'auto') === i.checks.length > 0, {
    error: 'review.standard.checksForAuto',
    path: ['checks'],
  });
export type ReviewVeto = z.output<typeof reviewVeto>;

/**
 * A document the file must hold for the procedure it used (案卷文书齐全), once it has reached a stage:
 * one of `anyOf` (document types; a 现场检查记录 counts from the inspection the case came from).
 * Provinces list more than the app's own rules require, so the list is the standard's data.
 */
export const requiredDocument = z.object({
  ...itemBase,
  procedure: z.enum(['ordinary', 'summary']),
  outcomes: z.array(z.enum(['penalty', 'no-penalty', 'transfer'])).min(1),
  /** From when the file must hold it: the 呈批 approved, every party decided, or 结案 approved. */
  from: z.enum(['approved', 'decided', 'closed']),
  /** Only where the file went that way: a hearing held with the party there (听证笔录, 听证会报告书). */
  when: z.enum(['hearing-held']).optional(),
  anyOf: z.array(z.string().min(1)).min(1),
});
export type RequiredDocument = z.output<typeof requiredDocument>;

export const reviewStandard = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(200),
  nameEn,
  version: z.string().min(1).max(40),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Bundled from partial published sources, not a province's adopted standard. */
  example: z.boolean().default(false),
  source: z.string().max(1000).default(''),
  /** Lowest percentage for each grade, best first; the last is the floor. */
  grades: z.array(z.object({ name: z.string().min(1).max(20), nameEn, min: z.number().min(0).max(100) })).min(1),
  gradesUncertain: z.boolean().default(false),
  vetoes: z.array(reviewVeto).default([]),
  sections: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1).max(60),
        nameEn,
        items: z.array(reviewItem).min(1),
      }),
    )
    .min(1),
  /** What the 'required-documents' check asks of each file. */
  requiredDocuments: z.array(requiredDocument).default([]),
});
export type ReviewStandard = z.output<typeof reviewStandard>;
