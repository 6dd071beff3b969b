import type { Kysely, Selectable } from 'kysely';
import type { Inspection } from '../../../../shared/entities/inspection.ts';
import type { DB, InspectionsTable } from '../../db/schema.ts';

/** 现场检查: what other modules may read of the inspections. */
type Row = Selectable<InspectionsTable> & { enterpriseName: string };

export function toInspection(r: Row): Inspection {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    kind: r.kind as Inspection['kind'],
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    place: r.place,
    officerIds: JSON.parse(r.officerIdsJson),
    experts: JSON.parse(r.expertsJson),
    present: JSON.parse(r.presentJson),
    findings: r.findings,
    refusedToSign: r.refusedToSign === 1,
    refusalNote: r.refusalNote,
    recheckOf: r.recheckOf,
    checklistId: r.checklistId,
    drawId: r.drawId,
    unplannedReason: r.unplannedReason,
    evidence: JSON.parse(r.evidenceJson),
    status: r.status as Inspection['status'],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export const selectWithEnterprise = (db: Kysely<DB>) =>
  db
    .selectFrom('inspections')
    .innerJoin('enterprises', 'enterprises.id', 'inspections.enterpriseId')
    .selectAll('inspections')
    .select('enterprises.name as enterpriseName');

export async function findInspection(db: Kysely<DB>, id: number): Promise<Inspection | null> {
  const row = await selectWithEnterprise(db).where('inspections.id', '=', id).executeTakeFirst();
  return row ? toInspection(row) : null;
}

/** An inspection and its 复查s: whose documents belong to the file of a case opened from it. */
export async function inspectionAndRechecks(db: Kysely<DB>, inspectionId: number): Promise<number[]> {
  const rechecks = await db.selectFrom('inspections').select('id').where('recheckOf', '=', inspectionId).execute();
  return [inspectionId, ...rechecks.map((r) => r.id)];
}
