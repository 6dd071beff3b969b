import { type Kysely, sql } from 'kysely';

/**
 * 双随机 draws: each kept whole as drawn — its input (the frozen pool, strata, inspectors, recent pairs), the value the
 * witness entered, who operated and who witnessed, and the result with its SHA-256 — so anyone can re-run it from the
 * record alone. Never changed, never deleted. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE draws (
    id INTEGER PRIMARY KEY,
    plan_year INTEGER NOT NULL REFERENCES plans(year),
    label TEXT NOT NULL,
    input_json TEXT NOT NULL,
    pool_sha256 TEXT NOT NULL,
    witness_value TEXT NOT NULL,
    witness_name TEXT NOT NULL,
    operator TEXT NOT NULL,
    drawn_at TEXT NOT NULL,
    result_json TEXT NOT NULL,
    result_sha256 TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TRIGGER draws_no_update BEFORE UPDATE ON draws
    BEGIN SELECT RAISE(ABORT, 'a draw is kept as drawn'); END`.execute(db);
  await sql`CREATE TRIGGER draws_no_delete BEFORE DELETE ON draws
    BEGIN SELECT RAISE(ABORT, 'a draw is kept as drawn'); END`.execute(db);
}
