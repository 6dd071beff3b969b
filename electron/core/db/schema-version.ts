import type Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index.ts';

/** Migrations a database has run, in order (none for a new file). */
export function migrationsDone(raw: Database.Database): string[] {
  const hasTable = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  return hasTable
    ? (raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)
    : [];
}

/** Migrations a database has run that this app does not know: a newer app wrote it. */
export function unknownMigrations(raw: Database.Database, known: Record<string, unknown> = allMigrations): string[] {
  return migrationsDone(raw).filter((n) => !(n in known));
}
