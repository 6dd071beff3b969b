import type { Kysely } from 'kysely';
import { type UnitProfile, type UnitProfileInput, unitProfile } from '../../../../shared/entities/unit.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import type { DB } from '../../db/schema.ts';

/** 本单位: the unit profile every document is headed with. What other modules may read and write of it. */
export async function getUnit(db: Kysely<DB>): Promise<UnitProfile | null> {
  const row = await db.selectFrom('unitProfile').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  const { id: _id, updatedAt: _u, ...profile } = row;
  return unitProfile.parse(profile);
}

export async function saveUnit(
  trx: Kysely<DB>,
  core: CoreState,
  actor: AuditActor,
  input: UnitProfileInput,
): Promise<UnitProfile> {
  const profile = unitProfile.parse(input);
  const before = await getUnit(trx);
  const values = { ...profile, updatedAt: core.now().toISOString() };
  await trx
    .insertInto('unitProfile')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  core.record(actor, { action: 'unit:update', entityType: 'unit', entityId: 1, before, after: profile });
  return profile;
}
