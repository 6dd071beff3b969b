/**
 * Document rendering figures: warm render of a two-page 现场检查记录 (p50), twenty different documents
 * in one batch through the worker pool, peak RSS, and the time headless Chromium takes to print the
 * same text from HTML (what an Electron printToPDF would cost) as a ratio.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/create-core.ts';
import { buildSpec, pageContext, parseFields, typeOf } from '../../electron/core/modules/documents/service.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { call, RESOURCES, setUp } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function documentBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-docs-'));
  const core = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock: () => new Date('2026-11-20T03:00:00Z') });
  try {
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    for (let i = 0; i < 6; i++) await call(core, 'hazards:create', { inspectionId: inspection.id, description: `第${i + 1}处：危化品仓库可燃气体报警装置未与排风设施联锁，现场物料标识不清`, deadline: '2026-11-30' }, token);
    const findings = Array.from({ length: 14 }, (_, i) => `${i + 1}. 经查，该单位危化品仓库未按规定设置可燃气体报警装置，现场存放物料与标识不符，安全管理台账记录不全。`).join('\n');

    const page = await pageContext(core.state);
    const specFor = async (type: string, extra: Record<string, unknown> = {}) => {
      const t = typeOf(core.state, type);
      const draft = await call(core, 'documents:create', { type, inspectionId: inspection.id }, token);
      const fields = parseFields(t.template, { ...draft.fields, ...extra });
      return buildSpec(core.state, page, t, fields, { numberText: null, draft: false });
    };
    const twoPage = await specFor('inspection-record', { findings });

    await core.state.render(twoPage); // starts the worker and parses the fonts once
    const warm: number[] = [];
    let pages = 0;
    for (let i = 0; i < 15; i++) {
      const t = process.hrtime.bigint();
      const pdf = await core.state.render(twoPage);
      warm.push(ms(t));
      pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
    }

    const types = Object.keys(TEMPLATES);
    const batchSpecs = await Promise.all(Array.from({ length: 20 }, (_, i) => specFor(types[i % types.length], types[i % types.length] === 'inspection-plan' ? { content: `检查内容第${i}项` } : {})));
    const t = process.hrtime.bigint();
    await Promise.all(batchSpecs.map((s) => core.state.render(s)));
    const batchMs = ms(t);

    // The same text as HTML, printed by headless Chromium with the same fonts.
    const html = path.join(dataDir, 'doc.html');
    const font = (f: string) => `url("file://${path.join(RESOURCES, 'fonts', f)}")`;
    fs.writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>
      @font-face { font-family: Fang; src: ${font('FandolFang-Regular.otf')}; } @font-face { font-family: SongB; src: ${font('FandolSong-Bold.otf')}; }
      @page { size: A4; margin: 25mm 26mm 25mm 28mm; } body { font: 14pt/1.5 Fang; } h1 { font: 22pt SongB; text-align: center; }</style>
      <h1>现场检查记录</h1>${findings.split('\n').map((p) => `<p>${p}</p>`).join('')}`);
    let chromiumMs: number | null = null;
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (fs.existsSync(chromium)) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const c = process.hrtime.bigint();
        execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--allow-file-access-from-files',
          `--user-data-dir=${path.join(dataDir, `chrome-${i}`)}`, '--no-pdf-header-footer', `--print-to-pdf=${path.join(dataDir, 'chrome.pdf')}`, `file://${html}`], { stdio: 'ignore' });
        runs.push(ms(c));
      }
      chromiumMs = median(runs);
    }
    const p50 = median(warm);
    return {
      warmRenderTwoPageMs: { p50: +p50.toFixed(1), pages, runs: warm.length, target: 80 },
      batchOfTwentyMs: { total: Math.round(batchMs), types: types.length, target: 1500 },
      peakRssMiB: { value: Math.round(process.resourceUsage().maxRSS / 1024), target: 400 },
      chromiumPrintToPdfMs: chromiumMs === null ? null : { p50: Math.round(chromiumMs), ratioToWarmRender: +(chromiumMs / p50).toFixed(1), note: 'includes starting the browser, as a print from a fresh page would' },
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run in its own process by run.ts, so the peak RSS is the rendering's alone.
if (import.meta.main) console.log(JSON.stringify(await documentBench()));
