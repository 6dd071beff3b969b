import { z } from 'zod';

/**
 * The order of the 卷内目录 (the result document first, then the procedure as it happened, execution
 * and closing last): the bundled one (knowledge/file-order.json) or a province's, imported by an
 * admin. Keys are document types, approval:<stage> and event:<kind> (domain/case-file.ts).
 */
export const fileOrder = z.object({
  version: z.string(),
  source: z.string(),
  note: z.string().default(''),
  order: z.array(z.string().min(1)).min(1),
  /** What the paper for an approval or a recorded event is called in the 目录. */
  titles: z.record(z.string(), z.string()).default({}),
});
export type FileOrder = z.output<typeof fileOrder>;
