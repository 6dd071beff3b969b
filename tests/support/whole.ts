import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/create-core.ts';
import { checkDatabase, readManifest } from '../../electron/core/db/snapshot.ts';
import { listBackups } from '../../electron/core/modules/backups/backups.ts';
import { verifyPackageFile } from '../../electron/core/modules/exports/verify.ts';
import { RESOURCES } from './core.ts';
import { testClock } from './clock.ts';

const WORKER = path.join(import.meta.dirname, 'kill-worker.ts');

/** Starts the worker on `dataDir`, waits for its first round, lets it run `afterMs` more, and SIGKILLs it. */
export type KillKind = 'backup' | 'issue' | 'import' | 'restore' | 'export';

export async function killDuring(
  dataDir: string,
  kind: KillKind,
  afterMs: number,
  inspectionId?: number,
): Promise<void> {
  const child = spawn(process.execPath, [WORKER, dataDir, kind, String(inspectionId ?? '')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker never ready: ${err.slice(0, 2000)}`)), 60_000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}) before ready: ${err.slice(0, 2000)}`));
    });
  });
  await new Promise((r) => setTimeout(r, afterMs));
  child.kill('SIGKILL');
  await exited;
}

export interface Wholeness {
  integrity: string;
  auditOk: boolean;
  /** Document number series with a gap or a number used twice. */
  numberingFaults: string[];
  /** Issued documents whose PDF is missing from files/ or not recorded. */
  halfIssued: number[];
  /** Enterprises in a count no whole import (of `importSize` rows) could leave. */
  partialImport: boolean;
  /** Temporary files still there after a start. */
  leftovers: string[];
  /** Listed backups that would not restore. */
  badBackups: string[];
  backups: number;
  /** Upload packages under their final names that fail the receiving side's check. */
  badPackages: string[];
  /** The database still has its users (a replacement never leaves an empty one in place). */
  setUp: boolean;
}

/** Opens the folder as the app would after a kill (which puts right what it can), then checks that nothing half-done survived. */
export async function checkWhole(dataDir: string, importSize = 300): Promise<Wholeness> {
  const core = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock: testClock() });
  try {
    const raw = core.state.store.raw;
    const integrity = String(raw.pragma('integrity_check', { simple: true }));
    const auditOk = core.state.audit.verify().ok;
    const numberingFaults: string[] = [];
    const series = raw
      .prepare(
        'SELECT series, year, COUNT(*) AS n, COUNT(DISTINCT serial) AS d, MIN(serial) AS lo, MAX(serial) AS hi FROM document_numbers WHERE year > 0 GROUP BY series, year',
      )
      .all() as { series: string; year: number; n: number; d: number; lo: number; hi: number }[];
    for (const s of series)
      if (s.n !== s.d || s.lo !== 1 || s.hi !== s.n)
        numberingFaults.push(`${s.series}/${s.year}: ${s.n} numbers, ${s.lo}–${s.hi}`);
    const issued = raw.prepare("SELECT id, pdf_sha256 AS hash FROM documents WHERE status != 'draft'").all() as {
      id: number;
      hash: string | null;
    }[];
    const halfIssued = issued
      .filter((d) => !d.hash || !fs.existsSync(path.join(dataDir, 'files', d.hash.slice(0, 2), d.hash)))
      .map((d) => d.id);
    const imported = (
      raw.prepare("SELECT COUNT(*) AS n FROM enterprises WHERE name LIKE '宣汉县测试企业%'").get() as { n: number }
    ).n;
    const leftovers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/^\.partial-|\.incoming-|\.before-replace$|\.replacing-|\.tmp$|^number-floors\.json$/.test(e.name))
          leftovers.push(path.relative(dataDir, p));
      }
    };
    walk(dataDir);
    const listed = listBackups(dataDir);
    const badBackups = listed
      .filter((b) => {
        const file = path.join(dataDir, 'backups', b.name);
        return checkDatabase(file, readManifest(file)?.auditHead ?? null).problem !== null;
      })
      .map((b) => b.name);
    const setUp = (raw.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n > 0;
    const packages = path.join(dataDir, 'exports');
    const badPackages: string[] = [];
    for (const n of fs.existsSync(packages) ? fs.readdirSync(packages) : [])
      if (!(await verifyPackageFile(path.join(packages, n))).ok) badPackages.push(n);
    return {
      integrity,
      auditOk,
      numberingFaults,
      halfIssued,
      partialImport: imported % importSize !== 0,
      leftovers,
      badBackups,
      backups: listed.length,
      badPackages,
      setUp,
    };
  } finally {
    await core.close();
  }
}
