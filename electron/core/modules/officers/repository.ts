import type { Kysely, Selectable } from 'kysely';
import { maskIdCard } from '../../../../shared/base/id-card.ts';
import type { OfficerPost } from '../../../../shared/base/vocabulary.ts';
import { certificateStatus, type Officer, type OfficerAbsence } from '../../../../shared/entities/officer.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { DB, OfficerAbsencesTable, OfficersTable } from '../../db/schema.ts';
import type { AbsenceKind } from '../../../../shared/base/vocabulary.ts';

/** 执法人员: what other modules may read of the roster. */
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

/** The whole roster, each certificate judged on the call's today and the unit's warning period. */
export async function roster(
  db: Kysely<DB>,
  rc: { today: string; settings: Pick<Settings, 'certExpiryWarningDays'> },
): Promise<Officer[]> {
  const rows = await db.selectFrom('officers').selectAll().orderBy('id').execute();
  return rows.map((r) => toOfficer(r, rc.today, rc.settings.certExpiryWarningDays));
}

export const toAbsence = (r: Selectable<OfficerAbsencesTable>): OfficerAbsence => ({
  id: r.id,
  officerId: r.officerId,
  kind: r.kind as AbsenceKind,
  from: r.fromDate,
  to: r.toDate,
  note: r.note,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  withdrawnAt: r.withdrawnAt,
  withdrawnBy: r.withdrawnBy,
  withdrawReason: r.withdrawReason,
});
