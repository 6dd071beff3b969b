import type { HandlerGroup } from '../../context.ts';

export const auditHandlers: HandlerGroup<'audit'> = {
  async 'audit:list'({ page, pageSize, from, to, section, user }, { core }) {
    // Stamps are UTC ISO; a day is China's (UTC+8, no daylight saving): 2026-11-22 runs from 2026-11-21T16:00Z.
    const chinaDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
    const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
    const filtered = () => {
      let q = core.store.db.selectFrom('auditLog');
      if (from) q = q.where('at', '>=', chinaDayStart(from));
      if (to) q = q.where('at', '<', nextDay(to));
      if (section) q = q.where('action', 'like', `${section}:%`);
      if (user) q = q.where('userName', '=', user);
      return q;
    };
    const [{ total }, rows] = await Promise.all([
      filtered()
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
      filtered()
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
