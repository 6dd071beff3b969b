import { type Kysely, sql } from 'kysely';

/** Accounts, the unit profile, settings, the audit log and imported holiday years. Frozen: never edit after release. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk','reviewer','supervisor','admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    recovery_hash TEXT,
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT
  )`.execute(db);
  await sql`CREATE TABLE unit_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    agency_name TEXT NOT NULL, squad_name TEXT NOT NULL, region_code TEXT NOT NULL, number_prefix TEXT NOT NULL,
    review_agency TEXT NOT NULL, court TEXT NOT NULL, address TEXT NOT NULL, phone TEXT NOT NULL,
    postal_code TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id INTEGER,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
  )`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id)`.execute(db);
  // Append-only in the database itself; the hash chain detects anyone who drops these first.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`.execute(
    db,
  );
  await sql`CREATE TABLE holiday_years (
    year INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    holidays_json TEXT NOT NULL,
    workdays_json TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
  )`.execute(db);
}
