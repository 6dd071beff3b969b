import { review } from '../../../../shared/domain/review/review.ts';
import type { ReviewSnapshot } from '../../../../shared/domain/review/checks.ts';
import type { CoreState, HandlerGroup } from '../../context.ts';
import { readSettings } from '../accounts/handlers.ts';
import { caseDetail, caseRules, type CaseRules, caseSummaries } from '../cases/repository.ts';
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
    const { detail } = s;
    return {
      caseId: id, caseNo: detail.caseNo, cause: detail.cause, partyName: detail.unit.name, handlerNames: detail.handlerNames,
      documents: detail.documents.filter((d) => d.status === 'issued').map((d) => ({ id: d.id, typeName: d.typeName, numberText: d.numberText, date: d.date })),
      result: review(s, core.knowledge.reviewStandard),
    };
  },
  async 'reviews:files'({ from, to }, { core }) {
    // 当场处罚 has no 立案: the day the file was opened stands for it.
    const rows = await core.store.db.selectFrom('cases').selectAll().orderBy('id').execute();
    return (await caseSummaries(core, core.store.db, rows))
      .map(({ summary: c }) => ({ id: c.id, caseNo: c.caseNo, cause: c.cause, filedOn: c.filedOn ?? c.createdAt.slice(0, 10) }))
      .filter((c) => c.filedOn >= from && c.filedOn <= to);
  },
} satisfies HandlerGroup<'reviews'>;
