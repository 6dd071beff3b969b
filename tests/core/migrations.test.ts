import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { ensureExclusive, openStore } from '../../electron/core/db/open.ts';
import { tempDir } from '../support/core.ts';
import { testClock } from '../support/clock.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function opts(dir: string) {
  return {
    file: path.join(dir, 'enforce.db'),
    backupsDir: path.join(dir, 'backups'),
    logsDir: path.join(dir, 'logs'),
    now: () => new Date('2026-11-22T08:00:00Z'),
  };
}

function schema(file: string): { name: string; sql: string }[] {
  const db = new Database(file, { readonly: true });
  open.push(db);
  return db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
}

describe('database migrations', () => {
  it('creates the whole schema on a fresh file, in the committed shape', async () => {
    const dir = tempDir();
    const { store, report } = await openStore(opts(dir));
    expect(report.created).toBe(true);
    expect(report.applied).toEqual(Object.keys(migrations));
    expect(report.preMigrationBackup).toBeNull();
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    await store.close();
    const snapshot = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'schema-snapshot.json'), 'utf8'));
    expect(schema(opts(dir).file)).toEqual(snapshot);
  });

  // Every committed fixture is a database as an earlier release left it; each must upgrade to today's schema.
  const fixtures = fs
    .readdirSync(FIXTURES)
    .filter((n) => /^schema-\d{4}\.db$/.test(n))
    .sort();
  it('has a fixture of the schema before the newest migration', () => {
    const names = Object.keys(migrations);
    expect(fixtures).toContain(`schema-${names.at(-2)!.slice(0, 4)}.db`);
  });

  it.each(fixtures)('upgrades %s to the current schema, keeping its rows, after a backup', async (fixture) => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, fixture), opts(dir).file);
    const { store, report } = await openStore(opts(dir));
    const from = fixture.slice(7, 11);
    expect(report.applied).toEqual(Object.keys(migrations).filter((n) => n.slice(0, 4) > from));
    expect(report.preMigrationBackup).toMatch(/pre-migration-20261122T080000Z\.db$/);
    expect(fs.existsSync(report.preMigrationBackup!)).toBe(true);
    expect(store.raw.prepare('SELECT username FROM users').all()).toEqual([{ username: 'fixture-admin' }]);
    await store.close();
    expect(schema(opts(dir).file)).toEqual(
      JSON.parse(fs.readFileSync(path.join(FIXTURES, 'schema-snapshot.json'), 'utf8')),
    );
  });

  it('leaves the data untouched when a migration fails halfway', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'schema-0001.db'), opts(dir).file);
    const before = fs.readFileSync(opts(dir).file);
    const raw = new Database(opts(dir).file);
    open.push(raw);
    const failing = {
      ...migrations,
      '0003_broken': {
        async up(db: Kysely<unknown>) {
          await sql`CREATE TABLE half_done (x INTEGER)`.execute(db);
          await sql`INSERT INTO users (username) VALUES ('incomplete row')`.execute(db);
        },
      },
    };
    await expect(
      migrate({ raw, created: false, backupDir: path.join(dir, 'backups'), now: testClock(), migrations: failing }),
    ).rejects.toMatchObject({ code: 'MIGRATION_FAILED', details: { migration: '0003_broken' } });
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).not.toContain('enterprises');
    expect(tables).not.toContain('documents');
    expect(tables).not.toContain('half_done');
    expect(raw.prepare('SELECT name FROM kysely_migration').all()).toEqual([{ name: '0001_init' }]);
    raw.close();
    // Same rows, same schema as before the attempt.
    const after = new Database(opts(dir).file, { readonly: true });
    open.push(after);
    const beforeDb = new Database(before);
    expect(after.prepare('SELECT * FROM users').all()).toEqual(beforeDb.prepare('SELECT * FROM users').all());
    beforeDb.close();
  });

  it('0008 dates the documents already there from their fields, issued ones included, and then freezes the date', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'schema-0007.db'), opts(dir).file);
    const raw = new Database(opts(dir).file);
    const insert = raw.prepare(
      `INSERT INTO documents (type, status, fields_json, number_text, created_at, created_by, updated_at, version)
       VALUES (?, ?, ?, ?, '2026-11-01', 'x', '2026-11-01', 1)`,
    );
    insert.run('rectification-order', 'issued', JSON.stringify({ date: '2026-10-30' }), '宣应急责改〔2026〕1号');
    insert.run('rectification-order', 'draft', JSON.stringify({ date: '' }), null);
    insert.run('rectification-order', 'draft', '{not json', null);
    // A 笔录 bears the day it began.
    insert.run('questioning-record', 'draft', JSON.stringify({ startedAt: '2026-11-03T09:00', date: '' }), null);
    raw.close();
    const { store } = await openStore(opts(dir));
    expect(store.raw.prepare('SELECT status, document_date AS d FROM documents ORDER BY id').all()).toEqual([
      { status: 'issued', d: '2026-10-30' },
      { status: 'draft', d: null },
      { status: 'draft', d: null },
      { status: 'draft', d: '2026-11-03' },
    ]);
    expect(() => store.raw.prepare("UPDATE documents SET document_date = '2026-11-30' WHERE id = 1").run()).toThrow(
      /frozen/,
    );
    await store.close();
  });

  it('refuses, without touching it, a database written by a newer version', async () => {
    const dir = tempDir();
    const { store } = await openStore(opts(dir));
    store.raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01')").run();
    await store.close();
    const bytes = fs.readFileSync(opts(dir).file);
    await expect(openStore(opts(dir))).rejects.toMatchObject({
      code: 'DB_TOO_NEW',
      details: { migrations: ['9999_future'] },
    });
    expect(fs.readFileSync(opts(dir).file).equals(bytes)).toBe(true);
  });

  it('keeps refusing a database whose quick_check failed, start after start', async () => {
    const dir = tempDir();
    const { store } = await openStore(opts(dir));
    store.raw.exec(
      'CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO filler SELECT hex(randomblob(2000)) FROM n;',
    );
    await store.close();
    const bytes = fs.readFileSync(opts(dir).file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    fs.writeFileSync(opts(dir).file, bytes);
    fs.writeFileSync(`${opts(dir).file}.open-999999999`, '999999999');
    await expect(openStore(opts(dir))).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(fs.existsSync(`${opts(dir).file}.open-999999999`)).toBe(true);
    await expect(openStore(opts(dir))).rejects.toMatchObject({ code: 'DB_CORRUPT' });
  });

  it('shares the file with another live process, but will not replace it under that process', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(`${opts(dir).file}.open-${other.pid}`, String(other.pid));
      const { store, report } = await openStore(opts(dir));
      expect(report.uncleanShutdown).toBe(false);
      expect(() => ensureExclusive(opts(dir).file)).toThrow(
        expect.objectContaining({ code: 'DB_IN_USE', details: { pid: other.pid } }),
      );
      await store.close();
    } finally {
      other.kill();
    }
  });

  it('runs quick_check after an unclean shutdown', async () => {
    const dir = tempDir();
    const { store } = await openStore(opts(dir));
    await store.close();
    fs.writeFileSync(`${opts(dir).file}.open-999999999`, '999999999');
    const again = await openStore(opts(dir));
    expect(again.report.uncleanShutdown).toBe(true);
    await again.store.close();
    expect(fs.readdirSync(dir).filter((n) => n.includes('.open-'))).toEqual([]);
  });
});
