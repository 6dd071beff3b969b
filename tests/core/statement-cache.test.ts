import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { statementCache } from '../../electron/core/db/open.ts';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function store(max?: number) {
  const raw = new Database(':memory:');
  open.push(raw);
  raw.exec('create table t (id integer primary key, v text)');
  const insert = raw.prepare('insert into t (v) values (?)');
  for (let i = 1; i <= 5; i++) insert.run(`v${i}`);
  let prepared = 0;
  const counting = new Proxy(raw, {
    get(target, key) {
      if (key === 'prepare')
        return (text: string) => {
          prepared++;
          return target.prepare(text);
        };
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const cache = statementCache(counting, max);
  const db = new Kysely<{ t: { id: number; v: string } }>({
    dialect: new SqliteDialect({ database: cache as unknown as Database.Database }),
  });
  return { db, raw, prepared: () => prepared };
}

describe("kysely's statements, kept by their SQL", () => {
  it('prepares a query once and answers each call with its own parameters', async () => {
    const { db, prepared } = store();
    const byId = (id: number) => db.selectFrom('t').select('v').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ v: 'v1' });
    expect(await byId(4)).toEqual({ v: 'v4' });
    expect(await byId(9)).toBeUndefined();
    expect(prepared()).toBe(1);
    // A write through a kept statement, then a read that sees it.
    await db.updateTable('t').set({ v: 'changed' }).where('id', '=', 2).execute();
    await db.updateTable('t').set({ v: 'again' }).where('id', '=', 3).execute();
    expect(await byId(2)).toEqual({ v: 'changed' });
    expect(await byId(3)).toEqual({ v: 'again' });
    expect(prepared()).toBe(2);
  });

  it('gives a statement left mid-iteration (a stream stopped early) back whole', async () => {
    const { db, prepared } = store();
    const query = db.selectFrom('t').select(['id', 'v']).orderBy('id');
    for await (const row of query.stream()) {
      expect(row.id).toBe(1);
      break;
    }
    expect((await query.execute()).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(prepared()).toBe(1);
  });

  it('prepares a statement of its own while the kept one is busy', () => {
    const { raw } = store();
    const cache = statementCache(raw);
    const text = 'select id from t order by id';
    const kept = cache.prepare(text);
    const rows = kept.iterate() as IterableIterator<{ id: number }>;
    expect(rows.next().value).toEqual({ id: 1 });
    expect(cache.prepare(text)).not.toBe(kept);
    rows.return?.();
    expect(cache.prepare(text)).toBe(kept);
    expect(kept.all()).toHaveLength(5);
  });

  it('keeps at most its bound, dropping the least recently used', async () => {
    const { db, prepared } = store(2);
    const q = (n: number) => sql<{ n: number }>`select ${sql.lit(n)} as n`.execute(db);
    await q(1);
    await q(2);
    await q(1); // kept, now the most recent
    await q(3); // drops 2
    expect(prepared()).toBe(3);
    await q(1);
    expect(prepared()).toBe(3);
    await q(2);
    expect(prepared()).toBe(4);
  });

  it('closes the database with the dialect', async () => {
    const { db, raw } = store();
    await db.selectFrom('t').selectAll().execute();
    await db.destroy();
    expect(raw.open).toBe(false);
  });
});
