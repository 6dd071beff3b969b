import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { buildSpec, parseFields, typeOf } from '../../electron/core/modules/documents/service.ts';
import { type Core, ruleContext } from '../../electron/core/create-core.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import type { DocumentSpec } from '../../shared/documents/layout.ts';
import { addUser, call } from './core.ts';
import { inspectionReady } from './documents.ts';

/**
 * Document specs as the core builds them, for the bench and the rendering tests: an inspection with six hazards and
 * a case decided on its 告知书 with a person fined beside the unit (the source of every case-stage document), each
 * type made as a draft and filled in as a clerk would before printing.
 */
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

/** Fourteen findings: the 现场检查记录 runs onto a second page. */
export const LONG_FINDINGS = Array.from(
  { length: 14 },
  (_, i) =>
    `${i + 1}. 经查，该单位危化品仓库未按规定设置可燃气体报警装置，现场存放物料与标识不符，安全管理台账记录不全。`,
).join('\n');

export async function documentSpecs(core: Core, token: string) {
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
  /** A type's document as a draft filled in (FILLED) and given `extra`, built into a spec as the print would. */
  const specFor = async (type: string, extra: Record<string, unknown> = {}): Promise<DocumentSpec> => {
    const t = typeOf(core.state, type);
    const source =
      t.type.stage === 'case'
        ? { caseId: kase.id, party: type.endsWith('-person') ? 0 : undefined }
        : { inspectionId: inspection.id };
    const draft = await call(core, 'documents:create', { type, ...source }, token);
    const fields = parseFields(t.template, { ...draft.fields, ...FILLED[type], ...extra });
    return buildSpec(core.state, page, t, fields, { numberText: null, draft: false });
  };
  /** The first `n` types of the catalogue, each its own document. */
  const distinctTypes = (n: number) => Object.keys(TEMPLATES).slice(0, n);
  /**
   * Issues every other type it can for the case and the inspection (a draft filled in as FILLED; a type the procedure
   * refuses at this stage, or a second time, is skipped), `rounds` times over, and attaches a two-page signed scan to the first `scans` case documents issued: the
   * papers of a thick case file. Returns how many documents were issued.
   */
  const fillTheFile = async (scan: Uint8Array, scans: number, rounds = 1) => {
    let issued = 0;
    for (const type of Array.from({ length: rounds }, () => Object.keys(TEMPLATES)).flat()) {
      const t = typeOf(core.state, type);
      const source =
        t.type.stage === 'case'
          ? { caseId: kase.id, party: type.endsWith('-person') ? 0 : undefined }
          : { inspectionId: inspection.id };
      const draft = await call(core, 'documents:create', { type, ...source }, token);
      const r = await core.dispatch(
        'documents:save',
        { id: draft.id, version: draft.version, fields: { ...draft.fields, ...FILLED[type] } },
        { token },
      );
      if (!r.ok) continue;
      const done = await core.dispatch(
        'documents:issue',
        { id: draft.id, version: (r.data as { version: number }).version },
        { token },
      );
      if (!done.ok) continue;
      issued++;
      if (t.type.stage === 'case' && scans-- > 0)
        await call(
          core,
          'documents:attach-scan',
          { id: draft.id, file: { fileName: '签收件.pdf', dataBase64: Buffer.from(scan).toString('base64') } },
          token,
        );
    }
    return issued;
  };
  return { specFor, distinctTypes, fillTheFile, inspection, enterprise, officers, kase };
}
