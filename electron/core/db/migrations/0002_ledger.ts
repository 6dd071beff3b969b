import { type Kysely, sql } from 'kysely';

/** The officer roster and the enterprise ledger (一企一档). Frozen: never edit after release. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE officers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    certificate_no TEXT NOT NULL UNIQUE,
    cert_valid_from TEXT NOT NULL,
    cert_valid_to TEXT NOT NULL,
    post TEXT NOT NULL,
    on_duty INTEGER NOT NULL DEFAULT 1,
    id_card TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE enterprises (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uscc TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    legal_representative TEXT NOT NULL DEFAULT '',
    principal TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    township TEXT NOT NULL DEFAULT '',
    industry_code TEXT NOT NULL DEFAULT '',
    categories_json TEXT NOT NULL DEFAULT '[]',
    enforcement_level TEXT NOT NULL DEFAULT 'county',
    standardization_grade TEXT NOT NULL DEFAULT 'none',
    risk_grade TEXT,
    credit_status TEXT NOT NULL DEFAULT 'normal',
    accident_history TEXT NOT NULL DEFAULT '',
    contacts_json TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn')),
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdraw_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    -- One column for the ledger search, upper-cased (ASCII only, as SQLite's upper() does) so a
    -- plain instr() finds any fragment whatever its case. char(31) keeps a fragment from matching
    -- across two fields.
    search_text TEXT GENERATED ALWAYS AS (upper(
      name || char(31) || uscc || char(31) || legal_representative || char(31) || principal || char(31) ||
      address || char(31) || township || char(31) || contacts_json
    )) STORED
  )`.execute(db);
  await sql`CREATE INDEX enterprises_status_name ON enterprises (status, name)`.execute(db);
  // Lets a search count its hits from the index alone instead of reading every full row.
  await sql`CREATE INDEX enterprises_search ON enterprises (status, search_text)`.execute(db);
  await sql`CREATE INDEX enterprises_township ON enterprises (township)`.execute(db);
  // Business records are withdrawn, never deleted: the audit trail and incremental exports rely on it.
  await sql`CREATE TRIGGER enterprises_no_delete BEFORE DELETE ON enterprises BEGIN SELECT RAISE(ABORT, 'enterprises are withdrawn, not deleted'); END`.execute(
    db,
  );
}
