import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import { withCriteria } from '../../../../shared/domain/hazard-criteria.ts';
import { addCalendarDays } from '../../../../shared/domain/workdays.ts';
import type { Escalation, Hazard, HazardFields } from '../../../../shared/entities/hazard.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import { assertVersion, type CoreState, type HandlerGroup } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { storeFile } from '../../files.ts';
import type { RuleContext } from '../../rules.ts';
import { findInspection } from '../inspections/repository.ts';
import { hazardById, listHazards, selectHazards, toHazards } from './repository.ts';

/**
 * 隐患: what an inspection found, its rectification deadline, and what the re-inspection found.
 * Re-inspections fall due from the deadline on the working-day calendar; an overdue or failed
 * re-check, or an item that matches 危险作业罪, is recorded as an escalation for the case work.
 */
const hazardIssue = (field: string, key: string) => new AppError('VALIDATION', { issues: [{ path: [field], key }] });

/** A criteria item decides 重大; the suggested legal basis comes from the item unless the officer wrote one. */
function fromCriteria(core: CoreState, f: HazardFields): HazardFields {
  if (!f.criteriaItemId) return f;
  const found = core.knowledge.checklistItems.get(f.criteriaItemId);
  if (!found) throw hazardIssue('criteriaItemId', 'validation.hazard.unknownCriteria');
  return withCriteria(found.item, f);
}

type Cause = 'overdue' | 'failed-recheck' | 'criminal-risk';
/** At most one escalation per hazard and cause (a unique index): looking again adds nothing. */
async function escalate(
  core: CoreState,
  trx: Kysely<DB>,
  actor: AuditActor,
  e: {
    enterpriseId: number;
    hazardId: number;
    inspectionId: number | null;
    kind: Escalation['kind'];
    cause: Cause;
    reason: string;
  },
): Promise<void> {
  const created = await trx
    .insertInto('escalations')
    .values({ ...e, status: 'open', createdAt: core.now().toISOString(), createdBy: actor.userName })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created)
    core.record(actor, { action: 'escalations:create', entityType: 'escalation', entityId: created.id, after: e });
}

/** Overdue re-inspections become escalations when looked at (the workbench): no timer needed. */
async function escalateOverdue(core: CoreState, actor: AuditActor, overdue: Hazard[]): Promise<void> {
  if (!overdue.length) return;
  await core.tx(async (trx) => {
    for (const h of overdue) {
      await escalate(core, trx, actor, {
        enterpriseId: h.enterpriseId,
        hazardId: h.id,
        inspectionId: h.inspectionId,
        kind: 'suggest-case',
        cause: 'overdue',
        reason: `隐患“${h.description}”整改期限${chineseDate(h.deadline!)}已过，复查逾期未进行（应于${chineseDate(h.recheckDue!)}前复查）`,
      });
    }
  });
}

/**
 * Open hazards whose re-check is due within the week or already late; the late ones are escalated here, so
 * whichever the workbench asks first (the re-checks or the escalations) already sees them.
 */
async function rechecks(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
): Promise<{ due: Hazard[]; overdue: Hazard[] }> {
  const today = rules.today;
  const weekEnd = addCalendarDays(today, 7);
  const open = await toHazards(
    core.store.db,
    core.knowledge,
    await selectHazards(core.store.db)
      .where('hazards.status', '=', 'open')
      .where('hazards.deadline', 'is not', null)
      .execute(),
    rules,
  );
  const due = open.filter((h) => h.recheckDue && h.recheckDue >= today && h.recheckDue <= weekEnd);
  const overdue = open.filter((h) => h.recheckDue && h.recheckDue < today);
  await escalateOverdue(core, actor, overdue);
  return { due, overdue };
}

async function inIssuedOrder(db: Kysely<DB>, h: Hazard): Promise<boolean> {
  const orders = await db
    .selectFrom('documents')
    .select('fieldsJson')
    .where('inspectionId', '=', h.inspectionId)
    .where('type', '=', 'rectification-order')
    .where('status', '=', 'issued')
    .execute();
  return orders.some((o) =>
    (JSON.parse(o.fieldsJson) as { items?: { hazardId: number | null }[] }).items?.some((i) => i.hazardId === h.id),
  );
}

export const hazardHandlers: HandlerGroup<'hazards'> = {
  async 'hazards:list'(filter, { core, rules }) {
    return listHazards(core.store.db, core.knowledge, rules, filter);
  },
  async 'hazards:create'(input, { core, actor, rules }) {
    const inspection = await findInspection(core.store.db, input.inspectionId);
    if (!inspection) throw new AppError('NOT_FOUND', { entity: 'inspection', id: input.inspectionId });
    const f = fromCriteria(core, input);
    const at = core.now().toISOString();
    return core.tx(async (trx) => {
      const { id } = await trx
        .insertInto('hazards')
        .values({
          inspectionId: f.inspectionId,
          enterpriseId: inspection.enterpriseId,
          description: f.description,
          location: f.location,
          level: f.level,
          criteriaItemId: f.criteriaItemId,
          legalBasis: f.legalBasis,
          photosJson: '[]',
          deadline: f.deadline,
          status: 'open',
          recheckNote: '',
          createdAt: at,
          updatedAt: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const criteria = f.criteriaItemId ? core.knowledge.checklistItems.get(f.criteriaItemId) : undefined;
      if (criteria?.item.criminalRisk) {
        await escalate(core, trx, actor, {
          enterpriseId: inspection.enterpriseId,
          hazardId: id,
          inspectionId: inspection.id,
          kind: 'suggest-transfer',
          cause: 'criminal-risk',
          reason: `隐患“${f.description}”符合${criteria.checklist.name}${criteria.item.article}，可能涉嫌危险作业罪（《刑法》第一百三十四条之一），建议研判是否移送`,
        });
      }
      const created = await hazardById(trx, core.knowledge, id, rules);
      core.record(actor, { action: 'hazards:create', entityType: 'hazard', entityId: id, after: created });
      return created;
    });
  },
  async 'hazards:update'({ id, version, hazard }, { core, actor, rules }) {
    const f = fromCriteria(core, hazard);
    return core.tx(async (trx) => {
      const before = await hazardById(trx, core.knowledge, id, rules);
      assertVersion(before, version);
      if (f.deadline !== before.deadline && (await inIssuedOrder(trx, before))) {
        // The issued order states the old date: a new one comes through 整改延期, which is recorded.
        throw hazardIssue('deadline', 'validation.hazard.deadlineInOrder');
      }
      await trx
        .updateTable('hazards')
        .set({
          description: f.description,
          location: f.location,
          level: f.level,
          criteriaItemId: f.criteriaItemId,
          legalBasis: f.legalBasis,
          deadline: f.deadline,
          updatedAt: core.now().toISOString(),
          version: version + 1,
        })
        .where('id', '=', id)
        .execute();
      const after = await hazardById(trx, core.knowledge, id, rules);
      core.record(actor, { action: 'hazards:update', entityType: 'hazard', entityId: id, before, after });
      return after;
    });
  },
  async 'hazards:recheck'({ id, recheckInspectionId, result, note }, { core, actor, rules }) {
    const recheck = await findInspection(core.store.db, recheckInspectionId);
    if (!recheck) throw new AppError('NOT_FOUND', { entity: 'inspection', id: recheckInspectionId });
    return core.tx(async (trx) => {
      const before = await hazardById(trx, core.knowledge, id, rules);
      // The result comes from a 复查 of the hazard's own inspection; the same 复查 may correct what it recorded.
      if (recheck.recheckOf !== before.inspectionId)
        throw hazardIssue('recheckInspectionId', 'validation.hazard.notItsRecheck');
      if (before.status !== 'open' && before.recheckInspectionId !== recheckInspectionId)
        throw hazardIssue('id', 'validation.hazard.alreadyRechecked');
      await trx
        .updateTable('hazards')
        .set({
          status: result,
          recheckInspectionId,
          recheckedAt: recheck.startedAt.slice(0, 10),
          recheckNote: note,
          updatedAt: core.now().toISOString(),
          version: before.version + 1,
        })
        .where('id', '=', id)
        .execute();
      if (result === 'not-rectified') {
        await escalate(core, trx, actor, {
          enterpriseId: before.enterpriseId,
          hazardId: id,
          inspectionId: recheckInspectionId,
          kind: 'suggest-case',
          cause: 'failed-recheck',
          reason: `复查发现隐患“${before.description}”逾期未整改，建议立案查处${note ? `（${note}）` : ''}`,
        });
      }
      const after = await hazardById(trx, core.knowledge, id, rules);
      core.record(actor, { action: 'hazards:recheck', entityType: 'hazard', entityId: id, before, after });
      return after;
    });
  },
  async 'hazards:extend'({ id, requestedOn, requestedUntil, reason, decision }, { core, actor, rules }) {
    return core.tx(async (trx) => {
      const before = await hazardById(trx, core.knowledge, id, rules);
      if (before.status !== 'open') throw hazardIssue('id', 'validation.hazard.notOpen');
      // An extension asks for a later deadline than the one in force, and for a day after the request.
      if (requestedUntil < requestedOn || (before.deadline && requestedUntil <= before.deadline))
        throw hazardIssue('requestedUntil', 'validation.hazard.extensionNotLater');
      await trx
        .insertInto('hazardExtensions')
        .values({
          hazardId: id,
          requestedOn,
          requestedUntil,
          reason,
          decision,
          previousDeadline: before.deadline,
          decidedAt: core.now().toISOString(),
          decidedBy: actor.userName,
        })
        .execute();
      if (decision === 'approved')
        await trx
          .updateTable('hazards')
          .set({ deadline: requestedUntil, updatedAt: core.now().toISOString(), version: before.version + 1 })
          .where('id', '=', id)
          .execute();
      const after = await hazardById(trx, core.knowledge, id, rules);
      core.record(actor, { action: 'hazards:extend', entityType: 'hazard', entityId: id, before, after });
      return after;
    });
  },
  async 'hazards:attach-photo'({ id, file }, { core, actor, rules }) {
    const hash = storeFile(core.dataDir, Buffer.from(file.dataBase64, 'base64'));
    return core.tx(async (trx) => {
      const before = await hazardById(trx, core.knowledge, id, rules);
      const photos = [...before.photos, { hash, name: file.fileName }];
      await trx
        .updateTable('hazards')
        .set({ photosJson: JSON.stringify(photos), updatedAt: core.now().toISOString(), version: before.version + 1 })
        .where('id', '=', id)
        .execute();
      core.record(actor, {
        action: 'hazards:attach-photo',
        entityType: 'hazard',
        entityId: id,
        after: { hash, name: file.fileName },
      });
      return hazardById(trx, core.knowledge, id, rules);
    });
  },
  async 'hazards:due'(_input, { core, actor, rules }) {
    const { due, overdue } = await rechecks(core, actor, rules);
    return { dueThisWeek: due, overdue, uncertain: [...due, ...overdue].some((h) => h.recheckDueUncertain) };
  },
};

export const escalationHandlers: HandlerGroup<'escalations'> = {
  async 'escalations:list'({ status }, { core, actor, rules }) {
    await rechecks(core, actor, rules);
    let q = core.store.db
      .selectFrom('escalations')
      .innerJoin('enterprises', 'enterprises.id', 'escalations.enterpriseId')
      .selectAll('escalations')
      .select('enterprises.name as enterpriseName');
    if (status) q = q.where('escalations.status', '=', status);
    const rows = await q.orderBy('escalations.id', 'desc').execute();
    return rows.map(({ cause: _c, ...r }) => ({
      ...r,
      kind: r.kind as Escalation['kind'],
      status: r.status as Escalation['status'],
    }));
  },
  async 'escalations:resolve'({ id, status }, { core, actor }) {
    await core.tx(async (trx) => {
      const row = await trx.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', { entity: 'escalation', id });
      await trx.updateTable('escalations').set({ status }).where('id', '=', id).execute();
      core.record(actor, {
        action: 'escalations:resolve',
        entityType: 'escalation',
        entityId: id,
        before: { status: row.status },
        after: { status },
      });
    });
    return { ok: true as const };
  },
};
