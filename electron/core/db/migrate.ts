import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../../shared/base/errors.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import { migrationsDone, unknownMigrations } from './schema-version.ts';
import { writeSnapshot } from './snapshot.ts';

export { migrationsDone, unknownMigrations };
import type { Migration } from 'kysely/migration';

/** SQLite does transactional DDL; kysely's adapter says it does not, which would run each migration on its own. */
class TxSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
/**
 * Every transaction takes the write lock when it begins. A deferred one reads first and asks for
 * the lock at its first write; in WAL mode, if another process (the CLI beside the app) committed
 * in between, SQLite fails it at once with SQLITE_BUSY_SNAPSHOT, which no busy_timeout can wait out.
 * Begun IMMEDIATE, it waits (busy_timeout) for the other writer instead, and then sees its commit.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
export class TxSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createAdapter(): SqliteAdapter {
    return new TxSqliteAdapter();
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
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
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
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
    const name = `pre-migration-${stamp(opts.now())}.db`;
    const written = await writeSnapshot(opts.raw, { dir: opts.backupDir, name, createdAt: opts.now() });
    if ('problem' in written) throw new AppError('DB_CORRUPT', { check: written.problem });
    backup = path.join(opts.backupDir, name);
  }

  // Without CamelCasePlugin: migrations are frozen in time and write snake_case themselves.
  const db = new Kysely<unknown>({ dialect: new TxSqliteDialect({ database: opts.raw }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? null;
    throw new AppError('MIGRATION_FAILED', {
      migration: failed,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), backup };
}
