import { type Kysely, sql } from 'kysely';

/**
 * An inspection and the year's plan: a 双随机抽查 names the draw that picked the enterprise; an inspection outside the
 * plan (举报核查, 交办, 事故核查, 专项…) says why in the clerk's words. A 计划检查 needs no link of its own: the approved
 * plan of its year lists the enterprise. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE inspections ADD COLUMN draw_id INTEGER REFERENCES draws(id)`.execute(db);
  await sql`ALTER TABLE inspections ADD COLUMN unplanned_reason TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX inspections_draw ON inspections (draw_id) WHERE draw_id IS NOT NULL`.execute(db);
}
