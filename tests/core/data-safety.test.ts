import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { createBackup, listBackups } from '../../electron/core/modules/backups/backups.ts';
import { call, failure, newCore, setUp, signIn, tempDir } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';
import { ledgerWorkbook, rowFor, upload, usccFor } from '../support/ledger.ts';
import { checkWhole, killDuring } from '../support/whole.ts';

/**
 * What a kill, a careless copy or a second process must never do to the data: a backup listed that
 * is not whole, a restore of an empty or foreign file, first-run setup open again, a write lost to
 * "database is locked". Each test fails without its fix.
 */
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
async function core(opts: Parameters<typeof newCore>[0] = {}) {
  const c = await newCore(opts);
  cores.push(c);
  return c;
}
async function reopen(c: Core): Promise<Core> {
  await c.close();
  cores.splice(cores.indexOf(c), 1);
  return core({ dataDir: c.state.dataDir });
}
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** A file planted among the backups with a manifest that describes it truthfully: only its content can give it away. */
function plant(dataDir: string, name: string, source: string, auditHead: string | null = null): void {
  const file = path.join(dataDir, 'backups', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(source, file);
  fs.writeFileSync(
    `${file}.json`,
    JSON.stringify({
      format: 'enforcement-desk-backup',
      name,
      createdAt: '2026-11-25T01:00:00.000Z',
      sizeBytes: fs.statSync(file).size,
      sha256: sha(file),
      auditHead,
    }),
  );
}

describe('backups are whole or absent', () => {
  it('lists only complete backups, and a start clears what a kill left (never a file a row names)', async () => {
    const c = await core();
    const token = await setUp(c);
    const { inspection } = await inspectionReady(c, token);
    const good = await call(c, 'backups:create', {}, token);
    // A stored file a row names (evidence), and one no row names (a PDF whose issuing never committed).
    await call(
      c,
      'inspections:attach-file',
      { id: inspection.id, file: { fileName: '现场照片.jpg', dataBase64: Buffer.from('photo').toString('base64') } },
      token,
    );
    const named = createHash('sha256').update('photo').digest('hex');
    const dir = c.state.dataDir;
    const orphan = createHash('sha256').update('never issued').digest('hex');
    fs.mkdirSync(path.join(dir, 'files', orphan.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'files', orphan.slice(0, 2), orphan), 'never issued');
    // What kills at different moments leave: a copy mid-write, an old-style copy without its manifest, an empty one,
    // a manifest whose copy was never renamed in, a staged restore, a stored file mid-write.
    const b = path.join(dir, 'backups');
    fs.writeFileSync(path.join(b, '.partial-manual-20261125T060000Z.db-1'), 'half a database');
    // A whole copy an earlier version wrote without a manifest (its pre-migration copies): kept, and listed from now on.
    fs.copyFileSync(path.join(b, good.name), path.join(b, 'pre-migration-20261101T010000Z.db'));
    fs.utimesSync(
      path.join(b, 'pre-migration-20261101T010000Z.db'),
      new Date('2026-11-01T01:00:00Z'),
      new Date('2026-11-01T01:00:00Z'),
    );
    fs.writeFileSync(
      path.join(b, 'manual-20261125T060001Z.db'),
      fs.readFileSync(path.join(b, good.name)).subarray(0, 4096),
    );
    fs.writeFileSync(path.join(b, 'manual-20261125T060001Z.db-shm'), '');
    fs.writeFileSync(path.join(b, 'daily-20261125T060002Z.db'), '');
    fs.writeFileSync(path.join(b, 'manual-20261125T060003Z.db.json'), '{}');
    fs.writeFileSync(path.join(dir, 'enforce.db.incoming-1'), 'staged');
    fs.writeFileSync(path.join(dir, 'files', orphan.slice(0, 2), `${orphan}.123.tmp`), 'half');
    expect(listBackups(dir).map((x) => x.name)).toEqual([good.name]);
    // The process dies without closing: its marker stays, so the next start knows the shutdown was unclean.
    fs.writeFileSync(path.join(dir, 'enforce.db.open-999999999'), '999999999');
    const after = await reopen(c);
    expect(
      listBackups(after.state.dataDir)
        .map((x) => x.name)
        .sort(),
    ).toEqual([good.name, 'pre-migration-20261101T010000Z.db'].sort());
    expect(fs.readdirSync(b).sort()).toEqual(
      [
        good.name,
        `${good.name}.json`,
        'pre-migration-20261101T010000Z.db',
        'pre-migration-20261101T010000Z.db.json',
      ].sort(),
    );
    expect(fs.existsSync(path.join(dir, 'enforce.db.incoming-1'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'files', orphan.slice(0, 2), orphan))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'files', orphan.slice(0, 2), `${orphan}.123.tmp`))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'files', named.slice(0, 2), named))).toBe(true);
  });

  it('refuses to restore an empty, foreign, never set-up, edited or cut-off database, and changes nothing', async () => {
    const c = await core();
    const token = await setUp(c);
    await call(c, 'enterprises:create', { uscc: usccFor(1), name: '在用企业' }, token);
    const dir = c.state.dataDir;
    const scratch = tempDir();
    const empty = path.join(scratch, 'empty.db');
    fs.writeFileSync(empty, '');
    const foreign = path.join(scratch, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    // Ours, but nobody ever set it up: restoring it would reopen the public first-run setup.
    const blank = await core();
    const blankCopy = await createBackup(blank.state, 'manual');
    // Ours and set up, with one audit entry edited behind the chain's back.
    const good = await call(c, 'backups:create', {}, token);
    const edited = path.join(scratch, 'edited.db');
    fs.copyFileSync(path.join(dir, 'backups', good.name), edited);
    const e = new Database(edited);
    for (const { name } of e
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all() as { name: string }[])
      e.exec(`DROP TRIGGER "${name}"`);
    e.exec("UPDATE audit_log SET user_name = '别人' WHERE seq = 1");
    e.close();
    plant(dir, 'manual-20261125T070000Z.db', empty);
    plant(dir, 'manual-20261125T070001Z.db', foreign);
    plant(
      dir,
      'manual-20261125T070002Z.db',
      path.join(blank.state.dataDir, 'backups', blankCopy.name),
      blankCopy.auditHead,
    );
    plant(dir, 'manual-20261125T070003Z.db', edited, good.auditHead);
    // A whole copy whose manifest names a later head than it holds: entries were cut off the end.
    plant(dir, 'manual-20261125T070004Z.db', path.join(dir, 'backups', good.name), 'f'.repeat(64));
    const expected: [string, string][] = [
      ['manual-20261125T070000Z.db', 'backupCheck.foreign'],
      ['manual-20261125T070001Z.db', 'backupCheck.foreign'],
      ['manual-20261125T070002Z.db', 'backupCheck.notSetUp'],
      ['manual-20261125T070003Z.db', 'backupCheck.auditBroken'],
      ['manual-20261125T070004Z.db', 'backupCheck.auditHeadMismatch'],
    ];
    for (const [name, reason] of expected) {
      expect(await failure(c, 'backups:restore', { name }, token), name).toMatchObject({
        code: 'BACKUP_NOT_OURS',
        details: { reason },
      });
    }
    expect((await call(c, 'enterprises:search', {}, token)).items.map((x) => x.name)).toEqual(['在用企业']);
    expect((await call(c, 'app:info', {})).needsSetup).toBe(false);
    // The good one still restores.
    await call(c, 'backups:restore', { name: good.name }, token);
    expect((await call(c, 'enterprises:search', {}, await signIn(c))).items.map((x) => x.name)).toEqual(['在用企业']);
  });

  it('never reopens first-run setup over a folder that was set up, whatever happened to its database', async () => {
    const c = await core();
    await setUp(c);
    const dir = c.state.dataDir;
    const blank = await core();
    await c.close();
    await blank.close();
    cores.splice(0);
    // Gone: said plainly, never recreated empty (which would open setup, or lock everyone out).
    const removeDb = () => {
      for (const n of fs.readdirSync(dir)) if (n.startsWith('enforce.db')) fs.rmSync(path.join(dir, n));
    };
    removeDb();
    await expect(newCore({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_MISSING' });
    // Swapped for a database of ours that nobody set up: setup and the public import stay shut.
    fs.copyFileSync(path.join(blank.state.dataDir, 'enforce.db'), path.join(dir, 'enforce.db'));
    const swapped = await core({ dataDir: dir });
    expect((await call(swapped, 'app:info', {})).needsSetup).toBe(false);
    expect(
      await failure(swapped, 'setup:initialize', {
        admin: { username: 'intruder', displayName: '外人', password: 'intruder123' },
        unit: {
          agencyName: '宣汉县应急管理局',
          squadName: '宣汉县应急管理综合行政执法大队',
          regionCode: '511722',
          numberPrefix: '宣应急',
          reviewAgency: '宣汉县人民政府',
          court: '宣汉县人民法院',
          address: '宣汉县',
          phone: '0818-5221234',
        },
      }),
    ).toMatchObject({ code: 'SETUP_DONE' });
    expect(
      await failure(swapped, 'setup:import-data', {
        file: { fileName: 'x.zip', dataBase64: Buffer.from('x').toString('base64') },
      }),
    ).toMatchObject({ code: 'SETUP_DONE' });
  });

  it('keeps a stored file a backup still names through an unclean start after a restore', async () => {
    const c = await core();
    const token = await setUp(c);
    const { inspection } = await inspectionReady(c, token);
    const before = await call(c, 'backups:create', {}, token);
    await call(
      c,
      'inspections:attach-file',
      { id: inspection.id, file: { fileName: '照片.jpg', dataBase64: Buffer.from('later photo').toString('base64') } },
      token,
    );
    const photo = createHash('sha256').update('later photo').digest('hex');
    // Back to before the photo: only the pre-restore copy names it now.
    await call(c, 'backups:restore', { name: before.name }, token);
    const dir = c.state.dataDir;
    fs.writeFileSync(path.join(dir, 'enforce.db.open-999999999'), '999999999');
    await reopen(c);
    expect(fs.existsSync(path.join(dir, 'files', photo.slice(0, 2), photo))).toBe(true);
  });

  it('finishes or undoes a replacement a kill cut off, from what is on disk', async () => {
    const c = await core();
    const token = await setUp(c);
    await call(c, 'enterprises:create', { uscc: usccFor(1), name: '替换前企业' }, token);
    const dir = c.state.dataDir;
    const db = path.join(dir, 'enforce.db');
    const blank = await core();
    await c.close();
    await blank.close();
    cores.splice(0);
    const names = async () => {
      const o = await core({ dataDir: dir });
      const t = await signIn(o);
      const list = (await call(o, 'enterprises:search', {}, t)).items.map((e) => e.name);
      await o.close();
      cores.splice(0);
      return list;
    };
    // Killed after the file went aside, before the replacement landed: the old file goes back.
    fs.renameSync(db, `${db}.before-replace`);
    expect(await names()).toEqual(['替换前企业']);
    // Killed after the replacement landed (here: the same data), before the copy aside was dropped: the copy goes.
    fs.copyFileSync(db, `${db}.before-replace`);
    expect(await names()).toEqual(['替换前企业']);
    expect(fs.existsSync(`${db}.before-replace`)).toBe(false);
    // What stands in its place is not a set-up database of ours (an older program made an empty one): the old file
    // goes back and the stranger is kept beside the backups.
    fs.renameSync(db, `${db}.before-replace`);
    fs.copyFileSync(path.join(blank.state.dataDir, 'enforce.db'), db);
    expect(await names()).toEqual(['替换前企业']);
    expect(fs.readdirSync(path.join(dir, 'backups')).some((n) => n.startsWith('replaced-'))).toBe(true);
  });
});

describe('kills leave nothing half-done', () => {
  // A few kills per kind here; `npm run soak` does hundreds.
  it.each([
    ['backup', [40, 120, 260]],
    ['issue', [30, 150, 400]],
    ['import', [50, 200, 600]],
    ['restore', [20, 90, 300]],
    ['export', [40, 150, 400]],
  ] as const)(
    'a %s killed at random moments',
    async (kind, delays) => {
      const c = await core();
      const token = await setUp(c);
      const { inspection } = await inspectionReady(c, token);
      // Two states to restore back and forth between.
      await call(c, 'backups:create', {}, token);
      await call(c, 'enterprises:create', { uscc: usccFor(4242), name: '恢复之间企业' }, token);
      await call(c, 'backups:create', {}, token);
      // Enough data that a backup takes a while to write (a county's ledger, imported in one go).
      const preview = await call(
        c,
        'enterprises:import-preview',
        upload(await ledgerWorkbook(Array.from({ length: 3000 }, (_, i) => rowFor(10_000 + i)))),
        token,
      );
      await call(c, 'enterprises:import-commit', { importId: preview.importId }, token);
      const dir = c.state.dataDir;
      await c.close();
      cores.splice(0);
      for (const ms of delays) {
        await killDuring(dir, kind, ms, inspection.id);
        const whole = await checkWhole(dir);
        expect(whole, `${kind} killed ${ms} ms after ready`).toMatchObject({
          integrity: 'ok',
          auditOk: true,
          numberingFaults: [],
          halfIssued: [],
          partialImport: false,
          leftovers: [],
          badBackups: [],
          badPackages: [],
          setUp: true,
        });
      }
    },
    240_000,
  );
});

describe('two processes on one data folder', () => {
  it('both write without "database is locked": the second waits for the first', async () => {
    const c = await core();
    const token = await setUp(c);
    const dir = c.state.dataDir;
    // Another process importing in a loop beside this one (the CLI beside the app).
    const other = spawn(
      process.execPath,
      [path.join(import.meta.dirname, '..', 'support', 'kill-worker.ts'), dir, 'import'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (d) => {
        if (String(d).includes('ready')) resolve();
      });
      other.on('exit', (code) => reject(new Error(`writer exited ${code}`)));
    });
    const refusals: string[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        // Read-then-write work: sign-in (throttle, stamp, audit), an edit that checks the version it read.
        const r = await c.dispatch('auth:sign-in', { username: 'admin', password: 'admin12345' }, {});
        if (!r.ok) refusals.push(`sign-in: ${r.error.code}`);
        const made = await c.dispatch(
          'enterprises:create',
          { uscc: usccFor(7000 + i), name: `宣汉县并发企业${i}有限公司` },
          { token },
        );
        if (!made.ok) refusals.push(`create: ${made.error.code}`);
      }
    } finally {
      other.kill('SIGKILL');
    }
    expect(refusals).toEqual([]);
    expect(c.state.audit.verify().ok).toBe(true);
  }, 120_000);
});
