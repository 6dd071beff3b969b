import { type Kysely, sql } from 'kysely';

/**
 * What the annual plan and the 双随机 draw read beside the ledger: each officer's absences (leave, secondment,
 * training — the working-day method and the inspector pool need them) and each enterprise's accidents as dated
 * records (an accident in the recent period, three years without one, are computed from these, not guessed). Both are
 * withdrawn, never deleted: a plan or a draw may have read them. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE officer_absences (
    id INTEGER PRIMARY KEY,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    kind TEXT NOT NULL CHECK (kind IN ('leave', 'sick', 'secondment', 'training', 'other')),
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdraw_reason TEXT,
    CHECK (from_date <= to_date)
  )`.execute(db);
  await sql`CREATE INDEX officer_absences_officer ON officer_absences (officer_id, from_date)`.execute(db);
  await sql`CREATE TABLE enterprise_accidents (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
    occurred_on TEXT NOT NULL,
    deaths INTEGER NOT NULL DEFAULT 0 CHECK (deaths >= 0),
    serious_injuries INTEGER NOT NULL DEFAULT 0 CHECK (serious_injuries >= 0),
    direct_loss_yuan INTEGER NOT NULL DEFAULT 0 CHECK (direct_loss_yuan >= 0),
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdraw_reason TEXT
  )`.execute(db);
  await sql`CREATE INDEX enterprise_accidents_enterprise ON enterprise_accidents (enterprise_id, occurred_on)`.execute(
    db,
  );
  for (const table of ['officer_absences', 'enterprise_accidents'])
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, 'withdrawn, not deleted'); END`.execute(db);
}
