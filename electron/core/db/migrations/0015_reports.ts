import { type Kysely, sql } from 'kysely';

/**
 * 统计报表: the reports issued, and the base figures of years before the desk.
 *
 * A report once issued is kept as it was made — its figures (the view counted from the record, as of the report's
 * date), their SHA-256 and the PDF's — never changed nor deleted: later edits to cases show in the next report.
 *
 * The base figures: the previous years' figures the desk did not record (its first year), entered by an admin
 * per quarter (1–4) or year (0) and indicator, with who and when, so 同比 can be given and the report says which
 * figures were entered. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE report_bases (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
    indicator TEXT NOT NULL,
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    UNIQUE (year, quarter, indicator)
  )`.execute(db);
  await sql`CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    report_date TEXT NOT NULL,
    title TEXT NOT NULL,
    view_json TEXT NOT NULL,
    data_sha256 TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    page_count INTEGER,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports
    BEGIN SELECT RAISE(ABORT, 'an issued report is kept as issued'); END`.execute(db);
  await sql`CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
    BEGIN SELECT RAISE(ABORT, 'an issued report is kept as issued'); END`.execute(db);
}
