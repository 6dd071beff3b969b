import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { COERCION_TEMPLATES } from '../../shared/documents/types/coercion.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { call, failure, newCore, setUp } from '../support/core.ts';
import { inspectionReady, numberOf, pdfFonts, pdfOf, pdfText, printedFaults } from '../support/documents.ts';
import { legalContentEscapes, partiesOf } from '../support/legal-content.ts';

/**
 * The coercive measures (行政强制) on a real database: 查封扣押 with its 清单, its one extension and
 * its disposal; 停止供电 decided, notified to the supplier and lifted. Each is issued, its text checked
 * in order, its fonts embedded, its pages and blank form written to test-results/documents/ to look at;
 * then the statutory limits each refuses to issue past.
 */
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'documents');
let core: Core;
let token: string;
let caseId: number;
let newCase: () => Promise<number>;

beforeAll(async () => {
  // Friday 20 November 2026, 11:00 in China.
  core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
  token = await setUp(core);
  const { enterprise, officers } = await inspectionReady(core, token);
  const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
  const handlerIds = [officers[0].id, officers[1].id] as [number, number];
  newCase = async () =>
    (await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'filed' })).id;
  caseId = await newCase();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => core?.close());

const flat = (s: string) => s.replace(/\s+/g, '');
const issuesOf = (e: { details?: unknown }) =>
  ((e.details as { issues?: { key: string }[] })?.issues ?? []).map((i) => i.key);

/** A draft of the type on the case, prefilled, with what the officers add. */
async function draft(type: string, onCase: number, fields: Record<string, unknown> = {}) {
  const d = await call(core, 'documents:create', { type, caseId: onCase }, token);
  return call(core, 'documents:save', { id: d.id, version: d.version, fields: { ...d.fields, ...fields } }, token);
}
const issue = (d: { id: number; version: number }) =>
  call(core, 'documents:issue', { id: d.id, version: d.version }, token);
const refused = async (d: { id: number; version: number }) =>
  issuesOf(await failure(core, 'documents:issue', { id: d.id, version: d.version }, token));

const SEIZED = [
  { name: '液氨储罐区压力容器', spec: '10立方米卧式储罐', quantity: '2台', location: '液氨储罐区，已加贴封条' },
  { name: '未经检验的液化石油气钢瓶', spec: 'YSP-15', quantity: '40只', location: '本机关物证保管室' },
];
const SUPPLIER = '国网四川省电力公司宣汉县供电分公司';

type Fields = Record<string, unknown>;
/** What the officers fill in beyond the prefill, in the order the documents are made. */
const FILLED: Record<string, Fields | ((prefilled: Fields) => Fields)> = {
  'seal-seize-decision': {
    facts: '你单位液氨储罐区2台压力容器未经定期检验仍在使用，有根据认为不符合保障安全生产的国家标准或者行业标准',
    items: SEIZED,
  },
  'seal-seize-extension': { reason: '压力容器须委托特种设备检验机构检测，案情复杂' },
  // The vessels are released; the cylinders go to the 特种设备 authority.
  'seal-seize-disposal': (f) => ({
    items: (f.items as Fields[]).map((it, i) => (i ? { ...it, disposal: '移送特种设备安全监督管理部门依法处理' } : it)),
  }),
  'power-stop-decision': {
    suspensionOrder: '暂时停产停业的现场处理措施决定（宣应急现决〔2026〕3号）',
    reason: '仍组织人员在危化品仓库内冒险作业',
    supplier: SUPPLIER,
    cutAt: '2026-11-17T09:00',
    approvedOn: '2026-11-16',
    date: '2026-11-16',
  },
  'power-stop-notice': { date: '2026-11-16' },
  'power-restore-notice': { restoreAt: '2026-11-20T15:00' },
};

const EXPECTED: Record<string, string[]> = {
  'seal-seize-decision': [
    '查封扣押决定书',
    '当事人：宣汉县东林化工有限公司',
    '地址：宣汉县东乡街道工业园区8号',
    '经查，你单位液氨储罐区2台压力容器未经定期检验仍在使用',
    '依据《中华人民共和国安全生产法》第六十五条第一款第（四）项和《中华人民共和国行政强制法》第九条、第二十四条的规定，经本机关负责人批准，决定对你单位的有关场所、设施、财物',
    '予以查封，期限为30日，自2026年11月20日起至2026年12月19日止。',
    '保管方式及地点：就地封存，加贴本机关封条。保管费用由本机关承担',
    '不得擅自启封、使用，不得转移、隐匿、损毁或者变卖',
    '延长期限不超过30日',
    '可以依法在60日内向宣汉县人民政府申请行政复议，或者在6个月内依法向宣汉县人民法院提起行政诉讼',
    '附件：查封扣押（场所、设施、财物）清单',
    '宣汉县应急管理局（印章）',
    '2026年11月20日',
    // The 清单, on the next page (its table's cells are checked apart: the text of a table comes out column by column).
    '宣汉县应急管理局安全生产行政执法文书',
    '查封扣押（场所、设施、财物）清单',
    '当事人：宣汉县东林化工有限公司',
    '依据本机关2026年11月20日作出的《查封扣押决定书》（宣应急查扣〔2026〕1号），对下列场所、设施、财物予以查封：',
    '序号',
    '保管方式及地点：就地封存，加贴本机关封条',
    '当事人（签名）',
    '执法人员（签名）',
    '执法证号：51172200101',
    '宣汉县应急管理局（印章）',
  ],
  'seal-seize-extension': [
    '延长查封扣押期限决定书',
    '当事人：宣汉县东林化工有限公司',
    '本机关于2026年11月20日对你单位作出《查封扣押决定书》（宣应急查扣〔2026〕1号），查封扣押期限至2026年12月19日届满。',
    '因压力容器须委托特种设备检验机构检测，案情复杂，经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条第一款的规定，决定将查封扣押期限延长30日，至2027年1月18日止。',
    '延长期间',
    '向宣汉县人民政府申请行政复议',
    '宣汉县应急管理局（印章）',
  ],
  'seal-seize-disposal': [
    '查封扣押处理决定书',
    '当事人：宣汉县东林化工有限公司',
    '本机关于2026年11月20日对你单位作出《查封扣押决定书》（宣应急查扣〔2026〕1号），对有关场所、设施、财物予以查封扣押。',
    '依据《中华人民共和国安全生产法》第六十五条第一款第（四）项和《中华人民共和国行政强制法》第二十七条、第二十八条的规定',
    '作出如下处理决定：',
    '序号',
    '自本决定送达之日起解除',
    '向宣汉县人民政府申请行政复议',
    '宣汉县应急管理局（印章）',
  ],
  'power-stop-decision': [
    '停止供电（供应民用爆炸物品）决定书',
    '当事人：宣汉县东林化工有限公司',
    '本机关依法对你单位作出暂时停产停业的现场处理措施决定（宣应急现决〔2026〕3号），你单位拒不执行，仍组织人员在危化品仓库内冒险作业，有发生生产安全事故的现实危险。',
    '依据《中华人民共和国安全生产法》第七十条第一款的规定，经本机关主要负责人批准，决定通知国网四川省电力公司宣汉县供电分公司自2026年11月17日9时00分起停止对你单位供电',
    '消除事故隐患后，本机关将及时解除上述措施，通知国网四川省电力公司宣汉县供电分公司恢复供电。',
    '向宣汉县人民政府申请行政复议',
    '2026年11月16日',
  ],
  'power-stop-notice': [
    '停止供电（供应民用爆炸物品）通知书',
    '国网四川省电力公司宣汉县供电分公司：',
    '经查，宣汉县东林化工有限公司拒不执行本机关依法作出的停产停业',
    '经本机关主要负责人批准，本机关已于2026年11月16日作出《停止供电（供应民用爆炸物品）决定书》（宣应急停供〔2026〕1号）。',
    '自2026年11月17日9时00分起停止对宣汉县东林化工有限公司供电。',
    '本机关将及时书面通知你单位恢复供电',
    '特此通知',
    '2026年11月16日',
  ],
  'power-restore-notice': [
    '恢复供电（供应民用爆炸物品）通知书',
    '国网四川省电力公司宣汉县供电分公司：',
    '本机关于2026年11月16日作出《停止供电（供应民用爆炸物品）决定书》（宣应急停供〔2026〕1号），通知你单位停止对宣汉县东林化工有限公司供电。',
    '现宣汉县东林化工有限公司已依法履行行政决定，采取相应措施消除了事故隐患。依据《中华人民共和国安全生产法》第七十条第二款的规定',
    '自2026年11月20日15时00分起恢复对宣汉县东林化工有限公司供电',
    '特此通知',
    '2026年11月20日',
  ],
};

/** The cells of the tables, each somewhere in the text. */
const CELLS: Record<string, string[]> = {
  'seal-seize-decision': ['名称', '规格型号', '数量', '存放地点/状态', ...SEIZED.flatMap((it) => Object.values(it))],
  'seal-seize-disposal': [
    '名称',
    '数量',
    '处理决定',
    '液氨储罐区压力容器',
    '2台',
    '解除查封',
    '未经检验的液化石油气钢瓶',
    '40只',
    '移送特种设备安全监督管理部门依法处理',
  ],
};

describe('coercive measures', () => {
  it('has expectations here for each of its templates', () => {
    expect(Object.keys(EXPECTED)).toEqual(COERCION_TEMPLATES.map((t) => t.type));
    expect(Object.keys(FILLED)).toEqual(Object.keys(EXPECTED));
  });

  it.each(Object.keys(EXPECTED))('%s prefills, issues and prints as expected', async (type) => {
    let d = await call(core, 'documents:create', { type, caseId }, token);
    const prefilled = d.fields as Fields;
    expect(prefilled.partyName).toBe('宣汉县东林化工有限公司');
    if (type === 'seal-seize-decision') {
      expect(prefilled).toMatchObject({
        facts: '群众举报该单位危化品仓库未设置可燃气体报警装置，经现场核查属实',
        measure: '查封',
        periodDays: 30,
        approvedBy: '陈局长',
        date: '2026-11-20',
      });
      expect(prefilled.officers).toHaveLength(2);
    }
    // A decision is referred to by its number, with the day it bears (issue 16: every binding decision is numbered).
    if (type === 'seal-seize-extension')
      expect(prefilled).toMatchObject({
        decisionNumber: '宣应急查扣〔2026〕1号',
        decisionDate: '2026-11-20',
        originalEnd: '2026-12-19',
      });
    if (type === 'seal-seize-disposal') {
      expect(prefilled.items).toEqual([
        { name: '液氨储罐区压力容器', quantity: '2台', disposal: '解除查封' },
        { name: '未经检验的液化石油气钢瓶', quantity: '40只', disposal: '解除查封' },
      ]);
    }
    if (type === 'power-stop-notice' || type === 'power-restore-notice') {
      expect(prefilled).toMatchObject({
        supplier: SUPPLIER,
        supply: '供电',
        decisionNumber: '宣应急停供〔2026〕1号',
        decisionDate: '2026-11-16',
      });
    }
    if (type === 'power-stop-notice')
      expect(prefilled).toMatchObject({ cutAt: '2026-11-17T09:00', approvedBy: '陈局长' });
    const fill = FILLED[type];
    d = await call(
      core,
      'documents:save',
      {
        id: d.id,
        version: d.version,
        fields: { ...prefilled, ...(typeof fill === 'function' ? fill(prefilled) : fill) },
      },
      token,
    );
    // Every legal-content field perturbed, one at a time: each change refused or impossible (issue 16).
    const guarded = await legalContentEscapes(core, token, d, await partiesOf(core, token, { caseId }));
    expect(guarded.escapes).toEqual([]);
    const issued = await issue({ id: d.id, version: guarded.version });
    expect(issued.status).toBe('issued');
    const pdf = pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token));
    // Written first, so a failing expectation leaves the page to look at.
    fs.writeFileSync(path.join(OUT, `${type}.pdf`), pdf);
    // The printed text read back, every page: no page of signing lines alone, times as 9时00分, no broken 文号,
    // date or label, the 文号 where the type is numbered (issue 16).
    expect(printedFaults(pdf, await numberOf(core, token, type), TEMPLATES[type].pageSignature)).toEqual([]);
    const text = flat(pdfText(pdf));
    let at = -1;
    for (const piece of EXPECTED[type]) {
      const i = text.indexOf(piece, at + 1);
      expect(i, `“${piece}” after ${at} in ${type}`).toBeGreaterThan(at);
      at = i;
    }
    for (const cell of CELLS[type] ?? []) expect(text, cell).toContain(flat(cell));
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes' });
    for (const f of fs.readdirSync(OUT).filter((x) => x.startsWith(`${type}-`) && x.endsWith('.png')))
      fs.rmSync(path.join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '80', path.join(OUT, `${type}.pdf`), path.join(OUT, type)]);
    // The decision carries its 清单 on a page of its own.
    const pages = fs.readdirSync(OUT).filter((x) => new RegExp(`^${type}-\\d+\\.png$`).test(x)).length;
    expect(pages).toBe(type === 'seal-seize-decision' ? 2 : 1);

    const blank = pdfOf(await call(core, 'documents:blank', { type }, token));
    const blankText = flat(pdfText(blank));
    expect(blankText).toContain(EXPECTED[type][0]);
    // A hand-fill form: no date, no party, no values from elsewhere.
    expect(blankText).not.toContain('2026年');
    expect(blankText).not.toContain('宣汉县东林化工有限公司');
    if (type === 'seal-seize-decision') expect(blankText).toContain('查封扣押（场所、设施、财物）清单当事人：');
    fs.writeFileSync(path.join(OUT, `${type}-blank.pdf`), blank);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      path.join(OUT, `${type}-blank.pdf`),
      path.join(OUT, `${type}-blank`),
    ]);
    // The blank decision too: the form on one page, the 清单 on the next.
    expect(fs.readdirSync(OUT).filter((x) => new RegExp(`^${type}-blank-\\d+\\.png$`).test(x)).length).toBe(pages);
  });
});

describe('the limits they are refused past', () => {
  const decision = { items: SEIZED.slice(0, 1), facts: '你单位液氨储罐区压力容器未经定期检验仍在使用' };

  it('查封扣押 lasts at most 30 days (行政强制法 第二十五条)', async () => {
    const c = await newCase();
    const d = await draft('seal-seize-decision', c, { ...decision, periodDays: 31 });
    expect(await refused(d)).toEqual(['documents.rules.seizePeriodMax']);
    const none = await draft('seal-seize-decision', c, { ...decision, items: [] });
    expect(await refused(none)).toEqual(['documents.rules.seizedItemsRequired']);
  });

  it('a decision after an on-the-spot seizure follows within 48 hours, its period from the seizure', async () => {
    const c = await newCase();
    const late = await draft('seal-seize-decision', c, { ...decision, seizedOn: '2026-11-17', startsOn: '2026-11-17' });
    expect(await refused(late)).toEqual(['documents.rules.seizureDecisionLate']);
    const shifted = await draft('seal-seize-decision', c, {
      ...decision,
      seizedOn: '2026-11-18',
      startsOn: '2026-11-20',
    });
    expect(await refused(shifted)).toEqual(['documents.rules.seizeStartsOnSeizure']);
    const backdated = await draft('seal-seize-decision', c, { ...decision, startsOn: '2026-11-18' });
    expect(await refused(backdated)).toEqual(['documents.rules.seizeStartsBeforeDecision']);
    const approvedLater = await draft('seal-seize-decision', c, {
      ...decision,
      approvedOn: '2026-11-20',
      date: '2026-11-19',
      startsOn: '2026-11-19',
    });
    expect(await refused(approvedLater)).toEqual(['documents.rules.seizeApprovalLate']);
    const inTime = await issue(
      await draft('seal-seize-decision', c, { ...decision, seizedOn: '2026-11-18', startsOn: '2026-11-18' }),
    );
    expect(flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: inTime.id }, token))))).toContain(
      '自2026年11月18日起至2026年12月17日止。本机关执法人员已于2026年11月18日依法当场实施查封，现补办本决定。',
    );
  });

  it('an extension is made within the period, once, by at most 30 days', async () => {
    const c = await newCase();
    // Decided on 12 October for 10 days: the period ended on 21 October.
    await issue(
      await draft('seal-seize-decision', c, {
        ...decision,
        periodDays: 10,
        startsOn: '2026-10-12',
        approvedOn: '2026-10-12',
        date: '2026-10-12',
      }),
    );
    const late = await draft('seal-seize-extension', c);
    expect(late.fields).toMatchObject({ originalEnd: '2026-10-21' });
    expect(await refused(late)).toEqual(['cases.rules.extensionAfterPeriod']);
    const tooLong = await draft('seal-seize-extension', c, {
      extendDays: 31,
      date: '2026-10-20',
      approvedOn: '2026-10-20',
    });
    expect(await refused(tooLong)).toEqual(['documents.rules.extendDaysMax']);
    const typedEnd = await draft('seal-seize-extension', c, {
      originalEnd: '2026-11-30',
      date: '2026-10-20',
      approvedOn: '2026-10-20',
    });
    expect(await refused(typedEnd)).toEqual(['documents.rules.originalEndMismatch']);
    await issue(await draft('seal-seize-extension', c, { date: '2026-10-20', approvedOn: '2026-10-20' }));
    const again = await draft('seal-seize-extension', c, { date: '2026-10-21', approvedOn: '2026-10-21' });
    expect(await refused(again)).toEqual(['cases.rules.extensionRepeated']);
  });

  it('停止供电 is announced 24 hours ahead, unless an emergency endangers safety (安全生产法 第七十条)', async () => {
    const c = await newCase();
    const fields = {
      suspensionOrder: '暂时停产停业的决定',
      reason: '拒不停止作业',
      supplier: SUPPLIER,
      cutAt: '2026-11-20T18:00',
    };
    const d = await draft('power-stop-decision', c, fields);
    expect(await refused(d)).toEqual(['documents.rules.powerCutNotice24h']);
    const approvedLater = await draft('power-stop-decision', c, {
      ...fields,
      cutAt: '2026-11-20T18:00',
      emergency: true,
      approvedOn: '2026-11-20',
      date: '2026-11-19',
    });
    expect(await refused(approvedLater)).toEqual(['documents.rules.powerCutApprovalLate']);
    const emergency = await issue(await draft('power-stop-decision', c, { ...fields, emergency: true }));
    expect(emergency.status).toBe('issued');
    expect(flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: emergency.id }, token))))).toContain(
      '因存在危及生产安全的紧急情形，本措施不提前二十四小时通知。',
    );
  });

  it('an extension, a disposal or a notice needs the decision issued on the case', async () => {
    const c = await newCase();
    const ext = await draft('seal-seize-extension', c, { decisionNumber: '宣应急查扣〔2026〕9号' });
    expect(ext.fields).toMatchObject({ decisionNumber: '宣应急查扣〔2026〕9号' });
    expect(await refused(ext)).toEqual(['cases.rules.noSeizeDecision']);
    const disposal = await draft('seal-seize-disposal', c, {
      decisionNumber: '宣应急查扣〔2026〕9号',
      items: [{ name: '压力容器', quantity: '1台', disposal: '解除查封' }],
    });
    expect(await refused(disposal)).toEqual(['cases.rules.noSeizeDecision']);
    const notice = await draft('power-stop-notice', c, { supplier: SUPPLIER, decisionNumber: '宣应急停电〔2026〕1号' });
    expect(await refused(notice)).toEqual(['cases.rules.noPowerStopDecision']);
    const restore = await draft('power-restore-notice', c, {
      supplier: SUPPLIER,
      decisionNumber: '宣应急停电〔2026〕1号',
    });
    expect(await refused(restore)).toEqual(['cases.rules.noPowerStopDecision']);
  });
});
