import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { ensureDailyBackup, listBackups } from '../../electron/core/modules/backups/backups.ts';
import { unzipEntries, zipEntries } from '../../electron/core/modules/backups/zip.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { call, failure, newCore, setUp, signIn, tempDir } from '../support/core.ts';
import { usccFor } from '../support/ledger.ts';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
async function core(opts: Parameters<typeof newCore>[0] = {}) {
  const c = await newCore(opts);
  cores.push(c);
  return c;
}

describe('backups, restore and moving to a new PC', () => {
  it('backs up, restores the earlier state and keeps the replaced state as a safety copy', async () => {
    const c = await core();
    const token = await setUp(c);
    await call(c, 'enterprises:create', { uscc: usccFor(1), name: '备份前企业' }, token);
    const backup = await call(c, 'backups:create', {}, token);
    expect(backup).toMatchObject({ kind: 'manual', auditHead: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await call(c, 'enterprises:create', { uscc: usccFor(2), name: '备份后企业' }, token);

    const r = await call(c, 'backups:restore', { name: backup.name }, token);
    expect(r.safetyBackup).toMatch(/^pre-restore-/);
    // Sessions end with a restore: the users of the restored state sign in again.
    expect(await failure(c, 'enterprises:search', {}, token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const again = await signIn(c);
    expect((await call(c, 'enterprises:search', {}, again)).items.map((e) => e.name)).toEqual(['备份前企业']);
    const verify = await call(c, 'audit:verify', { head: backup.auditHead! }, again);
    expect(verify.ok).toBe(true);
    expect((await call(c, 'backups:list', {}, again)).map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);
    expect(await failure(c, 'backups:restore', { name: 'manual-20990101T000000Z.db' }, again)).toMatchObject({
      code: 'BACKUP_NOT_FOUND',
    });
  });

  it('refuses a damaged backup and leaves the data as it was', async () => {
    const c = await core();
    const token = await setUp(c);
    const backup = await call(c, 'backups:create', {}, token);
    const file = path.join(c.state.dataDir, 'backups', backup.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(file, bytes);
    // The bytes no longer hash to what the manifest recorded: refused before SQLite reads a page.
    expect(await failure(c, 'backups:restore', { name: backup.name }, token)).toMatchObject({
      code: 'BACKUP_NOT_OURS',
      details: { reason: 'backupCheck.hashMismatch' },
    });
    expect((await call(c, 'unit:get', {}, token))?.agencyName).toBe('宣汉县应急管理局');
  });

  it('takes one daily backup a day (by the date in China) and rotates old ones', async () => {
    // 00:30 in Beijing is still the previous day in UTC: hourly checks must not make a "daily" copy each hour.
    let now = Date.parse('2026-10-31T16:30:00Z');
    const c = await core({ clock: () => new Date(now) });
    const token = await setUp(c);
    await call(c, 'settings:update', { idleLockMinutes: 15, backupKeep: 3, certExpiryWarningDays: 60 }, token);
    for (let day = 0; day < 5; day++) {
      expect(await ensureDailyBackup(c.state)).not.toBeNull();
      for (let hour = 1; hour < 24; hour++) {
        now += 3_600_000;
        expect(await ensureDailyBackup(c.state)).toBeNull();
      }
      now += 3_600_000;
    }
    const daily = listBackups(c.state.dataDir).filter((b) => b.kind === 'daily');
    expect(daily.map((b) => b.createdAt)).toEqual([
      '2026-11-04T16:30:00.000Z',
      '2026-11-03T16:30:00.000Z',
      '2026-11-02T16:30:00.000Z',
    ]);
  });

  it('moves everything to a new installation through a checked data package', async () => {
    const old = await core();
    const token = await setUp(old);
    await call(old, 'enterprises:create', { uscc: usccFor(7), name: '迁移企业' }, token);
    const scan = createHash('sha256').update('scan').digest('hex');
    const scanAt = `files/${scan.slice(0, 2)}/${scan}`;
    fs.mkdirSync(path.join(old.state.dataDir, path.dirname(scanAt)), { recursive: true });
    fs.writeFileSync(path.join(old.state.dataDir, scanAt), 'scan');
    const pkg = await call(old, 'backups:export-data', {}, token);

    const fresh = await core({ dataDir: tempDir() });
    const asUpload = (b: Buffer) => ({ file: { fileName: 'x.zip', dataBase64: b.toString('base64') } });
    expect(await failure(fresh, 'setup:import-data', asUpload(Buffer.from('nope')))).toMatchObject({
      code: 'DATA_PACKAGE_BAD',
      details: { reason: 'dataPackage.notZip' },
    });
    // One altered byte in a stored file: the manifest's checksum catches it.
    const entries = await unzipEntries(Buffer.from(pkg.dataBase64, 'base64'));
    const altered = new Map(entries);
    altered.set(scanAt, Buffer.from('scam'));
    expect(
      await failure(
        fresh,
        'setup:import-data',
        asUpload(await zipEntries([...altered].map(([name, data]) => ({ name, data })))),
      ),
    ).toMatchObject({
      code: 'DATA_PACKAGE_BAD',
      details: { reason: 'dataPackage.hashMismatch', entry: scanAt },
    });
    expect((await call(fresh, 'app:info', {})).needsSetup).toBe(true);
    expect(await call(fresh, 'setup:import-data', { file: { fileName: 'x.zip', dataBase64: pkg.dataBase64 } })).toEqual(
      { enterprises: 1, users: 1 },
    );
    expect(fs.readFileSync(path.join(fresh.state.dataDir, scanAt), 'utf8')).toBe('scan');
    const t2 = await signIn(fresh);
    expect((await call(fresh, 'enterprises:search', {}, t2)).items[0].name).toBe('迁移企业');
    expect((await call(fresh, 'audit:verify', {}, t2)).ok).toBe(true);
    expect(
      await failure(fresh, 'setup:import-data', { file: { fileName: 'x.zip', dataBase64: pkg.dataBase64 } }),
    ).toMatchObject({ code: 'SETUP_DONE' });
  });

  it('refuses a package from a newer version and keeps the installation usable', async () => {
    const old = await core();
    const token = await setUp(old);
    old.state.store.raw
      .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01')")
      .run();
    const pkg = await call(old, 'backups:export-data', {}, token);
    const fresh = await core({ dataDir: tempDir() });
    expect(
      await failure(fresh, 'setup:import-data', { file: { fileName: 'x.zip', dataBase64: pkg.dataBase64 } }),
    ).toMatchObject({
      code: 'DATA_PACKAGE_BAD',
      details: { reason: 'dataPackage.newerVersion', migrations: ['9999_future'] },
    });
    expect((await call(fresh, 'app:info', {})).needsSetup).toBe(true);
    expect(Object.keys(migrations)).not.toContain('9999_future');
  });

  it('keeps the demo county apart and refuses its exports', async () => {
    const demo = await core({ workspace: 'demo' });
    expect((await call(demo, 'app:info', {})).needsSetup).toBe(false);
    const token = (await call(demo, 'auth:sign-in', { username: 'clerk', password: 'demo1234' })).token;
    expect((await call(demo, 'enterprises:search', {}, token)).total).toBeGreaterThan(30);
    expect(await failure(demo, 'enterprises:export', {}, token)).toMatchObject({ code: 'DEMO_EXPORT_REFUSED' });
    const admin = (await call(demo, 'auth:sign-in', { username: 'admin', password: 'demo1234' })).token;
    expect(await failure(demo, 'backups:export-data', {}, admin)).toMatchObject({ code: 'DEMO_EXPORT_REFUSED' });
  });
});
