import { AppError } from '../../../../shared/base/errors.ts';
import { checkIdCard } from '../../../../shared/base/id-card.ts';
import type { CoreState, HandlerGroup } from '../../context.ts';
import { toOfficer } from './repository.ts';

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
};
