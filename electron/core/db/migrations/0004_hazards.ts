import { type Kysely, sql } from 'kysely';

/**
 * Hazards (隐患) found on inspections, their rectification deadlines, extension requests (整改延期),
 * re-inspection results, and escalations the case work picks up. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE inspections ADD COLUMN recheck_of INTEGER REFERENCES inspections (id)`.execute(db);
  // Photos, audio/video and other evidence taken on site: files/ by SHA-256, listed here.
  await sql`ALTER TABLE inspections ADD COLUMN evidence_json TEXT NOT NULL DEFAULT '[]'`.execute(db);
  await sql`CREATE TABLE hazards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id),
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    description TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL CHECK (level IN ('general', 'major')),
    criteria_item_id TEXT,
    legal_basis TEXT NOT NULL DEFAULT '',
    photos_json TEXT NOT NULL DEFAULT '[]',
    deadline TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectified', 'not-rectified')),
    recheck_inspection_id INTEGER REFERENCES inspections (id),
    rechecked_at TEXT,
    recheck_note TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdraw_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`CREATE INDEX hazards_inspection ON hazards (inspection_id)`.execute(db);
  await sql`CREATE INDEX hazards_due ON hazards (status, deadline)`.execute(db);
  await sql`CREATE TRIGGER hazards_no_delete BEFORE DELETE ON hazards BEGIN SELECT RAISE(ABORT, 'hazards are withdrawn, not deleted'); END`.execute(
    db,
  );
  await sql`CREATE TABLE hazard_extensions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hazard_id INTEGER NOT NULL REFERENCES hazards (id),
    requested_on TEXT NOT NULL,
    requested_until TEXT NOT NULL,
    reason TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
    previous_deadline TEXT,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL
  )`.execute(db);
  // 重点检查事项 and other lists a unit adds beside the bundled knowledge files.
  await sql`CREATE TABLE custom_checklists (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
  )`.execute(db);
  // After a restore from backup, numbers used before it stay out of use: the floor and its reason.
  await sql`CREATE TABLE document_number_floors (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    floor INTEGER NOT NULL,
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (series, year)
  )`.execute(db);
  await sql`CREATE TABLE escalations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    hazard_id INTEGER REFERENCES hazards (id),
    inspection_id INTEGER REFERENCES inspections (id),
    kind TEXT NOT NULL CHECK (kind IN ('suggest-case', 'suggest-transfer')),
    cause TEXT NOT NULL CHECK (cause IN ('overdue', 'failed-recheck', 'criminal-risk')),
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'dismissed')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  )`.execute(db);
  // Once per hazard and cause: looking at an overdue list twice adds nothing, a failed re-check still does.
  await sql`CREATE UNIQUE INDEX escalations_once ON escalations (hazard_id, cause) WHERE hazard_id IS NOT NULL`.execute(
    db,
  );
}
