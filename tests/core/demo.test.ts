import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import type { CoreEvent } from '../../electron/core/context.ts';
import { DEMO_STEPS } from '../../electron/core/modules/demo/cases.ts';
import { call, RESOURCES, tempDir } from '../support/core.ts';

/**
 * The demo county opens on its ledger at once; its case files and inspections are made in the background through
 * the contract, with progress, dated from the app's clock. A county a kill left half-made is made again.
 */
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const clock = () => new Date('2026-11-20T02:00:00Z');
async function openDemo(dataDir: string): Promise<Core> {
  const core = await createCore({ dataDir, resourcesDir: RESOURCES, workspace: 'demo', autoBackup: false, clock });
  cores.push(core);
  return core;
}
const marker = (dataDir: string) => path.join(dataDir, 'demo-seeding');
async function counts(core: Core) {
  const token = (await call(core, 'auth:sign-in', { username: 'supervisor', password: 'demo1234' })).token;
  return {
    enterprises: (await call(core, 'enterprises:search', { pageSize: 1 }, token)).total,
    cases: (await call(core, 'cases:list', { pageSize: 1 }, token)).total,
    inspections: (await call(core, 'inspections:list', { pageSize: 1 }, token)).total,
  };
}

describe('the demo county', () => {
  it('opens on its ledger, then makes its files in the background, saying how far it has got', async () => {
    const dataDir = tempDir();
    const core = await openDemo(dataDir);
    const progress: CoreEvent[] = [];
    core.events.on('event', (e) => progress.push(e));
    // Open: its enterprises and users are there, its files are still being made.
    expect(core.state.demoMaking()).toEqual({ done: 0, total: DEMO_STEPS });
    expect(fs.existsSync(marker(dataDir))).toBe(true);
    expect((await call(core, 'app:info', {})).demoMaking).not.toBeNull();
    await core.ready;
    expect(core.state.demoMaking()).toBeNull();
    expect((await call(core, 'app:info', {})).demoMaking).toBeNull();
    expect(fs.existsSync(marker(dataDir))).toBe(false);
    const done = progress.filter((e) => e.type === 'job-progress' && e.job === 'demo:seed').map((e) => e.done);
    expect(done.at(-1)).toBe(DEMO_STEPS);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const whole = await counts(core);
    expect(whole.enterprises).toBeGreaterThan(40);
    expect(whole.cases).toBeGreaterThanOrEqual(7);
    expect(whole.inspections).toBeGreaterThanOrEqual(5);
    // Dated from the app's clock: the latest case was filed three days before it.
    const token = (await call(core, 'auth:sign-in', { username: 'clerk', password: 'demo1234' })).token;
    const filed = (await call(core, 'cases:list', { pageSize: 50 }, token)).items
      .map((c) => c.filedOn)
      .filter((d) => d !== null)
      .sort();
    expect(filed.at(-1)).toBe('2026-11-17');

    // Opened again, it is whole at once and made no second time.
    await core.close();
    cores.length = 0;
    const again = await openDemo(dataDir);
    expect(again.state.demoMaking()).toBeNull();
    expect(await counts(again)).toEqual(whole);
  }, 180_000);

  it('is made again when a kill left it half-made, but not under a process still making it', async () => {
    const dataDir = tempDir();
    const first = await openDemo(dataDir);
    // Closed while its files are being made (as a kill would leave it, the marker stays).
    await first.close();
    cores.length = 0;
    expect(fs.existsSync(marker(dataDir))).toBe(true);
    // A live process other than this one holds the marker: left alone.
    fs.writeFileSync(marker(dataDir), String(process.ppid));
    const shared = await openDemo(dataDir);
    expect(shared.state.demoMaking()).toBeNull();
    await shared.close();
    cores.length = 0;
    // The maker is gone (a pid that has exited) but another live process has the county open: left alone.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    fs.writeFileSync(marker(dataDir), gone);
    const openedElsewhere = path.join(dataDir, `enforce.db.open-${process.ppid}`);
    fs.writeFileSync(openedElsewhere, String(process.ppid));
    const held = await openDemo(dataDir);
    expect(held.state.demoMaking()).toBeNull();
    await held.close();
    cores.length = 0;
    fs.rmSync(openedElsewhere);
    // The maker gone and no one else in it: the county is moved aside and made anew.
    const remade = await openDemo(dataDir);
    expect(remade.state.demoMaking()).not.toBeNull();
    await remade.ready;
    expect(fs.existsSync(marker(dataDir))).toBe(false);
    expect((await counts(remade)).cases).toBeGreaterThanOrEqual(7);
  }, 180_000);
});
