import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { stamp } from './migrate.ts';
import { BEFORE_REPLACE, INCOMING, onlyOpener, removeSidecars } from './open.ts';
import {
  adoptLegacyCopy,
  BACKUP_NAME,
  checkDatabase,
  isComplete,
  PARTIAL_PREFIX,
  PENDING_PREFIX,
  readManifest,
} from './snapshot.ts';

/**
 * What a kill leaves behind, put right at start: a replacement of the database cut off half-way,
 * backups and packages under their temporary names, stored files no row names (a PDF rendered
 * for a document whose issuing never committed). Nothing a row references is ever removed, voided
 * rows included: a file is kept if any text in any table names its hash, or if a backup may name it.
 */
export interface LeftoversReport {
  /** The database was put back from its copy aside (the replacement never landed), or the copy aside was dropped (it had). */
  replace: 'rolled-back' | 'completed' | null;
  removed: string[];
}

const STORED = /^[0-9a-f]{64}$/;

/** Every package name a row holds: the register's packages and volumes, each 典型案例's last package, and those the audit log says were made. */
function packagesMade(raw: Database.Database): Set<string> {
  const names = new Set<string>();
  for (const r of raw.prepare('SELECT name, volumes_json FROM exports').all() as {
    name: string;
    volumes_json: string;
  }[]) {
    names.add(r.name);
    for (const v of JSON.parse(r.volumes_json) as { name: string }[]) names.add(v.name);
  }
  for (const r of raw.prepare('SELECT package_name FROM typical_cases WHERE package_name IS NOT NULL').all() as {
    package_name: string;
  }[])
    names.add(r.package_name);
  for (const r of raw
    .prepare("SELECT after_json FROM audit_log WHERE action LIKE 'exports:%' AND after_json IS NOT NULL")
    .all() as { after_json: string }[]) {
    const after = JSON.parse(r.after_json) as { name?: unknown };
    if (typeof after.name === 'string') names.add(after.name);
  }
  return names;
}
const HASH_IN_TEXT = /[0-9a-f]{64}/g;

/**
 * Before the database opens: a replacement (restore, data import) is a rename onto the file with
 * the old one kept aside. If the file there is a whole database of ours, the rename happened and the
 * copy aside can go (the replaced state is also kept as a pre-restore backup). Otherwise — no file,
 * or one that is not ours (an older program that knew nothing of this made an empty one) — the old
 * file goes back, and whatever stood in its place is kept beside the backups. Only the process that
 * alone has the data open does this: another may be in the middle of its own replacement.
 */
export function finishInterruptedReplace(
  dbFile: string,
  allowNotSetUp: boolean,
  now: Date,
): LeftoversReport['replace'] {
  const aside = `${dbFile}${BEFORE_REPLACE}`;
  if (!fs.existsSync(aside) || !onlyOpener(dbFile)) return null;
  if (fs.existsSync(dbFile) && checkDatabase(dbFile, undefined, allowNotSetUp).problem === null) {
    fs.rmSync(aside, { force: true });
    return 'completed';
  }
  if (fs.existsSync(dbFile)) {
    const kept = path.join(path.dirname(dbFile), 'backups', `replaced-${stamp(now)}.db`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.renameSync(dbFile, kept);
  }
  removeSidecars(dbFile);
  fs.renameSync(aside, dbFile);
  return 'rolled-back';
}

function removeIf(file: string, removed: string[], dataDir: string): void {
  // A folder too: a data package's files are unpacked into one of their own (backups/unpack.ts).
  fs.rmSync(file, { force: true, recursive: true });
  removed.push(path.relative(dataDir, file).split(path.sep).join('/'));
}

/** Every 64-hex text any row holds: file hashes in columns and in JSON alike. */
function referencedHashes(raw: Database.Database): Set<string> {
  const seen = new Set<string>();
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    for (const row of raw
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      for (const value of row)
        if (typeof value === 'string' && value.length >= 64)
          for (const m of value.matchAll(HASH_IN_TEXT)) seen.add(m[0]);
    }
  }
  return seen;
}

/**
 * After the database opened, only when no other process has it open (another one may be half-way
 * through writing a file it is about to name). `raw` is the open database: it says which stored
 * files are referenced. Reading every row for that costs time, so stored files are looked at only
 * after an unclean shutdown (`storedFiles`), which is when a kill can have left one unnamed.
 */
export function removeLeftovers(
  dataDir: string,
  dbFile: string,
  raw: Database.Database,
  storedFiles: boolean,
): string[] {
  const removed: string[] = [];
  const dbDir = path.dirname(dbFile);
  for (const n of fs.readdirSync(dbDir)) {
    const file = path.join(dbDir, n);
    if (
      n.startsWith(`${path.basename(dbFile)}${INCOMING}`) ||
      n.startsWith(PARTIAL_PREFIX) ||
      /^(export|import)-\d+-.+\.db$/.test(n)
    )
      removeIf(file, removed, dataDir);
    // A replacing lock whose process is gone (this one is alone with the data, and took none yet).
    else if (
      n.startsWith(`${path.basename(dbFile)}.replacing-`) &&
      n !== `${path.basename(dbFile)}.replacing-${process.pid}`
    )
      removeIf(file, removed, dataDir);
  }
  const backups = path.join(dataDir, 'backups');
  if (fs.existsSync(backups)) {
    for (const n of fs.readdirSync(backups)) {
      const file = path.join(backups, n);
      if (n.startsWith(PARTIAL_PREFIX)) removeIf(file, removed, dataDir);
      // Reading a copy written in WAL mode by an earlier version left these; its -wal is empty once it was closed.
      else if (/\.db-shm$/.test(n) || (/\.db-wal$/.test(n) && fs.statSync(file).size === 0))
        removeIf(file, removed, dataDir);
      // A copy under its final name always has its manifest now; one without was written by an earlier version:
      // kept (with a manifest made for it) when it is a whole database of ours, else it was cut short.
      else if (BACKUP_NAME.test(n) && !isComplete(file)) {
        if (readManifest(file) === null && adoptLegacyCopy(file)) continue;
        removeIf(file, removed, dataDir);
        if (fs.existsSync(`${file}.json`)) removeIf(`${file}.json`, removed, dataDir);
      } else if (n.endsWith('.db.json') && BACKUP_NAME.test(n.slice(0, -5)) && !fs.existsSync(file.slice(0, -5)))
        removeIf(file, removed, dataDir);
    }
  }
  // An upload package cut short (a kill while it was written) under its temporary name; and one renamed into place
  // whose row never came (a kill between the rename and the commit): its intent marker is still there, and the
  // register does not name it. Packages no marker names are never touched — a restore may have taken their rows.
  const exports = path.join(dataDir, 'exports');
  if (fs.existsSync(exports)) {
    let made: Set<string> | null = null;
    for (const n of fs.readdirSync(exports)) {
      if (n.startsWith(PENDING_PREFIX)) {
        const name = n.slice(PENDING_PREFIX.length);
        made ??= packagesMade(raw);
        if (!made.has(name))
          for (const f of fs.readdirSync(exports))
            if (f === name || (f.startsWith(`${name}.`) && /^\d{3,4}$/.test(f.slice(name.length + 1))))
              removeIf(path.join(exports, f), removed, dataDir);
        removeIf(path.join(exports, n), removed, dataDir);
      }
    }
    for (const n of fs.readdirSync(exports))
      if (n.startsWith(PARTIAL_PREFIX)) removeIf(path.join(exports, n), removed, dataDir);
  }
  const files = path.join(dataDir, 'files');
  // A backup names only files stored before it was taken; a file stored since the newest one can be named by none
  // of them. An older unnamed file may still be named by a backup (the state before a restore): it stays.
  const newestBackup = Math.max(
    0,
    ...(fs.existsSync(backups)
      ? fs
          .readdirSync(backups)
          .filter((n) => BACKUP_NAME.test(n))
          .map((n) => fs.statSync(path.join(backups, n)).mtimeMs)
      : []),
  );
  if (fs.existsSync(files)) {
    let referenced: Set<string> | null = null;
    for (const dir of fs.readdirSync(files, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const n of fs.readdirSync(path.join(files, dir.name))) {
        const file = path.join(files, dir.name, n);
        if (n.endsWith('.tmp') || n.startsWith(PARTIAL_PREFIX)) removeIf(file, removed, dataDir);
        else if (storedFiles && STORED.test(n)) {
          referenced ??= referencedHashes(raw);
          if (!referenced.has(n) && fs.statSync(file).mtimeMs > newestBackup) removeIf(file, removed, dataDir);
        }
      }
    }
  }
  return removed;
}
