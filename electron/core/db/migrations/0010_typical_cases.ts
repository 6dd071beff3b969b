import { type Kysely, sql } from 'kysely';

/**
 * The volumes of a large upload package, and 典型执法案例: one write-up per decided case, its fields as the clerk wrote them (those from the file frozen in once it
 * is finalised, with its PDF), the text each drafted field was drafted from (so a draft follows the file until the
 * clerk changes it, and a change of the file under an edited one is caught), the day it was sent to the ministry, and the last package made of it. A write-up sent
 * stays as it was sent. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The volumes a package was cut into for a portal's upload limit, with their digests (none when it was not cut).
  await sql`ALTER TABLE exports ADD COLUMN volumes_json TEXT NOT NULL DEFAULT '[]'`.execute(db);
  await sql`CREATE TABLE typical_cases (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    template_version TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    drafts_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL CHECK (status IN ('draft', 'final', 'sent')),
    pdf_sha256 TEXT,
    page_count INTEGER,
    final_at TEXT,
    final_by TEXT,
    sent_on TEXT,
    sent_by TEXT,
    sent_note TEXT,
    package_name TEXT,
    package_sha256 TEXT,
    package_sm3 TEXT,
    packaged_at TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  )`.execute(db);
  // What was sent stays as it was sent: only the last package made of it (and when the row changed) may still change.
  await sql`CREATE TRIGGER typical_cases_sent_frozen BEFORE UPDATE ON typical_cases
    WHEN OLD.status = 'sent' AND (NEW.case_id IS NOT OLD.case_id OR NEW.template_version IS NOT OLD.template_version
      OR NEW.fields_json IS NOT OLD.fields_json OR NEW.drafts_json IS NOT OLD.drafts_json OR NEW.status IS NOT OLD.status
      OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.page_count IS NOT OLD.page_count OR NEW.final_at IS NOT OLD.final_at
      OR NEW.final_by IS NOT OLD.final_by OR NEW.sent_on IS NOT OLD.sent_on OR NEW.sent_by IS NOT OLD.sent_by
      OR NEW.sent_note IS NOT OLD.sent_note OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
      OR NEW.version IS NOT OLD.version)
    BEGIN SELECT RAISE(ABORT, 'a typical case sent is frozen'); END`.execute(db);
  await sql`CREATE TRIGGER typical_cases_sent_kept BEFORE DELETE ON typical_cases
    WHEN OLD.status = 'sent'
    BEGIN SELECT RAISE(ABORT, 'a typical case sent is frozen'); END`.execute(db);
}
