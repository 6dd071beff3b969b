import { z } from 'zod';
import { isoDate } from './common.ts';
import { SUPERVISION_CATEGORIES, keysOf } from '../base/vocabulary.ts';

/**
 * A checklist from the knowledge files (resources/knowledge/checklists/*.json): the major-accident-
 * hazard criteria by standard and article, and configurable 重点检查事项 lists. Items marked uncertain
 * in the source stay marked, so the UI can say 待核实.
 */
export const checklistItem = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Where the item stands in its source: 第四条第（一）项, 第十三条第（三）项… */
  article: z.string(),
  text: z.string().min(4),
  /** Narrows the list's categories for this item (e.g. only 涉爆粉尘). */
  categories: z.array(z.enum(keysOf(SUPERVISION_CATEGORIES))).optional(),
  /** Finding this item makes a hazard 重大事故隐患. */
  major: z.boolean(),
  /** The provision usually violated, and the one that sets the penalty (安全生产法 2021 unless said). */
  violatedProvision: z.string().nullable(),
  penaltyProvision: z.string().nullable(),
  /** Matches a 危险作业罪 situation (刑法 第一百三十四条之一). */
  criminalRisk: z.boolean().default(false),
  uncertain: z.boolean().default(false),
  note: z.string().default(''),
});

export const checklist = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  source: z.string(),
  effectiveFrom: isoDate.nullable(),
  kind: z.enum(['major-hazard', 'key-items']),
  categories: z.array(z.enum(keysOf(SUPERVISION_CATEGORIES))).min(1),
  uncertain: z.boolean().default(false),
  items: z.array(checklistItem).min(1),
});
export type Checklist = z.output<typeof checklist>;
export type ChecklistItem = z.output<typeof checklistItem>;
