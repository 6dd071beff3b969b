import { type Kysely, sql } from 'kysely';

/**
 * 年度执法计划: one plan a year — the working-day method's inputs while it is drafted; once approved by the 本级人民政府,
 * the classification, rules and figures it was approved on, frozen with their SHA-256, then its filing with the city.
 * An approved plan's content never changes (a trigger holds it); only its filing may still be entered. Frozen: never
 * edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'filed')),
    inputs_json TEXT NOT NULL,
    snapshot_json TEXT,
    snapshot_sha256 TEXT,
    approved_on TEXT,
    approval_ref TEXT,
    approved_by TEXT,
    filed_on TEXT,
    filing_ref TEXT,
    filed_by TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'draft') = (snapshot_json IS NULL)),
    CHECK ((status = 'filed') = (filed_on IS NOT NULL))
  )`.execute(db);
  // Once approved, the only change is its filing: approved → filed, every other column as it was. Filed, nothing.
  await sql`CREATE TRIGGER plans_approved_frozen BEFORE UPDATE ON plans
    WHEN OLD.status != 'draft' AND NOT (OLD.status = 'approved' AND NEW.status = 'filed'
      AND NEW.id IS OLD.id AND NEW.year IS OLD.year AND NEW.inputs_json IS OLD.inputs_json
      AND NEW.snapshot_json IS OLD.snapshot_json AND NEW.snapshot_sha256 IS OLD.snapshot_sha256
      AND NEW.approved_on IS OLD.approved_on AND NEW.approval_ref IS OLD.approval_ref
      AND NEW.approved_by IS OLD.approved_by AND NEW.created_at IS OLD.created_at AND NEW.created_by IS OLD.created_by)
    BEGIN SELECT RAISE(ABORT, 'an approved plan is frozen'); END`.execute(db);
  await sql`CREATE TRIGGER plans_approved_kept BEFORE DELETE ON plans
    WHEN OLD.status != 'draft'
    BEGIN SELECT RAISE(ABORT, 'an approved plan is frozen'); END`.execute(db);
}
