import { type Kysely, sql } from 'kysely';

/**
 * Penalty cases (案件): what was decided at 立案 and 呈批 on the case row, and everything after as
 * append-only events (approval signatures, 法制审核, statements, payments, 归档, 复议…). Events are
 * never edited or deleted (triggers); after 归档 the case row is frozen too. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_no TEXT NOT NULL UNIQUE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    source TEXT NOT NULL,
    escalation_id INTEGER REFERENCES escalations (id),
    inspection_id INTEGER REFERENCES inspections (id),
    source_note TEXT NOT NULL DEFAULT '',
    cause TEXT NOT NULL,
    facts TEXT NOT NULL DEFAULT '',
    violation_date TEXT NOT NULL,
    handler_ids_json TEXT NOT NULL,
    procedure TEXT NOT NULL CHECK (procedure IN ('ordinary', 'summary')),
    complex INTEGER NOT NULL DEFAULT 0,
    suspected_crime INTEGER NOT NULL DEFAULT 0,
    unit_json TEXT NOT NULL,
    outcome TEXT CHECK (outcome IN ('penalty', 'no-penalty', 'transfer')),
    persons_json TEXT NOT NULL DEFAULT '[]',
    violations_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`CREATE INDEX cases_enterprise ON cases (enterprise_id)`.execute(db);
  await sql`CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END`.execute(
    db,
  );
  await sql`CREATE TABLE case_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    data_json TEXT NOT NULL,
    scan_sha256 TEXT,
    scan_name TEXT,
    entered_at TEXT NOT NULL,
    entered_by TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX case_events_case ON case_events (case_id)`.execute(db);
  await sql`CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case events are appended, never edited'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case events are appended, never deleted'); END`.execute(
    db,
  );
  // An archived file is read-only: what follows is appended as events.
  await sql`CREATE TRIGGER cases_archived_frozen BEFORE UPDATE ON cases
    WHEN EXISTS (SELECT 1 FROM case_events WHERE case_id = OLD.id AND kind = 'archive')
    BEGIN SELECT RAISE(ABORT, 'archived case files are read-only'); END`.execute(db);
  await sql`CREATE INDEX documents_case ON documents (case_id)`.execute(db);
  // The province's discretion benchmarks (应急〔2024〕90号 and the provincial supplement), imported by an admin.
  await sql`CREATE TABLE discretion_benchmarks (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
  )`.execute(db);
}
