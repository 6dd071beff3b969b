import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/base/errors.ts';
import { chinaDate } from '../../../../shared/domain/dates.ts';
import type { BackupInfo } from '../../../../shared/entities/backup.ts';
import type { CoreState } from '../../context.ts';
import { stamp } from '../../db/migrate.ts';
import { dbFileOf, ensureExclusive, INCOMING, lockForReplace, openMarkers, removeSidecars } from '../../db/open.ts';
import { saveFloors } from '../../db/number-floors.ts';
import {
  BACKUP_NAME,
  type DatabaseCheck,
  checkDatabase,
  fileSha256,
  fsyncFile,
  headOf,
  isComplete,
  PARTIAL_PREFIX,
  readManifest,
  removeWithSidecars,
  writeSnapshot,
} from '../../db/snapshot.ts';
import { sha256 } from '../../files.ts';
import { readSettings } from '../settings/repository.ts';
import { wasSetUp } from '../../installation.ts';
import { zipEntries } from './zip.ts';
import { PACKAGE_FORMAT, STORED } from './unpack.ts';

/**
 * Backups are online SQLite copies (db.backup) checked with integrity_check, each with a small
 * manifest that records its SHA-256 and the audit-chain head at that moment, so a later verify can
 * tell whether entries were cut off the end. They are written whole or not at all (db/snapshot.ts).
 * Daily copies rotate; manual and safety copies stay until removed.
 */
export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

/** Only complete backups: a copy under its final name with the manifest that names its size. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => BACKUP_NAME.test(n) && isComplete(path.join(dir, n)))
    .map((name) => {
      const file = path.join(dir, name);
      const m = readManifest(file)!;
      const [, kind, ts] = BACKUP_NAME.exec(name)!;
      const createdAt =
        m.createdAt ??
        `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(9, 11)}:${ts.slice(11, 13)}:${ts.slice(13, 15)}Z`;
      return {
        name,
        kind: kind as BackupInfo['kind'],
        createdAt,
        sizeBytes: fs.statSync(file).size,
        auditHead: m.auditHead ?? null,
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export async function createBackup(core: CoreState, kind: BackupInfo['kind']): Promise<BackupInfo> {
  const dir = backupsDir(core.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const now = core.now();
  // The name is reserved (created exclusively) so that two processes backing up in the same second never share one.
  let name = '';
  let reservation = '';
  for (let i = 1; !reservation; i++) {
    name = i === 1 ? `${kind}-${stamp(now)}.db` : `${kind}-${stamp(now)}-${i}.db`;
    if (fs.existsSync(path.join(dir, name))) continue;
    try {
      fs.closeSync(fs.openSync(path.join(dir, `${PARTIAL_PREFIX}${name}.lock`), 'wx'));
      reservation = path.join(dir, `${PARTIAL_PREFIX}${name}.lock`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  let written: Awaited<ReturnType<typeof writeSnapshot>>;
  try {
    written = await writeSnapshot(core.store.raw, { dir, name, createdAt: now });
  } finally {
    fs.rmSync(reservation, { force: true });
  }
  if ('problem' in written) throw new AppError('BACKUP_CORRUPT', { check: written.problem });
  const { manifest } = written;
  if (kind === 'daily') rotate(core.dataDir, (await readSettings(core.store.db)).backupKeep);
  return { name, kind, createdAt: manifest.createdAt, sizeBytes: manifest.sizeBytes, auditHead: manifest.auditHead };
}

function rotate(dataDir: string, keep: number): void {
  const daily = listBackups(dataDir).filter((b) => b.kind === 'daily');
  for (const old of daily.slice(keep)) {
    const file = path.join(backupsDir(dataDir), old.name);
    // The copy first: a manifest left alone is a leftover, a copy left alone would be unlisted.
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.json`, { force: true });
  }
}

/** One copy a day, taken at start and then hourly checks; cheap when today's copy exists. */
export async function ensureDailyBackup(core: CoreState): Promise<BackupInfo | null> {
  const today = core.today();
  const has = listBackups(core.dataDir).some((b) => b.kind === 'daily' && chinaDate(new Date(b.createdAt)) === today);
  return has ? null : createBackup(core, 'daily');
}

/**
 * A backup may replace the data only if it is one of ours, whole: named and described by its
 * manifest, the same bytes the manifest hashed, its pages intact, our schema, set up, and an audit
 * chain that verifies up to the head the manifest recorded. An empty or foreign file, or a copy a
 * kill cut short, is refused with the reason, and nothing is touched. The checks read the copy that
 * will be renamed into place (staged beside the database), not the backup itself.
 */
function stageVerified(dataDir: string, name: string, dbFile: string): string {
  const file = path.join(backupsDir(dataDir), name);
  if (!BACKUP_NAME.test(name) || !fs.existsSync(file)) throw new AppError('BACKUP_NOT_FOUND', { name });
  const refuse = (problem: string, detail?: string) =>
    new AppError('BACKUP_NOT_OURS', { name, reason: `backupCheck.${problem}`, ...(detail ? { check: detail } : {}) });
  const m = readManifest(file);
  if (!m || !isComplete(file)) throw refuse('noManifest');
  const staged = `${dbFile}${INCOMING}${randomUUID()}`;
  try {
    fs.copyFileSync(file, staged);
    fsyncFile(staged);
    // Manifests written before copies were hashed have no sha256; their chain head still has to match.
    if (m.sha256 !== undefined && m.sha256 !== fileSha256(staged)) throw refuse('hashMismatch');
    const check = checkDatabase(staged, m.auditHead ?? null, !wasSetUp(dataDir));
    if (check.problem) throw refuse(check.problem, check.detail);
    removeSidecars(staged);
    return staged;
  } catch (e) {
    removeWithSidecars(staged);
    throw e;
  }
}

export async function restoreBackup(
  core: CoreState,
  name: string,
): Promise<{ restored: string; safetyBackup: string }> {
  const staged = stageVerified(core.dataDir, name, core.store.file);
  try {
    ensureExclusive(core.store.file);
    // The state being replaced is itself kept, so a restore can always be undone.
    const safety = await createBackup(core, 'pre-restore');
    // Document numbers already handed out must never be handed out again, even if the restored data predates them.
    saveFloors(core.dataDir, core.store.raw, `恢复备份 ${name} 前已使用至该号，其后文号不再重复使用`);
    await core.reopen(async (dbFile) => fs.renameSync(staged, dbFile));
    core.sessions.clear();
    return { restored: name, safetyBackup: safety.name };
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

/**
 * Restore with the database closed, for when it cannot be opened at all (DB_CORRUPT, DB_MISSING):
 * the damaged file (with its WAL) is kept beside the backups as corrupt-<time>.db, never deleted,
 * and the backup takes its place in one rename.
 */
export function restoreOffline(
  dataDir: string,
  name: string,
  now: Date,
): { restored: string; damagedCopy: string | null } {
  const dbFile = dbFileOf(dataDir);
  const staged = stageVerified(dataDir, name, dbFile);
  const lock = lockForReplace(dbFile);
  try {
    let damagedCopy: string | null = null;
    if (fs.existsSync(dbFile)) {
      damagedCopy = path.join(backupsDir(dataDir), `corrupt-${stamp(now)}.db`);
      fs.copyFileSync(dbFile, damagedCopy);
      for (const ext of ['-wal', '-shm'])
        if (fs.existsSync(dbFile + ext)) fs.copyFileSync(dbFile + ext, damagedCopy + ext);
    }
    removeSidecars(dbFile);
    for (const m of openMarkers(dbFile)) fs.rmSync(m.path, { force: true });
    fs.renameSync(staged, dbFile);
    return { restored: name, damagedCopy: damagedCopy && path.basename(damagedCopy) };
  } finally {
    lock.release();
    fs.rmSync(staged, { force: true });
  }
}

// --- moving the data to a new PC -------------------------------------------------------------

/** Half-written files (a kill mid-write) travel nowhere. */
const LEFTOVER = /(\.tmp$|(^|\/)\.partial-)/;

function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

/** A zip with a consistent database snapshot, the stored files and a manifest of SHA-256 sums. */
export async function exportDataPackage(core: CoreState): Promise<Buffer> {
  const tmp = path.join(core.dataDir, `${PARTIAL_PREFIX}export-${randomUUID()}.db`);
  try {
    await core.store.raw.backup(tmp);
    const entries = [{ name: 'enforce.db', data: fs.readFileSync(tmp) }];
    const filesDir = path.join(core.dataDir, 'files');
    for (const rel of walk(filesDir).filter((r) => !LEFTOVER.test(r) && STORED.test(r)))
      entries.push({ name: `files/${rel}`, data: fs.readFileSync(path.join(filesDir, rel)) });
    const manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: 1,
      appVersion: core.version,
      createdAt: core.now().toISOString(),
      // The head the copy holds: another process may have written to the live file since.
      auditHead: headOf(tmp),
      entries: Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)])),
    };
    return await zipEntries([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
      ...entries,
    ]);
  } finally {
    removeWithSidecars(tmp);
  }
}

function refusal(check: DatabaseCheck): AppError {
  const reason =
    check.problem === 'corrupt'
      ? 'dataPackage.corrupt'
      : check.problem === 'newer'
        ? 'dataPackage.newerVersion'
        : `backupCheck.${check.problem}`;
  return new AppError('DATA_PACKAGE_BAD', {
    reason,
    ...(check.problem === 'newer'
      ? { migrations: check.detail?.split(', ') }
      : check.detail
        ? { check: check.detail }
        : {}),
  });
}

/**
 * Replaces the (empty) installation with the package at `zipFile`. It is unpacked and checked in the worker
 * (unpack.ts) beside the database; only a package that passes every check puts its files in place (each by one
 * rename, never over a file already there) and then its database (one rename). Anything else leaves nothing behind.
 */
export async function importDataPackage(core: CoreState, zipFile: string): Promise<{ auditHead: string | null }> {
  const staged = `${core.store.file}${INCOMING}${randomUUID()}`;
  const stage = path.join(core.dataDir, `${PARTIAL_PREFIX}import-${randomUUID()}`);
  try {
    const pkg = await core.unpackDataPackage(zipFile, staged, stage);
    if (pkg.check.problem) throw refusal(pkg.check);
    // The files first: a kill leaves only files the database may not yet name.
    for (const rel of pkg.files) {
      const target = path.join(core.dataDir, 'files', ...rel.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (!fs.existsSync(target)) fs.renameSync(path.join(stage, ...rel.split('/')), target);
    }
    removeSidecars(staged);
    ensureExclusive(core.store.file);
    await createBackup(core, 'pre-restore');
    await core.reopen(async (dbFile) => fs.renameSync(staged, dbFile));
    core.sessions.clear();
    return { auditHead: pkg.auditHead };
  } finally {
    removeWithSidecars(staged);
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** The same from bytes (an upload): written to a file of its own first, so the worker reads it from disk. */
export async function importDataPackageBytes(core: CoreState, data: Buffer): Promise<{ auditHead: string | null }> {
  const zipFile = path.join(core.dataDir, `${PARTIAL_PREFIX}package-${randomUUID()}.zip`);
  try {
    await fs.promises.writeFile(zipFile, data, { flag: 'wx' });
    return await importDataPackage(core, zipFile);
  } finally {
    fs.rmSync(zipFile, { force: true });
  }
}
