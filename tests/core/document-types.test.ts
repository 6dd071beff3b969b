import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { caseGenerator } from '../../electron/core/generator/cases.ts';
import { call, newCore, setUp } from '../support/core.ts';
import { inspectionReady, pdfFonts, pdfOf, pdfText } from '../support/documents.ts';

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
  await call(core, 'hazards:create', { inspectionId, description: '危化品仓库未设置可燃气体报警装置', location: '1号仓库', deadline: '2026-11-30' }, token);
  await call(core, 'hazards:create', { inspectionId, description: '成品仓库防雷设施失效', criteriaItemId: 'fw-7', deadline: '2026-11-27' }, token);
  const order = await call(core, 'documents:create', { type: 'rectification-order', inspectionId }, token);
  const issuedOrder = await call(core, 'documents:issue', { id: order.id, version: order.version }, token);
  await call(core, 'documents:serve', { id: issuedOrder.id, service: { method: 'left', servedAt: '2026-11-20T11:30', place: '企业办公室', refused: true, witness: '村委会主任赵六', officerIds: officers.map((o) => o.id) } }, token);
  recheckId = (await call(core, 'inspections:create', { enterpriseId: enterprise.id, kind: 'recheck', recheckOf: inspectionId, startedAt: '2026-11-20T15:00', officerIds: officers.map((o) => o.id) }, token)).id;
  const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
  const handlerIds = [officers[0].id, officers[1].id] as [number, number];
  caseFor['penalty-notice'] = (await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'approved' })).id;
  caseFor['penalty-decision-unit'] = (await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'noticed', variations: ['statement-waived'] })).id;
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => core?.close());

const EXPECTED: Record<string, string[]> = {
  'inspection-plan': ['现场检查方案', '被检查单位：宣汉县东林化工有限公司', '检查人员', '检查内容', '承办人意见', '审核意见'],
  'inspection-record': ['现场检查记录', '宣应急检记〔2026〕', '检查情况', '检查人员（签名）', '宣汉县应急管理局（印章）'],
  'onsite-measures': ['现场处理措施决定书', '宣应急现决〔2026〕', '发现你单位有下列违法违规行为和事故隐患', '成品仓库防雷设施失效', '依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定', '撤出作业人员', '向宣汉县人民政府申请行政复议'],
  'rectification-order': ['责令限期整改指令书', '宣应急责改〔2026〕2号', '经查，你单位存在下列问题', '前整改完毕', '提起行政诉讼'],
  'recheck-opinion': ['整改复查意见书', '宣应急复查〔2026〕1号', '（宣应急责改〔2026〕2号）', '提出如下意见', '被复查单位负责人（签名）'],
  'penalty-notice': ['行政处罚告知书', '宣应急罚告〔2026〕2号', '当事人：宣汉县东林化工有限公司', '经查，你单位危化品仓库未按规定设置可燃气体报警装置',
    '依据《中华人民共和国安全生产法》第一百零二条的规定', '罚款人民币贰万元整', '3日内向本机关进行陈述和申辩', '宣汉县应急管理局（印章）'],
  'penalty-decision-unit': ['行政处罚决定书（单位）', '宣应急罚〔2026〕1号', '被处罚单位：宣汉县东林化工有限公司', '统一社会信用代码', '违法事实及证据',
    '你单位明确表示放弃陈述、申辩的权利', '决定给予罚款人民币贰万元整（¥20,000.00）', '15日内缴至宣汉县农村信用合作联社', '百分之三加处罚款', '向宣汉县人民政府申请行政复议', '宣汉县人民法院'],
  'service-receipt': ['文书送达回执', '宣应急回〔2026〕1号', '受送达单位（个人）：宣汉县东林化工有限公司', '送达文书名称、文号', '责令限期整改指令书（宣应急责改〔2026〕1号）', '企业办公室', '2026年11月20日', '留置送达', '拒绝签收', '见证人：村委会主任赵六'],
};

describe('every document type', () => {
  it('has expectations here for each template (a new type must be added to this test)', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(TEMPLATES).sort());
  });

  it.each(Object.keys(EXPECTED))('%s renders, issues and prints as expected', async (type) => {
    const source = caseFor[type] ? { caseId: caseFor[type] } : { inspectionId: type === 'recheck-opinion' ? recheckId : inspectionId };
    let draft = await call(core, 'documents:create', { type, ...source }, token);
    if (type === 'penalty-decision-unit') {
      draft = await call(core, 'documents:save', { id: draft.id, version: draft.version, fields: { ...draft.fields, paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' } }, token);
    }
    if (type === 'inspection-plan') {
      draft = await call(core, 'documents:save', { id: draft.id, version: draft.version, fields: { ...draft.fields, content: '1. 危化品仓库可燃气体报警装置\n2. 有限空间作业审批' } }, token);
    }
    const issued = await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    expect(issued.status).toBe('issued');
    const pdf = pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token));
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
    fs.writeFileSync(path.join(OUT, `${type}.pdf`), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '80', path.join(OUT, `${type}.pdf`), path.join(OUT, type)]);

    const blank = pdfOf(await call(core, 'documents:blank', { type }, token));
    expect(pdfText(blank).replace(/\s+/g, '')).toContain(EXPECTED[type][0]);
    fs.writeFileSync(path.join(OUT, `${type}-blank.pdf`), blank);
    execFileSync('pdftoppm', ['-png', '-r', '80', path.join(OUT, `${type}-blank.pdf`), path.join(OUT, `${type}-blank`)]);
  });
});
