import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { INVESTIGATION_TEMPLATES } from '../../shared/documents/types/investigation.ts';
import { COERCION_TEMPLATES } from '../../shared/documents/types/coercion.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { addUser, call, newCore, setUp } from '../support/core.ts';
import { inspectionReady, numberOf, pdfFonts, pdfOf, pdfText, printedFaults } from '../support/documents.ts';
import { legalContentEscapes, partiesOf } from '../support/legal-content.ts';

/**
 * Every document type with a template, rendered on a real database: issued with its number, the
 * expected text in order, every font embedded and subset, and a blank form. PNG pages of each are
 * written to test-results/documents/ for a person to look at.
 */
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'documents');
let core: Core;
let token: string;
let inspectionId: number;
let recheckId: number;
/** A case with its 呈批 approved (for the 告知书), and one whose 告知书 was served (for the 决定书). */
const caseFor: Record<string, number> = {};

beforeAll(async () => {
  core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
  token = await setUp(core);
  const { inspection, enterprise, officers } = await inspectionReady(core, token);
  inspectionId = inspection.id;
  await call(
    core,
    'hazards:create',
    { inspectionId, description: '危化品仓库未设置可燃气体报警装置', location: '1号仓库', deadline: '2026-11-30' },
    token,
  );
  await call(
    core,
    'hazards:create',
    { inspectionId, description: '成品仓库防雷设施失效', criteriaItemId: 'fw-7', deadline: '2026-11-27' },
    token,
  );
  const order = await call(core, 'documents:create', { type: 'rectification-order', inspectionId }, token);
  const issuedOrder = await call(core, 'documents:issue', { id: order.id, version: order.version }, token);
  await call(
    core,
    'documents:serve',
    {
      id: issuedOrder.id,
      service: {
        method: 'left',
        servedAt: '2026-11-20T11:30',
        place: '企业办公室',
        refused: true,
        witness: '村委会主任赵六',
        officerIds: officers.map((o) => o.id),
      },
    },
    token,
  );
  recheckId = (
    await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'recheck',
        recheckOf: inspectionId,
        startedAt: '2026-11-20T15:00',
        officerIds: officers.map((o) => o.id),
      },
      token,
    )
  ).id;
  const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
  const handlerIds = [officers[0].id, officers[1].id] as [number, number];
  caseFor['penalty-notice'] = (
    await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'approved' })
  ).id;
  caseFor['penalty-decision-unit'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      stopAt: 'noticed',
      variations: ['statement-waived'],
    })
  ).id;
  const reviewerToken = await addUser(core, token, 'fzsh', 'reviewer');
  caseFor['penalty-decision-person'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      stopAt: 'noticed',
      variations: ['statement-waived', 'person-fined'],
      reviewerToken,
    })
  ).id;
  caseFor['hearing-meeting-notice'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      stopAt: 'noticed',
      variations: ['hearing'],
      reviewerToken,
    })
  ).id;
  // A hearing held (the generator made its record and report; these are made again to print them).
  caseFor['hearing-record'] = caseFor['hearing-report'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      stopAt: 'decided',
      variations: ['hearing'],
      reviewerToken,
    })
  ).id;
  caseFor['transfer-letter'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      stopAt: 'approved',
      variations: ['transfer-accepted'],
    })
  ).id;
  // 先行登记保存 on a filed case, then its disposal (the notice issued first, in the order below).
  caseFor['evidence-preservation-notice'] = caseFor['evidence-disposal-decision'] = (
    await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'filed' })
  ).id;
  caseFor['evidence-list'] = caseFor['evidence-preservation-notice'];
  // Decided and served, the fine unpaid: the 催告书.
  caseFor['enforcement-demand'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      stopAt: 'decided',
      variations: ['statement-waived'],
    })
  ).id;
  caseFor['deferred-payment-approval-letter'] = caseFor['enforcement-demand'];
  caseFor['summary-penalty-unit'] = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-20',
      stopAt: 'approved',
      variations: ['summary'],
    })
  ).id;
  // 当场处罚 of a person: 200 元 for the 直接负责的主管人员 (第一百零五条第（二）项).
  const s = await call(
    core,
    'cases:create',
    {
      enterpriseId: enterprise.id,
      source: 'inspection',
      cause: '锁闭疏散通道案',
      violationDate: '2026-11-20',
      handlerIds,
      procedure: 'summary',
    },
    token,
  );
  caseFor['summary-penalty-person'] = (
    await call(
      core,
      'cases:save-disposal',
      {
        id: s.id,
        version: s.version,
        outcome: 'penalty',
        persons: [{ name: '李强', idNumber: '513722198001011234', post: '仓库主管', address: '四川省宣汉县东乡街道' }],
        violations: [
          {
            party: 0,
            facts: '锁闭成品仓库安全出口',
            violatedProvision: '《中华人民共和国安全生产法》第四十二条第二款',
            penaltyItemId: 'aqsc-105-2',
            tier: 'general',
            reasoning: '当场改正',
            fine: 200,
          },
        ],
      },
      token,
    )
  ).id;
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => core?.close());

const EXPECTED: Record<string, string[]> = {
  'inspection-plan': [
    '现场检查方案',
    '被检查单位：宣汉县东林化工有限公司',
    '检查人员',
    '检查内容',
    '承办人意见',
    '审核意见',
  ],
  'inspection-record': [
    '现场检查记录',
    '宣应急检记〔2026〕',
    '检查情况',
    '检查人员（签名）',
    '宣汉县应急管理局（印章）',
  ],
  'onsite-measures': [
    '现场处理措施决定书',
    '宣应急现决〔2026〕',
    '发现你单位有下列违法违规行为和事故隐患',
    '成品仓库防雷设施失效',
    '依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定',
    '撤出作业人员',
    '向宣汉县人民政府申请行政复议',
  ],
  'rectification-order': [
    '责令限期整改指令书',
    '宣应急责改〔2026〕2号',
    '经查，你单位存在下列问题',
    '前整改完毕',
    '提起行政诉讼',
  ],
  'recheck-opinion': [
    '整改复查意见书',
    '宣应急复查〔2026〕1号',
    '（宣应急责改〔2026〕2号）',
    '提出如下意见',
    '被复查单位负责人（签名）',
  ],
  'penalty-notice': [
    '行政处罚告知书',
    '宣应急罚告〔2026〕',
    '当事人：宣汉县东林化工有限公司',
    '经查，你单位危化品仓库未按规定设置可燃气体报警装置',
    '依据《中华人民共和国安全生产法》第一百零二条的规定',
    '罚款人民币贰万元整',
    '3日内向本机关进行陈述和申辩',
    '宣汉县应急管理局（印章）',
  ],
  'penalty-decision-unit': [
    '行政处罚决定书（单位）',
    '宣应急罚〔2026〕3号',
    '被处罚单位：宣汉县东林化工有限公司',
    '统一社会信用代码',
    '违法事实及证据',
    '你单位明确表示放弃陈述、申辩的权利',
    '决定给予罚款人民币贰万元整（¥20,000.00）',
    '15日内缴至宣汉县农村信用合作联社',
    '百分之三加处罚款',
    '向宣汉县人民政府申请行政复议',
    '宣汉县人民法院',
  ],
  'penalty-decision-person': [
    '行政处罚决定书（个人）',
    '宣应急罚〔2026〕4号',
    '被处罚人：王明',
    '性别：男',
    '年龄：46',
    '身份证号：513722198001011234',
    '所在单位：宣汉县东林化工有限公司',
    '违法事实及证据：经查，你作为主要负责人',
    '第九十四条第一款',
    '决定给予罚款人民币贰万元整（¥20,000.00）',
    '罚款限你自收到本决定书之日起15日内',
    '宣汉县人民法院',
  ],
  'hearing-meeting-notice': [
    '行政处罚听证会通知书',
    '当事人：宣汉县东林化工有限公司',
    '根据你单位的申请和《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，本机关定于2026年12月2日9时00分',
    '公开举行你单位涉嫌未采取措施消除事故隐患一案的听证会',
    '由李法制担任主持人',
    '委托一至二人代理',
    '视为放弃听证权利',
    '宣汉县应急管理局（印章）',
  ],
  'hearing-record': [
    '听证笔录',
    '案件名称：宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患案',
    '听证时间：2026年9月24日9时00分至11时00分',
    '主持人：李法制',
    '记录员：孙记录',
    '案件调查人员：张明、李华',
    '当事人及其委托代理人',
    '王明',
    '法定代表人',
    '主持人：现在开始听证',
    '调查人员：危化品仓库未按规定设置可燃气体报警装置',
    '建议给予罚款人民币肆万元整',
    '当事人王明：报警装置已安装',
    '当事人或者委托代理人（签名）',
    '记录员（签名）',
  ],
  'hearing-report': [
    '听证会报告书',
    '当事人：宣汉县东林化工有限公司',
    '听证时间：2026年9月24日',
    '主持人：李法制',
    '一、案件调查人员提出的违法事实、证据和行政处罚建议',
    '建议给予罚款人民币肆万元整',
    '二、当事人的陈述、申辩和质证意见',
    '报警装置已安装',
    '三、听证认定的事实和证据',
    '四、处理意见和建议',
    '建议维持原处罚意见',
    '报告日期：2026年9月25日',
    '主持人（签名）',
  ],
  'transfer-letter': [
    '案件移送书',
    '宣汉县公安局：',
    '宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患一案，本机关于2026年10月9日立案调查',
    '王明（总经理）涉嫌构成危险作业罪',
    '《行政执法机关移送涉嫌犯罪案件的规定》第三条',
    '附件：案件材料清单',
    '涉嫌犯罪案件情况的调查报告',
    '宣汉县应急管理局（印章）',
  ],
  'summary-penalty-unit': [
    '行政（当场）处罚决定书（单位）',
    'No.0000001',
    '被处罚单位：宣汉县东林化工有限公司',
    '液氨储罐区未设置明显的安全警示标志',
    '第九十九条',
    '《中华人民共和国行政处罚法》第五十一条',
    '罚款人民币贰仟元整（¥2,000.00）的履行方式和期限：□当场缴纳；√自收到本决定书之日起15日内',
    // 行政处罚法 第五十二条: when and where it was decided.
    '处罚时间：2026年11月20日10时30分',
    '处罚地点：',
    '执法人员（签名）',
    '当事人或者委托代理人（签名）',
  ],
  'summary-penalty-person': [
    '行政（当场）处罚决定书（个人）',
    'No.0000002',
    '被处罚人：李强',
    '身份证号：513722198001011234',
    '所在单位及职务：宣汉县东林化工有限公司仓库主管',
    '你锁闭成品仓库安全出口',
    '罚款人民币贰佰元整（¥200.00）的履行方式和期限：√当场缴纳（依据《中华人民共和国行政处罚法》第六十八条第（二）项）',
    '执法人员（签名）',
  ],
  'evidence-preservation-notice': [
    '先行登记保存证据通知书',
    '宣应急先保通〔2026〕1号',
    '当事人：宣汉县东林化工有限公司',
    '因你单位涉嫌未采取措施消除事故隐患',
    '经本机关负责人批准',
    '《中华人民共和国行政处罚法》第五十六条',
    '液氨储罐压力表',
    '保存方式及地点：就地封存，由当事人保管',
    '不得销毁或者转移',
    '执法人员（签名）',
    '当事人（签名）',
  ],
  'evidence-disposal-decision': [
    '先行登记保存证据处理决定书',
    '本机关于2026年11月20日以《先行登记保存证据通知书》（宣应急先保通〔2026〕1号）',
    '现决定作如下处理',
    '液氨储罐压力表',
    '解除先行登记保存，予以退还',
    '宣汉县应急管理局（印章）',
  ],
  'evidence-list': [
    '证据清单',
    '案件名称：宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患案',
    '证据种类',
    '书证',
    '营业执照复印件（当事人提供）',
    '当事人主体资格',
    '物证',
    // The number is kept whole on a line of its own (a table's text comes out row by row, the date between).
    '清单（宣应急先保通〔2026〕1号）',
    '未采取措施消除事故隐患',
    '制作人：张明',
  ],
  'enforcement-demand': [
    '行政强制执行事先催告书',
    '当事人：宣汉县东林化工有限公司',
    '对你单位作出《行政处罚决定书》（宣应急罚〔2026〕',
    '决定给予罚款人民币贰万元整（¥20,000.00）',
    '第七十二条',
    '每日按罚款数额的百分之三加处罚款',
    '第五十四条',
    '自收到本催告书之日起10日内履行上述义务',
    '有权进行陈述和申辩',
    '申请人民法院强制执行',
    '宣汉县应急管理局（印章）',
  ],
  'deferred-payment-approval-letter': [
    '延期（分期）缴纳罚款批准书',
    '宣应急缴批〔2026〕1号',
    '当事人：宣汉县东林化工有限公司',
    '你单位于2026年11月20日提出延期（分期）缴纳罚款的申请',
    '对你单位作出的《行政处罚决定书》（宣应急罚〔2026〕',
    '罚款人民币贰万元整（¥20,000.00）',
    '第六十六条第二款',
    '同意你单位分2期缴纳罚款',
    '2026年12月20日前',
    '10,000.00',
    '2027年1月20日前',
    '10,000.00',
    '逾期不缴纳的',
    '宣汉县应急管理局（印章）',
  ],
  // The cases decided above (the 催告书's and the hearing's) have their own receipts: this is the third.
  'service-receipt': [
    '文书送达回执',
    '宣应急回〔2026〕3号',
    '受送达单位（个人）：宣汉县东林化工有限公司',
    '送达文书名称、文号',
    '责令限期整改指令书（宣应急责改〔2026〕1号）',
    '企业办公室',
    '2026年11月20日',
    '留置送达',
    '拒绝签收',
    '见证人：村委会主任赵六',
  ],
};

describe('every document type', () => {
  it('has expectations here for each template (a new type must be added to this test)', () => {
    // The investigation and coercion documents have tests of their own (documents-investigation, documents-coercion).
    const elsewhere = new Set([...INVESTIGATION_TEMPLATES, ...COERCION_TEMPLATES].map((t) => t.type));
    expect(Object.keys(EXPECTED).sort()).toEqual(
      Object.keys(TEMPLATES)
        .filter((t) => !elsewhere.has(t))
        .sort(),
    );
  });

  it.each(Object.keys(EXPECTED))('%s renders, issues and prints as expected', async (type) => {
    const source = caseFor[type]
      ? { caseId: caseFor[type], party: type.endsWith('-person') ? 0 : undefined }
      : { inspectionId: type === 'recheck-opinion' ? recheckId : inspectionId };
    let draft = await call(core, 'documents:create', { type, ...source }, token);
    const filled: Record<
      string,
      Record<string, unknown> | ((prefilled: Record<string, unknown>) => Record<string, unknown>)
    > = {
      'penalty-decision-unit': { paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' },
      'penalty-decision-person': { paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' },
      'hearing-meeting-notice': { hearingDate: '2026-12-02', chair: '李法制' },
      'hearing-record': {
        endedAt: '2026-09-24T11:00',
        proceedings: [
          { speaker: '主持人', words: '现在开始听证。' },
          { speaker: '调查人员', words: '危化品仓库未按规定设置可燃气体报警装置，建议给予罚款人民币肆万元整。' },
          { speaker: '当事人王明', words: '报警装置已安装，请求从轻处罚。' },
        ],
      },
      'hearing-report': { findings: '事实清楚，证据充分。', opinion: '建议维持原处罚意见。', date: '2026-09-25' },
      'transfer-letter': {
        crime: '危险作业罪',
        suspects: '王明（总经理）',
        materials: [
          { name: '涉嫌犯罪案件情况的调查报告', items: 1, pages: 6 },
          { name: '询问笔录', items: 2, pages: 9 },
        ],
      },
      'summary-penalty-unit': { formNo: '0000001', time: '10:30', paymentPlace: '宣汉县农村信用合作联社' },
      'summary-penalty-person': { formNo: '0000002', time: '10:30', cashOnTheSpot: true, hardToPayLater: true },
      'evidence-list': (prefilled: Record<string, unknown>) => ({
        items: [
          {
            kind: '书证',
            name: '营业执照复印件',
            source: '当事人提供',
            collectedOn: '2026-11-20',
            pages: 1,
            proves: '当事人主体资格',
          },
          ...(prefilled.items as object[]),
        ],
      }),
      'deferred-payment-approval-letter': {
        appliedOn: '2026-11-20',
        mode: '分期',
        instalments: [
          { until: '2026-12-20', amount: 10000 },
          { until: '2027-01-20', amount: 10000 },
        ],
        approvedBy: '陈局长',
      },
      'evidence-preservation-notice': {
        items: [{ name: '液氨储罐压力表', spec: 'Y-100', quantity: '2只', location: '液氨储罐区' }],
        approvedBy: '陈局长',
      },
    };
    const fill = filled[type];
    if (fill)
      draft = await call(
        core,
        'documents:save',
        {
          id: draft.id,
          version: draft.version,
          fields: { ...draft.fields, ...(typeof fill === 'function' ? fill(draft.fields) : fill) },
        },
        token,
      );
    if (type === 'inspection-plan') {
      draft = await call(
        core,
        'documents:save',
        {
          id: draft.id,
          version: draft.version,
          fields: { ...draft.fields, content: '1. 危化品仓库可燃气体报警装置\n2. 有限空间作业审批' },
        },
        token,
      );
    }
    // Every legal-content field perturbed, one at a time: each change refused or impossible (issue 16).
    const guarded = await legalContentEscapes(core, token, draft, await partiesOf(core, token, source));
    expect(guarded.escapes).toEqual([]);
    const issued = await call(core, 'documents:issue', { id: draft.id, version: guarded.version }, token);
    expect(issued.status).toBe('issued');
    const pdf = pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token));
    // Written first, so a failing expectation leaves the page to look at.
    fs.writeFileSync(path.join(OUT, `${type}.pdf`), pdf);
    // The printed text read back, every page: no page of signing lines alone, times as 9时00分, no broken 文号,
    // date or label, the 文号 where the type is numbered (issue 16).
    expect(printedFaults(pdf, await numberOf(core, token, type), TEMPLATES[type].pageSignature)).toEqual([]);
    const text = pdfText(pdf).replace(/\s+/g, '');
    let at = -1;
    for (const piece of EXPECTED[type]) {
      const i = text.indexOf(piece, at + 1);
      expect(i, `“${piece}” after ${at} in ${type}`).toBeGreaterThan(at);
      at = i;
    }
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes' });
    execFileSync('pdftoppm', ['-png', '-r', '80', path.join(OUT, `${type}.pdf`), path.join(OUT, type)]);

    const blank = pdfOf(await call(core, 'documents:blank', { type }, token));
    expect(pdfText(blank).replace(/\s+/g, '')).toContain(EXPECTED[type][0]);
    fs.writeFileSync(path.join(OUT, `${type}-blank.pdf`), blank);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      path.join(OUT, `${type}-blank.pdf`),
      path.join(OUT, `${type}-blank`),
    ]);
  });
});
