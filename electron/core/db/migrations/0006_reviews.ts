import { type Kysely, sql } from 'kysely';

/**
 * 案卷评查 kept: each signed review of a case file with the standard it used (whole, as it stood), the reviewer's
 * judgements and overrulings, the result, and the audit chain head when it was signed. A review is
 * never edited or deleted; a later review of the same file is a new row (the history). Frozen: never
 * edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE case_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    standard_id TEXT NOT NULL,
    standard_version TEXT NOT NULL,
    score REAL NOT NULL,
    max REAL NOT NULL,
    percent REAL,
    grade TEXT,
    vetoed INTEGER NOT NULL,
    decisions_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    standard_json TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    audit_head TEXT
  )`.execute(db);
  await sql`CREATE INDEX case_reviews_case ON case_reviews (case_id)`.execute(db);
  await sql`CREATE TRIGGER case_reviews_no_update BEFORE UPDATE ON case_reviews BEGIN SELECT RAISE(ABORT, 'a signed review is kept as signed'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER case_reviews_no_delete BEFORE DELETE ON case_reviews BEGIN SELECT RAISE(ABORT, 'a signed review is never deleted'); END`.execute(
    db,
  );
}
