import type { Selectable } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { checkIdCard, maskIdCard } from '../../../../shared/base/id-card.ts';
import type { OfficerPost } from '../../../../shared/base/vocabulary.ts';
import { certificateStatus, type Officer } from '../../../../shared/entities/officer.ts';
import type { CoreState, HandlerGroup } from '../../context.ts';
import type { OfficersTable } from '../../db/schema.ts';
import { readSettings } from '../settings/repository.ts';

export function toOfficer(row: Selectable<OfficersTable>, today: string, warnDays: number): Officer {
  const cert = certificateStatus(row.certValidFrom, row.certValidTo, today, warnDays);
  return {
    id: row.id,
    name: row.name,
    certificateNo: row.certificateNo,
    certValidFrom: row.certValidFrom,
    certValidTo: row.certValidTo,
    post: row.post as OfficerPost,
    onDuty: row.onDuty === 1,
    idCard: row.idCard ? maskIdCard(row.idCard) : '',
    phone: row.phone,
    notes: row.notes,
    certStatus: cert.status,
    daysToExpiry: cert.daysToExpiry,
    updatedAt: row.updatedAt,
  };
}

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
  async 'officers:list'(input, { core }) {
    const { certExpiryWarningDays } = await readSettings(core.store.db);
    let q = core.store.db.selectFrom('officers').selectAll().orderBy('onDuty', 'desc').orderBy('name');
    if (!input.includeOffDuty) q = q.where('onDuty', '=', 1);
    return (await q.execute()).map((r) => toOfficer(r, core.today(), certExpiryWarningDays));
  },
  async 'officers:create'(input, { core, actor }) {
    if (input.idCard.includes('*'))
      throw new AppError('VALIDATION', { issues: [{ path: ['idCard'], key: 'validation.idCard.format' }] });
    checkBirthDate(input.idCard, core.today());
    await ensureUniqueCertificate(core, input.certificateNo);
    const { certExpiryWarningDays } = await readSettings(core.store.db);
    const at = core.now().toISOString();
    return core.tx(async (trx) => {
      const row = await trx
        .insertInto('officers')
        .values({ ...input, onDuty: input.onDuty ? 1 : 0, createdAt: at, updatedAt: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      const officer = toOfficer(row, core.today(), certExpiryWarningDays);
      core.record(actor, { action: 'officers:create', entityType: 'officer', entityId: row.id, after: officer });
      return officer;
    });
  },
  async 'officers:update'({ id, officer: input }, { core, actor }) {
    const existing = await core.store.db.selectFrom('officers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!existing) throw new AppError('NOT_FOUND', { entity: 'officer', id });
    // The edit form receives the masked number; sending it back unchanged keeps the stored one.
    const idCard = input.idCard.includes('*') ? existing.idCard : input.idCard;
    checkBirthDate(idCard, core.today());
    await ensureUniqueCertificate(core, input.certificateNo, id);
    const { certExpiryWarningDays } = await readSettings(core.store.db);
    return core.tx(async (trx) => {
      const row = await trx
        .updateTable('officers')
        .set({ ...input, idCard, onDuty: input.onDuty ? 1 : 0, updatedAt: core.now().toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const before = toOfficer(existing, core.today(), certExpiryWarningDays);
      const after = toOfficer(row, core.today(), certExpiryWarningDays);
      core.record(actor, { action: 'officers:update', entityType: 'officer', entityId: id, before, after });
      return after;
    });
  },
};
