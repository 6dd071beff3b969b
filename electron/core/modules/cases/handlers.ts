import { AppError } from '../../../../shared/base/errors.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import {
  amountIssues,
  basisMissing,
  confiscationIssues,
  statutoryRange,
} from '../../../../shared/domain/discretion.ts';
import { checkIdCard } from '../../../../shared/base/id-card.ts';
import { measureEventIssues } from '../../../../shared/domain/case-measures.ts';
import {
  approval,
  eventIssues,
  revisionIssues,
  transferState,
  urgency,
  violationIssues,
} from '../../../../shared/domain/case-procedure.ts';
import {
  OWN_CHANNEL_KINDS,
  permissionToRecord,
  permissionToRetract,
  retractRefusal,
} from '../../../../shared/domain/case-permissions.ts';
import { ROLE_PERMISSIONS, can } from '../../../../shared/base/roles.ts';
import type { CaseEventData, CaseInput, Party } from '../../../../shared/entities/case.ts';
import type { ValidationIssue } from '../../../../shared/base/errors.ts';
import { assertVersion, type CoreState, type Ctx, type HandlerGroup } from '../../context.ts';
import { readFile, storeFile } from '../../files.ts';
import { download } from '../files.ts';
import { findById as findEnterprise } from '../enterprises/repository.ts';
import { findInspection } from '../inspections/repository.ts';
import {
  archiveNumbers,
  caseDetail,
  caseSummaries,
  deadlinesOf,
  finedAtFirst,
  hazardsFinedElsewhere,
} from './repository.ts';
import { boundCaseFile, caseFileBinder } from './binder.ts';
import { approvalForm } from './approval-forms.ts';
import { APPROVAL_STAGES } from '../../../../shared/base/vocabulary.ts';
import { publicationRecords } from '../../../../shared/domain/publication.ts';

/**
 * 案件: opened (from an inspection's escalation, a complaint, a referral or an accident), decided
 * at 呈批 (parties and violations with their legal basis and discretion), and carried by appended
 * events to 结案 and 归档. Every refusal names its rule (shared/domain/case-procedure.ts).
 */
/** The penalty items are 安全生产法 articles; documents cite the law by its full name. */
const LAW_CITED = '《中华人民共和国安全生产法》';
const invalid = (issues: ValidationIssue[]) => new AppError('VALIDATION', { issues });

async function checkHandlers(core: CoreState, ids: number[]): Promise<void> {
  const found = await core.store.db.selectFrom('officers').select('id').where('id', 'in', ids).execute();
  if (new Set(ids).size < 2) throw invalid([{ path: ['handlerIds'], key: 'cases.rules.twoHandlers' }]);
  const missing = ids.findIndex((i) => !found.some((f) => f.id === i));
  if (missing >= 0) throw invalid([{ path: ['handlerIds', missing], key: 'validation.officer.unknown' }]);
}

async function unitParty(core: CoreState, enterpriseId: number): Promise<Party> {
  const e = await findEnterprise(core.store.db, enterpriseId);
  if (!e) throw new AppError('NOT_FOUND', { entity: 'enterprise', id: enterpriseId });
  return {
    kind: 'unit',
    name: e.name,
    code: e.uscc,
    post: '',
    address: e.address,
    legalRepresentative: e.legalRepresentative || e.principal,
  };
}

const columns = (c: Omit<CaseInput, 'escalationId'> & { handlerIds: number[] }) => ({
  source: c.source,
  inspectionId: c.inspectionId ?? null,
  sourceNote: c.sourceNote ?? '',
  cause: c.cause,
  facts: c.facts ?? '',
  violationDate: c.violationDate,
  handlerIdsJson: JSON.stringify(c.handlerIds),
  procedure: c.procedure ?? 'ordinary',
  complex: c.complex ? 1 : 0,
  suspectedCrime: c.suspectedCrime ? 1 : 0,
});

export const caseHandlers: HandlerGroup<'cases'> = {
  async 'cases:list'({ enterpriseId, stage, page, pageSize }, { core }) {
    let q = core.store.db.selectFrom('cases').selectAll();
    if (enterpriseId) q = q.where('enterpriseId', '=', enterpriseId);
    const rows = await q.orderBy('id', 'desc').execute();
    // The stage is computed from events, so the filter runs after: a county has hundreds of cases, not millions.
    const all = (await caseSummaries(core, core.store.db, rows))
      .map((s) => s.summary)
      .filter((s) => !stage || s.stage === stage);
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
  },
  async 'cases:get'({ id }, { core, rules }) {
    return caseDetail(core, core.store.db, id, rules);
  },
  async 'cases:draft-from-escalation'({ escalationId }, { core, rules }) {
    const db = core.store.db;
    const esc = await db.selectFrom('escalations').selectAll().where('id', '=', escalationId).executeTakeFirst();
    if (!esc) throw new AppError('NOT_FOUND', { entity: 'escalation', id: escalationId });
    const inspection = esc.inspectionId ? await findInspection(db, esc.inspectionId) : null;
    // A failed re-check points at the 复查; the hazard, its original inspection and its legal basis come along.
    const hazard = esc.hazardId
      ? await db.selectFrom('hazards').selectAll().where('id', '=', esc.hazardId).executeTakeFirst()
      : undefined;
    const origin = hazard ? await findInspection(db, hazard.inspectionId) : inspection;
    const found = (inspection ?? origin)?.startedAt.slice(0, 10) ?? rules.today;
    // A transfer review is advice to the officers, not a fact of the file: it is shown beside the form, never
    // written into the case (and so never printed on the 立案审批表), and 涉嫌犯罪 stays theirs to tick.
    const advice = esc.kind === 'suggest-transfer' ? esc.reason : null;
    return {
      enterpriseId: esc.enterpriseId,
      source: 'inspection' as const,
      escalationId: esc.id,
      inspectionId: origin?.id ?? null,
      sourceNote: advice ? `${chineseDate(found)}现场检查发现` : esc.reason,
      cause: hazard ? `涉嫌未采取措施消除事故隐患案（${hazard.description.slice(0, 40)}）` : '',
      facts: [hazard && `${hazard.description}${hazard.location ? `（${hazard.location}）` : ''}`, hazard?.legalBasis]
        .filter(Boolean)
        .join('。'),
      violationDate: found,
      handlerIds: (inspection ?? origin)?.officerIds ?? [],
      procedure: 'ordinary' as const,
      complex: false,
      suspectedCrime: false,
      advice,
    };
  },
  async 'cases:create'(input, { core, actor, rules: cr }) {
    await checkHandlers(core, input.handlerIds);
    const unit = await unitParty(core, input.enterpriseId);
    if (input.violationDate > cr.today) throw invalid([{ path: ['violationDate'], key: 'cases.rules.futureDate' }]);
    const at = core.now().toISOString();
    const year = cr.today.slice(0, 4);
    return core.tx(async (trx) => {
      if (input.escalationId) {
        const esc = await trx
          .selectFrom('escalations')
          .selectAll()
          .where('id', '=', input.escalationId)
          .executeTakeFirst();
        if (!esc) throw new AppError('NOT_FOUND', { entity: 'escalation', id: input.escalationId });
        if (esc.enterpriseId !== input.enterpriseId)
          throw invalid([{ path: ['escalationId'], key: 'cases.rules.escalationOtherEnterprise' }]);
        if (esc.status !== 'open') throw invalid([{ path: ['escalationId'], key: 'cases.rules.escalationNotOpen' }]);
        await trx.updateTable('escalations').set({ status: 'taken' }).where('id', '=', esc.id).execute();
        core.record(actor, {
          action: 'escalations:resolve',
          entityType: 'escalation',
          entityId: esc.id,
          before: { status: esc.status },
          after: { status: 'taken' },
        });
      }
      const last = await trx
        .selectFrom('cases')
        .select('caseNo')
        .where('caseNo', 'like', `${year}-%`)
        .orderBy('caseNo', 'desc')
        .executeTakeFirst();
      const caseNo = `${year}-${String(Number(last?.caseNo.slice(5) ?? 0) + 1).padStart(4, '0')}`;
      const { id } = await trx
        .insertInto('cases')
        .values({
          caseNo,
          enterpriseId: input.enterpriseId,
          escalationId: input.escalationId,
          ...columns(input),
          unitJson: JSON.stringify(unit),
          personsJson: '[]',
          violationsJson: '[]',
          createdAt: at,
          createdBy: actor.userName,
          updatedAt: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      core.record(actor, { action: 'cases:create', entityType: 'case', entityId: id, after: { caseNo, ...input } });
      return caseDetail(core, trx, id, cr);
    });
  },
  async 'cases:update'({ id, version, case: input }, { core, actor, rules: cr }) {
    await checkHandlers(core, input.handlerIds);
    return core.tx(async (trx) => {
      const before = await caseDetail(core, trx, id, cr);
      assertVersion(before, version);
      if (input.enterpriseId !== before.enterpriseId)
        throw invalid([{ path: ['enterpriseId'], key: 'cases.rules.partyFixed' }]);
      if ((input.procedure ?? 'ordinary') !== before.procedure && before.documents.some((d) => d.status === 'issued'))
        throw invalid([{ path: ['procedure'], key: 'cases.rules.procedureFixed' }]);
      // What the 负责人 approved at 呈批 is not changed afterwards: that needs a new approval. Only the
      // 承办人 may still change, when one was recused (回避) and the 负责人 named another.
      const besidesHandlers = (c: Parameters<typeof columns>[0]) =>
        JSON.stringify({ ...columns(c), handlerIdsJson: '' });
      if (approval(before.events, 'disposal').date && besidesHandlers(before) !== besidesHandlers(input))
        throw invalid([{ path: ['case'], key: 'cases.rules.disposalApproved' }]);
      await trx
        .updateTable('cases')
        .set({ ...columns(input), updatedAt: core.now().toISOString(), version: version + 1 })
        .where('id', '=', id)
        .execute();
      const after = await caseDetail(core, trx, id, cr);
      const { cause, facts, sourceNote, violationDate, handlerIds, procedure, complex, suspectedCrime, source } =
        before;
      core.record(actor, {
        action: 'cases:update',
        entityType: 'case',
        entityId: id,
        before: { cause, facts, sourceNote, violationDate, handlerIds, procedure, complex, suspectedCrime, source },
        after: input,
      });
      return after;
    });
  },
  async 'cases:save-disposal'(
    { id, version, outcome, persons, violations, revisionReason },
    { core, actor, rules: cr },
  ) {
    const issues = violationIssues(violations, persons);
    persons.forEach((p, i) => {
      const id = p.idNumber ? checkIdCard(p.idNumber, cr.today) : null;
      if (id?.error) issues.push({ path: ['persons', i, 'idNumber'], key: id.error });
    });
    violations.forEach((v, i) => {
      const item = core.knowledge.penalties.find((p) => p.id === v.penaltyItemId);
      if (!item) {
        issues.push({ path: ['violations', i, 'penaltyItemId'], key: 'cases.rules.unknownPenaltyItem' });
        return;
      }
      const party = v.party === 'unit' ? 'unit' : 'person';
      const grounds = core.knowledge.benchmarks
        .flatMap((b) => b.circumstances)
        .filter((c) => v.circumstanceIds.includes(c.id));
      issues.push(
        ...amountIssues({
          tier: v.tier,
          amount: v.fine,
          statutory: statutoryRange(item, party, v.stage, v),
          path: ['violations', i, 'fine'],
          mitigated: grounds.some((c) => c.effect === 'lighter' || c.effect === 'reduce'),
          missing: basisMissing(item, party, v.stage, v),
        }),
        ...confiscationIssues(item, v, ['violations', i, 'measures']),
      );
    });
    if (outcome === 'penalty' && !violations.length)
      issues.push({ path: ['violations'], key: 'cases.rules.violationsRequired' });
    if (outcome === 'penalty' && violations.every((v) => v.tier === 'no-penalty' || v.tier === 'waived'))
      issues.push({ path: ['outcome'], key: 'cases.rules.outcomeMismatch' });
    if (issues.length) throw invalid(issues);
    const cited = violations.map((v) => ({
      ...v,
      penaltyProvision:
        v.penaltyProvision || `${LAW_CITED}${core.knowledge.penalties.find((p) => p.id === v.penaltyItemId)!.article}`,
    }));
    return core.tx(async (trx) => {
      const before = await caseDetail(core, trx, id, cr);
      assertVersion(before, version);
      const fined = outcome === 'penalty' ? violations.filter(finedAtFirst) : [];
      const elsewhere = await hazardsFinedElsewhere(
        trx,
        id,
        before.enterpriseId,
        fined.map((v) => v.hazardId!),
      );
      if (elsewhere.length)
        throw invalid(
          violations.flatMap((v, i) =>
            elsewhere
              .filter((e) => fined.includes(v) && e.hazardId === v.hazardId)
              .map((e) => ({
                path: ['violations', i, 'hazardId'],
                key: 'cases.rules.hazardFinedElsewhere',
                params: { caseNo: e.caseNo },
              })),
          ),
        );
      // 当场处罚 is decided on the spot, without 立案; an ordinary case is decided after it.
      if (before.procedure === 'ordinary' && !approval(before.events, 'filing').date)
        throw invalid([{ path: ['case'], key: 'cases.rules.notFiled' }]);
      // An approved 呈批 changes only after the party was heard, to a lighter penalty, and is approved anew.
      const revising = !!approval(before.events, 'disposal').date;
      const revision = revisionIssues(before, outcome, cited, revisionReason ?? '');
      if (revision.length) throw invalid(revision);
      if (before.procedure === 'summary' && before.documents.some((d) => d.status === 'issued'))
        throw invalid([{ path: ['case'], key: 'cases.rules.decisionExists' }]);
      // A suspected crime goes to the police first (国务院令第310号 第十一条): a penalty only once they declined it.
      if (before.suspectedCrime && outcome !== 'transfer' && transferState(before) !== 'declined')
        throw invalid([{ path: ['outcome'], key: 'cases.rules.transferFirst' }]);
      if (outcome === 'transfer' && before.procedure === 'summary')
        throw invalid([{ path: ['outcome'], key: 'cases.rules.summaryProcedure' }]);
      await trx
        .updateTable('cases')
        .set({
          outcome,
          personsJson: JSON.stringify(persons),
          violationsJson: JSON.stringify(cited),
          updatedAt: core.now().toISOString(),
          version: version + 1,
        })
        .where('id', '=', id)
        .execute();
      if (revising) {
        const event = { kind: 'disposal-revised' as const, date: cr.today, reason: revisionReason! };
        await trx
          .insertInto('caseEvents')
          .values({
            caseId: id,
            kind: event.kind,
            dataJson: JSON.stringify(event),
            scanSha256: null,
            scanName: null,
            enteredAt: core.now().toISOString(),
            enteredBy: actor.userName,
          })
          .execute();
      }
      core.record(actor, {
        action: 'cases:save-disposal',
        entityType: 'case',
        entityId: id,
        before: { outcome: before.outcome, violations: before.violations },
        after: { outcome, persons, violations: cited },
      });
      return caseDetail(core, trx, id, cr);
    });
  },
  async 'cases:record'({ id, event, scan }, ctx) {
    // A kind with its own channel comes only through it, which checks who may record it.
    if (OWN_CHANNEL_KINDS.includes(event.kind))
      throw new AppError('FORBIDDEN', { permission: permissionToRecord(event) });
    return recordEvent(ctx, id, event, scan);
  },
  async 'cases:sign'({ id, sign, scan }, ctx) {
    const event = { kind: 'approval' as const, ...sign };
    const needed = permissionToRecord(event);
    if (ctx.session && !can(ctx.session.role, needed)) throw new AppError('FORBIDDEN', { permission: needed });
    return recordEvent(ctx, id, event, scan);
  },
  async 'cases:retract'({ id, ...retraction }, ctx) {
    return recordEvent(ctx, id, { kind: 'retract', ...retraction });
  },
  async 'cases:legal-review'({ id, review, scan }, ctx) {
    return recordEvent(ctx, id, { kind: 'legal-review', ...review }, scan);
  },
  async 'cases:binder'({ id }, { core, rules }) {
    const detail = await caseDetail(core, core.store.db, id, rules);
    return download(
      `${detail.caseNo}_案卷封面及卷内目录.pdf`,
      await caseFileBinder(core, core.store.db, rules, detail),
    );
  },
  async 'cases:bound-file'({ id }, { core, rules }) {
    const detail = await caseDetail(core, core.store.db, id, rules);
    return download(`${detail.caseNo}_案卷.pdf`, await boundCaseFile(core, core.store.db, rules, detail));
  },
  async 'cases:publication'({ id }, { core, rules }) {
    const detail = await caseDetail(core, core.store.db, id, rules);
    return publicationRecords(detail, rules.unit?.agencyName ?? '', rules.settings.publicationYears);
  },
  async 'cases:approval-form'({ id, stage }, { core, rules }) {
    const detail = await caseDetail(core, core.store.db, id, rules);
    return download(`${detail.caseNo}_${APPROVAL_STAGES[stage]}表.pdf`, await approvalForm(core, rules, detail, stage));
  },
  async 'cases:file'({ id, hash }, { core }) {
    const ev = await core.store.db
      .selectFrom('caseEvents')
      .select(['scanName'])
      .where('caseId', '=', id)
      .where('scanSha256', '=', hash)
      .executeTakeFirst();
    if (!ev) throw new AppError('NOT_FOUND', { entity: 'file', id: hash });
    return download(ev.scanName ?? `${hash}.bin`, readFile(core.dataDir, hash));
  },
  async 'cases:awaiting'(_input, { core, session, rules: cr }) {
    const mine = new Set(
      (['reviewer', 'supervisor'] as const).filter((who) =>
        session ? can(session.role, who === 'reviewer' ? 'cases.review' : 'cases.approve') : false,
      ),
    );
    if (!mine.size) return [];
    const db = core.store.db;
    const rows = await db.selectFrom('cases').selectAll().orderBy('id').execute();
    // Only a form to sign or a decision to review waits on them: the other stages are not read in full.
    const signing = new Set(['filing', 'disposal', 'decision', 'execution', 'closing']);
    const open = (await caseSummaries(core, db, rows)).filter(({ summary }) => signing.has(summary.stage));
    const out = [];
    for (const { summary } of open) {
      const detail = await caseDetail(core, db, summary.id, cr);
      if (detail.next && mine.has(detail.next.who as 'reviewer' | 'supervisor'))
        out.push({
          caseId: detail.id,
          caseNo: detail.caseNo,
          enterpriseName: detail.enterpriseName,
          cause: detail.cause,
          next: detail.next,
        });
    }
    return out;
  },
  async 'cases:deadlines'({ scope }, { core, session, rules: cr }) {
    if (scope === 'all' && session && !['supervisor', 'admin', 'reviewer'].includes(session.role))
      throw new AppError('FORBIDDEN', { permission: 'cases.all' });
    const db = core.store.db;
    const me = session
      ? await db.selectFrom('users').select('displayName').where('id', '=', session.userId).executeTakeFirst()
      : undefined;
    const rows = await db.selectFrom('cases').selectAll().orderBy('id').execute();
    const out = [];
    // caseSummaries keeps the order of the rows it is given.
    for (const [i, { summary, record }] of (await caseSummaries(core, db, rows)).entries()) {
      if (summary.stage === 'archived') continue;
      // "Mine": cases the user opened or handles (an officer on the roster with the user's name).
      if (
        scope === 'mine' &&
        !(rows[i].createdBy === session?.userName || (me && summary.handlerNames.includes(me.displayName)))
      )
        continue;
      for (const d of deadlinesOf(core, record, cr)) {
        const u = urgency(d, cr.cal, cr.today);
        if (u === 'overdue' || u === 'soon')
          out.push({
            caseId: summary.id,
            caseNo: summary.caseNo,
            enterpriseName: summary.enterpriseName,
            cause: summary.cause,
            urgency: u,
            deadline: d,
            handlerNames: summary.handlerNames,
          });
      }
    }
    return out.sort((a, b) => a.deadline.due.localeCompare(b.deadline.due));
  },
};

async function recordEvent(
  { core, actor, session, rules: cr }: Ctx,
  id: number,
  event: CaseEventData,
  scan?: { fileName: string; dataBase64: string },
) {
  const hash = scan ? storeFile(core.dataDir, Buffer.from(scan.dataBase64, 'base64')) : null;
  return core.tx(async (trx) => {
    const before = await caseDetail(core, trx, id, cr);
    const retracting = event.kind === 'retract' ? before.events.find((e) => e.id === event.eventId) : undefined;
    // Who may take an event back is settled before whether it may still be taken back at all.
    const refusal = retracting ? retractRefusal(session ? ROLE_PERMISSIONS[session.role] : [], retracting) : null;
    if (retracting && refusal)
      throw new AppError('CASE_RETRACT_FORBIDDEN', {
        permission: permissionToRetract(retracting),
        eventKind: retracting.data.kind,
        reason: refusal,
      });
    const issues = [...eventIssues(before, event, cr, retracting), ...measureEventIssues(before, event)];
    if (event.kind === 'archive' && (await archiveNumbers(trx)).includes(event.archiveNo))
      issues.push({
        path: ['event', 'archiveNo'],
        key: 'cases.rules.archiveNoUsed',
        params: { archiveNo: event.archiveNo },
      });
    if (issues.length) throw invalid(issues);
    const { id: eventId } = await trx
      .insertInto('caseEvents')
      .values({
        caseId: id,
        kind: event.kind,
        dataJson: JSON.stringify(event),
        scanSha256: hash,
        scanName: scan?.fileName ?? null,
        enteredAt: core.now().toISOString(),
        enteredBy: actor.userName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    core.record(actor, {
      action: `cases:${event.kind}`,
      entityType: 'case',
      entityId: id,
      after: { eventId, ...event, scan: hash },
    });
    return caseDetail(core, trx, id, cr);
  });
}
