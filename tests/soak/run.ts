/**
 * `npm run soak`: the kill trials of tests/core/data-safety.test.ts at full size. Each kind of
 * interruptible work (backup, issuing, import, restore, export) is SIGKILLed SOAK_KILLS times (default 100) at a
 * random moment, and after each kill the folder is opened as the app would and checked whole.
 * Prints the counts as JSON; exits 1 if any kill left anything half-done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/create-core.ts';
import { testClock } from '../support/clock.ts';
import { call, RESOURCES, setUp } from '../support/core.ts';
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

const result: Record<
  string,
  { kills: number; faulty: number; faults: string[]; backupsListed: number; seconds: number }
> = {};
for (const kind of kinds) {
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
console.log(JSON.stringify(result, null, 2));
process.exit(Object.values(result).some((r) => r.faulty) ? 1 : 0);
