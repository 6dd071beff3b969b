import { AppError } from '../../../../shared/base/errors.ts';
import { checkIdCard } from '../../../../shared/base/id-card.ts';
import type { CoreState, HandlerGroup } from '../../context.ts';
import { toAbsence, toOfficer } from './repository.ts';

/** The shape check ran at the contract; a birth date after today needs the core's clock. */
function checkBirthDate(idCard: string, today: string): void {
  if (idCard && checkIdCard(idCard, today).error) {
    throw new AppError('VALIDATION', { issues: [{ path: ['idCard'], key: 'validation.idCard.birthDate' }] });
  }
}

async function ensureUniqueCertificate(core: CoreState, certificateNo: string, exceptId?: number): Promise<void> {
  let q = core.store.db.selectFrom('officers').select('id').where('certificateNo', '=', certificateNo);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw new AppError('VALIDATION', {
      issues: [{ path: ['certificateNo'], key: 'validation.officer.duplicateCertificate' }],
    });
}

export const officerHandlers: HandlerGroup<'officers'> = {
  async 'officers:list'(input, { core, rules }) {
    const { certExpiryWarningDays } = rules.settings;
    let q = core.store.db.selectFrom('officers').selectAll().orderBy('onDuty', 'desc').orderBy('name');
    if (!input.includeOffDuty) q = q.where('onDuty', '=', 1);
    return (await q.execute()).map((r) => toOfficer(r, rules.today, certExpiryWarningDays));
  },
  async 'officers:create'(input, { core, actor, rules }) {
    if (input.idCard.includes('*'))
      throw new AppError('VALIDATION', { issues: [{ path: ['idCard'], key: 'validation.idCard.format' }] });
    checkBirthDate(input.idCard, rules.today);
    await ensureUniqueCertificate(core, input.certificateNo);
    const { certExpiryWarningDays } = rules.settings;
    const at = core.now().toISOString();
    return core.tx(async (trx) => {
      const row = await trx
        .insertInto('officers')
        .values({ ...input, onDuty: input.onDuty ? 1 : 0, createdAt: at, updatedAt: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      const officer = toOfficer(row, rules.today, certExpiryWarningDays);
      core.record(actor, { action: 'officers:create', entityType: 'officer', entityId: row.id, after: officer });
      return officer;
    });
  },
  async 'officers:update'({ id, officer: input }, { core, actor, rules }) {
    const existing = await core.store.db.selectFrom('officers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!existing) throw new AppError('NOT_FOUND', { entity: 'officer', id });
    // The edit form receives the masked number; sending it back unchanged keeps the stored one.
    const idCard = input.idCard.includes('*') ? existing.idCard : input.idCard;
    checkBirthDate(idCard, rules.today);
    await ensureUniqueCertificate(core, input.certificateNo, id);
    const { certExpiryWarningDays } = rules.settings;
    return core.tx(async (trx) => {
      const row = await trx
        .updateTable('officers')
        .set({ ...input, idCard, onDuty: input.onDuty ? 1 : 0, updatedAt: core.now().toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const before = toOfficer(existing, rules.today, certExpiryWarningDays);
      const after = toOfficer(row, rules.today, certExpiryWarningDays);
      core.record(actor, { action: 'officers:update', entityType: 'officer', entityId: id, before, after });
      return after;
    });
  },
  async 'officers:absences'({ officerId, from, to }, { core }) {
    let q = core.store.db.selectFrom('officerAbsences').selectAll();
    if (officerId) q = q.where('officerId', '=', officerId);
    if (from) q = q.where('toDate', '>=', from);
    if (to) q = q.where('fromDate', '<=', to);
    return (await q.orderBy('fromDate', 'desc').orderBy('id', 'desc').execute()).map(toAbsence);
  },
  async 'officers:add-absence'(input, { core, actor }) {
    return core.tx(async (trx) => {
      const officer = await trx
        .selectFrom('officers')
        .select('id')
        .where('id', '=', input.officerId)
        .executeTakeFirst();
      if (!officer) throw new AppError('NOT_FOUND', { entity: 'officer', id: input.officerId });
      // Two stretches of the same days would count them twice against the plan's working days.
      const overlap = await trx
        .selectFrom('officerAbsences')
        .select(['fromDate', 'toDate'])
        .where('officerId', '=', input.officerId)
        .where('withdrawnAt', 'is', null)
        .where('fromDate', '<=', input.to)
        .where('toDate', '>=', input.from)
        .executeTakeFirst();
      if (overlap)
        throw new AppError('VALIDATION', {
          issues: [
            {
              path: ['from'],
              key: 'validation.absence.overlap',
              params: { from: overlap.fromDate, to: overlap.toDate },
            },
          ],
        });
      const row = await trx
        .insertInto('officerAbsences')
        .values({
          officerId: input.officerId,
          kind: input.kind,
          fromDate: input.from,
          toDate: input.to,
          note: input.note,
          createdAt: core.now().toISOString(),
          createdBy: actor.userName,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toAbsence(row);
      core.record(actor, { action: 'officers:add-absence', entityType: 'absence', entityId: row.id, after });
      return after;
    });
  },
  async 'officers:withdraw-absence'({ id, reason }, { core, actor }) {
    return core.tx(async (trx) => {
      const before = await trx.selectFrom('officerAbsences').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', { entity: 'absence', id });
      if (before.withdrawnAt) return toAbsence(before);
      const row = await trx
        .updateTable('officerAbsences')
        .set({ withdrawnAt: core.now().toISOString(), withdrawnBy: actor.userName, withdrawReason: reason })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toAbsence(row);
      core.record(actor, {
        action: 'officers:withdraw-absence',
        entityType: 'absence',
        entityId: id,
        before: toAbsence(before),
        after,
      });
      return after;
    });
  },
};
