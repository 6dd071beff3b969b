import { z } from 'zod';
import type { ReviewResult } from '../domain/review/review.ts';

/** What a reviewer decides on a file: each judgement item or veto judged, and findings overruled with a reason. */
export const reviewDecisions = z
  .object({
    judgements: z
      .record(
        z.string().regex(/^[a-z0-9-]+$/),
        z.object({
          passed: z.boolean(),
          lost: z.number().min(0).max(100).optional(),
          comment: z.string().trim().max(1000).default(''),
        }),
      )
      .default({}),
    overruled: z
      .record(z.string().max(400), z.string().trim().min(1, { error: 'review.rules.reasonRequired' }).max(1000))
      .default({}),
  })
  .default({ judgements: {}, overruled: {} });

/** A review signed and kept: the result as it stood, who signed it, and the audit chain head then. */
export interface SavedReview {
  id: number;
  caseId: number;
  standardId: string;
  standardVersion: string;
  score: number;
  max: number;
  percent: number | null;
  grade: string | null;
  vetoed: boolean;
  reviewer: string;
  signedAt: string;
  auditHead: string | null;
  decisions: z.output<typeof reviewDecisions>;
  result: ReviewResult;
}
