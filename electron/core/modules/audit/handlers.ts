import type { HandlerGroup } from '../../context.ts';

export const auditHandlers: HandlerGroup<'audit'> = {
  async 'audit:list'({ page, pageSize }, { core }) {
    const db = core.store.db;
    const [{ total }, rows] = await Promise.all([
      db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('auditLog')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return {
      total: Number(total),
      items: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        userId: r.userId,
        userName: r.userName,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.beforeJson ? JSON.parse(r.beforeJson) : null,
        after: r.afterJson ? JSON.parse(r.afterJson) : null,
        hash: r.hash,
      })),
    };
  },
  async 'audit:verify'({ head }, { core }) {
    return core.audit.verify(head);
  },
};
