import { z } from 'zod';
import { isoDate } from './common.ts';
import { fineRange } from './penalty-article.ts';

/**
 * A discretion benchmark (裁量基准) as data: the circumstances the 行政处罚法 and the benchmark name
 * (不予处罚, 首违不罚, 从轻/减轻, 从重), and rows giving a fine band per penalty item, stage and
 * circumstance. The national 应急〔2024〕90号 and the provincial supplement are imported by an admin;
 * the bundled one is an example (示例) and says so wherever it is used.
 */
export const CIRCUMSTANCE_EFFECTS = ['no-penalty', 'may-waive', 'lighter', 'reduce', 'heavier'] as const;
/** 不予处罚 / 首违不罚 / 减轻 / 从轻 / 一般 / 从重: what the helper proposes and the case records. */
export const DISCRETION_TIERS = ['no-penalty', 'waived', 'reduced', 'lighter', 'general', 'heavier'] as const;
export type DiscretionTier = (typeof DISCRETION_TIERS)[number];
/** first finding / not corrected by the deadline / refused to carry out an order. */
export const VIOLATION_STAGES = ['first', 'overdue', 'refusal'] as const;
export type ViolationStage = (typeof VIOLATION_STAGES)[number];

export const circumstance = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(2),
  basis: z.string().min(2),
  effect: z.enum(CIRCUMSTANCE_EFFECTS),
  uncertain: z.boolean().default(false),
});
export type Circumstance = z.output<typeof circumstance>;

export const benchmarkEntry = z.object({
  penaltyItemId: z.string().regex(/^[a-z0-9-]+$/),
  stage: z.enum(VIOLATION_STAGES),
  circumstance: z.string().min(2),
  unitFine: fineRange,
  personFine: fineRange,
});
export type BenchmarkEntry = z.output<typeof benchmarkEntry>;

export const discretionBenchmark = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'validation.benchmark.id' }),
  name: z.string().min(2),
  /** Shipped for demonstration only: never a lawful basis on its own. */
  example: z.boolean().default(false),
  version: z.string().min(1),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().default(null),
  source: z.string().default(''),
  circumstances: z.array(circumstance).min(1),
  entries: z.array(benchmarkEntry).default([]),
});
export type DiscretionBenchmark = z.output<typeof discretionBenchmark>;
