import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { unzipEntries, zipEntries } from '../../electron/core/modules/backups/zip.ts';
import { call, failure, newCore, setUp, signIn, tempDir } from '../support/core.ts';
import { usccFor } from '../support/ledger.ts';

/**
 * Data packages as an attacker or a damaged disk sends them (issue 23), through the channel a new PC answers before
 * anyone has signed in: none may take the memory or the disk, write what its manifest does not list, or set up the
 * desk from an empty or foreign database. Each refusal leaves the installation empty and ready for the real package.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SCAN = Buffer.from('the scan');
const SCAN_AT = `files/${sha(SCAN).slice(0, 2)}/${sha(SCAN)}`;

let entries: Map<string, Buffer>;
let manifest: { entries: Record<string, string> } & Record<string, unknown>;
const cores: Core[] = [];

beforeAll(async () => {
  const old = await newCore();
  cores.push(old);
  const token = await setUp(old);
  await call(old, 'enterprises:create', { uscc: usccFor(7), name: '迁移企业' }, token);
  fs.mkdirSync(path.join(old.state.dataDir, path.dirname(SCAN_AT)), { recursive: true });
  fs.writeFileSync(path.join(old.state.dataDir, SCAN_AT), SCAN);
  const pkg = await call(old, 'backups:export-data', {}, token);
  entries = await unzipEntries(Buffer.from(pkg.dataBase64, 'base64'));
  manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
}, 60_000);
afterAll(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function fresh(): Promise<Core> {
  const c = await newCore({ dataDir: tempDir() });
  cores.push(c);
  return c;
}

/** The real package with entries changed; `listed` says which the manifest names (with their true hashes). */
async function repack(change: {
  add?: Record<string, Buffer>;
  replace?: Record<string, Buffer>;
  listed?: (name: string) => boolean;
}): Promise<Buffer> {
  const all = new Map(entries);
  all.delete('manifest.json');
  for (const [n, b] of Object.entries({ ...change.add, ...change.replace })) all.set(n, b);
  const listed = [...all].filter(([n]) =>
    change.listed ? change.listed(n) : n in manifest.entries || n in (change.replace ?? {}),
  );
  const m = { ...manifest, entries: Object.fromEntries(listed.map(([n, b]) => [n, sha(b)])) };
  return zipEntries([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(m)) },
    ...[...all].map(([name, data]) => ({ name, data })),
  ]);
}
const upload = (zip: Buffer) => ({ file: { fileName: '数据迁移包.zip', dataBase64: zip.toString('base64') } });

async function refused(zip: Buffer, details: Record<string, unknown>): Promise<Core> {
  const c = await fresh();
  expect(await failure(c, 'setup:import-data', upload(zip))).toMatchObject({ code: 'DATA_PACKAGE_BAD', details });
  expect((await call(c, 'app:info', {})).needsSetup).toBe(true);
  // Nothing of it stays: no database beside ours, no file half-placed, no folder it was unpacked into.
  expect(fs.readdirSync(c.state.dataDir).filter((n) => /incoming|partial/.test(n))).toEqual([]);
  expect(fs.existsSync(path.join(c.state.dataDir, SCAN_AT))).toBe(false);
  return c;
}

describe('hostile data packages', () => {
  it('imports the real package, its listed files and nothing else', async () => {
    const c = await fresh();
    const zip = await repack({
      add: { 'files/ab/notlisted': Buffer.from('x'), 'evil.sh': Buffer.from('rm -rf /') },
    });
    expect(await call(c, 'setup:import-data', upload(zip))).toEqual({ enterprises: 1, users: 1 });
    expect(fs.readFileSync(path.join(c.state.dataDir, SCAN_AT))).toEqual(SCAN);
    expect(fs.existsSync(path.join(c.state.dataDir, 'files', 'ab', 'notlisted'))).toBe(false);
    expect(fs.existsSync(path.join(c.state.dataDir, 'evil.sh'))).toBe(false);
    const token = await signIn(c);
    expect((await call(c, 'audit:verify', {}, token)).ok).toBe(true);
  });

  it('refuses a package bomb from its directory, in bounded memory, listed or not', async () => {
    // 320 MB of zeros deflate to a few hundred kilobytes: far past what a package of that size can hold.
    const zeros = Buffer.alloc(320 * 1024 ** 2);
    const huge = `files/${sha(zeros).slice(0, 2)}/${sha(zeros)}`;
    const bomb = await repack({ add: { [huge]: zeros }, listed: () => true });
    const unlisted = await repack({ add: { 'files/zz/bomb': zeros } });
    expect(bomb.length).toBeLessThan(2 * 1024 ** 2);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    await refused(bomb, { reason: 'dataPackage.expandsTooMuch' });
    // Not listed: never inflated, and the package imports.
    const c = await fresh();
    expect(await call(c, 'setup:import-data', upload(unlisted))).toEqual({ enterprises: 1, users: 1 });
    expect(fs.existsSync(path.join(c.state.dataDir, 'files', 'zz'))).toBe(false);
    // Reading every entry into memory took the whole 320 MB.
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(150);
  }, 60_000);

  it('refuses a database that is empty, not set up or not ours', async () => {
    await refused(await repack({ replace: { 'enforce.db': Buffer.alloc(0) } }), {
      reason: 'dataPackage.emptyDatabase',
    });
    // Our schema, nobody ever set it up: a new installation's own file.
    const blank = await fresh();
    const blankFile = path.join(tempDir(), 'blank.db');
    await blank.state.store.raw.backup(blankFile);
    await refused(await repack({ replace: { 'enforce.db': fs.readFileSync(blankFile) } }), {
      reason: 'backupCheck.notSetUp',
    });
    const foreignFile = path.join(tempDir(), 'foreign.db');
    const foreign = new Database(foreignFile);
    foreign.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('another program')");
    foreign.close();
    await refused(await repack({ replace: { 'enforce.db': fs.readFileSync(foreignFile) } }), {
      reason: 'backupCheck.foreign',
    });
    await refused(await repack({ replace: { 'enforce.db': Buffer.from('not a database at all, just text') } }), {
      reason: 'dataPackage.corrupt',
    });
  });

  it('refuses what a manifest lists that is not ours, missing, or altered', async () => {
    await refused(await repack({ add: { 'notes.txt': Buffer.from('hi') }, listed: () => true }), {
      reason: 'dataPackage.unexpectedEntry',
      entry: 'notes.txt',
    });
    await refused(await repack({ listed: (n) => n !== 'enforce.db' }), { reason: 'dataPackage.noDatabase' });
    // A file whose manifest hash was made to agree, but whose name (its hash) does not.
    const altered = await repack({ replace: { [SCAN_AT]: Buffer.from('the scam') } });
    await refused(altered, { reason: 'dataPackage.hashMismatch', entry: SCAN_AT });
    const missing = Buffer.from(
      await zipEntries([...entries].filter(([n]) => n !== SCAN_AT).map(([name, data]) => ({ name, data }))),
    );
    await refused(missing, { reason: 'dataPackage.hashMismatch', entry: SCAN_AT });
    await refused(Buffer.from('nope'), { reason: 'dataPackage.notZip' });
    // Zip-slip: a name climbing out of the folder (yazl will not write one, so the bytes are changed after).
    const slip = await repack({ add: { 'zz/escape': Buffer.from('x') }, listed: () => true });
    for (let at; (at = slip.indexOf('zz/escape')) >= 0;) slip.write('../escape', at);
    await refused(slip, { reason: 'dataPackage.notZip' });
  });
});
