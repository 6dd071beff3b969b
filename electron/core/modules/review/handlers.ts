import { AppError } from '../../../../shared/base/errors.ts';
import type { SavedReview } from '../../../../shared/entities/review.ts';
import { download } from '../files.ts';
import { chinaDate } from '../../../../shared/domain/dates.ts';
import { reviewReport } from './report.ts';
import type { CoreState, HandlerGroup } from '../../context.ts';
import { caseSummaries } from '../cases/repository.ts';
import { runReview, standardOf } from './run.ts';
import { toSavedReview } from './saved.ts';

/**
 * 案卷评查: each file is run through the pure review (shared/domain/review) over its snapshot
 * (snapshot.ts) with the standard in force; a reviewer signs what was seen, and the 评查表 prints it.
 */
/** The signed reviews of a file, newest first. */
async function savedReviews(core: CoreState, caseId: number): Promise<SavedReview[]> {
  const rows = await core.store.db
    .selectFrom('caseReviews')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toSavedReview);
}

export const reviewHandlers = {
  async 'reviews:standard'(_input, { core, rules }) {
    return standardOf(core, rules.settings);
  },
  async 'reviews:bundled-standard'(_input, { core }) {
    return core.knowledge.reviewStandard;
  },
  async 'reviews:run'({ id, decisions }, { core, rules }) {
    const { standard: _standard, ...run } = await runReview(core, rules, id, decisions);
    return run;
  },
  async 'reviews:sign'({ id, decisions, seen }, { core, actor, rules }) {
    const run = await runReview(core, rules, id, decisions);
    const r = run.result;
    // The file or the standard changed since the reviewer looked: what is signed must be what was seen.
    if (run.digest !== seen)
      throw new AppError('VALIDATION', { issues: [{ path: ['seen'], key: 'review.rules.changedSinceViewed' }] });
    // A signed review is whole: every judgement made, every failure and overruling with its reason.
    const issues = [
      ...(r.pendingJudgements
        ? [{ path: ['decisions'], key: 'review.rules.judgementsPending', params: { n: r.pendingJudgements } }]
        : []),
      ...Object.entries(decisions.judgements)
        .filter(([, j]) => !j.passed && !j.comment)
        .map(([item]) => ({ path: ['decisions', 'judgements', item, 'comment'], key: 'review.rules.commentRequired' })),
    ];
    if (issues.length) throw new AppError('VALIDATION', { issues });
    const signedAt = core.now().toISOString();
    const reviewId = await core.tx(async (trx) => {
      const row = await trx
        .insertInto('caseReviews')
        .values({
          caseId: id,
          standardId: r.standard.id,
          standardVersion: r.standard.version,
          score: r.score,
          max: r.max,
          percent: r.percent,
          grade: r.grade,
          vetoed: r.vetoed ? 1 : 0,
          decisionsJson: JSON.stringify(decisions),
          resultJson: JSON.stringify(r),
          standardJson: JSON.stringify(run.standard),
          reviewer: actor.userName,
          signedAt,
          auditHead: core.audit.head(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      core.record(actor, {
        action: 'reviews:sign',
        entityType: 'case',
        entityId: id,
        after: { reviewId: row.id, score: r.score, grade: r.grade, vetoed: r.vetoed, findings: r.findings.length },
      });
      return row.id;
    });
    return (await savedReviews(core, id)).find((x) => x.id === reviewId)!;
  },
  async 'reviews:history'({ id }, { core }) {
    return savedReviews(core, id);
  },
  async 'reviews:report'({ reviewId }, { core, rules }) {
    const row = await core.store.db
      .selectFrom('caseReviews')
      .select(['caseId'])
      .where('id', '=', reviewId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'review', id: reviewId });
    const saved = (await savedReviews(core, row.caseId)).find((x) => x.id === reviewId)!;
    const c = await core.store.db
      .selectFrom('cases')
      .select(['caseNo', 'cause', 'unitJson'])
      .where('id', '=', row.caseId)
      .executeTakeFirstOrThrow();
    const file = { caseNo: c.caseNo, cause: c.cause, partyName: (JSON.parse(c.unitJson) as { name: string }).name };
    return download(`${c.caseNo}_案卷评查表_${reviewId}.pdf`, await reviewReport(core, rules, saved, file));
  },
  async 'reviews:files'({ from, to }, { core }) {
    // 当场处罚 has no 立案: the day the file was opened stands for it.
    const rows = await core.store.db.selectFrom('cases').selectAll().orderBy('id').execute();
    // A file never filed (an ordinary case still before 立案) is not one to review yet.
    return (await caseSummaries(core, core.store.db, rows))
      .map(({ summary: c }) => ({
        id: c.id,
        caseNo: c.caseNo,
        cause: c.cause,
        filedOn: c.filedOn ?? (c.procedure === 'summary' ? chinaDate(new Date(c.createdAt)) : null),
      }))
      .filter((c): c is typeof c & { filedOn: string } => !!c.filedOn && c.filedOn >= from && c.filedOn <= to);
  },
} satisfies HandlerGroup<'reviews'>;
