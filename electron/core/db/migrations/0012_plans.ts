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
    CHECK ((status = 'draft') = (snapshot_json IS NULL))
  )`.execute(db);
  await sql`CREATE TRIGGER plans_approved_frozen BEFORE UPDATE ON plans
    WHEN OLD.status != 'draft' AND (NEW.year IS NOT OLD.year OR NEW.inputs_json IS NOT OLD.inputs_json
      OR NEW.snapshot_json IS NOT OLD.snapshot_json OR NEW.snapshot_sha256 IS NOT OLD.snapshot_sha256
      OR NEW.approved_on IS NOT OLD.approved_on OR NEW.approval_ref IS NOT OLD.approval_ref
      OR NEW.approved_by IS NOT OLD.approved_by OR NEW.status = 'draft'
      OR (OLD.status = 'filed' AND (NEW.filed_on IS NOT OLD.filed_on OR NEW.filing_ref IS NOT OLD.filing_ref)))
    BEGIN SELECT RAISE(ABORT, 'an approved plan is frozen'); END`.execute(db);
  await sql`CREATE TRIGGER plans_approved_kept BEFORE DELETE ON plans
    WHEN OLD.status != 'draft'
    BEGIN SELECT RAISE(ABORT, 'an approved plan is frozen'); END`.execute(db);
}
