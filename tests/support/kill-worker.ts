/**
 * A process that does one kind of interruptible work over and over on a data folder, for a test to
 * SIGKILL at a moment of its choosing: `node kill-worker.ts <dataDir> <backup|issue|import|restore|export> [inspectionId]`.
 * It says "ready" once the first round is done, so a kill lands in the middle of a later round.
 */
import { createCore } from '../../electron/core/create-core.ts';
import { createBackup, listBackups, restoreBackup } from '../../electron/core/modules/backups/backups.ts';
import { RESOURCES } from './core.ts';
import { ledgerWorkbook, rowFor, upload } from './ledger.ts';
import { testClock } from './clock.ts';

const [dataDir, kind, inspection] = process.argv.slice(2);
const core = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock: testClock() });
const trusted = { trusted: { userName: '测试进程' } };
async function run(channel: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await core.dispatch(channel, input, trusted);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as Record<string, unknown>;
}

/** A full package; what the pre-upload check holds back (the test's inspection has no record) is let through. */
let overrides: { code: 'incomplete'; subject: string; reason: string }[] = [];
async function exportFull() {
  const r = await core.dispatch('exports:create', { kind: 'full', overrides }, trusted);
  if (r.ok) return;
  const details = r.error.details as { problems?: { code: string; subject?: string }[] } | undefined;
  const blockers = details?.problems?.filter((p) => p.code === 'incomplete' && p.subject) ?? [];
  if (r.error.code !== 'EXPORT_BLOCKED' || !blockers.length || overrides.length)
    throw new Error(`exports:create: ${JSON.stringify(r.error)}`);
  overrides = blockers.map((p) => ({ code: 'incomplete', subject: p.subject!, reason: '测试：按原样上报' }));
  await exportFull();
}

let round = 0;
let offset = Number(process.pid % 1000) * 1000;
for (;;) {
  if (kind === 'backup') await createBackup(core.state, 'manual');
  else if (kind === 'issue') {
    const draft = await run('documents:create', { type: 'inspection-record', inspectionId: Number(inspection) });
    await run('documents:issue', { id: draft.id, version: draft.version });
  } else if (kind === 'import') {
    const rows = Array.from({ length: 300 }, (_, i) => rowFor(100_000 + offset + i));
    offset += 300;
    const preview = await run('enterprises:import-preview', upload(await ledgerWorkbook(rows)));
    await run('enterprises:import-commit', { importId: preview.importId });
  } else if (kind === 'restore') {
    // Back and forth between the two oldest manual backups; each restore also takes a pre-restore copy.
    const manual = listBackups(dataDir)
      .filter((b) => b.kind === 'manual')
      .slice(-2);
    await restoreBackup(core.state, manual[round % manual.length].name);
  } else if (kind === 'export') await exportFull();
  else throw new Error(`unknown kind ${kind}`);
  if (round++ === 0) process.stdout.write('ready\n');
}
