import type { Selectable } from 'kysely';
import type { SavedReview } from '../../../../shared/entities/review.ts';
import type { CaseReviewsTable } from '../../db/schema.ts';

/**
 * A signed review as stored, its decisions and result read back: what the review page lists and an upload package
 * holds. The keys keep the package's order (a package line's digest is taken over its text).
 */
export function toSavedReview(r: Selectable<CaseReviewsTable>): SavedReview {
  return {
    id: r.id,
    caseId: r.caseId,
    standardId: r.standardId,
    standardVersion: r.standardVersion,
    score: r.score,
    max: r.max,
    percent: r.percent,
    grade: r.grade,
    vetoed: r.vetoed === 1,
    decisions: JSON.parse(r.decisionsJson),
    result: JSON.parse(r.resultJson),
    reviewer: r.reviewer,
    signedAt: r.signedAt,
    auditHead: r.auditHead,
  };
}
