import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, type LogEvent } from 'kysely';
import { AppError } from '../../../shared/base/errors.ts';
import type { DB } from './schema.ts';
import { migrate, TxSqliteDialect } from './migrate.ts';

export interface Store {
  db: Kysely<DB>;
  raw: Database.Database;
  /** What kysely prepares its statements through: every query it runs asks it once (tests count them here). */
  statements: ReturnType<typeof statementCache>;
  file: string;
  close(): Promise<void>;
}

export interface OpenReport {
  created: boolean;
  uncleanShutdown: boolean;
  applied: string[];
  preMigrationBackup: string | null;
}

const SLOW_QUERY_MS = 40;

export interface OpenOptions {
  file: string;
  backupsDir: string;
  logsDir: string;
  now: () => Date;
  /**
   * The folder was set up once (installation.ts): a missing database is then lost data to restore,
   * never a new installation to create empty.
   */
  mustExist?: boolean;
}

/** A replacement database waits beside the file under this suffix until a rename puts it in place. */
export const INCOMING = '.incoming-';
/** The database being replaced waits under this name until its replacement has opened. */
export const BEFORE_REPLACE = '.before-replace';

/** The workspace's database file. */
export const dbFileOf = (dataDir: string) => path.join(dataDir, 'enforce.db');

/** A closed database's WAL and shared-memory files: stale once the file is replaced. */
export function removeSidecars(file: string): void {
  for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
}

export function openMarkers(file: string): { pid: number; path: string }[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.open-`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ pid: Number(n.slice(prefix.length)), path: path.join(dir, n) }))
    .filter((m) => Number.isInteger(m.pid) && m.pid > 0);
}

/**
 * Several processes may share the database (the app and the CLI: SQLite's locking serialises their
 * writes), but replacing the file under another live process would corrupt what it sees.
 */
export function ensureExclusive(file: string): void {
  const others = openMarkers(file).filter((m) => m.pid !== process.pid && processAlive(m.pid));
  if (others.length) throw new AppError('DB_IN_USE', { pid: others[0].pid });
}

/** No other live process has the database open, or is replacing it. */
export function onlyOpener(file: string): boolean {
  return [...openMarkers(file), ...replacingLocks(file)].every((m) => m.pid === process.pid || !processAlive(m.pid));
}

/**
 * A process replacing the database (restore, data import) holds `<file>.replacing-<pid>` from before
 * it checks that it is alone until the replacement has opened. A process that opens the database
 * writes its open marker first and then looks for such a lock: of two processes doing so at once,
 * at least one sees the other.
 */
const REPLACING = '.replacing-';
export function replacingLocks(file: string): { pid: number; path: string }[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${REPLACING}`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ pid: Number(n.slice(prefix.length)), path: path.join(dir, n) }))
    .filter((m) => Number.isInteger(m.pid) && m.pid > 0);
}

/** Takes the replacing lock and checks that no other live process has the database open; release() gives it back. */
export function lockForReplace(file: string): { release(): void } {
  const lock = `${file}${REPLACING}${process.pid}`;
  fs.writeFileSync(lock, String(process.pid));
  try {
    ensureExclusive(file);
    const other = replacingLocks(file).find((m) => m.pid !== process.pid && processAlive(m.pid));
    if (other) throw new AppError('DB_IN_USE', { pid: other.pid });
  } catch (e) {
    fs.rmSync(lock, { force: true });
    throw e;
  }
  return { release: () => fs.rmSync(lock, { force: true }) };
}

function refuseWhileReplaced(file: string): void {
  const other = replacingLocks(file).find((m) => m.pid !== process.pid && processAlive(m.pid));
  if (other) throw new AppError('DB_IN_USE', { pid: other.pid });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function applyPragmas(raw: Database.Database): void {
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('temp_store = MEMORY');
  // REPLACE's implicit delete then fires delete triggers: INSERT OR REPLACE cannot overwrite a frozen row.
  raw.pragma('recursive_triggers = ON');
}

export async function openStore(opts: OpenOptions): Promise<{ store: Store; report: OpenReport }> {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  refuseWhileReplaced(opts.file);
  const created = !fs.existsSync(opts.file);
  if (created && opts.mustExist) throw new AppError('DB_MISSING');
  // Each process that has the database open leaves a marker naming its PID. A marker that outlives
  // its process means that session did not close the database cleanly.
  const marker = `${opts.file}.open-${process.pid}`;
  const stale = openMarkers(opts.file).filter((m) => m.pid === process.pid || !processAlive(m.pid));
  const uncleanShutdown = !created && stale.length > 0;
  let wroteMarker = false;

  const raw = new Database(opts.file);
  try {
    try {
      applyPragmas(raw);
      if (uncleanShutdown) {
        const result = raw.pragma('quick_check', { simple: true });
        if (result !== 'ok') throw new AppError('DB_CORRUPT', { check: String(result) });
      }
    } catch (e) {
      // A damaged header makes SQLite refuse the file outright (SQLITE_NOTADB / SQLITE_CORRUPT).
      if (e instanceof AppError) throw e;
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))
        throw new AppError('DB_CORRUPT', { check: code });
      throw e;
    }
    // Checked: the stale markers have done their job.
    for (const m of stale) fs.rmSync(m.path, { force: true });
    fs.writeFileSync(marker, String(process.pid));
    wroteMarker = true;
    // Marker first, then the look for a replacement under way (lockForReplace does the reverse).
    refuseWhileReplaced(opts.file);

    const migration = await migrate({
      raw,
      created,
      backupDir: opts.backupsDir,
      now: opts.now,
    });

    const slowLog = path.join(opts.logsDir, 'slow-queries.log');
    const statements = statementCache(raw);
    const db = new Kysely<DB>({
      dialect: new TxSqliteDialect({ database: statements as unknown as Database.Database }),
      plugins: [new CamelCasePlugin()],
      log(event: LogEvent) {
        if (event.level === 'query' && event.queryDurationMillis > SLOW_QUERY_MS) {
          fs.mkdirSync(opts.logsDir, { recursive: true });
          fs.appendFileSync(
            slowLog,
            `${opts.now().toISOString()}\t${event.queryDurationMillis.toFixed(1)}ms\t${event.query.sql.replace(/\s+/g, ' ')}\n`,
          );
        }
      },
    });

    let closed = false;
    const store: Store = {
      db,
      raw,
      statements,
      file: opts.file,
      async close() {
        if (closed) return;
        closed = true;
        raw.pragma('optimize');
        raw.pragma('wal_checkpoint(TRUNCATE)');
        await db.destroy();
        if (raw.open) raw.close();
        fs.rmSync(marker, { force: true });
      },
    };
    return {
      store,
      report: { created, uncleanShutdown, applied: migration.applied, preMigrationBackup: migration.backup },
    };
  } catch (error) {
    if (raw.open) raw.close();
    // A failed check leaves the stale markers in place, so the next start checks again instead of trusting the file.
    if (wroteMarker) fs.rmSync(marker, { force: true });
    throw error;
  }
}

/**
 * The statements kysely asks for, kept and reused by their SQL. Kysely prepares every query afresh, and a statement's
 * native memory goes back only when the garbage collector finalises it: a run of reviews over 500 case files left
 * some 70 MiB behind. Bounded (least recently used first out); a statement still being iterated is never handed out
 * twice.
 */
export function statementCache(raw: Database.Database, max = 256) {
  const kept = new Map<string, Database.Statement>();
  return {
    prepare(sql: string): Database.Statement {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = raw.prepare(sql);
      if (!hit) {
        kept.set(sql, stmt);
        if (kept.size > max) kept.delete(kept.keys().next().value!);
      }
      return stmt;
    },
    close() {
      kept.clear();
      raw.close();
    },
  };
}
