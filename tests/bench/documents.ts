/**
 * Document rendering figures, measured side by side in one process so a noisy machine does not decide the ratios:
 * - warm CPU and wall time per document (process.cpuUsage, after five warm-ups) of a two-page 现场检查记录 and the
 *   行政处罚决定书 of a full case, ours against plain pdfmake given the font files for each document (naive);
 * - a cold first document: a fresh render worker starting, parsing the faces and rendering;
 * - twenty distinct document types, naive and ours, each timed in turn: the first time each is made, then warm;
 * - the whole case file as one PDF (cases:bound-file) of a case holding every document it can, some with scans;
 * - the batch of twenty through the app's render worker and through a pool of two, each worker's heap and the peak
 *   RSS of the process while the app's batch rendered;
 * - headless Chromium printing the same text (what an Electron printToPDF would cost), as a ratio.
 * BENCH_RENDER_RUNS and BENCH_CHROMIUM_RUNS (default 15 and 3) take fewer timings for a quick look.
 */
import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedClock } from '../../electron/core/clock.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { RenderPool } from '../../electron/core/documents/pool.ts';
import type { DocumentSpec } from '../../shared/documents/layout.ts';
import { PDFDocument } from '@cantoo/pdf-lib';
import { call, RESOURCES, setUp } from '../support/core.ts';
import { pdfText } from '../support/documents.ts';
import { documentSpecs, LONG_FINDINGS } from '../support/document-specs.ts';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];
const round = (x: number) => +x.toFixed(1);
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const WARM_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 15);
const CHROMIUM_RUNS = Number(process.env.BENCH_CHROMIUM_RUNS ?? 3);

/** CPU and wall milliseconds of one render in this process. */
async function timed(render: () => Promise<Buffer>): Promise<{ cpu: number; wall: number }> {
  const c = cpuMs();
  const t = process.hrtime.bigint();
  await render();
  return { cpu: cpuMs() - c, wall: ms(t) };
}

interface Timing {
  cpu: number;
  wall: number;
  pages: number;
  rssMiB: number;
}

/** A render process for one side (render-child.ts), asked one document at a time. */
async function renderer(mode: 'ours' | 'naive') {
  const child = fork(path.join(import.meta.dirname, 'render-child.ts'), [mode], {
    stdio: 'ignore',
    serialization: 'advanced',
  });
  await once(child, 'message');
  return {
    async render(spec: DocumentSpec): Promise<Timing> {
      child.send(spec);
      const [answer] = (await once(child, 'message')) as [Timing];
      return answer;
    },
    close: () => child.kill(),
  };
}
type Renderer = Awaited<ReturnType<typeof renderer>>;

/** Ours and naive in turn, each in its own process, after five warm-ups of each: percentiles and their ratio. */
async function warmFigures(spec: DocumentSpec, ours: Renderer, naive: Renderer) {
  for (let i = 0; i < 5; i++) {
    await ours.render(spec);
    await naive.render(spec);
  }
  const o: Timing[] = [];
  const n: Timing[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    o.push(await ours.render(spec));
    n.push(await naive.render(spec));
  }
  const p = (xs: Timing[], k: 'cpu' | 'wall', q: number) =>
    round(
      quantile(
        xs.map((x) => x[k]),
        q,
      ),
    );
  return {
    pages: o[0].pages,
    runs: WARM_RUNS,
    cpuMs: { p50: p(o, 'cpu', 0.5), p95: p(o, 'cpu', 0.95), target: 80 },
    wallMs: { p50: p(o, 'wall', 0.5), p95: p(o, 'wall', 0.95) },
    naiveCpuMs: { p50: p(n, 'cpu', 0.5), p95: p(n, 'cpu', 0.95) },
    naiveWallMs: { p50: p(n, 'wall', 0.5), p95: p(n, 'wall', 0.95) },
    speedup: { value: round(p(n, 'cpu', 0.5) / p(o, 'cpu', 0.5)), target: 3 },
  };
}

export async function documentBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-docs-'));
  // The app's render pool at its default size, given to the core so its workers' heaps can be read.
  const appPool = new RenderPool();
  const core = await createCore({
    renderPool: appPool,
    dataDir,
    resourcesDir: RESOURCES,
    autoBackup: false,
    clock: pinnedClock('2026-11-20T11:00:00+08:00'),
  });
  try {
    const token = await setUp(core);
    const specs = await documentSpecs(core, token);
    const dated = async (type: string, extra: Record<string, unknown> = {}) => ({
      ...(await specs.specFor(type, extra)),
      createdAt: '2026-11-20T03:00:00.000Z',
    });
    const record = await dated('inspection-record', { findings: LONG_FINDINGS });
    const decision = await dated('penalty-decision-unit');
    const types = specs.distinctTypes(20);
    const batch = await Promise.all(types.map((type) => dated(type)));

    // The app's render worker (the core's own pool), warmed by one document, then the twenty at once.
    await core.state.render(record);
    const t = process.hrtime.bigint();
    await Promise.all(batch.map((s) => core.state.render(s)));
    const appBatchMs = ms(t);
    // The peak so far is the app's own: its core and its render worker, through setting up a case and this batch.
    const appPeakRss = peakRssMiB();
    const appHeaps = await appPool.heapsMiB();

    // Cold: a worker of its own starts, parses the faces the document uses and renders it.
    const coldPool = new RenderPool(1);
    const cold = await timed(() => coldPool.render(record));
    await coldPool.close();
    const pairPool = new RenderPool(2);
    await Promise.all([pairPool.render(record), pairPool.render(record)]);
    const t2 = process.hrtime.bigint();
    await Promise.all(batch.map((s) => pairPool.render(s)));
    const pairBatchMs = ms(t2);
    const pairHeaps = await pairPool.heapsMiB();
    await pairPool.close();

    const ours = await renderer('ours');
    const naive = await renderer('naive');
    const inspectionRecord = await warmFigures(record, ours, naive);
    const penaltyDecision = await warmFigures(decision, ours, naive);
    // Twenty distinct types, naive and ours in turn: the first time each type is made in the process, then warm.
    const pass = async () => {
      const sum = { ours: { cpu: 0, wall: 0 }, naive: { cpu: 0, wall: 0 } };
      for (const spec of batch)
        for (const [side, r] of [
          ['ours', ours],
          ['naive', naive],
        ] as const) {
          const x = await r.render(spec);
          sum[side].cpu += x.cpu;
          sum[side].wall += x.wall;
        }
      return {
        oursCpuMs: Math.round(sum.ours.cpu),
        oursWallMs: Math.round(sum.ours.wall),
        naiveCpuMs: Math.round(sum.naive.cpu),
        naiveWallMs: Math.round(sum.naive.wall),
        speedup: round(sum.naive.cpu / sum.ours.cpu),
      };
    };
    const firstPass = await pass();
    const warmPasses = [await pass(), await pass(), await pass()];
    const warmDistinct = warmPasses.sort((x, y) => x.speedup - y.speedup)[1];
    const oursRss = (await ours.render(record)).rssMiB;
    ours.close();
    naive.close();

    // The whole case file as one PDF: every type the case and its inspection can issue, signed scans for some.
    const scan = await PDFDocument.create();
    scan.addPage([595, 842]).drawText('SIGNED', { x: 60, y: 760, size: 18 });
    scan.addPage([595, 842]).drawText('SIGNED', { x: 60, y: 760, size: 18 });
    const issuedDocs = await specs.fillTheFile(await scan.save(), 6, 2);
    const binder = pdfText(
      Buffer.from((await call(core, 'cases:binder', { id: specs.kase.id }, token)).dataBase64, 'base64'),
    );
    const [, papers, numbered] = /本卷共有文件材料(\d+)件，共(\d+)页/.exec(binder.replace(/\s+/g, '')) ?? [0, 0, 0];
    const boundTimes: number[] = [];
    let boundPages = 0;
    for (let i = 0; i < Math.max(3, Math.ceil(WARM_RUNS / 5)); i++) {
      const t3 = process.hrtime.bigint();
      const file = await call(core, 'cases:bound-file', { id: specs.kase.id }, token);
      boundTimes.push(ms(t3));
      boundPages = (await PDFDocument.load(Buffer.from(file.dataBase64, 'base64'))).getPageCount();
    }

    // The same text as HTML, printed by headless Chromium with the same fonts.
    const html = path.join(dataDir, 'doc.html');
    const font = (f: string) => `url("file://${path.join(RESOURCES, 'fonts', f)}")`;
    fs.writeFileSync(
      html,
      `<!doctype html><meta charset="utf-8"><style>
      @font-face { font-family: Fang; src: ${font('FandolFang-Regular.otf')}; } @font-face { font-family: SongB; src: ${font('FandolSong-Bold.otf')}; }
      @page { size: A4; margin: 25mm 26mm 25mm 28mm; } body { font: 14pt/1.5 Fang; } h1 { font: 22pt SongB; text-align: center; }</style>
      <h1>现场检查记录</h1>${LONG_FINDINGS.split('\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}`,
    );
    let chromiumMs: number | null = null;
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (fs.existsSync(chromium)) {
      const runs: number[] = [];
      for (let i = 0; i < CHROMIUM_RUNS; i++) {
        const c = process.hrtime.bigint();
        execFileSync(
          chromium,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--no-first-run',
            '--allow-file-access-from-files',
            `--user-data-dir=${path.join(dataDir, `chrome-${i}`)}`,
            '--no-pdf-header-footer',
            `--print-to-pdf=${path.join(dataDir, 'chrome.pdf')}`,
            `file://${html}`,
          ],
          { stdio: 'ignore' },
        );
        runs.push(ms(c));
      }
      chromiumMs = quantile(runs, 0.5);
    }
    return {
      inspectionRecord,
      penaltyDecision,
      coldFirstDocumentMs: { wall: Math.round(cold.wall), target: 600 },
      distinctTypes: {
        types: new Set(types).size,
        firstPass,
        warm: { ...warmDistinct, speedup: { value: warmDistinct.speedup, target: 3 }, note: 'median of three passes' },
      },
      boundCaseFileMs: {
        first: Math.round(boundTimes[0]),
        p50: Math.round(quantile(boundTimes.slice(1), 0.5)),
        issuedDocuments: issuedDocs,
        papers: Number(papers),
        numberedPages: Number(numbered),
        pages: boundPages,
        target: 2000,
      },
      batchOfTwentyMs: {
        appWorker: Math.round(appBatchMs),
        poolOfTwo: Math.round(pairBatchMs),
        target: 1500,
      },
      workerHeapMiB: { app: appHeaps, poolOfTwo: pairHeaps },
      peakRssMiB: { whileAppBatch: appPeakRss, target: 400, renderProcessAfterAll: oursRss },
      chromiumPrintToPdfMs:
        chromiumMs === null
          ? null
          : {
              p50: Math.round(chromiumMs),
              ratioToWarmRender: round(chromiumMs / inspectionRecord.wallMs.p50),
              note: 'includes starting the browser, as a print from a fresh page would',
            },
    };
  } finally {
    await core.close();
    await appPool.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run in its own process by run.ts, so the peak RSS is the rendering's alone.
if (import.meta.main) console.log(JSON.stringify(await documentBench()));
