import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuditLog } from '../audit/audit-log.ts';
import pkg from '../../../package.json' with { type: 'json' };
import { migrationsDone, unknownMigrations } from './schema-version.ts';

/**
 * Copies of the database that another process, a kill or a foreign file cannot pass off as ours.
 * A copy is written under a temporary name, checked, hashed and described by its manifest; only
 * then are the manifest and the copy renamed into place, the copy last: a file under a final name
 * with its manifest beside it is complete. Anything else in the folder is a leftover.
 */
export const SNAPSHOT_FORMAT = 'enforcement-desk-backup';
/** Temporary names start with this: never listed, removed at start. */
export const PARTIAL_PREFIX = '.partial-';
/**
 * Written beside an upload package before it is renamed into place, removed once its row is committed (or the package
 * removed): a marker a kill left names a package the register may never have come to know.
 */
export const PENDING_PREFIX = '.pending-';

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  name: string;
  createdAt: string;
  sizeBytes: number;
  sha256: string;
  auditHead: string | null;
  appVersion: string;
  migrations: string[];
  integrity: 'ok';
}

/** 'ok', or what is wrong: a damaged header makes SQLite throw rather than report. */
export function integrity(file: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return String(db.pragma('integrity_check', { simple: true }));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db?.close();
  }
}

export function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Written and flushed to disk under `file`, atomically: a temporary name, fsync, rename. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = path.join(path.dirname(file), `${PARTIAL_PREFIX}${path.basename(file)}-${randomUUID()}`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** A database file and whatever journal beside it: gone. */
export function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/** A backup's name: its kind and when it was taken (UTC), with a suffix when two share a second. */
export const BACKUP_NAME = /^(daily|manual|pre-restore|pre-migration)-(\d{8}T\d{6}Z)(-\d+)?\.db$/;

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why a database file is not one of ours (set up by this app, whole, its audit chain intact), or null. */
export type NotOurs = 'corrupt' | 'foreign' | 'newer' | 'notSetUp' | 'auditBroken' | 'auditHeadMismatch';

export interface DatabaseCheck {
  problem: NotOurs | null;
  detail?: string;
  auditHead: string | null;
  migrations: string[];
}

/** The tables every version of our schema has had since its first migration. */
const CORE_TABLES = ['users', 'unit_profile', 'audit_log', 'settings', 'enterprises'];

/**
 * Is this file a database this app set up? Its pages are whole, its schema is ours (and not newer),
 * someone set it up (unless `allowNotSetUp`: an installation never set up loses nothing to an empty
 * one), and its audit chain verifies — ending at `expectedHead` where a manifest says.
 */
export function checkDatabase(file: string, expectedHead?: string | null, allowNotSetUp = false): DatabaseCheck {
  const check = integrity(file);
  if (check !== 'ok') return { problem: 'corrupt', detail: check, auditHead: null, migrations: [] };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const migrations = migrationsDone(db);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    if (!migrations.includes('0001_init') || CORE_TABLES.some((t) => !tables.has(t)))
      return { problem: 'foreign', auditHead: null, migrations };
    const newer = unknownMigrations(db);
    if (newer.length) return { problem: 'newer', detail: newer.join(', '), auditHead: null, migrations };
    const users = db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    const audit = new AuditLog(db).verify(expectedHead ?? undefined);
    if (users.n === 0 && !allowNotSetUp) return { problem: 'notSetUp', auditHead: audit.head, migrations };
    if (!audit.ok) {
      const truncated = audit.problems.every((p) => p.kind === 'truncated');
      return {
        problem: truncated ? 'auditHeadMismatch' : 'auditBroken',
        detail: audit.problems[0]?.kind,
        auditHead: audit.head,
        migrations,
      };
    }
    if (expectedHead !== undefined && audit.head !== expectedHead)
      return { problem: 'auditHeadMismatch', auditHead: audit.head, migrations };
    return { problem: null, auditHead: audit.head, migrations };
  } finally {
    db.close();
  }
}

export function readManifest(file: string): Partial<SnapshotManifest> | null {
  try {
    const m = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    return m && typeof m === 'object' ? m : null;
  } catch {
    return null;
  }
}

/**
 * A complete copy of the open database as `dir/name`, with its manifest. The copy is checked
 * (integrity) before it gets its name; a check that fails leaves nothing behind.
 */
export async function writeSnapshot(
  raw: Database.Database,
  o: { dir: string; name: string; createdAt: Date },
): Promise<{ manifest: SnapshotManifest } | { problem: string }> {
  fs.mkdirSync(o.dir, { recursive: true });
  const final = path.join(o.dir, o.name);
  const tmp = path.join(o.dir, `${PARTIAL_PREFIX}${o.name}-${randomUUID()}`);
  try {
    await raw.backup(tmp);
    // One look at the copy: a copy of a WAL database is itself in WAL mode, and reading it would leave -wal and
    // -shm beside it, so as a single self-contained file it goes back to a rollback journal first; then its pages
    // are checked and its audit head read (from the copy, not the live file another writer may have moved on).
    const copy = new Database(tmp, { fileMustExist: true });
    let check: string;
    let auditHead: string | null;
    try {
      copy.pragma('journal_mode = DELETE');
      check = String(copy.pragma('integrity_check', { simple: true }));
      auditHead = check === 'ok' ? new AuditLog(copy).head() : null;
    } finally {
      copy.close();
    }
    if (check !== 'ok') return { problem: check };
    fsyncFile(tmp);
    const manifest: SnapshotManifest = {
      format: SNAPSHOT_FORMAT,
      name: o.name,
      createdAt: o.createdAt.toISOString(),
      sizeBytes: fs.statSync(tmp).size,
      sha256: fileSha256(tmp),
      auditHead,
      appVersion: pkg.version,
      migrations: migrationsDone(raw),
      integrity: 'ok',
    };
    writeFileAtomic(`${final}.json`, JSON.stringify(manifest, null, 2));
    fs.renameSync(tmp, final);
    return { manifest };
  } finally {
    removeWithSidecars(tmp);
  }
}

/**
 * A copy an earlier version wrote without a manifest (its pre-migration copies): if it is a whole
 * database of ours, it gets the manifest it lacks and is listed like any other. False if it is not.
 */
export function adoptLegacyCopy(file: string): boolean {
  const check = checkDatabase(file, undefined, true);
  if (check.problem) return false;
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    name: path.basename(file),
    createdAt: fs.statSync(file).mtime.toISOString(),
    sizeBytes: fs.statSync(file).size,
    sha256: fileSha256(file),
    auditHead: check.auditHead,
    appVersion: 'unknown',
    migrations: check.migrations,
    integrity: 'ok',
  };
  writeFileAtomic(`${file}.json`, JSON.stringify(manifest, null, 2));
  return true;
}

export function headOf(file: string): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new AuditLog(db).head();
  } finally {
    db.close();
  }
}

/** A copy under its final name is complete when its manifest is there and names its size. */
export function isComplete(file: string): boolean {
  const m = readManifest(file);
  if (!m || typeof m.sizeBytes !== 'number') return false;
  try {
    return fs.statSync(file).size === m.sizeBytes;
  } catch {
    return false;
  }
}
