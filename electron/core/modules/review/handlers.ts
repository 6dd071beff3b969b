import { review } from '../../../../shared/domain/review/review.ts';
import type { ReviewSnapshot } from '../../../../shared/domain/review/checks.ts';
import type { CoreState, HandlerGroup } from '../../context.ts';
import { readSettings } from '../accounts/handlers.ts';
import { caseDetail, caseRules, type CaseRules } from '../cases/repository.ts';
import { toOfficer } from '../officers/handlers.ts';

/**
 * 案卷评查: the core gathers a case file into a snapshot (the case as the case page shows it, the
 * roster, the periods and calendar) and runs the pure review over it with the standard in force.
 */
export async function reviewSnapshot(core: CoreState, id: number, cr: CaseRules): Promise<ReviewSnapshot> {
  const { certExpiryWarningDays } = await readSettings(core);
  const [detail, officers] = await Promise.all([caseDetail(core, core.store.db, id, cr), core.store.db.selectFrom('officers').selectAll().execute()]);
  return { detail, roster: officers.map((r) => toOfficer(r, cr.today, certExpiryWarningDays)), periods: core.knowledge.periods, cal: cr.cal, rules: cr.rules };
}

export const reviewHandlers = {
  async 'reviews:standard'(_input, { core }) {
    return core.knowledge.reviewStandard;
  },
  async 'reviews:run'({ id }, { core }) {
    const s = await reviewSnapshot(core, id, await caseRules(core));
    return { caseId: id, caseNo: s.detail.caseNo, cause: s.detail.cause, partyName: s.detail.unit.name, result: review(s, core.knowledge.reviewStandard) };
  },
} satisfies HandlerGroup<'reviews'>;
