import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { accidentGrade } from '../../../../shared/domain/accidents.ts';
import type { Accident } from '../../../../shared/entities/accident.ts';
import type { HandlerGroup } from '../../context.ts';
import type { DB, EnterpriseAccidentsTable } from '../../db/schema.ts';

export type AccidentChannel = 'enterprises:accidents' | 'enterprises:add-accident' | 'enterprises:withdraw-accident';

export const toAccident = (r: Selectable<EnterpriseAccidentsTable>): Accident => ({
  id: r.id,
  enterpriseId: r.enterpriseId,
  occurredOn: r.occurredOn,
  deaths: r.deaths,
  seriousInjuries: r.seriousInjuries,
  directLossYuan: r.directLossYuan,
  summary: r.summary,
  grade: accidentGrade(r),
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  withdrawnAt: r.withdrawnAt,
  withdrawnBy: r.withdrawnBy,
  withdrawReason: r.withdrawReason,
});

/** The days of each enterprise's accidents still on record: what the plan's 分类分级 reads. */
export async function accidentDays(db: Kysely<DB>): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('enterpriseAccidents')
    .select(['enterpriseId', 'occurredOn'])
    .where('withdrawnAt', 'is', null)
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.enterpriseId, [...(out.get(r.enterpriseId) ?? []), r.occurredOn]);
  return out;
}

/** 事故记录 of an enterprise: dated, its grade computed, withdrawn rather than deleted. */
export const accidentHandlers: Pick<HandlerGroup<'enterprises'>, AccidentChannel> = {
  async 'enterprises:accidents'({ enterpriseId }, { core }) {
    const rows = await core.store.db
      .selectFrom('enterpriseAccidents')
      .selectAll()
      .where('enterpriseId', '=', enterpriseId)
      .orderBy('occurredOn', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toAccident);
  },
  async 'enterprises:add-accident'(input, { core, actor, rules }) {
    const enterprise = await core.store.db
      .selectFrom('enterprises')
      .select('id')
      .where('id', '=', input.enterpriseId)
      .executeTakeFirst();
    if (!enterprise) throw new AppError('NOT_FOUND', { entity: 'enterprise', id: input.enterpriseId });
    if (input.occurredOn > rules.today)
      throw new AppError('VALIDATION', {
        issues: [{ path: ['occurredOn'], key: 'validation.notInFuture', params: { today: rules.today } }],
      });
    return core.tx(async (trx) => {
      const row = await trx
        .insertInto('enterpriseAccidents')
        .values({ ...input, createdAt: core.now().toISOString(), createdBy: actor.userName })
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toAccident(row);
      core.record(actor, { action: 'enterprises:add-accident', entityType: 'accident', entityId: row.id, after });
      return after;
    });
  },
  async 'enterprises:withdraw-accident'({ id, reason }, { core, actor }) {
    return core.tx(async (trx) => {
      const before = await trx.selectFrom('enterpriseAccidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', { entity: 'accident', id });
      if (before.withdrawnAt) return toAccident(before);
      const row = await trx
        .updateTable('enterpriseAccidents')
        .set({ withdrawnAt: core.now().toISOString(), withdrawnBy: actor.userName, withdrawReason: reason })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toAccident(row);
      core.record(actor, {
        action: 'enterprises:withdraw-accident',
        entityType: 'accident',
        entityId: id,
        before: toAccident(before),
        after,
      });
      return after;
    });
  },
};
