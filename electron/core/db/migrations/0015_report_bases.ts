import { type Kysely, sql } from 'kysely';

/**
 * 统计报表's base figures: the previous years' figures the desk did not record (its first year), entered by an admin
 * per quarter (1–4) or year (0) and indicator, with who and when, so 同比 can be given and the report says which
 * figures were entered. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE report_bases (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
    indicator TEXT NOT NULL,
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    UNIQUE (year, quarter, indicator)
  )`.execute(db);
}
