/**
 * Document rendering figures: warm render of a two-page 现场检查记录 (p50), twenty different documents
 * in one batch through the worker pool, peak RSS, and the time headless Chromium takes to print the
 * same text from HTML (what an Electron printToPDF would cost) as a ratio, measured side by side.
 * The batch's case-stage documents are made within a generated case (the core makes them nowhere
 * else), the others from the inspection. BENCH_RENDER_RUNS and BENCH_CHROMIUM_RUNS (default 15 and 3)
 * take fewer timings for a quick look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedClock } from '../../electron/core/clock.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { buildSpec, parseFields, typeOf } from '../../electron/core/modules/documents/service.ts';
import { ruleContext } from '../../electron/core/create-core.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { addUser, call, RESOURCES, setUp } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const WARM_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 15);
const CHROMIUM_RUNS = Number(process.env.BENCH_CHROMIUM_RUNS ?? 3);

/** What a draft leaves blank and its form requires, filled in as a clerk would before printing (the batch's types only). */
const FILLED: Record<string, Record<string, unknown>> = {
  'inspection-plan': { content: '1. 危化品仓库可燃气体报警装置\n2. 有限空间作业审批' },
  'penalty-decision-unit': { paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' },
  'penalty-decision-person': { paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' },
  'hearing-meeting-notice': { hearingDate: '2026-12-02', chair: '李法制' },
  'transfer-letter': {
    receivingOrgan: '宣汉县公安局',
    basis: '《行政执法机关移送涉嫌犯罪案件的规定》第三条',
    crime: '危险作业罪',
    suspects: '王明（总经理）',
    materials: [
      { name: '涉嫌犯罪案件情况的调查报告', items: 1, pages: 6 },
      { name: '询问笔录', items: 2, pages: 9 },
    ],
  },
  'summary-penalty-unit': { formNo: '0000001', time: '10:30', paymentPlace: '宣汉县农村信用合作联社' },
  'summary-penalty-person': { formNo: '0000002', time: '10:30', cashOnTheSpot: true, hardToPayLater: true },
  'evidence-preservation-notice': {
    items: [{ name: '液氨储罐压力表', spec: 'Y-100', quantity: '2只', location: '液氨储罐区' }],
    approvedBy: '陈局长',
  },
  'evidence-disposal-decision': {
    noticeNumber: '宣应急先保通〔2026〕1号',
    noticeDate: '2026-11-20',
    items: [{ name: '液氨储罐压力表', quantity: '2只', disposal: '解除先行登记保存，予以退还' }],
  },
  'hearing-record': {
    chair: '李法制',
    clerk: '孙记录',
    endedAt: '2026-11-18T11:00',
    proceedings: [
      { speaker: '主持人', words: '现在开始听证。' },
      { speaker: '调查人员', words: '危化品仓库未按规定设置可燃气体报警装置，建议给予罚款人民币贰万元整。' },
      { speaker: '当事人王明', words: '报警装置已安装，请求从轻处罚。' },
    ],
  },
  'hearing-report': {
    chair: '李法制',
    clerk: '孙记录',
    defence: '报警装置已安装，请求从轻处罚。',
    findings: '事实清楚，证据充分。',
    opinion: '建议维持原处罚意见。',
  },
};

export async function documentBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-docs-'));
  const core = await createCore({
    dataDir,
    resourcesDir: RESOURCES,
    autoBackup: false,
    clock: pinnedClock('2026-11-20T11:00:00+08:00'),
  });
  try {
    const token = await setUp(core);
    const { inspection, enterprise, officers } = await inspectionReady(core, token);
    for (let i = 0; i < 6; i++)
      await call(
        core,
        'hazards:create',
        {
          inspectionId: inspection.id,
          description: `第${i + 1}处：危化品仓库可燃气体报警装置未与排风设施联锁，现场物料标识不清`,
          deadline: '2026-11-30',
        },
        token,
      );
    const findings = Array.from(
      { length: 14 },
      (_, i) =>
        `${i + 1}. 经查，该单位危化品仓库未按规定设置可燃气体报警装置，现场存放物料与标识不符，安全管理台账记录不全。`,
    ).join('\n');

    // A case decided on its 告知书 with a person fined beside the unit: the source of every case-stage document.
    const reviewerToken = await addUser(core, token, 'fzsh', 'reviewer');
    const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
    const kase = await generate({
      enterpriseId: enterprise.id,
      handlerIds: [officers[0].id, officers[1].id],
      filedOn: '2026-10-09',
      stopAt: 'decided',
      variations: ['statement-waived', 'person-fined'],
      reviewerToken,
    });

    const page = await ruleContext(core.state.store.db, core.state);
    const specFor = async (type: string, extra: Record<string, unknown> = {}) => {
      const t = typeOf(core.state, type);
      const source =
        t.type.stage === 'case'
          ? { caseId: kase.id, party: type.endsWith('-person') ? 0 : undefined }
          : { inspectionId: inspection.id };
      const draft = await call(core, 'documents:create', { type, ...source }, token);
      const fields = parseFields(t.template, { ...draft.fields, ...extra });
      return buildSpec(core.state, page, t, fields, { numberText: null, draft: false });
    };
    const twoPage = await specFor('inspection-record', { findings });

    await core.state.render(twoPage); // starts the worker and parses the fonts once
    const warm: number[] = [];
    let pages = 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = process.hrtime.bigint();
      const pdf = await core.state.render(twoPage);
      warm.push(ms(t));
      pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
    }

    // The first twenty types (inspection and case stages), each made and filled in once.
    const types = Object.keys(TEMPLATES);
    const batchTypes = Array.from({ length: 20 }, (_, i) => types[i % types.length]);
    const batchSpecs = await Promise.all(batchTypes.map((type) => specFor(type, FILLED[type])));
    const t = process.hrtime.bigint();
    await Promise.all(batchSpecs.map((s) => core.state.render(s)));
    const batchMs = ms(t);

    // The same text as HTML, printed by headless Chromium with the same fonts.
    const html = path.join(dataDir, 'doc.html');
    const font = (f: string) => `url("file://${path.join(RESOURCES, 'fonts', f)}")`;
    fs.writeFileSync(
      html,
      `<!doctype html><meta charset="utf-8"><style>
      @font-face { font-family: Fang; src: ${font('FandolFang-Regular.otf')}; } @font-face { font-family: SongB; src: ${font('FandolSong-Bold.otf')}; }
      @page { size: A4; margin: 25mm 26mm 25mm 28mm; } body { font: 14pt/1.5 Fang; } h1 { font: 22pt SongB; text-align: center; }</style>
      <h1>现场检查记录</h1>${findings
        .split('\n')
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
      chromiumMs = median(runs);
    }
    const p50 = median(warm);
    return {
      warmRenderTwoPageMs: { p50: +p50.toFixed(1), pages, runs: warm.length, target: 80 },
      batchOfTwentyMs: { total: Math.round(batchMs), types: new Set(batchTypes).size, target: 1500 },
      peakRssMiB: { value: Math.round(process.resourceUsage().maxRSS / 1024), target: 400 },
      chromiumPrintToPdfMs:
        chromiumMs === null
          ? null
          : {
              p50: Math.round(chromiumMs),
              ratioToWarmRender: +(chromiumMs / p50).toFixed(1),
              note: 'includes starting the browser, as a print from a fresh page would',
            },
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run in its own process by run.ts, so the peak RSS is the rendering's alone.
if (import.meta.main) console.log(JSON.stringify(await documentBench()));
