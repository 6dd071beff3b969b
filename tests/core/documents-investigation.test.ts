import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { INVESTIGATION_TEMPLATES } from '../../shared/documents/types/investigation.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { call, failure, newCore, setUp } from '../support/core.ts';
import { legalContentEscapes, partiesOf } from '../support/legal-content.ts';
import { inspectionReady, numberOf, pdfFonts, pdfOf, pdfText, printedFaults } from '../support/documents.ts';

/**
 * The investigation documents of a penalty case (询问通知书, 询问笔录, 勘验笔录, 抽样取证凭证,
 * 鉴定委托书), made in a filed case on a real database: prefilled from the case, completed, issued,
 * printed with the expected text in order and every font embedded, and printed blank. PNG pages go
 * to test-results/documents/ for a person to look at. Then the rules that refuse to issue them.
 */
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'documents');
let core: Core;
let token: string;
let caseId: number;
let officerIds: number[];

beforeAll(async () => {
  // Today is 2026-11-20 in China; the case was filed on 2026-10-09 for a violation of 2026-10-07.
  core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
  token = await setUp(core);
  const { enterprise, officers } = await inspectionReady(core, token);
  officerIds = officers.map((o) => o.id);
  const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
  caseId = (
    await generate({
      enterpriseId: enterprise.id,
      handlerIds: [officers[0].id, officers[1].id],
      filedOn: '2026-10-09',
      stopAt: 'filed',
    })
  ).id;
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => core?.close());

/** What the prefill cannot know: what was said, seen, taken and asked for. */
const FILLED: Record<string, Record<string, unknown>> = {
  'questioning-notice': {
    materialsToBring: [
      '营业执照副本及复印件',
      '法定代表人（主要负责人）身份证明',
      '危化品仓库可燃气体报警装置的采购、安装资料',
    ],
  },
  'questioning-record': {
    startedAt: '2026-11-20T09:30',
    endedAt: '2026-11-20T10:45',
    idNumber: '513722198001011234',
    post: '总经理',
    phone: '13900002222',
    homeAddress: '宣汉县东乡街道南坝路8号',
    understood: '听清楚了。',
    recusalAnswer: '不申请回避。',
    qa: [
      {
        question: '你在单位担任什么职务？负责哪些工作？',
        answer: '我是公司总经理，全面负责公司的生产经营和安全生产工作。',
      },
      {
        question: '你单位危化品仓库是否设置了可燃气体报警装置？',
        answer: '没有设置。仓库2025年建成后一直没有安装，我们正在联系厂家采购。',
      },
    ],
  },
  'survey-record': {
    startedAt: '2026-11-20T14:00',
    endedAt: '2026-11-20T15:10',
    weather: '晴',
    subject: '1号危化品仓库及其可燃气体报警装置',
    partyPresentPost: '宣汉县东林化工有限公司总经理',
    witness: '赵六',
    witnessUnit: '东乡街道工业园区管委会工作人员',
    findings:
      '1. 1号危化品仓库为单层砖混结构，存放液化石油气钢瓶约120只。\n2. 仓库内未安装可燃气体探测器，墙面无报警控制器安装痕迹。',
    photos: 6,
    drawings: 1,
  },
  'sampling-receipt': {
    place: '1号危化品仓库',
    phone: '13900002222',
    samples: [
      { name: '液化石油气钢瓶', specification: 'YSP35.5', batchNo: '2026-0815', quantity: 2, unitOfMeasure: '只' },
    ],
  },
  'appraisal-request': {
    organ: '四川省安全科学技术研究院',
    items: [{ name: '可燃气体报警控制器', quantity: '1台' }],
    requirements: '鉴定该报警控制器能否正常工作；不能正常工作的，查明原因。',
    suppliedMaterials: ['报警控制器产品说明书及合格证（复印件）', '现场照片6张'],
    dueDate: '2026-12-10',
  },
};

const EXPECTED: Record<string, string[]> = {
  'questioning-notice': [
    '询问通知书',
    '宣应急询〔2026〕',
    '宣汉县东林化工有限公司：',
    '为调查宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患一案',
    '根据《中华人民共和国行政处罚法》第五十五条和《中华人民共和国安全生产法》第六十六条的规定',
    '请你单位派员于2026年11月23日9时00分到宣汉县东乡街道接受询问调查',
    '请携带以下材料：',
    '1.营业执照副本及复印件；',
    '3.危化品仓库可燃气体报警装置的采购、安装资料。',
    '不得拒绝或者阻挠',
    '联系人：张明',
    '联系电话：0818-5221234',
    '宣汉县应急管理局（印章）',
    '2026年11月20日',
  ],
  'questioning-record': [
    '询问笔录',
    '询问时间：2026年11月20日9时30分至10时45分',
    '第1次询问',
    '询问地点：宣汉县东乡街道',
    '被询问人：王明',
    '性别：男',
    '年龄：46',
    '身份证号：513722198001011234',
    '联系电话：13900002222',
    '工作单位：宣汉县东林化工有限公司',
    '职务：总经理',
    '住址：宣汉县东乡街道南坝路8号',
    '询问人：张明、李华',
    '记录人：李华',
    '在场人：无',
    '问：我们是宣汉县应急管理局的行政执法人员张明、李华，执法证号分别为51172200101、51172200102',
    '就宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患一案',
    '有权拒绝回答',
    '虚假陈述',
    '答：听清楚了。',
    '第四十三条',
    '答：不申请回避。',
    '问：你在单位担任什么职务？',
    '答：我是公司总经理',
    '问：你单位危化品仓库',
    '答：没有设置。',
    '以上笔录请你核对',
    '被询问人（签名）',
    '询问人（签名）',
    '执法证号：51172200101',
    '记录人（签名）',
  ],
  'survey-record': [
    '勘验笔录',
    '案件名称：宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患案',
    '勘验时间：2026年11月20日14时00分至15时10分',
    '勘验场所：宣汉县东乡街道工业园区8号',
    '天气情况：晴',
    '勘验对象：1号危化品仓库及其可燃气体报警装置',
    '勘验人：张明、李华',
    '当事人（到场人）：王明（宣汉县东林化工有限公司总经理）',
    '见证人：赵六（东乡街道工业园区管委会工作人员）',
    '记录人：李华',
    '现依法对1号危化品仓库及其可燃气体报警装置进行勘验',
    '勘验情况：',
    '存放液化石油气钢瓶约120只',
    '仓库内未安装可燃气体探测器',
    '附：现场照片6张，现场图1张。',
    '当事人（签名）',
    '见证人（签名）',
    '勘验人（签名）',
    '执法证号：51172200101',
    '记录人（签名）',
  ],
  'sampling-receipt': [
    '抽样取证凭证',
    '当事人：宣汉县东林化工有限公司',
    '地址：宣汉县东乡街道工业园区8号',
    '联系电话：13900002222',
    '抽样地点：1号危化品仓库',
    '抽样日期：2026年11月20日',
    '根据《中华人民共和国行政处罚法》第五十六条的规定，本机关依法对你单位的下列物品抽样取证：',
    '样品名称',
    '液化石油气钢瓶',
    'YSP35.5',
    '2026-0815',
    '抽样目的：委托具有相应资质的机构检验',
    '当事人（签名）',
    '执法人员（签名）',
    '执法证号：51172200101',
    '宣汉县应急管理局（印章）',
    '2026年11月20日',
  ],
  'appraisal-request': [
    '鉴定委托书',
    '四川省安全科学技术研究院：',
    '本机关在调查宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患一案过程中',
    '《中华人民共和国行政处罚法》第四十六条、第五十四条',
    '可燃气体报警控制器',
    '1台',
    '鉴定要求：',
    '鉴定该报警控制器能否正常工作',
    '提供的材料：',
    '1.报警控制器产品说明书及合格证（复印件）；',
    '2.现场照片6张。',
    '请于2026年12月10日前出具鉴定意见书',
    '联系人：张明',
    '本机关地址：宣汉县东乡街道',
    '宣汉县应急管理局（印章）',
    '2026年11月20日',
  ],
};

const squash = (s: string) => s.replace(/\s+/g, '');

async function draftWith(type: string, fields: Record<string, unknown>) {
  const draft = await call(core, 'documents:create', { type, caseId }, token);
  return call(
    core,
    'documents:save',
    { id: draft.id, version: draft.version, fields: { ...draft.fields, ...fields } },
    token,
  );
}

/** The rule keys issuing refuses with. */
async function refusal(type: string, fields: Record<string, unknown>): Promise<string[]> {
  const draft = await draftWith(type, { ...FILLED[type], ...fields });
  const error = await failure(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
  expect(error.code).toBe('DOCUMENT_NOT_ISSUABLE');
  return (error.details?.issues ?? []).map((i) => i.key);
}

describe('investigation documents', () => {
  it('are all covered here', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(INVESTIGATION_TEMPLATES.map((t) => t.type).sort());
    expect(Object.keys(FILLED).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s is prefilled from the case, issues and prints as expected', async (type) => {
    const draft = await draftWith(type, FILLED[type]);
    // Every legal-content field perturbed, one at a time: each change refused or impossible (issue 16).
    const guarded = await legalContentEscapes(core, token, draft, await partiesOf(core, token, { caseId }));
    expect(guarded.escapes).toEqual([]);
    const issued = await call(core, 'documents:issue', { id: draft.id, version: guarded.version }, token);
    expect(issued.status).toBe('issued');
    const pdf = pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token));
    // Written first, so a failing expectation leaves the page to look at.
    fs.writeFileSync(path.join(OUT, `${type}.pdf`), pdf);
    // The printed text read back, every page (issue 16).
    expect(printedFaults(pdf, await numberOf(core, token, type), TEMPLATES[type].pageSignature)).toEqual([]);
    // -layout keeps each printed line together (label–value pairs side by side).
    const text = squash(pdfText(pdf, ['-layout']));
    let at = -1;
    for (const piece of EXPECTED[type]) {
      const i = text.indexOf(squash(piece), at + 1);
      expect(i, `“${piece}” after ${at} in ${type}`).toBeGreaterThan(at);
      at = i;
    }
    // No doubled punctuation from a value that already ended in it.
    expect(text).not.toMatch(/[。；，：]{2}/);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes' });
    // The pages of an earlier run would linger beside a document that now has fewer.
    for (const f of fs.readdirSync(OUT))
      if (new RegExp(`^${type}(-blank)?-\\d+\\.png$`).test(f)) fs.rmSync(path.join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '80', path.join(OUT, `${type}.pdf`), path.join(OUT, type)]);

    const blank = pdfOf(await call(core, 'documents:blank', { type }, token));
    const blankText = squash(pdfText(blank));
    expect(blankText).toContain(EXPECTED[type][0]);
    // A form to fill in by hand carries no case's values.
    expect(blankText).not.toContain('东林化工');
    fs.writeFileSync(path.join(OUT, `${type}-blank.pdf`), blank);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      path.join(OUT, `${type}-blank.pdf`),
      path.join(OUT, `${type}-blank`),
    ]);
  });

  it('questions the person a 询问通知书 summoned, at its time and place', async () => {
    const notice = await draftWith('questioning-notice', {
      addressee: '王明',
      addresseeIsPerson: true,
      questioningAt: '2026-11-20T15:00',
      place: '宣汉县应急管理局询问室',
    });
    await call(core, 'documents:issue', { id: notice.id, version: notice.version }, token);
    const text = squash(pdfText(pdfOf(await call(core, 'documents:pdf', { id: notice.id }, token))));
    expect(text).toContain('王明：');
    expect(text).toContain('请你于2026年11月20日15时00分到宣汉县应急管理局询问室接受询问调查');
    expect(text).toContain('你应当如实回答询问');
    const record = await call(core, 'documents:create', { type: 'questioning-record', caseId }, token);
    expect(record.fields).toMatchObject({
      // 王明 was questioned once already (the record issued above): this is his second.
      interviewee: '王明',
      startedAt: '2026-11-20T15:00',
      place: '宣汉县应急管理局询问室',
      employer: '宣汉县东林化工有限公司',
      recorder: '李华',
      round: 2,
      officers: [
        { officerId: officerIds[0], name: '张明' },
        { officerId: officerIds[1], name: '李华' },
      ],
    });
  });

  it('lists the records issued as evidence, each of its statutory kind (第四十六条)', async () => {
    // A worker questioned is a witness; the 法定代表人 speaks for the party.
    const witness = await draftWith('questioning-record', {
      ...FILLED['questioning-record'],
      interviewee: '赵六',
      post: '仓库保管员',
    });
    await call(core, 'documents:issue', { id: witness.id, version: witness.version }, token);
    const list = await call(core, 'documents:create', { type: 'evidence-list', caseId }, token);
    const items = list.fields.items as { kind: string; name: string; collectedOn: string }[];
    // Counted as the pages it printed on: the 询问笔录 issued above runs to two.
    expect(items.find((x) => x.name.startsWith('王明询问笔录（第1次）'))).toMatchObject({
      kind: '当事人的陈述',
      collectedOn: '2026-11-20',
      pages: 2,
    });
    expect(items.find((x) => x.name.startsWith('赵六询问笔录'))).toMatchObject({ kind: '证人证言' });
    expect(items.find((x) => x.name.startsWith('勘验笔录'))).toMatchObject({ kind: '勘验笔录、现场笔录' });
    expect(items.find((x) => x.name.startsWith('抽样取证凭证'))).toMatchObject({ kind: '物证' });
    // In the law's order of kinds.
    const order = [
      '书证',
      '物证',
      '视听资料',
      '电子数据',
      '证人证言',
      '当事人的陈述',
      '鉴定意见',
      '勘验笔录、现场笔录',
    ];
    expect(items.map((x) => order.indexOf(x.kind))).toEqual(
      [...items.map((x) => order.indexOf(x.kind))].sort((a, b) => a - b),
    );
  });

  it('notes a refusal to sign, with the witness who saw it', async () => {
    const draft = await draftWith('survey-record', {
      ...FILLED['survey-record'],
      refusedToSign: true,
      refusalNote: '称需请示董事长。',
    });
    const issued = await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    const text = squash(pdfText(pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token)), ['-layout']));
    expect(text).toContain(
      '当事人（到场人）拒绝在本笔录上签名（称需请示董事长），已由见证人赵六见证，勘验人已在笔录上注明。',
    );
  });

  it('must be made in a case', async () => {
    for (const type of Object.keys(EXPECTED)) {
      const error = await failure(core, 'documents:create', { type, enterpriseId: 1 }, token);
      expect(error.details?.issues?.[0]?.key, type).toBe('cases.rules.notCaseDocument');
    }
  });

  describe('refused on issue', () => {
    it('a 询问笔录 by one officer', async () => {
      const draft = await call(core, 'documents:create', { type: 'questioning-record', caseId }, token);
      const officers = (draft.fields.officers as unknown[]).slice(0, 1);
      expect(await refusal('questioning-record', { officers })).toContain('documents.rules.twoOfficers');
    });

    it('a 询问笔录 ending before it started, or still to end', async () => {
      expect(await refusal('questioning-record', { endedAt: '2026-11-20T09:00' })).toContain(
        'documents.rules.endBeforeStart',
      );
      expect(await refusal('questioning-record', { endedAt: '' })).toContain('validation.required');
      expect(await refusal('questioning-record', { endedAt: '2026-11-21T10:00' })).toContain(
        'documents.rules.endedInFuture',
      );
    });

    it('a 询问笔录 without questions and answers', async () => {
      expect(await refusal('questioning-record', { qa: [] })).toEqual(['documents.rules.questionsRequired']);
    });

    it('a 询问笔录 whose interviewee the 身份证号 does not match, or who is not identified', async () => {
      expect(await refusal('questioning-record', { idNumber: '513722198001011235' })).toContain(
        'validation.idCard.checkChar',
      );
      const mismatch = await refusal('questioning-record', { gender: '女', age: 40 });
      expect(mismatch).toEqual(['documents.rules.genderMismatch', 'documents.rules.ageMismatch']);
      expect(await refusal('questioning-record', { idNumber: '', gender: '', age: null })).toEqual([
        'documents.rules.intervieweeIdentity',
      ]);
      // Without a 身份证号, the sex and age written in identify the interviewee.
      const draft = await draftWith('questioning-record', {
        ...FILLED['questioning-record'],
        idNumber: '',
        gender: '男',
        age: 52,
      });
      expect((await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token)).status).toBe(
        'issued',
      );
    });

    it('a 询问笔录 before the violation, or a refusal to sign without a note', async () => {
      expect(
        await refusal('questioning-record', { startedAt: '2026-10-01T09:00', endedAt: '2026-10-01T10:00' }),
        // Before 立案 too, with no 先行调查取证 recorded.
      ).toEqual(['documents.rules.beforeViolation', 'cases.rules.preInvestigationRequired']);
      expect(await refusal('questioning-record', { refusedToSign: true })).toEqual([
        'documents.rules.refusalNoteRequired',
      ]);
    });

    it('a 勘验笔录 without findings, or without a witness when the party refuses to sign', async () => {
      expect(await refusal('survey-record', { findings: '  ' })).toEqual(['documents.rules.surveyFindingsRequired']);
      expect(
        await refusal('survey-record', { witness: '', refusedToSign: true, refusalNote: '称需请示董事长' }),
      ).toEqual(['documents.rules.witnessRequired']);
    });

    it('an 抽样取证凭证 without samples, or by one officer', async () => {
      expect(await refusal('sampling-receipt', { samples: [] })).toEqual(['documents.rules.samplesRequired']);
      const draft = await call(core, 'documents:create', { type: 'sampling-receipt', caseId }, token);
      expect(await refusal('sampling-receipt', { officers: (draft.fields.officers as unknown[]).slice(1) })).toContain(
        'documents.rules.twoOfficers',
      );
    });

    it('a 询问通知书 setting the questioning before its own date', async () => {
      expect(await refusal('questioning-notice', { questioningAt: '2026-11-19T09:00' })).toEqual([
        'documents.rules.questioningBeforeNotice',
      ]);
    });

    it('a record written by an officer recused from the case (第四十三条)', async () => {
      // A case of its own: the recusal would hold for every document of the shared one.
      const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
      const { enterprise } = await inspectionReady(core, token, 2);
      const other = await generate({
        enterpriseId: enterprise.id,
        handlerIds: [officerIds[0], officerIds[1]],
        filedOn: '2026-10-09',
        stopAt: 'filed',
      });
      await call(
        core,
        'cases:record',
        {
          id: other.id,
          event: {
            kind: 'recusal',
            date: '2026-11-19',
            officer: '李华',
            applicant: 'party',
            reason: '与被询问人系近亲属',
            decidedBy: '陈局长',
            granted: true,
          },
        },
        token,
      );
      const draft = await call(core, 'documents:create', { type: 'questioning-record', caseId: other.id }, token);
      // 李华 is named neither as 询问人 nor, by hand, as 记录人.
      const officers = (draft.fields.officers as { name: string }[]).filter((o) => o.name !== '李华');
      const saved = await call(
        core,
        'documents:save',
        {
          id: draft.id,
          version: draft.version,
          fields: { ...draft.fields, ...FILLED['questioning-record'], officers },
        },
        token,
      );
      const error = await failure(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
      expect(error.details?.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: ['fields', 'recorder'], key: 'cases.rules.officerRecused' }),
          expect.objectContaining({ key: 'documents.rules.twoOfficers' }),
        ]),
      );
    });

    it('a 鉴定委托书 without items, or wanting the opinion by its own date', async () => {
      expect(await refusal('appraisal-request', { items: [] })).toEqual(['documents.rules.appraisalItemsRequired']);
      expect(await refusal('appraisal-request', { dueDate: '2026-11-20' })).toEqual(['documents.rules.dueAfterDate']);
    });
  });
});
