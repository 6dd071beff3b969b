/**
 * `npm run soak`, at full size, printing its counts as JSON and exiting 1 on any fault:
 * - kills: the kill trials of tests/core/data-safety.test.ts. Each kind of interruptible work (backup, issuing,
 *   import, restore, export) is SIGKILLed SOAK_KILLS times (default 100) at a random moment, and after each kill the
 *   folder is opened as the app would and checked whole.
 * - fuzz: SOAK_FUZZ inputs (default 10,000) across every channel from SOAK_SEED (tests/support/fuzz.ts); none may be
 *   answered INTERNAL.
 * - hostile: the hostile files and requests of issue 23 at full size (a sheet with a cell at its last row, a merged
 *   header, a package that inflates to 1 GB, 300 MB sent without a session, a cycle in a draft), each with its
 *   answer, its time and what it left in the process's memory.
 * SOAK_PARTS picks the parts (default all three).
 */
import http from 'node:http';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/create-core.ts';
import { testClock } from '../support/clock.ts';
import { call, newCore, RESOURCES, setUp, signIn, tempDir } from '../support/core.ts';
import { CHANNELS } from '../../shared/api/contract.ts';
import { createWorkspaces } from '../../electron/core/workspaces.ts';
import { startWebHost } from '../../electron/host/server.ts';
import { unzipEntries, zipEntries } from '../../electron/core/modules/backups/zip.ts';
import { fuzzChannels } from '../support/fuzz.ts';
import { inspectionReady } from '../support/documents.ts';
import { ledgerWorkbook, rowFor, upload, usccFor } from '../support/ledger.ts';
import { checkWhole, killDuring, type Wholeness } from '../support/whole.ts';

const KILLS = Number(process.env.SOAK_KILLS ?? 100);
const MAX_DELAY_MS = Number(process.env.SOAK_MAX_DELAY_MS ?? 800);
const kinds = ['backup', 'issue', 'import', 'restore', 'export'] as const;

function faultsOf(w: Wholeness): string[] {
  return [
    ...(w.integrity === 'ok' ? [] : [`integrity: ${w.integrity}`]),
    ...(w.auditOk ? [] : ['audit chain broken']),
    ...w.numberingFaults.map((f) => `numbering ${f}`),
    ...w.halfIssued.map((id) => `document ${id} issued without its PDF`),
    ...(w.partialImport ? ['partial import'] : []),
    ...w.leftovers.map((f) => `leftover ${f}`),
    ...w.badBackups.map((b) => `backup ${b} listed but not whole`),
    ...w.badPackages.map((p) => `upload package ${p} fails its check`),
    ...(w.setUp ? [] : ['the database lost its users (an empty one in place)']),
  ];
}

const PARTS = (process.env.SOAK_PARTS ?? 'kills,fuzz,hostile').split(',');
const result: Record<
  string,
  { kills: number; faulty: number; faults: string[]; backupsListed: number; seconds: number }
> = {};
for (const kind of PARTS.includes('kills') ? kinds : []) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `desk-soak-${kind}-`));
  const core = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock: testClock() });
  const token = await setUp(core);
  const { inspection } = await inspectionReady(core, token);
  const preview = await call(
    core,
    'enterprises:import-preview',
    upload(await ledgerWorkbook(Array.from({ length: 3000 }, (_, i) => rowFor(10_000 + i)))),
    token,
  );
  await call(core, 'enterprises:import-commit', { importId: preview.importId }, token);
  await call(core, 'backups:create', {}, token);
  await call(core, 'enterprises:create', { uscc: usccFor(4242), name: '恢复之间企业' }, token);
  await call(core, 'backups:create', {}, token);
  await core.close();
  const t0 = performance.now();
  const faults: string[] = [];
  let faulty = 0;
  let listed = 0;
  for (let i = 0; i < KILLS; i++) {
    await killDuring(dataDir, kind, Math.floor(Math.random() * MAX_DELAY_MS), inspection.id);
    const w = await checkWhole(dataDir);
    const f = faultsOf(w);
    if (f.length) {
      faulty++;
      faults.push(...f.map((x) => `kill ${i + 1}: ${x}`));
    }
    listed = w.backups;
    process.stderr.write(`\r${kind}: ${i + 1}/${KILLS}${faulty ? ` (${faulty} faulty)` : ''}   `);
  }
  process.stderr.write('\n');
  result[kind] = {
    kills: KILLS,
    faulty,
    faults: faults.slice(0, 50),
    backupsListed: listed,
    seconds: +((performance.now() - t0) / 1000).toFixed(1),
  };
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// --- fuzz ------------------------------------------------------------------------------------------------------------
let fuzz: (Awaited<ReturnType<typeof fuzzChannels>> & { seed: number; seconds: number }) | null = null;
if (PARTS.includes('fuzz')) {
  const seed = Number(process.env.SOAK_SEED ?? 20261207);
  const core = await newCore();
  const token = await setUp(core);
  await inspectionReady(core, token);
  const t0 = performance.now();
  const counts = await fuzzChannels(core, {
    seed,
    perChannel: Math.ceil(Number(process.env.SOAK_FUZZ ?? 10_000) / CHANNELS.length),
    signIn: () => signIn(core).catch(() => undefined),
  });
  fuzz = {
    seed,
    ...counts,
    failures: counts.failures.slice(0, 50),
    seconds: +((performance.now() - t0) / 1000).toFixed(1),
  };
  await core.close();
}

// --- hostile files and requests --------------------------------------------------------------------------------------
const hostile: Record<string, { answer: string; ms: number; rssGrowthMiB: number; expected: string }> = {};
if (PARTS.includes('hostile')) {
  const core = await newCore();
  const token = await setUp(core);
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  const trial = async (name: string, expected: string, run: () => Promise<string>) => {
    globalThis.gc?.();
    const before = rss();
    const t0 = performance.now();
    const answer = await run();
    hostile[name] = {
      answer,
      ms: Math.round(performance.now() - t0),
      rssGrowthMiB: Math.round(rss() - before),
      expected,
    };
  };
  const answerOf = async (channel: string, input: unknown, envelope: { token?: string } = { token }) => {
    const r = await core.dispatch(channel, input, envelope);
    return r.ok ? 'ok' : `${r.error.code}${r.error.details?.reason ? ` ${String(r.error.details.reason)}` : ''}`;
  };
  const sheet = async (change: (s: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ledgerWorkbook([rowFor(1), rowFor(2)])) as never);
    change(wb.worksheets[0]);
    return upload(Buffer.from(await wb.xlsx.writeBuffer()));
  };
  const tall = await sheet((s) => {
    s.getCell('R1048576').value = 'x';
  });
  await trial('tallSheet', 'ok', () => answerOf('enterprises:import-preview', tall));
  const merged = await sheet((s) => {
    s.spliceColumns(6, 0, []);
    s.getCell('G1').value = '乡镇（街道）';
    s.mergeCells('E1:F1');
  });
  await trial('mergedHeader', 'IMPORT_BAD_FILE importFile.mergedHeader', () =>
    answerOf('enterprises:import-preview', merged),
  );
  // 1 GB of zeros listed in a real package's manifest: a couple of megabytes on the wire.
  const real = await newCore();
  const realToken = await setUp(real);
  const pkg = await call(real, 'backups:export-data', {}, realToken);
  await real.close();
  const entries = await unzipEntries(Buffer.from(pkg.dataBase64, 'base64'));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { entries: Record<string, string> };
  const zeros = Buffer.alloc(0x3fffffff);
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(zeros).digest('hex');
  manifest.entries[`files/${hash.slice(0, 2)}/${hash}`] = hash;
  const bomb = await zipEntries([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    ...[...entries].filter(([n]) => n !== 'manifest.json').map(([name, data]) => ({ name, data })),
    { name: `files/${hash.slice(0, 2)}/${hash}`, data: zeros },
  ]);
  const fresh = await newCore({ dataDir: tempDir() });
  await trial('packageBomb', 'DATA_PACKAGE_BAD dataPackage.expandsTooMuch', async () => {
    const r = await fresh.dispatch('setup:import-data', {
      file: { fileName: 'bomb.zip', dataBase64: bomb.toString('base64') },
    });
    return r.ok ? 'ok' : `${r.error.code} ${String(r.error.details?.reason)}`;
  });
  await fresh.close();
  // 300 MB announced to the web host by a caller without a session: refused before a byte of it is read.
  const workspaces = createWorkspaces(tempDir(), { resourcesDir: RESOURCES, autoBackup: false, clock: testClock() });
  const host = await startWebHost({ workspaces, staticDir: tempDir(), port: 0 });
  await setUp(await workspaces.get('real'));
  await trial('bodyWithoutSession', 'UNAUTHENTICATED', async () => {
    const { port } = new URL(host.url);
    return new Promise<string>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/enterprises:import-preview',
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': 300 * 1024 ** 2 },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          resolve((JSON.parse(body) as { error?: { code: string } }).error?.code ?? 'ok');
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write('{"input":');
    });
  });
  await host.close();
  await workspaces.close();
  const { inspection } = await inspectionReady(core, token);
  const draft = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
  const cyclic: Record<string, unknown> = { ...draft.fields };
  cyclic.self = cyclic;
  await trial('cycleInDraft', 'VALIDATION', () =>
    answerOf('documents:save', { id: draft.id, version: draft.version, fields: cyclic }),
  );
  await trial('hugeDraft', 'VALIDATION', () =>
    answerOf('documents:save', { id: draft.id, version: draft.version, fields: { findings: '查'.repeat(50_000_000) } }),
  );
  await core.close();
}

console.log(JSON.stringify({ kills: result, fuzz, hostile }, null, 2));
const faulty =
  Object.values(result).some((r) => r.faulty) ||
  (fuzz?.failures.length ?? 0) > 0 ||
  Object.values(hostile).some((h) => h.answer !== h.expected);
process.exit(faulty ? 1 : 0);
