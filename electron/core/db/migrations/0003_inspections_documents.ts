import { type Kysely, sql } from 'kysely';

/**
 * Inspections (现场检查) and official documents (执法文书) with their numbers and service records.
 * Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE inspections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    place TEXT NOT NULL DEFAULT '',
    officer_ids_json TEXT NOT NULL DEFAULT '[]',
    experts_json TEXT NOT NULL DEFAULT '[]',
    present_json TEXT NOT NULL DEFAULT '[]',
    checklist_id TEXT,
    findings TEXT NOT NULL DEFAULT '',
    refused_to_sign INTEGER NOT NULL DEFAULT 0,
    refusal_note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdraw_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`CREATE INDEX inspections_enterprise ON inspections (enterprise_id, started_at)`.execute(db);
  await sql`CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections BEGIN SELECT RAISE(ABORT, 'inspections are withdrawn, not deleted'); END`.execute(
    db,
  );

  await sql`CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'voided')),
    enterprise_id INTEGER REFERENCES enterprises (id),
    inspection_id INTEGER REFERENCES inspections (id),
    case_id INTEGER,
    fields_json TEXT NOT NULL,
    number_series TEXT,
    number_year INTEGER,
    number_serial INTEGER,
    number_text TEXT,
    pdf_sha256 TEXT,
    issued_at TEXT,
    issued_by TEXT,
    supersedes_id INTEGER REFERENCES documents (id),
    correction_reason TEXT,
    void_reason TEXT,
    scan_sha256 TEXT,
    scan_name TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX documents_number ON documents (number_series, number_year, number_serial) WHERE number_serial IS NOT NULL`.execute(
    db,
  );
  // Whatever the series, one printed number belongs to one document.
  await sql`CREATE UNIQUE INDEX documents_number_text ON documents (number_text) WHERE number_text IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX documents_inspection ON documents (inspection_id)`.execute(db);
  await sql`CREATE INDEX documents_enterprise ON documents (enterprise_id)`.execute(db);
  // Issued means frozen, in the database itself: only a scan may be attached (once), and issued → voided
  // (with its reason). Connections run with recursive_triggers on, so INSERT OR REPLACE cannot slip past.
  await sql`CREATE TRIGGER documents_frozen BEFORE UPDATE ON documents
    WHEN OLD.status <> 'draft' AND (
      NEW.fields_json IS NOT OLD.fields_json OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.number_text IS NOT OLD.number_text
      OR NEW.number_serial IS NOT OLD.number_serial OR NEW.number_year IS NOT OLD.number_year OR NEW.number_series IS NOT OLD.number_series
      OR NEW.type IS NOT OLD.type OR NEW.issued_at IS NOT OLD.issued_at OR NEW.issued_by IS NOT OLD.issued_by
      OR NEW.enterprise_id IS NOT OLD.enterprise_id OR NEW.inspection_id IS NOT OLD.inspection_id OR NEW.case_id IS NOT OLD.case_id
      OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.correction_reason IS NOT OLD.correction_reason
      OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
      OR (OLD.scan_sha256 IS NOT NULL AND (NEW.scan_sha256 IS NOT OLD.scan_sha256 OR NEW.scan_name IS NOT OLD.scan_name))
      OR (NEW.void_reason IS NOT OLD.void_reason AND NOT (OLD.status = 'issued' AND NEW.status = 'voided'))
      OR NOT (NEW.status = OLD.status OR (OLD.status = 'issued' AND NEW.status = 'voided')))
    BEGIN SELECT RAISE(ABORT, 'issued documents are frozen'); END`.execute(db);
  // A document becomes issued only with its number claimed in document_numbers and its PDF hash stored.
  await sql`CREATE TRIGGER documents_issue_claimed BEFORE UPDATE ON documents
    WHEN OLD.status = 'draft' AND NEW.status <> 'draft' AND (NEW.status <> 'issued' OR NEW.pdf_sha256 IS NULL OR NOT EXISTS (
      SELECT 1 FROM document_numbers n WHERE n.series = NEW.number_series AND n.year = NEW.number_year AND n.serial = NEW.number_serial AND n.document_id = NEW.id))
    BEGIN SELECT RAISE(ABORT, 'a document is issued only with a claimed number and a stored PDF'); END`.execute(db);
  await sql`CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END`.execute(
    db,
  );

  // Every number ever assigned stays here: used, or voided with the reason.
  await sql`CREATE TABLE document_numbers (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    status TEXT NOT NULL DEFAULT 'used' CHECK (status IN ('used', 'voided')),
    reason TEXT,
    assigned_at TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    PRIMARY KEY (series, year, serial)
  )`.execute(db);
  await sql`CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers BEGIN SELECT RAISE(ABORT, 'numbers are never released'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER document_numbers_only_void BEFORE UPDATE ON document_numbers
    WHEN NEW.series IS NOT OLD.series OR NEW.year IS NOT OLD.year OR NEW.serial IS NOT OLD.serial OR NEW.document_id IS NOT OLD.document_id
      OR NOT (NEW.status = OLD.status OR (OLD.status = 'used' AND NEW.status = 'voided'))
    BEGIN SELECT RAISE(ABORT, 'numbers can only be voided'); END`.execute(db);

  await sql`CREATE TABLE document_services (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    method TEXT NOT NULL,
    served_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT '',
    refused INTEGER NOT NULL DEFAULT 0,
    witness TEXT NOT NULL DEFAULT '',
    officer_ids_json TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TRIGGER document_services_append_only BEFORE UPDATE ON document_services BEGIN SELECT RAISE(ABORT, 'service records are append-only'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER document_services_no_delete BEFORE DELETE ON document_services BEGIN SELECT RAISE(ABORT, 'service records are append-only'); END`.execute(
    db,
  );
}
