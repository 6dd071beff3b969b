/**
 * `npm run bench`: the ledger's speed targets on 20,000 generated enterprises, printed as JSON.
 * Targets (not assertions): search p50 ≤ 30 ms, 20,000-row import ≤ 10 s, core start ≤ 300 ms, 分类分级 and a 双随机
 * draw of the whole ledger ≤ 1 s; then the documents', the 案卷评查's, the 上报包's and the 统计报表's figures, each from a
 * process of its own. Every core runs on a pinned clock
 * (the same day on any machine). BENCH_ROWS (and the variables documents.ts and review.ts read) make a
 * smaller run; `node tests/bench/check.ts` runs it at tiny sizes and checks that every figure is there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedClock } from '../../electron/core/clock.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { call, RESOURCES, setUp } from '../support/core.ts';
import { ledgerWorkbook, rowFor, upload } from '../support/ledger.ts';
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type DrawInput, runDraw } from '../../shared/domain/plans/draw.ts';
import { sha256 as drawSha256 } from '../../electron/core/modules/plans/draws.ts';

const N = Number(process.env.BENCH_ROWS ?? 20_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const clock = () => pinnedClock('2026-11-20T10:00:00+08:00');

const core = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock: clock() });
const token = await setUp(core);

const towns = ['东乡街道', '南坝镇', '清溪镇', '峰城镇', '双河镇', '红峰镇'];
const rows = Array.from({ length: N }, (_, i) => ({
  ...rowFor(i + 1),
  name: `宣汉县${towns[i % towns.length]}${['明远', '华瑞', '宏达', '金川', '蜀兴'][i % 5]}第${i + 1}化工有限公司`,
}));
const workbook = await ledgerWorkbook(rows);

// The workbook is read in the worker: the serving thread's longest stall meanwhile is what a user would feel.
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
let t = process.hrtime.bigint();
const preview = await call(core, 'enterprises:import-preview', upload(workbook), token);
const previewMs = ms(t);
stalls.disable();
t = process.hrtime.bigint();
await call(core, 'enterprises:import-commit', { importId: preview.importId }, token);
const commitMs = ms(t);

async function searchTimes(query: string, runs = 30): Promise<{ p50: number; p95: number; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    hits = (await call(core, 'enterprises:search', { query }, token)).total;
    times.push(ms(s));
  }
  return { p50: +median(times).toFixed(2), p95: +p95(times).toFixed(2), hits };
}
const search = {
  oneChar: await searchTimes('瑞'),
  twoChars: await searchTimes('金川'),
  fourPlusChars: await searchTimes('第1999化工'),
  noHit: await searchTimes('不存在的企业名'),
};
// 分类分级 of the whole ledger through the core (read, classify, answer), as the 执法计划 page asks for it, and a
// 双随机 draw over a pool as large (every enterprise sampled, four strata, 40 inspectors): medians of five after one
// warm-up, and their sum against the target.
const classifyTimes: number[] = [];
for (let i = 0; i < 6; i++) {
  const s = process.hrtime.bigint();
  await call(core, 'plans:classification', {}, token);
  if (i > 0) classifyTimes.push(ms(s));
}
const drawInput: DrawInput = {
  format: 'desk-draw',
  version: 1,
  year: 2026,
  label: '基准测试',
  strata: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, name: id, ratio: [0.5, 0.3, 0.2, 0.1][i], drawnBefore: 0 })),
  pool: Array.from({ length: N }, (_, i) => ({
    enterpriseId: i + 1,
    name: `企业${i + 1}`,
    stratum: 'abcd'[i % 4],
    visits: i % 7,
    cap: 6,
    covered: i % 50 === 0,
  })),
  inspectors: Array.from({ length: 40 }, (_, i) => ({ officerId: i + 1, name: `执法人员${i + 1}` })),
  recentPairs: [],
};
const drawTimes: number[] = [];
let drawnPicks = 0;
for (let i = 0; i < 6; i++) {
  const s = process.hrtime.bigint();
  drawnPicks = runDraw(drawInput, `bench-seed-${i}`, drawSha256).picks.length;
  if (i > 0) drawTimes.push(ms(s));
}
await core.close();

const starts: number[] = [];
for (let i = 0; i < 7; i++) {
  const s = process.hrtime.bigint();
  const c = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock: clock() });
  starts.push(ms(s));
  await c.close();
}

// The demo county: open (its ledger and users made, the county usable) and whole (its files made in the background).
const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-demo-'));
const d0 = process.hrtime.bigint();
const demo = await createCore({
  dataDir: demoDir,
  resourcesDir: RESOURCES,
  workspace: 'demo',
  autoBackup: false,
  clock: clock(),
});
const demoOpenMs = ms(d0);
await demo.ready;
const demoWholeMs = ms(d0);
await demo.close();
fs.rmSync(demoDir, { recursive: true, force: true });

const result = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  },
  enterprises: N,
  importMs: {
    preview: Math.round(previewMs),
    commit: Math.round(commitMs),
    total: Math.round(previewMs + commitMs),
    targetTotal: 10_000,
    previewLongestStallMs: Math.round(stalls.max / 1e6),
  },
  searchMs: { ...search, targetP50: 30 },
  planMs: {
    classification: +median(classifyTimes).toFixed(1),
    draw: +median(drawTimes).toFixed(1),
    total: +(median(classifyTimes) + median(drawTimes)).toFixed(1),
    enterprises: N,
    picks: drawnPicks,
    target: 1000,
  },
  demoCountyMs: { opens: Math.round(demoOpenMs), whole: Math.round(demoWholeMs), targetOpens: 3000 },
  coreStartMs: { median: +median(starts).toFixed(1), runs: starts.map((x) => +x.toFixed(1)), target: 300 },
  databaseBytes: fs.statSync(path.join(dataDir, 'enforce.db')).size,
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
};
fs.rmSync(dataDir, { recursive: true, force: true });
// The documents part runs in a process of its own so its peak RSS is its own.
const documents = execFileSync(process.execPath, [path.join(import.meta.dirname, 'documents.ts')], {
  encoding: 'utf8',
});
Object.assign(result, { documents: JSON.parse(documents.trim().split('\n').at(-1)!) });
const reviews = execFileSync(process.execPath, [path.join(import.meta.dirname, 'review.ts')], { encoding: 'utf8' });
Object.assign(result, { review: JSON.parse(reviews.trim().split('\n').at(-1)!) });
const exportsPart = execFileSync(process.execPath, [path.join(import.meta.dirname, 'exports.ts')], {
  encoding: 'utf8',
});
Object.assign(result, { exports: JSON.parse(exportsPart.trim().split('\n').at(-1)!) });
const reportsPart = execFileSync(process.execPath, [path.join(import.meta.dirname, 'reports.ts')], {
  encoding: 'utf8',
});
Object.assign(result, { reports: JSON.parse(reportsPart.trim().split('\n').at(-1)!) });
console.log(JSON.stringify(result, null, 2));
