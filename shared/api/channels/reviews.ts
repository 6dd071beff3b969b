import { z } from 'zod';
import { id, isoDate } from '../../entities/common.ts';
import { reviewDecisions, type ReviewResult, type SavedReview } from '../../entities/review.ts';
import type { ReviewStandard } from '../../entities/review-standard.ts';
import { channel } from './channel.ts';
import { byId, type FileDownload, none } from './fragments.ts';

/** A case file reviewed: what it is (its handlers, the name of each document), the result and its fingerprint (what is signed). */
export interface ReviewRun {
  caseId: number;
  caseNo: string;
  cause: string;
  partyName: string;
  handlerNames: string[];
  documents: { id: number; type: string; typeName: string; numberText: string | null; date: string | null }[];
  result: ReviewResult;
  digest: string;
}

/** 案卷评查: the standard in force, and the review of one case file (the machine's findings; judgement items pending). */
export const reviewChannels = {
  'reviews:standard': channel<ReviewStandard>()({ input: none, access: 'cases.read' }),
  /** The bundled 示例 standard, to go back to or to start a province's own from. */
  'reviews:bundled-standard': channel<ReviewStandard>()({ input: none, access: 'cases.read' }),
  'reviews:run': channel<ReviewRun>()({ input: z.object({ id, decisions: reviewDecisions }), access: 'cases.read' }),
  /** The legal reviewer signs the review as judged: kept with the audit chain head, never changed; the file's history lists it. */
  'reviews:sign': channel<SavedReview>()({
    input: z.object({ id, decisions: reviewDecisions, seen: z.string().min(1).max(20) }),
    access: 'cases.review',
  }),
  'reviews:history': channel<SavedReview[]>()({ input: byId, access: 'cases.read' }),
  /** The 评查表 of a signed review, printed through the document engine. */
  'reviews:report': channel<FileDownload>()({ input: z.object({ reviewId: id }), access: 'cases.read' }),
  /** The files of a period to review in a batch: filed (or, for 当场处罚, opened) between the two days. */
  'reviews:files': channel<{ id: number; caseNo: string; cause: string; filedOn: string }[]>()({
    input: z.object({ from: isoDate, to: isoDate }),
    access: 'cases.read',
  }),
} as const;
