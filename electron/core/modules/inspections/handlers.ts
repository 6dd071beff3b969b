import { sql } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import type { InspectionFields } from '../../../../shared/entities/inspection.ts';
import { assertVersion, type CoreState, type HandlerGroup } from '../../context.ts';
import { readFile, storeFile } from '../../files.ts';
import { download } from '../files.ts';
import { findById } from '../enterprises/repository.ts';
import { findInspection, toInspection } from './repository.ts';
import { PLANNED_KINDS, planLinkIssues } from '../../../../shared/domain/plans/standing.ts';
import { standingOf } from '../plans/standing.ts';
import type { RuleContext } from '../../rules.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * 现场检查: what happened on site. Saving is always allowed (the record must say what really
 * happened); the rules that block are checked when its 现场检查记录 is issued.
 */
const columns = (f: InspectionFields) => ({
  enterpriseId: f.enterpriseId,
  kind: f.kind,
  startedAt: f.startedAt,
  endedAt: f.endedAt,
  place: f.place,
  officerIdsJson: JSON.stringify(f.officerIds),
  expertsJson: JSON.stringify(f.experts),
  presentJson: JSON.stringify(f.present),
  findings: f.findings,
  refusedToSign: f.refusedToSign ? 1 : 0,
  refusalNote: f.refusalNote,
  recheckOf: f.recheckOf,
  checklistId: f.checklistId,
  // Only a 双随机抽查 is linked to a draw: a kind changed away from it drops the link.
  drawId: f.kind === 'random' ? f.drawId : null,
  // A 计划检查 or 双随机抽查 is the plan's: no reason to be outside it is kept on it.
  unplannedReason: PLANNED_KINDS.includes(f.kind) ? '' : f.unplannedReason,
});

async function ensureReferences(core: CoreState, f: InspectionFields): Promise<void> {
  if (f.checklistId && !core.knowledge.checklists.some((c) => c.id === f.checklistId)) {
    throw new AppError('VALIDATION', {
      issues: [{ path: ['checklistId'], key: 'validation.inspection.unknownChecklist' }],
    });
  }
  if (!(await findById(core.store.db, f.enterpriseId)))
    throw new AppError('VALIDATION', {
      issues: [{ path: ['enterpriseId'], key: 'validation.inspection.unknownEnterprise' }],
    });
  if (f.recheckOf !== null) {
    // A 复查 re-checks an earlier inspection of the same enterprise.
    const original = await findInspection(core.store.db, f.recheckOf);
    if (original?.enterpriseId !== f.enterpriseId)
      throw new AppError('VALIDATION', {
        issues: [{ path: ['recheckOf'], key: 'validation.inspection.unknownRecheckOf' }],
      });
  }
  if (f.officerIds.length) {
    const found = await core.store.db.selectFrom('officers').select('id').where('id', 'in', f.officerIds).execute();
    if (found.length !== new Set(f.officerIds).size)
      throw new AppError('VALIDATION', {
        issues: [{ path: ['officerIds'], key: 'validation.inspection.unknownOfficer' }],
      });
  }
}

/** An inspection records what happened: it neither starts nor ends on a day still to come (a future service is refused alike). */
function notInFuture(f: { startedAt: string | null; endedAt: string | null }, today: string): void {
  const issues = (['startedAt', 'endedAt'] as const)
    .map((field) => [field, f[field]?.slice(0, 10)] as const)
    .filter(([, day]) => day && day > today)
    .map(([field, day]) => ({
      path: [field],
      key: field === 'startedAt' ? 'inspection.rules.inFuture' : 'inspection.rules.endsInFuture',
      params: { date: day!, today },
    }));
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

/**
 * 行政处罚法 第四十二条: an inspection is made by officers whose 执法证 is valid on its day. One whose certificate had
 * lapsed (or was not yet issued) is refused when the inspection is recorded, naming the officer and the dates.
 */
async function certificatesValid(core: CoreState, f: InspectionFields): Promise<void> {
  if (!f.officerIds.length) return;
  const day = f.startedAt.slice(0, 10);
  const rows = await core.store.db
    .selectFrom('officers')
    .select(['id', 'name', 'certValidFrom', 'certValidTo'])
    .where('id', 'in', f.officerIds)
    .execute();
  const issues = f.officerIds.flatMap((id, i) => {
    const o = rows.find((r) => r.id === id);
    return o && (day < o.certValidFrom || day > o.certValidTo)
      ? [
          {
            path: ['officerIds', i],
            key: 'documents.rules.certificateInvalid',
            params: { name: o.name, date: day, from: o.certValidFrom, to: o.certValidTo },
          },
        ]
      : [];
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

/**
 * The year's approved plan, checked in the transaction that writes: a 计划检查 on the 重点 list, a 双随机抽查 with the
 * draw that picked the enterprise, a 计划外 one with its reason, and none beyond the enterprise's annual cap.
 */
async function fitsPlan(
  core: CoreState,
  cr: RuleContext,
  db: Kysely<DB>,
  f: InspectionFields,
  edited?: { id: number; before: InspectionFields },
) {
  const standing = await standingOf(core, cr, db, f.enterpriseId, Number(f.startedAt.slice(0, 4)), edited?.id);
  // An edit that keeps the enterprise, the kind and the year takes nothing more from the cap.
  const sameVisit = edited && capFacts(edited.before) === capFacts(f);
  const issues = planLinkIssues(f, standing).filter((i) => !(sameVisit && i.key === 'inspection.plan.overCap'));
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

const capFacts = (f: InspectionFields) => JSON.stringify([f.enterpriseId, f.kind, f.startedAt.slice(0, 4)]);

/** What an inspection's place in the plan depends on: an edit that leaves these alone is not checked again. */
const planFacts = (f: InspectionFields) =>
  JSON.stringify([
    f.enterpriseId,
    f.kind,
    // A 双随机抽查 is checked against its draw's day; any other kind only against its year.
    f.kind === 'random' ? f.startedAt.slice(0, 10) : f.startedAt.slice(0, 4),
    f.kind === 'random' ? f.drawId : null,
    f.recheckOf,
    PLANNED_KINDS.includes(f.kind) ? '' : f.unplannedReason,
  ]);

export const inspectionHandlers: HandlerGroup<'inspections'> = {
  async 'inspections:attach-file'({ id, file }, { core, actor }) {
    const data = Buffer.from(file.dataBase64, 'base64');
    const hash = storeFile(core.dataDir, data);
    return core.tx(async (trx) => {
      const before = await findInspection(trx, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'inspection', id });
      const item = {
        hash,
        name: file.fileName,
        sizeBytes: data.length,
        addedAt: core.now().toISOString(),
        addedBy: actor.userName,
      };
      await trx
        .updateTable('inspections')
        .set({
          evidenceJson: JSON.stringify([...before.evidence, item]),
          updatedAt: core.now().toISOString(),
          version: before.version + 1,
        })
        .where('id', '=', id)
        .execute();
      core.record(actor, { action: 'inspections:attach-file', entityType: 'inspection', entityId: id, after: item });
      return (await findInspection(trx, id))!;
    });
  },
  async 'inspections:file'({ id, hash }, { core }) {
    const found = await findInspection(core.store.db, id);
    const item = found?.evidence.find((e) => e.hash === hash);
    if (!item) throw new AppError('NOT_FOUND', { entity: 'file', hash });
    return download(item.name, readFile(core.dataDir, hash));
  },
  async 'inspections:list'({ enterpriseId, from, to, officerId, kind, recheckOf, order, page, pageSize }, { core }) {
    const filtered = () => {
      let q = core.store.db
        .selectFrom('inspections')
        .innerJoin('enterprises', 'enterprises.id', 'inspections.enterpriseId')
        .where('inspections.status', '=', 'active');
      if (enterpriseId) q = q.where('inspections.enterpriseId', '=', enterpriseId);
      // startedAt is the squad's local time (YYYY-MM-DDTHH:mm): its first ten characters are the day.
      if (from) q = q.where('inspections.startedAt', '>=', from);
      if (to) q = q.where('inspections.startedAt', '<', `${to}T99`);
      if (kind) q = q.where('inspections.kind', '=', kind);
      if (recheckOf) q = q.where('inspections.recheckOf', '=', recheckOf);
      if (officerId)
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom(sql<{ value: number }>`json_each(inspections.officer_ids_json)`.as('o'))
              .select('o.value')
              .where('o.value', '=', officerId),
          ),
        );
      return q;
    };
    const [rows, { n }] = await Promise.all([
      filtered()
        .selectAll('inspections')
        .select('enterprises.name as enterpriseName')
        .orderBy('inspections.startedAt', order)
        .orderBy('inspections.id', order)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      filtered()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toInspection), total: Number(n) };
  },
  async 'inspections:get'({ id }, { core }) {
    const found = await findInspection(core.store.db, id);
    if (!found) throw new AppError('NOT_FOUND', { entity: 'inspection', id });
    return found;
  },
  async 'inspections:create'(input, { core, actor, rules }) {
    notInFuture(input, rules.today);
    await ensureReferences(core, input);
    await certificatesValid(core, input);
    const at = core.now().toISOString();
    return core.tx(async (trx) => {
      await fitsPlan(core, rules, trx, input);
      const { id } = await trx
        .insertInto('inspections')
        .values({ ...columns(input), status: 'active', createdAt: at, updatedAt: at, version: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = (await findInspection(trx, id))!;
      core.record(actor, { action: 'inspections:create', entityType: 'inspection', entityId: id, after: created });
      return created;
    });
  },
  async 'inspections:update'({ id, version, inspection }, { core, actor, rules }) {
    await ensureReferences(core, inspection);
    return core.tx(async (trx) => {
      const before = await findInspection(trx, id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'inspection', id });
      // Only a day changed to one still to come is refused: one stored before this rule may still be edited.
      // Only what this change moves: a stored inspection stays editable on later days.
      notInFuture(
        {
          startedAt: inspection.startedAt.slice(0, 10) !== before.startedAt.slice(0, 10) ? inspection.startedAt : null,
          endedAt: inspection.endedAt !== before.endedAt ? inspection.endedAt : null,
        },
        rules.today,
      );
      assertVersion(before, version);
      // One recorded before its year's plan was approved stays editable; a change to its place in the plan is checked.
      if (planFacts(inspection) !== planFacts(before)) await fitsPlan(core, rules, trx, inspection, { id, before });
      await trx
        .updateTable('inspections')
        .set({ ...columns(inspection), updatedAt: core.now().toISOString(), version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .execute();
      const after = (await findInspection(trx, id))!;
      core.record(actor, { action: 'inspections:update', entityType: 'inspection', entityId: id, before, after });
      return after;
    });
  },
};
