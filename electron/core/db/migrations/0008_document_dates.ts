import { type Kysely, sql } from 'kysely';

/**
 * The date each document bears (文书日期), kept beside its fields so the documents list filters and sorts by it on
 * the database rather than reading every document's fields. It is derived, never typed: each write of the fields
 * writes it, and the rows already there are filled here from their fields as the templates read them at this
 * release (the rule is copied, not imported: a later change to a template must not change what this migration did).
 * An issued document's date is frozen with the rest of it. Frozen: never edit after release.
 */

/** The 笔录 are dated by the day they began; every other document by its `date` field. */
const DATED_BY_START = new Set(['questioning-record', 'survey-record', 'hearing-record']);

function dateOf(type: string, fields: Record<string, unknown>): string | null {
  const d = DATED_BY_START.has(type)
    ? typeof fields.startedAt === 'string'
      ? fields.startedAt.slice(0, 10)
      : null
    : fields.date;
  return typeof d === 'string' && d ? d : null;
}
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE documents ADD COLUMN document_date TEXT`.execute(db);
  const rows = await sql<{ id: number; type: string; fields_json: string }>`
    SELECT id, type, fields_json FROM documents`.execute(db);
  for (const r of rows.rows) {
    let fields: Record<string, unknown> = {};
    try {
      fields = JSON.parse(r.fields_json) as Record<string, unknown>;
    } catch {
      // A row whose fields do not parse bears no date; it stays listed, undated.
    }
    const date = dateOf(r.type, fields);
    if (date) await sql`UPDATE documents SET document_date = ${date} WHERE id = ${r.id}`.execute(db);
  }
  await sql`CREATE INDEX documents_date ON documents (document_date)`.execute(db);
  await sql`DROP TRIGGER documents_frozen`.execute(db);
  await sql`CREATE TRIGGER documents_frozen BEFORE UPDATE ON documents
    WHEN OLD.status <> 'draft' AND (
      NEW.fields_json IS NOT OLD.fields_json OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.number_text IS NOT OLD.number_text
      OR NEW.number_serial IS NOT OLD.number_serial OR NEW.number_year IS NOT OLD.number_year OR NEW.number_series IS NOT OLD.number_series
      OR NEW.type IS NOT OLD.type OR NEW.issued_at IS NOT OLD.issued_at OR NEW.issued_by IS NOT OLD.issued_by
      OR NEW.enterprise_id IS NOT OLD.enterprise_id OR NEW.inspection_id IS NOT OLD.inspection_id OR NEW.case_id IS NOT OLD.case_id
      OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.correction_reason IS NOT OLD.correction_reason
      OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
      OR NEW.page_count IS NOT OLD.page_count OR NEW.document_date IS NOT OLD.document_date
      OR (OLD.scan_sha256 IS NOT NULL AND (NEW.scan_sha256 IS NOT OLD.scan_sha256 OR NEW.scan_name IS NOT OLD.scan_name))
      OR (NEW.void_reason IS NOT OLD.void_reason AND NOT (OLD.status = 'issued' AND NEW.status = 'voided'))
      OR NOT (NEW.status = OLD.status OR (OLD.status = 'issued' AND NEW.status = 'voided')))
    BEGIN SELECT RAISE(ABORT, 'issued documents are frozen'); END`.execute(db);
}
