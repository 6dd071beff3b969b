import { type Kysely, sql } from 'kysely';

/**
 * How many pages an issued document printed on, stored with its PDF when it is issued: the 证据清单 and the
 * 卷内目录 count them without opening every PDF. Documents issued before this stay NULL (counted from the PDF
 * where it is needed). The frozen-document trigger now guards the count too. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE documents ADD COLUMN page_count INTEGER`.execute(db);
  await sql`DROP TRIGGER documents_frozen`.execute(db);
  await sql`CREATE TRIGGER documents_frozen BEFORE UPDATE ON documents
    WHEN OLD.status <> 'draft' AND (
      NEW.fields_json IS NOT OLD.fields_json OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.number_text IS NOT OLD.number_text
      OR NEW.number_serial IS NOT OLD.number_serial OR NEW.number_year IS NOT OLD.number_year OR NEW.number_series IS NOT OLD.number_series
      OR NEW.type IS NOT OLD.type OR NEW.issued_at IS NOT OLD.issued_at OR NEW.issued_by IS NOT OLD.issued_by
      OR NEW.enterprise_id IS NOT OLD.enterprise_id OR NEW.inspection_id IS NOT OLD.inspection_id OR NEW.case_id IS NOT OLD.case_id
      OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.correction_reason IS NOT OLD.correction_reason
      OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
      OR NEW.page_count IS NOT OLD.page_count
      OR (OLD.scan_sha256 IS NOT NULL AND (NEW.scan_sha256 IS NOT OLD.scan_sha256 OR NEW.scan_name IS NOT OLD.scan_name))
      OR (NEW.void_reason IS NOT OLD.void_reason AND NOT (OLD.status = 'issued' AND NEW.status = 'voided'))
      OR NOT (NEW.status = OLD.status OR (OLD.status = 'issued' AND NEW.status = 'voided')))
    BEGIN SELECT RAISE(ABORT, 'issued documents are frozen'); END`.execute(db);
}
