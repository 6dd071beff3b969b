import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../../shared/api/errors.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from 'kysely/migration';

/** SQLite does transactional DDL; kysely's adapter says it does not, which would run each migration on its own. */
class TxSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
export class TxSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TxSqliteAdapter();
  }
}

export interface MigrateOptions {
  raw: Database.Database;
  created: boolean;
  backupDir: string;
  now: () => Date;
  /** Tests pass a list with a failing migration; the app always runs the full static list. */
  migrations?: Record<string, Migration>;
}

export function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Migrations a database has run, in order (none for a new file). */
export function migrationsDone(raw: Database.Database): string[] {
  const hasTable = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  return hasTable ? (raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name) : [];
}

/** Migrations a database has run that this app does not know: a newer app wrote it. */
export function unknownMigrations(raw: Database.Database, known: Record<string, unknown> = allMigrations): string[] {
  return migrationsDone(raw).filter((n) => !(n in known));
}

/**
 * Brings the schema up to date in one transaction. A database written by a newer app is refused
 * untouched; an existing database is copied aside before any migration runs.
 */
export async function migrate(opts: MigrateOptions): Promise<{ applied: string[]; backup: string | null }> {
  const migrations = opts.migrations ?? allMigrations;
  const done = migrationsDone(opts.raw);
  const unknown = unknownMigrations(opts.raw, migrations);
  if (unknown.length > 0) throw new AppError('DB_TOO_NEW', { migrations: unknown });
  const pending = Object.keys(migrations).filter((n) => !done.includes(n));
  if (pending.length === 0) return { applied: [], backup: null };

  let backup: string | null = null;
  if (!opts.created) {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    backup = path.join(opts.backupDir, `pre-migration-${stamp(opts.now())}.db`);
    await opts.raw.backup(backup);
  }

  // Without CamelCasePlugin: migrations are frozen in time and write snake_case themselves.
  const db = new Kysely<unknown>({ dialect: new TxSqliteDialect({ database: opts.raw }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? null;
    throw new AppError('MIGRATION_FAILED', { migration: failed, reason: error instanceof Error ? error.message : String(error) });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), backup };
}
