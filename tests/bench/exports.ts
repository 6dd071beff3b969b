/**
 * 上报包 figures: a full package of 500 case files (their PDFs issued, each a file of its own) and 2,000 inspections
 * (target ≤ 20 s, peak RSS ≤ 400 MiB, this process's own), and its check against the time it takes just to hash its
 * bytes with both algorithms (target ≤ 1.5×), measured side by side. The county is made once through the contract
 * and kept in the temporary folder under its sizes (BENCH_EXPORT_CASES, BENCH_EXPORT_INSPECTIONS): later runs reuse
 * it. Blockers the pre-upload check finds (the generator breaks rules on purpose) are let through, each with a
 * reason, as a clerk would.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedClock } from '../../electron/core/clock.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createCore, ruleContext } from '../../electron/core/create-core.ts';
import { caseGenerator, type CaseRecipe } from '../../electron/core/modules/demo/case-generator.ts';
import { digestFile } from '../../electron/core/modules/exports/digest.ts';
import { readPackageData } from '../../electron/core/modules/exports/records.ts';
import { exportPackage, incompleteOf } from '../../electron/core/modules/exports/service.ts';
import { verifyPackageFile } from '../../electron/core/modules/exports/verify.ts';
import { addCalendarDays } from '../../shared/domain/workdays.ts';
import { addUser, call, RESOURCES, setUp } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';
import { usccFor } from '../support/ledger.ts';

const CASES = Number(process.env.BENCH_EXPORT_CASES ?? 500);
const INSPECTIONS = Number(process.env.BENCH_EXPORT_INSPECTIONS ?? 2000);
// 2: the schema's migration 0010 (typical cases, volumes) — a county cached before it is built again.
const VERSION = 2;
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const clock = () => pinnedClock('2026-11-22T10:00:00+08:00');

const PATHS: Omit<CaseRecipe, 'enterpriseId' | 'handlerIds' | 'filedOn'>[] = [
  { variations: ['statement-waived', 'investigated'] },
  { variations: ['person-fined', 'statement-waived', 'investigated'], stopAt: 'closed' },
  { variations: ['summary'] },
  { variations: ['statement-waived', 'investigated'], stopAt: 'decided' },
];

/** The county, made once per size and kept: 500 files take minutes to generate (each renders its documents). */
async function county(dir: string): Promise<{ built: boolean; buildMs: number }> {
  if (fs.existsSync(path.join(dir, 'ready'))) return { built: false, buildMs: 0 };
  fs.rmSync(dir, { recursive: true, force: true });
  const t = process.hrtime.bigint();
  const core = await createCore({ dataDir: dir, resourcesDir: RESOURCES, autoBackup: false, clock: clock() });
  try {
    const token = await setUp(core);
    const { enterprise, officers } = await inspectionReady(core, token);
    const reviewerToken = await addUser(core, token, 'fzsh', 'reviewer');
    const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
    const handlerIds = [officers[0].id, officers[1].id] as [number, number];
    for (let i = 0; i < CASES; i++) {
      const recipe = PATHS[i % PATHS.length];
      await generate({
        ...recipe,
        enterpriseId: enterprise.id,
        handlerIds,
        filedOn: addCalendarDays('2026-01-05', (i * 7) % 230),
        reviewerToken,
        formNo: recipe.variations?.includes('summary') ? `8${String(i).padStart(6, '0')}` : undefined,
      }).catch(() => null);
    }
    const enterprises = [];
    for (let i = 0; i < 50; i++)
      enterprises.push(
        await call(core, 'enterprises:create', { uscc: usccFor(5000 + i), name: `宣汉县检查企业${i}` }, token),
      );
    for (let i = 0; i < INSPECTIONS; i++)
      await call(
        core,
        'inspections:create',
        {
          enterpriseId: enterprises[i % enterprises.length].id,
          kind: 'plan',
          startedAt: `${addCalendarDays('2026-01-05', i % 300)}T09:30`,
          place: '生产车间',
          officerIds: handlerIds,
          findings: `第${i + 1}次检查：未发现事故隐患。`,
        },
        token,
      );
    fs.writeFileSync(path.join(dir, 'ready'), `${VERSION}\n`);
  } finally {
    await core.close();
  }
  return { built: true, buildMs: Math.round(ms(t)) };
}

// Kept per schema too: a county cached before a new migration is built again rather than opened half-migrated.
const SCHEMA = Object.keys(migrations).sort().at(-1)!;
const DIR = path.join(os.tmpdir(), `desk-bench-export-v${VERSION}-s${SCHEMA}-${CASES}-${INSPECTIONS}`);

export async function exportBench(): Promise<Record<string, unknown>> {
  const dir = DIR;
  // Built in a process of its own (rendering hundreds of PDFs): the peak RSS below is the export's alone.
  let fixture = { built: false, buildMs: 0 };
  if (!fs.existsSync(path.join(dir, 'ready'))) {
    const out = execFileSync(process.execPath, [import.meta.filename, '--build'], {
      encoding: 'utf8',
      env: process.env,
    });
    fixture = JSON.parse(out.trim().split('\n').at(-1)!);
  }
  const core = await createCore({ dataDir: dir, resourcesDir: RESOURCES, autoBackup: false, clock: clock() });
  try {
    fs.rmSync(path.join(dir, 'exports'), { recursive: true, force: true });
    const rules = await ruleContext(core.state.store.db, core.state);
    const actor = { userId: null, userName: '基准测试' };
    // Every blocker let through with a reason, found before the timing starts.
    const overrides = (await incompleteOf(core.state, rules, await readPackageData(core.state.store.db))).map((p) => ({
      code: 'incomplete' as const,
      subject: p.subject!,
      reason: '基准测试：生成的案卷按原样上报',
    }));
    let t = process.hrtime.bigint();
    const made = await exportPackage(core.state, actor, rules, { overrides });
    const exportMs = ms(t);
    const pdfs = made.manifest.files.filter((f) => f.path.endsWith('.pdf'));
    t = process.hrtime.bigint();
    await digestFile(made.file);
    const hashMs = ms(t);
    t = process.hrtime.bigint();
    const report = await verifyPackageFile(made.file);
    const verifyMs = ms(t);
    return {
      fixture: { cases: made.manifest.counts.cases, inspections: made.manifest.counts.inspections, ...fixture },
      distinctPdfs: new Set(pdfs.map((f) => f.sha256)).size,
      pdfBytes: pdfs.reduce((n, f) => n + f.bytes, 0),
      packageBytes: made.bytes,
      overridden: overrides.length,
      exportMs: { value: Math.round(exportMs), target: 20_000 },
      verifyMs: {
        value: Math.round(verifyMs),
        hashBothMs: Math.round(hashMs),
        ratio: +(verifyMs / Math.max(1, hashMs)).toFixed(2),
        targetRatio: 1.5,
        ok: report.ok,
      },
      peakRssMiB: { value: Math.round(process.resourceUsage().maxRSS / 1024), target: 400 },
    };
  } finally {
    await core.close();
  }
}

if (import.meta.main)
  console.log(JSON.stringify(process.argv.includes('--build') ? await county(DIR) : await exportBench()));
