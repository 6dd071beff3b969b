import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, type LogEvent } from 'kysely';
import { AppError } from '../../../shared/api/errors.ts';
import type { DB } from './schema.ts';
import { migrate, TxSqliteDialect } from './migrate.ts';

export interface Store {
  db: Kysely<DB>;
  raw: Database.Database;
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
}

export function applyPragmas(raw: Database.Database): void {
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('temp_store = MEMORY');
}

export async function openStore(opts: OpenOptions): Promise<{ store: Store; report: OpenReport }> {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  const created = !fs.existsSync(opts.file);
  // A marker that outlives the process means the last session did not close the database cleanly.
  const marker = `${opts.file}.open`;
  const uncleanShutdown = !created && fs.existsSync(marker);

  const raw = new Database(opts.file);
  try {
    applyPragmas(raw);
    if (uncleanShutdown) {
      const result = raw.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new AppError('DB_CORRUPT', { check: String(result) });
    }
    fs.writeFileSync(marker, String(process.pid));

    const migration = await migrate({
      raw,
      created,
      backupDir: opts.backupsDir,
      now: opts.now,
    });

    const slowLog = path.join(opts.logsDir, 'slow-queries.log');
    const db = new Kysely<DB>({
      dialect: new TxSqliteDialect({ database: raw }),
      plugins: [new CamelCasePlugin()],
      log(event: LogEvent) {
        if (event.level === 'query' && event.queryDurationMillis > SLOW_QUERY_MS) {
          fs.mkdirSync(opts.logsDir, { recursive: true });
          fs.appendFileSync(slowLog, `${new Date().toISOString()}\t${event.queryDurationMillis.toFixed(1)}ms\t${event.query.sql.replace(/\s+/g, ' ')}\n`);
        }
      },
    });

    let closed = false;
    const store: Store = {
      db,
      raw,
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
    return { store, report: { created, uncleanShutdown, applied: migration.applied, preMigrationBackup: migration.backup } };
  } catch (error) {
    if (raw.open) raw.close();
    fs.rmSync(marker, { force: true });
    throw error;
  }
}
