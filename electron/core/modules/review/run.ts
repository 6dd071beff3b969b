import type { ReviewRun } from '../../../../shared/api/contract.ts';
import { byFileOrder } from '../../../../shared/domain/case-file.ts';
import { type ReviewDecisions, resultDigest, review } from '../../../../shared/domain/review/review.ts';
import type { ReviewStandard } from '../../../../shared/entities/review-standard.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { CoreState } from '../../context.ts';
import type { RuleContext } from '../../rules.ts';
import { reviewSnapshot } from './snapshot.ts';

/** A file's review with the standard in force: what the review page shows, the exports' pre-upload check reads. */
export async function runReview(
  core: CoreState,
  cr: RuleContext,
  id: number,
  decisions: ReviewDecisions,
): Promise<ReviewRun & { standard: ReviewStandard }> {
  const s = await reviewSnapshot(core, core.store.db, id, cr);
  const { detail } = s;
  const standard = standardOf(core, cr.settings);
  const result = review(s, standard, decisions);
  // The documents as the bound file orders them (the province's order where one was imported).
  const inOrder = byFileOrder((cr.settings.fileOrder ?? core.knowledge.fileOrder).order);
  const documents = detail.documents
    .filter((d) => d.status === 'issued' && !d.superseded)
    .sort((a, b) => inOrder({ key: a.type, date: a.date ?? '' }, { key: b.type, date: b.date ?? '' }));
  return {
    caseId: id,
    caseNo: detail.caseNo,
    cause: detail.cause,
    partyName: detail.unit.name,
    handlerNames: detail.handlerNames,
    documents: documents.map((d) => ({
      id: d.id,
      type: d.type,
      typeName: d.typeName,
      numberText: d.numberText,
      date: d.date,
    })),
    result,
    digest: resultDigest(result),
    standard,
  };
}

/** The province's standard where an admin imported one, else the bundled 示例. */
export const standardOf = (core: CoreState, settings: Settings): ReviewStandard =>
  settings.reviewStandard ?? core.knowledge.reviewStandard;
