import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BEFORE_REPLACE, INCOMING } from './open.ts';
import { isComplete, PARTIAL_PREFIX } from './snapshot.ts';

/**
 * What a kill leaves behind, put right at start: a replacement of the database cut off half-way,
 * backups and packages under their temporary names, stored files no row names (a PDF rendered
 * for a document whose issuing never committed). Nothing a row references is ever removed, voided
 * rows included: a file is kept if any text in any table names its hash.
 */
export interface LeftoversReport {
  /** The database was put back from its copy aside (the replacement never landed), or the copy aside was dropped (it had). */
  replace: 'rolled-back' | 'completed' | null;
  removed: string[];
}

const BACKUP_NAME = /^(daily|manual|pre-restore|pre-migration)-\d{8}T\d{6}Z(-\d+)?\.db$/;
const STORED = /^[0-9a-f]{64}$/;
const HASH_IN_TEXT = /[0-9a-f]{64}/g;

/**
 * Before the database opens: a replacement (restore, data import) is a rename onto the file with
 * the old one kept aside. If the file is there, the rename happened and the copy aside can go; if
 * not, the old file goes back.
 */
export function finishInterruptedReplace(dbFile: string): LeftoversReport['replace'] {
  const aside = `${dbFile}${BEFORE_REPLACE}`;
  if (!fs.existsSync(aside)) return null;
  if (fs.existsSync(dbFile)) {
    fs.rmSync(aside, { force: true });
    return 'completed';
  }
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  fs.renameSync(aside, dbFile);
  return 'rolled-back';
}

function removeIf(file: string, removed: string[], dataDir: string): void {
  fs.rmSync(file, { force: true });
  removed.push(path.relative(dataDir, file).split(path.sep).join('/'));
}

/** Every 64-hex text any row holds: file hashes in columns and in JSON alike. */
function referencedHashes(raw: Database.Database): Set<string> {
  const seen = new Set<string>();
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    for (const row of raw.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) if (typeof value === 'string' && value.length >= 64) for (const m of value.matchAll(HASH_IN_TEXT)) seen.add(m[0]);
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
export function removeLeftovers(dataDir: string, dbFile: string, raw: Database.Database, storedFiles: boolean): string[] {
  const removed: string[] = [];
  const dbDir = path.dirname(dbFile);
  for (const n of fs.readdirSync(dbDir)) {
    const file = path.join(dbDir, n);
    if (n.startsWith(`${path.basename(dbFile)}${INCOMING}`) || n.startsWith(PARTIAL_PREFIX) || /^(export|import)-\d+-.+\.db$/.test(n)) removeIf(file, removed, dataDir);
  }
  const backups = path.join(dataDir, 'backups');
  if (fs.existsSync(backups)) {
    for (const n of fs.readdirSync(backups)) {
      const file = path.join(backups, n);
      if (n.startsWith(PARTIAL_PREFIX)) removeIf(file, removed, dataDir);
      // A copy without its manifest (or not of the size it names) was cut short; a manifest alone lost its copy.
      else if (BACKUP_NAME.test(n) && !isComplete(file)) {
        removeIf(file, removed, dataDir);
        if (fs.existsSync(`${file}.json`)) removeIf(`${file}.json`, removed, dataDir);
      } else if (n.endsWith('.db.json') && BACKUP_NAME.test(n.slice(0, -5)) && !fs.existsSync(file.slice(0, -5))) removeIf(file, removed, dataDir);
    }
  }
  const files = path.join(dataDir, 'files');
  if (fs.existsSync(files)) {
    let referenced: Set<string> | null = null;
    for (const dir of fs.readdirSync(files, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const n of fs.readdirSync(path.join(files, dir.name))) {
        const file = path.join(files, dir.name, n);
        if (n.endsWith('.tmp') || n.startsWith(PARTIAL_PREFIX)) removeIf(file, removed, dataDir);
        else if (storedFiles && STORED.test(n)) {
          referenced ??= referencedHashes(raw);
          if (!referenced.has(n)) removeIf(file, removed, dataDir);
        }
      }
    }
  }
  return removed;
}
