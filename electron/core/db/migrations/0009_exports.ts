import { type Kysely, sql } from 'kysely';

/**
 * The register of upload packages made (数据上报): each package with its digests, and whether the receiving system
 * accepted it, as the user marks it. Beside each, the digest of every record as it then stood: an incremental package
 * is what differs from the last accepted one (added, changed, withdrawn, removed), so nothing is silently missing and
 * nothing is sent twice. Frozen: never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE exports (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    base_id INTEGER REFERENCES exports(id),
    period_from TEXT,
    period_to TEXT NOT NULL,
    counts_json TEXT NOT NULL,
    removed_json TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    sm3 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    accepted_at TEXT,
    accepted_on TEXT,
    accepted_by TEXT,
    accepted_note TEXT
  )`.execute(db);
  await sql`CREATE TABLE export_records (
    export_id INTEGER NOT NULL REFERENCES exports(id),
    entity TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (export_id, entity, record_id)
  ) WITHOUT ROWID`.execute(db);
  // What was accepted stays as it was accepted.
  await sql`CREATE TRIGGER exports_accepted_frozen BEFORE UPDATE ON exports
    WHEN OLD.accepted_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'an accepted export is frozen'); END`.execute(db);
}
