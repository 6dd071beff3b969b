import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { NO_DECISIONS } from '../../shared/domain/review/review.ts';
import type { GeneratorError } from '../../electron/core/modules/demo/case-generator.ts';
import type { CaseDetail, ViolationInput } from '../../shared/entities/case.ts';
import { addUser, call, failure, newCore } from '../support/core.ts';
import { pdfOf, pdfText, printedFaults } from '../support/documents.ts';
import { caseCounty, escalated, recordOn, refusalOf } from '../support/cases.ts';
import { mayRetract } from '../../shared/domain/case-permissions.ts';
import { ROLE_PERMISSIONS } from '../../shared/base/roles.ts';

let core: Core;
afterEach(() => core?.close());
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'documents');

/** A Sunday: every generated step lies in the past. */
const NOW = new Date('2026-11-22T02:00:00Z');

async function ready(now = NOW) {
  core = await newCore({ clock: () => now });
  return caseCounty(core);
}

const flat = (s: string) => s.replace(/\s+/g, '');
const issuesOf = (e: { details?: unknown }) =>
  ((e.details as { issues?: { key: string }[] })?.issues ?? []).map((i) => i.key);

const violation = (over: Partial<ViolationInput> = {}): ViolationInput => ({
  party: 'unit',
  facts: '危化品仓库未设置可燃气体报警装置',
  violatedProvision: '《中华人民共和国安全生产法》第四十一条第二款',
  penaltyItemId: 'aqsc-102',
  tier: 'general',
  reasoning: '一般情节',
  fine: 20000,
  evidence: '现场检查记录、现场照片',
  ...over,
});

describe('a case from an inspection escalation to 归档', () => {
  it('walks 立案 → 呈批 → 告知 → 决定 → 送达 → 缴款 → 结案 → 归档, with every deadline met', async () => {
    const county = await ready();
    const { token, enterprise, inspection, handlerIds, generate } = county;
    // A failed re-check leaves an escalation: the case starts from it, with its facts and officers.
    const escalation = { id: await escalated(core, county) };
    const draft = await call(core, 'cases:draft-from-escalation', { escalationId: escalation.id }, token);
    expect(draft).toMatchObject({
      enterpriseId: enterprise.id,
      inspectionId: inspection.id,
      handlerIds,
      facts: expect.stringContaining('危化品仓库未设置可燃气体报警装置'),
    });

    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      escalationId: escalation.id,
      variations: ['statement-heard'],
    });
    expect(c).toMatchObject({
      stage: 'archived',
      archived: true,
      outcome: 'penalty',
      totalFine: 20000,
      paid: 20000,
      caseNo: '2026-0001',
    });
    // The case's documents are the case's: the inspection it came from lists only its own (issue 18).
    expect(c.inspectionId).toBe(inspection.id);
    const fromInspection = await call(
      core,
      'documents:list',
      { inspectionId: inspection.id, page: 1, pageSize: 50 },
      token,
    );
    expect(fromInspection.items.filter((d) => d.caseId !== null)).toEqual([]);
    expect((await call(core, 'documents:list', { caseId: c.id, page: 1, pageSize: 50 }, token)).total).toBeGreaterThan(
      0,
    );
    expect(c.deadlines.map((d) => [d.period, d.status])).toEqual([
      ['decision', 'met'],
      ['service', 'met'],
      ['publication', 'met'],
      ['payment', 'met'],
    ]);
    expect(c.deadlines[0]).toMatchObject({
      from: '2026-09-01',
      due: '2026-11-30',
      basis: '《中华人民共和国行政处罚法》第六十条',
      uncertain: true,
    });
    expect((await call(core, 'escalations:list', {}, token)).find((e) => e.id === escalation.id)?.status).toBe('taken');

    const notice = c.documents.find((d) => d.type === 'penalty-notice')!;
    const decision = c.documents.find((d) => d.type === 'penalty-decision-unit')!;
    expect([notice.numberText, decision.numberText]).toEqual(['宣应急罚告〔2026〕1号', '宣应急罚〔2026〕1号']);
    const noticeText = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: notice.id }, token))));
    expect(noticeText).toContain(
      '违反了《中华人民共和国安全生产法》第四十一条第二款的规定，依据《中华人民共和国安全生产法》第一百零二条的规定',
    );
    // 责令改正 is ordered beside the penalty, never worded as a kind of it (行政处罚法 第九条、第二十八条).
    expect(noticeText).toContain('作出罚款人民币贰万元整（¥20,000.00）的行政处罚，并责令你单位限期消除事故隐患。');
    expect(noticeText).toContain('可在收到本告知书之日起3日内向本机关进行陈述和申辩');
    expect(noticeText).not.toContain('听证');
    const decisionText = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: decision.id }, token))));
    expect(decisionText).toContain(`统一社会信用代码：${enterprise.uscc}`);
    expect(decisionText).toContain(
      '决定给予罚款人民币贰万元整（¥20,000.00）的行政处罚，并责令你单位限期消除事故隐患。',
    );
    expect(decisionText).not.toContain('责令限期消除事故隐患的行政处罚');
    expect(decisionText).toContain('你单位提出：已经购置报警装置，请求从轻处罚。经复核，不予采纳');
    expect(decisionText).toContain('罚款限你单位自收到本决定书之日起15日内缴至宣汉县农村信用合作联社');
    expect(decisionText).toContain('每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额');
    expect(decisionText).toContain(
      '可以依法在60日内向宣汉县人民政府申请行政复议，或者在6个月内依法向宣汉县人民法院提起行政诉讼',
    );

    // Archived: read-only, but later events are appended.
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          { id: c.id, event: { kind: 'payment', date: '2026-11-20', amount: 100 } },
          token,
        ),
      ),
    ).toEqual(['cases.rules.archived']);
    expect(issuesOf(await failure(core, 'documents:create', { type: 'penalty-notice', caseId: c.id }, token))).toEqual([
      'cases.rules.archived',
    ]);
    const borrowed = await call(
      core,
      'cases:record',
      {
        id: c.id,
        event: {
          kind: 'borrow',
          date: '2026-11-20',
          borrower: '市局评查组',
          purpose: '案卷评查',
          approvedBy: '陈局长',
        },
      },
      token,
    );
    expect(borrowed.events.at(-1)).toMatchObject({ data: { kind: 'borrow' }, enteredBy: '管理员' });
    // The enterprise's 一企一档 lists it.
    expect((await call(core, 'cases:list', { enterpriseId: enterprise.id }, token)).items.map((i) => i.id)).toEqual([
      c.id,
    ]);
    // The bound file's cover, 卷内目录 (decision first, then the procedure, closing last) and 备考表.
    const binder = pdfOf(await call(core, 'cases:binder', { id: c.id }, token));
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'case-binder.pdf'), binder);
    execFileSync('pdftoppm', ['-png', '-r', '70', path.join(OUT, 'case-binder.pdf'), path.join(OUT, 'case-binder')]);
    // Read as laid out, so each row of the 目录 comes as one line.
    const bound = flat(pdfText(binder, ['-layout']));
    let at = -1;
    for (const piece of [
      '安全生产行政执法案卷',
      `案件名称：${enterprise.name}`,
      '处罚决定书文号：宣应急罚〔2026〕',
      '保管期限：永久',
      '卷内目录',
      '1行政处罚决定书（单位）宣应急罚〔2026〕1号2026年9月8日1',
      '2立案审批表',
      '3行政处罚告知书',
      '当事人陈述申辩笔录',
      '案件处理呈批表',
      '结案审批表',
      '罚款缴纳凭证',
      '备考表',
      '本卷共有文件材料',
    ]) {
      const i = bound.indexOf(piece, at + 1);
      expect(i, `“${piece}” after ${at}`).toBeGreaterThan(at);
      at = i;
    }
    // A province's own order, imported by the admin: an unknown or repeated entry is refused, each named.
    const bundled = await call(core, 'knowledge:file-order', {}, token);
    const bad = await failure(
      core,
      'settings:update',
      { fileOrder: { ...bundled, order: ['penalty-decision-unit', 'no-such-paper', 'penalty-decision-unit'] } },
      token,
    );
    expect((bad.details as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ path: ['fileOrder', 'order', 1], key: 'settings.fileOrder.unknownKey' }),
      expect.objectContaining({ path: ['fileOrder', 'order', 2], key: 'settings.fileOrder.duplicate' }),
    ]);
    const saved = await call(
      core,
      'settings:update',
      {
        fileOrder: {
          ...bundled,
          source: '某省案卷排列顺序',
          order: ['approval:closing', ...bundled.order.filter((k) => k !== 'approval:closing')],
        },
      },
      token,
    );
    expect(saved.fileOrder?.source).toBe('某省案卷排列顺序');
    expect(flat(pdfText(pdfOf(await call(core, 'cases:binder', { id: c.id }, token)), ['-layout']))).toContain(
      '1结案审批表',
    );
  });

  it('flags a decision served late and a publication after 7 working days, naming the rule', async () => {
    const { enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['late-service', 'late-publication', 'statement-waived'],
    });
    const byPeriod = Object.fromEntries(c.deadlines.map((d) => [d.period, d]));
    // Decided Tue 8 Sep; 7 working days → Thu 17 Sep; served Tue 22 Sep.
    expect(byPeriod.service).toMatchObject({
      from: '2026-09-08',
      due: '2026-09-17',
      metOn: '2026-09-22',
      status: 'late',
      basis: '《中华人民共和国行政处罚法》第六十一条、第八十五条',
    });
    expect(byPeriod.publication).toMatchObject({
      due: '2026-09-17',
      metOn: '2026-09-23',
      status: 'late',
      basis: '《中华人民共和国安全生产法》第七十八条',
    });
  });

  it('computes the 3% surcharge on a late payment, capped at the fine', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['late-payment', 'statement-waived'],
      stopAt: 'closed',
    });
    // Served Tue 8 Sep; 15 days → Wed 23 Sep; paid Mon 28 Sep: 5 days × 3% × 20,000.
    expect(c.surcharges).toEqual([
      { party: 'unit', partyName: null, due: '2026-09-23', days: 5, amount: 3000, paused: false },
    ]);
    expect(c.deadlines.find((d) => d.period === 'payment')).toMatchObject({ status: 'late', metOn: '2026-09-28' });
    // The 结案审批表 names the payer and tells the fine from the 加处罚款 the payment also covered.
    const closing = flat(
      pdfText(pdfOf(await call(core, 'cases:approval-form', { id: c.id, stage: 'closing' }, token))),
    );
    expect(closing).toContain('2026年9月28日宣汉县东林化工有限公司缴纳罚款20,000.00元');
  });

  it('prints a payment of the fine and its 加处罚款 as the two, on the 结案审批表', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived'],
      stopAt: 'decided',
    });
    await call(
      core,
      'cases:record',
      { id: c.id, event: { kind: 'payment', date: '2026-11-20', amount: 23000 } },
      token,
    );
    const closing = flat(
      pdfText(pdfOf(await call(core, 'cases:approval-form', { id: c.id, stage: 'closing' }, token))),
    );
    expect(closing).toContain('2026年11月20日宣汉县东林化工有限公司缴纳罚款20,000.00元、加处罚款3,000.00元');
    expect(closing).not.toContain('缴纳罚款23,000.00元');
  });
});

describe('the procedure refuses steps out of order, naming the rule', () => {
  it('needs 立案 before 呈批, 呈批 before the 告知书, a served notice and the statement period before the decision', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await call(
      core,
      'cases:create',
      {
        enterpriseId: enterprise.id,
        source: 'complaint',
        cause: '涉嫌未采取措施消除事故隐患案',
        violationDate: '2026-11-01',
        handlerIds,
      },
      token,
    );
    expect(c.stage).toBe('filing');
    expect(
      issuesOf(
        await failure(
          core,
          'cases:save-disposal',
          { id: c.id, version: c.version, outcome: 'penalty', violations: [violation()] },
          token,
        ),
      ),
    ).toEqual(['cases.rules.notFiled']);
    expect(
      issuesOf(
        await failure(
          core,
          'cases:create',
          {
            enterpriseId: enterprise.id,
            source: 'complaint',
            cause: 'x',
            violationDate: '2026-11-01',
            handlerIds: [handlerIds[0], handlerIds[0]],
          },
          token,
        ),
      ),
    ).toEqual(['cases.rules.twoHandlers']);
    // Each row in its turn: the 审核 waits for two 承办人, the 审批 for the 审核, and none is dated before the row above.
    const rec = (event: object) => recordOn(core, c.id, event, token);
    const refused = (event: object) => refusalOf(core, c.id, event, token).then(issuesOf);
    expect(
      await refused({ kind: 'approval', stage: 'filing', role: 'review', name: '赵审核', date: '2026-11-04' }),
    ).toEqual(['cases.rules.approvalHandlers']);
    await rec({ kind: 'approval', stage: 'filing', role: 'handler', name: '张明', date: '2026-11-02' });
    expect(
      await refused({ kind: 'approval', stage: 'filing', role: 'review', name: '赵审核', date: '2026-11-04' }),
    ).toEqual(['cases.rules.approvalHandlers']);
    await rec({ kind: 'approval', stage: 'filing', role: 'handler', name: '李华', date: '2026-11-02' });
    expect(
      await refused({ kind: 'approval', stage: 'filing', role: 'approve', name: '陈局长', date: '2026-11-04' }),
    ).toEqual(['cases.rules.approvalReview']);
    let k = await rec({ kind: 'approval', stage: 'filing', role: 'review', name: '赵审核', date: '2026-11-04' });
    // The 承办人 sign before the 审核: a third 承办人 row after it would never count, so it is refused.
    expect(
      await refused({ kind: 'approval', stage: 'filing', role: 'handler', name: '王芳', date: '2026-11-04' }),
    ).toEqual(['cases.rules.signAfterReview']);
    const signedEarly = await refusalOf(
      core,
      c.id,
      { kind: 'approval', stage: 'filing', role: 'approve', name: '陈局长', date: '2026-11-03' },
      token,
    );
    expect(signedEarly).toMatchObject({
      details: { issues: [{ path: ['event', 'date'], key: 'cases.rules.signBefore', params: { date: '2026-11-04' } }] },
    });
    expect(k.stage).toBe('filing');
    // A row entered wrongly is retracted and signed again.
    const retracted = await rec({
      kind: 'retract',
      date: '2026-11-04',
      eventId: k.events.at(-1)!.id,
      reason: '日期登记错误',
    });
    expect(retracted.events.at(-2)?.retracted).toEqual({ reason: '日期登记错误', by: '管理员' });
    await rec({ kind: 'approval', stage: 'filing', role: 'review', name: '赵审核', date: '2026-11-04' });
    k = await rec({ kind: 'approval', stage: 'filing', role: 'approve', name: '陈局长', date: '2026-11-04' });
    expect(k).toMatchObject({ stage: 'investigation', filedOn: '2026-11-04' });
    expect(
      issuesOf(
        await failure(
          core,
          'cases:sign',
          {
            id: c.id,
            sign: { stage: 'filing', role: 'approve', name: '陈局长', date: '2026-11-05' },
          },
          token,
        ),
      ),
    ).toEqual(['cases.rules.alreadyApproved']);

    // The amount: above the statutory maximum of 第一百零二条.
    const bad = await failure(
      core,
      'cases:save-disposal',
      { id: c.id, version: k.version, outcome: 'penalty', violations: [violation({ fine: 60000 })] },
      token,
    );
    expect(issuesOf(bad)).toEqual(['cases.rules.aboveStatutoryMax']);
    k = await call(
      core,
      'cases:save-disposal',
      { id: c.id, version: k.version, outcome: 'penalty', violations: [violation()] },
      token,
    );
    expect(k.violations[0].penaltyProvision).toBe('《中华人民共和国安全生产法》第一百零二条');
    const notice = await call(core, 'documents:create', { type: 'penalty-notice', caseId: c.id }, token);
    expect(
      issuesOf(await failure(core, 'documents:issue', { id: notice.id, version: notice.version }, token)),
    ).toContain('cases.rules.disposalNotApproved');
    for (const [role, name] of [
      ['handler', '张明'],
      ['handler', '李华'],
      ['review', '赵审核'],
      ['approve', '陈局长'],
    ]) {
      k = await rec({ kind: 'approval', stage: 'disposal', role, name, date: '2026-11-10' });
    }
    expect(k.stage).toBe('notice');
    // Approved content is not edited afterwards.
    expect(
      issuesOf(
        await failure(
          core,
          'cases:save-disposal',
          { id: c.id, version: k.version, outcome: 'penalty', violations: [violation({ fine: 10000 })] },
          token,
        ),
      ),
    ).toEqual(['cases.rules.disposalApproved']);
    const fresh = await call(core, 'documents:get', { id: notice.id }, token);
    const dated = await call(
      core,
      'documents:save',
      { id: fresh.id, version: fresh.version, fields: { ...fresh.fields, date: '2026-11-18' } },
      token,
    );
    const issuedNotice = await call(core, 'documents:issue', { id: dated.id, version: dated.version }, token);
    // Served neither before the day the notice bears nor on a day still to come.
    const serveOn = (servedAt: string) =>
      failure(
        core,
        'documents:serve',
        { id: issuedNotice.id, service: { method: 'direct', servedAt, recipient: '王明', officerIds: handlerIds } },
        token,
      );
    expect(issuesOf(await serveOn('2026-11-17T10:00'))).toEqual(['documents.rules.servedBeforeDate']);
    expect(issuesOf(await serveOn('2026-11-23T10:00'))).toEqual(['documents.rules.servedInFuture']);
    const decision = await call(core, 'documents:create', { type: 'penalty-decision-unit', caseId: c.id }, token);
    const saved = await call(
      core,
      'documents:save',
      {
        id: decision.id,
        version: decision.version,
        fields: { ...decision.fields, paymentPlace: '宣汉县农村信用合作联社', date: '2026-11-20' },
      },
      token,
    );
    expect(issuesOf(await failure(core, 'documents:issue', { id: saved.id, version: saved.version }, token))).toContain(
      'cases.rules.noticeNotServed',
    );
    await call(
      core,
      'documents:serve',
      {
        id: issuedNotice.id,
        service: { method: 'direct', servedAt: '2026-11-19T10:00', recipient: '王明', officerIds: handlerIds },
      },
      token,
    );
    // Served Thu 19 Nov: 3 working days to state and defend → Tue 24 Nov; a decision on the 20th is too early.
    expect(await failure(core, 'documents:issue', { id: saved.id, version: saved.version }, token)).toMatchObject({
      details: { issues: [{ key: 'cases.rules.statementPeriodRunning', params: { until: '2026-11-24' } }] },
    });
    // A statement heard: the decision may follow, never heavier than the notice (第四十五条) — nor other than the
    // approved 呈批: a fine typed over it is replaced by the record's (issue 16).
    await rec({ kind: 'statement', date: '2026-11-20', content: '请求从轻', adopted: false });
    const heavier = await call(
      core,
      'documents:save',
      { id: saved.id, version: saved.version, fields: { ...saved.fields, totalFine: 30000 } },
      token,
    );
    expect(heavier.fields.totalFine).toBe(20000);
    // The statement and its 复核 are stated as recorded.
    expect(heavier.fields.statementSummary).toBe('你单位提出：请求从轻。经复核，不予采纳。');
    // Dated before the notice was served: refused, whatever was heard.
    const early = await call(
      core,
      'documents:save',
      { id: heavier.id, version: heavier.version, fields: { ...heavier.fields, totalFine: 20000, date: '2026-11-18' } },
      token,
    );
    expect(issuesOf(await failure(core, 'documents:issue', { id: early.id, version: early.version }, token))).toEqual([
      'cases.rules.beforeNoticeServed',
    ]);
    const right = await call(
      core,
      'documents:save',
      { id: early.id, version: early.version, fields: { ...early.fields, date: '2026-11-20' } },
      token,
    );
    await call(core, 'documents:issue', { id: right.id, version: right.version }, token);
    k = await call(core, 'cases:get', { id: c.id }, token);
    // What the decision relied on cannot be taken back afterwards.
    const approvalId = k.events.find(
      (e) => e.data.kind === 'approval' && e.data.stage === 'disposal' && e.data.role === 'approve',
    )!.id;
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          { id: c.id, event: { kind: 'retract', date: '2026-11-21', eventId: approvalId, reason: '误登' } },
          token,
        ),
      ),
    ).toEqual(['cases.rules.retractTooLate']);
    expect(k.stage).toBe('execution');
    expect(
      issuesOf(
        await failure(
          core,
          'cases:sign',
          {
            id: c.id,
            sign: { stage: 'closing', role: 'approve', name: '陈局长', date: '2026-11-21' },
          },
          token,
        ),
      ),
    ).toEqual(['cases.rules.decisionNotServed', 'cases.rules.notPaid', 'cases.rules.publicationMissing']);
    void generate;
  });

  it('requires a passing 法制审核 by the legal reviewer and a 集体讨论 for a large fine', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const reviewer = await addUser(core, token, 'fzsh', 'reviewer');
    await expect(
      generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-09-01', variations: ['large-fine'] }),
    ).rejects.toThrow(/reviewer session/);
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['large-fine', 'statement-waived'],
      reviewerToken: reviewer,
      stopAt: 'decided',
    });
    expect(c.triggers).toEqual({ hearing: true, legalReview: ['large-fine'], collectiveDiscussion: true });
    expect(c.events.map((e) => e.data.kind)).toContain('legal-review');
    // The notice told the party of the hearing right (4万 ≥ 3万 for a unit).
    const notice = c.documents.find((d) => d.type === 'penalty-notice')!;
    expect(notice.fields.hearingRights).toBe(true);
    // A clerk cannot write the legal reviewer's opinion, by either channel.
    const clerk = await addUser(core, token, 'bayy', 'clerk');
    expect(
      (
        await failure(
          core,
          'cases:legal-review',
          { id: c.id, review: { date: '2026-09-05', name: '张明', result: 'pass', opinion: '通过' } },
          clerk,
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          core,
          'cases:record',
          {
            id: c.id,
            event: { kind: 'legal-review', date: '2026-09-05', name: '张明', result: 'pass', opinion: '通过' },
          },
          clerk,
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a penalty in place of a pending transfer (涉嫌犯罪), closes on the police accepting it', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      stopAt: 'filed',
      suspectedCrime: true,
    });
    // 呈批 to fine is refused while the transfer is pending (国务院令第310号 第十一条).
    const fined = await failure(
      core,
      'cases:save-disposal',
      { id: c.id, version: c.version, outcome: 'penalty', violations: [violation()] },
      token,
    );
    expect(issuesOf(fined)).toEqual(['cases.rules.transferFirst']);
    // The whole transfer path: 呈批 to transfer (the report Fri 9 Oct, approved Mon 12 Oct), letter the same day, police answer 14 Oct.
    const t = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      variations: ['transfer-accepted'],
    });
    expect(t).toMatchObject({ stage: 'archived', outcome: 'transfer' });
    expect(t.deadlines.map((d) => [d.period, d.status])).toEqual([
      ['transfer-approval', 'met'],
      ['transfer-send', 'met'],
      ['transfer-answer', 'met'],
    ]);
    const letter = t.documents.find((d) => d.type === 'transfer-letter')!;
    const text = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: letter.id }, token))));
    for (const s of [
      '宣汉县公安局：',
      '涉嫌构成危险作业罪',
      '涉嫌犯罪案件情况的调查报告',
      '《行政执法机关移送涉嫌犯罪案件的规定》第三条',
      '案件材料清单',
    ])
      expect(text).toContain(s);
    // Before 结案, a fine-only decision cannot be issued once the police took the case either.
    const open = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      variations: ['transfer-accepted'],
      stopAt: 'decided',
    });
    expect(open.stage).toBe('closing');
    const d = await call(core, 'documents:create', { type: 'penalty-decision-unit', caseId: open.id }, token);
    const s = await call(
      core,
      'documents:save',
      {
        id: d.id,
        version: d.version,
        fields: { ...d.fields, paymentPlace: '宣汉县农村信用合作联社', date: '2026-10-20' },
      },
      token,
    );
    expect(issuesOf(await failure(core, 'documents:issue', { id: s.id, version: s.version }, token))).toEqual(
      expect.arrayContaining(['cases.rules.transferAccepted', 'cases.rules.outcomeNotPenalty']),
    );
  });

  it('takes a declined transfer back to a new 呈批 and an administrative penalty', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const reviewer = await addUser(core, token, 'fzsh', 'reviewer');
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['transfer-declined', 'statement-waived'],
      reviewerToken: reviewer,
    });
    expect(c).toMatchObject({ stage: 'archived', outcome: 'penalty' });
    expect(c.events.filter((e) => e.data.kind === 'approval' && e.data.stage === 'disposal')).toHaveLength(8);
    expect(c.documents.map((d) => d.type)).toEqual([
      'transfer-letter',
      'penalty-notice',
      'penalty-decision-unit',
      'service-receipt',
    ]);
  });

  it('keeps the transfer behind its letter, and a new 呈批 after a decline dated after it', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    // The 呈批 to transfer approved Fri 4 Sep; the letter goes the same day.
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['transfer-declined'],
      stopAt: 'approved',
    });
    const draft = await call(core, 'documents:create', { type: 'transfer-letter', caseId: c.id }, token);
    const filled = await call(
      core,
      'documents:save',
      {
        id: draft.id,
        version: draft.version,
        fields: {
          ...draft.fields,
          date: '2026-09-04',
          crime: '危险作业罪',
          suspects: '王明（总经理）',
          materials: (draft.fields.materials as { name: string }[]).map((m) => ({ ...m, items: 1, pages: 3 })),
        },
      },
      token,
    );
    const letter = await call(core, 'documents:issue', { id: filled.id, version: filled.version }, token);
    await call(
      core,
      'documents:serve',
      {
        id: letter.id,
        service: {
          method: 'direct',
          servedAt: '2026-09-04T16:00',
          recipient: '值班民警',
          place: '宣汉县公安局',
          officerIds: handlerIds,
        },
      },
      token,
    );
    const rec = (event: object) => recordOn(core, c.id, event, token);
    const approveSign = c.events.findLast((e) => e.data.kind === 'approval')!;
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          { id: c.id, event: { kind: 'retract', date: '2026-09-05', eventId: approveSign.id, reason: '误登记' } },
          token,
        ),
      ),
    ).toEqual(['cases.rules.retractTooLate']);
    let k = await rec({
      kind: 'transfer-answer',
      date: '2026-09-07',
      organ: '宣汉县公安局',
      result: 'declined',
      note: '不予立案',
    });
    expect(k.stage).toBe('disposal');
    k = await call(
      core,
      'cases:save-disposal',
      { id: c.id, version: k.version, outcome: 'penalty', violations: [violation()] },
      token,
    );
    // Signed "on" Sat 5 Sep, before the answer of Mon 7 Sep: not an approval of the new 呈批, refused at entry.
    for (const [role, name] of [
      ['handler', '张明'],
      ['review', '赵审核'],
      ['approve', '陈局长'],
    ])
      expect(
        await refusalOf(core, c.id, { kind: 'approval', stage: 'disposal', role, name, date: '2026-09-05' }, token),
      ).toMatchObject({ details: { issues: [{ key: 'cases.rules.signBefore', params: { date: '2026-09-07' } }] } });
    for (const [role, name] of [
      ['handler', '张明'],
      ['handler', '李华'],
      ['review', '赵审核'],
      ['approve', '陈局长'],
    ])
      k = await rec({ kind: 'approval', stage: 'disposal', role, name, date: '2026-09-08' });
    expect(k.stage).toBe('notice');
  });

  it('closes and archives a 首违不罚 case without a decision', async () => {
    const { enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      variations: ['no-penalty'],
    });
    expect(c).toMatchObject({ stage: 'archived', outcome: 'no-penalty', totalFine: 0 });
    expect(c.documents).toEqual([]);
    expect(c.deadlines).toEqual([]);
  });

  it('records a decision revoked on 复议, and the 3-working-day withdrawal of its publication', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived'],
    });
    const rec = (event: object) => recordOn(core, c.id, event, token);
    await rec({ kind: 'remedy', date: '2026-10-30', remedy: 'review', organ: '宣汉县人民政府', outcome: 'pending' });
    let k: CaseDetail = await rec({
      kind: 'remedy',
      date: '2026-11-16',
      remedy: 'review',
      organ: '宣汉县人民政府',
      outcome: 'revoked',
      note: '复议决定撤销原处罚决定',
    });
    // Revoked Mon 16 Nov: withdraw within 3 working days → Thu 19 Nov; not yet done on the 22nd.
    expect(k.deadlines.find((d) => d.period === 'publication-withdrawal')).toMatchObject({
      due: '2026-11-19',
      status: 'overdue',
    });
    k = await rec({ kind: 'publication-withdrawn', date: '2026-11-20', where: '宣汉县人民政府网站' });
    expect(k.deadlines.find((d) => d.period === 'publication-withdrawal')).toMatchObject({
      status: 'late',
      metOn: '2026-11-20',
    });
    expect(k.stage).toBe('archived');
  });
});

describe('the workbench lists case deadlines by urgency', () => {
  it('shows an overdue decision to its handler and the squad to a supervisor', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    // Filed under the 2015 办法's 30 days (January): overdue by now; filed 16 Nov: due in 90 days, not urgent.
    await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-01-05', stopAt: 'approved' });
    await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-11-16', stopAt: 'filed' });
    const mine = await call(core, 'cases:deadlines', { scope: 'mine' }, token);
    expect(mine).toEqual([
      expect.objectContaining({
        urgency: 'overdue',
        deadline: expect.objectContaining({ period: 'decision', due: '2026-02-04', uncertain: false }),
      }),
    ]);
    const clerk = await addUser(core, token, 'clerk2', 'clerk');
    expect(await call(core, 'cases:deadlines', { scope: 'mine' }, clerk)).toEqual([]);
    expect((await failure(core, 'cases:deadlines', { scope: 'all' }, clerk)).code).toBe('FORBIDDEN');
    const supervisor = await addUser(core, token, 'boss', 'supervisor');
    expect(await call(core, 'cases:deadlines', { scope: 'all' }, supervisor)).toHaveLength(1);
  });
});

describe('the hearing, the summary procedure and persons fined beside the unit', () => {
  it('holds a hearing: notice 7 working days ahead, a chair who did not investigate, a new 法制审核 after it', async () => {
    const { token, enterprise, handlerIds, officers, generate } = await ready();
    const reviewer = await addUser(core, token, 'fzsh', 'reviewer');
    // Filed Tue 1 Sep; notice 6 Sep; hearing asked 7 Sep; 听证会通知书 served Wed 9 Sep for Thu 24 Sep.
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['hearing'],
      reviewerToken: reviewer,
      stopAt: 'noticed',
    });
    expect(c.stage).toBe('hearing');
    // Seven whole working days between service and Thu 24 Sep, Sun 20 Sep being a 调休 working day: 23, 22, 21, 20, 18, 17, 16
    // → served by Tue 15 Sep.
    expect(c.deadlines.find((d) => d.period === 'hearing-notice')).toMatchObject({
      due: '2026-09-15',
      metOn: '2026-09-09',
      status: 'met',
    });
    const rec = (event: object) => refusalOf(core, c.id, event, token);
    const held = { kind: 'hearing', date: '2026-09-24', chair: '李法制', attended: true };
    expect(issuesOf(await rec({ ...held, chair: officers[0].name }))).toEqual(['cases.rules.chairIsInvestigator']);
    expect(issuesOf(await rec({ ...held, date: '2026-09-23' }))).toEqual(['cases.rules.hearingNotOnNoticeDay']);
    expect(issuesOf(await rec({ ...held, chair: '王主持' }))).toEqual(['cases.rules.chairNotOnNotice']);
    // The request the notice answered cannot be taken back to skip the hearing.
    const request = c.events.find((e) => e.data.kind === 'hearing-request')!;
    expect(issuesOf(await rec({ kind: 'retract', date: '2026-09-10', eventId: request.id, reason: '误登记' }))).toEqual(
      ['cases.rules.retractTooLate'],
    );
    // A second notice for a hearing five days off is too late, and an investigator cannot chair it.
    const late = await call(core, 'documents:create', { type: 'hearing-meeting-notice', caseId: c.id }, token);
    const lateSaved = await call(
      core,
      'documents:save',
      {
        id: late.id,
        version: late.version,
        fields: { ...late.fields, date: '2026-09-09', hearingDate: '2026-09-14', chair: officers[1].name },
      },
      token,
    );
    expect(
      issuesOf(await failure(core, 'documents:issue', { id: lateSaved.id, version: lateSaved.version }, token)).sort(),
    ).toEqual(['cases.rules.chairIsInvestigator', 'cases.rules.hearingNoticeLate']);
    // Before the hearing the decision waits; after it, it waits for a new passing 法制审核.
    const draft = await call(core, 'documents:create', { type: 'penalty-decision-unit', caseId: c.id }, token);
    const tryDecide = async (date: string) => {
      const d = await call(core, 'documents:get', { id: draft.id }, token);
      const s = await call(
        core,
        'documents:save',
        { id: d.id, version: d.version, fields: { ...d.fields, paymentPlace: '宣汉县农村信用合作联社', date } },
        token,
      );
      return issuesOf(await failure(core, 'documents:issue', { id: s.id, version: s.version }, token));
    };
    expect(await tryDecide('2026-09-22')).toContain('cases.rules.hearingPending');
    // A 听证笔录 only for a hearing recorded as held, by its chair.
    const minutes = await call(core, 'documents:create', { type: 'hearing-record', caseId: c.id }, token);
    expect(minutes.fields).toMatchObject({
      startedAt: '2026-09-24T09:00',
      chair: '李法制',
      clerk: '孙记录',
      attendees: [{ name: '王明', role: '法定代表人' }],
    });
    expect((minutes.fields.proceedings as { speaker: string; words: string }[])[1]).toMatchObject({
      speaker: '调查人员',
      words: expect.stringContaining('建议给予罚款人民币肆万元整'),
    });
    const minutesSaved = await call(
      core,
      'documents:save',
      {
        id: minutes.id,
        version: minutes.version,
        fields: {
          ...minutes.fields,
          endedAt: '2026-09-24T10:30',
          proceedings: [
            ...(minutes.fields.proceedings as object[]),
            { speaker: '当事人王明', words: '报警装置已安装，请求从轻处罚。' },
          ],
        },
      },
      token,
    );
    expect(
      issuesOf(await failure(core, 'documents:issue', { id: minutesSaved.id, version: minutesSaved.version }, token)),
    ).toEqual(['documents.rules.hearingNotHeld']);
    await call(core, 'cases:record', { id: c.id, event: held as never }, token);
    expect(await tryDecide('2026-09-25')).toEqual([
      'cases.rules.hearingRecordMissing',
      'cases.rules.legalReviewAfterHearing',
    ]);
    await call(core, 'documents:issue', { id: minutesSaved.id, version: minutesSaved.version }, token);
    expect(await tryDecide('2026-09-25')).toEqual([
      'cases.rules.hearingReportMissing',
      'cases.rules.legalReviewAfterHearing',
    ]);
    // The report starts from the record: the investigators' case and the party's defence.
    const report = await call(core, 'documents:create', { type: 'hearing-report', caseId: c.id }, token);
    expect(report.fields).toMatchObject({
      hearingDate: '2026-09-24',
      chair: '李法制',
      defence: '报警装置已安装，请求从轻处罚。',
    });
    const reportSaved = await call(
      core,
      'documents:save',
      {
        id: report.id,
        version: report.version,
        fields: { ...report.fields, date: '2026-09-24', findings: '事实清楚。', opinion: '建议维持原处罚意见。' },
      },
      token,
    );
    await call(core, 'documents:issue', { id: reportSaved.id, version: reportSaved.version }, token);
    expect(await tryDecide('2026-09-25')).toEqual(['cases.rules.legalReviewAfterHearing']);
    // The generator's whole hearing case reaches 归档 and says in the decision that the hearing was held.
    const full = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['hearing'],
      reviewerToken: reviewer,
    });
    expect(full.stage).toBe('archived');
    expect(full.triggers.legalReview).toEqual(expect.arrayContaining(['hearing', 'large-fine']));
    const decision = full.documents.find((d) => d.type === 'penalty-decision-unit')!;
    const decisionText = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: decision.id }, token))));
    expect(decisionText).toContain('本机关于2026年9月24日依法举行了听证');
    // Heard at the hearing, the party did state a defence: the decision never says it raised none.
    expect(decisionText).not.toContain('未提出陈述、申辩');
    const record = flat(
      pdfText(
        pdfOf(
          await call(core, 'documents:pdf', { id: full.documents.find((d) => d.type === 'hearing-record')!.id }, token),
        ),
      ),
    );
    for (const piece of [
      '听证笔录',
      '听证时间：2026年9月24日9时00分至10时30分',
      '主持人：李法制',
      '记录员：孙记录',
      '周律师',
      '调查人员：',
      '委托代理人周律师：',
      '主持人（签名）',
    ])
      expect(record).toContain(piece);
  });

  it('decides on the spot on a pre-numbered form, within the cap, never reusing a number', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-02',
      variations: ['summary'],
      formNo: '0001234',
    });
    expect(c).toMatchObject({ stage: 'archived', procedure: 'summary', totalFine: 2000 });
    expect(c.documents.map((d) => [d.type, d.numberText])).toEqual([
      ['summary-penalty-unit', '0001234'],
      ['service-receipt', '宣应急回〔2026〕1号'],
    ]);
    // No 立案 or decision period, no publication: served on the spot, filed with the agency (备案, 5 days, 待核实), paid within 15 days.
    expect(c.deadlines.map((d) => [d.period, d.status])).toEqual([
      ['service', 'met'],
      ['summary-filing', 'met'],
      ['payment', 'met'],
    ]);
    // 5 days from Mon 2 Nov end on Sat 7 Nov, a rest day: due Mon 9 Nov.
    expect(c.deadlines.find((d) => d.period === 'summary-filing')).toMatchObject({
      from: '2026-11-02',
      due: '2026-11-09',
      metOn: '2026-11-03',
      uncertain: true,
    });
    const text = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: c.documents[0].id }, token))));
    for (const s of [
      'No.0001234',
      '行政（当场）处罚决定书（单位）',
      '《中华人民共和国行政处罚法》第五十一条',
      '人民币贰仟元整',
      '当场缴纳',
      // 行政处罚法 第五十二条: where the decision was made is printed, not only collected.
      '处罚地点：液氨储罐区现场',
      '执法人员（签名）',
    ])
      expect(text).toContain(s);
    // The same printed number cannot be used again, and 立案 approvals do not apply.
    const again = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-02',
      variations: ['summary'],
      formNo: '0001234',
    }).then(
      () => null,
      (e: GeneratorError) => e.error as { details: unknown },
    );
    expect(issuesOf(again ?? {})).toEqual(['documents.rules.formNoUsed']);
    // Asked before 签发 is confirmed, the check says so too, rather than proposing no number (issue 18).
    const { items: drafts } = await call(
      core,
      'documents:list',
      { type: 'summary-penalty-unit', status: 'draft', page: 1, pageSize: 5 },
      token,
    );
    expect(await call(core, 'documents:check', { id: drafts[0].id }, token)).toMatchObject({
      number: null,
      issues: [{ key: 'documents.rules.formNoUsed' }],
    });
    const s = await call(
      core,
      'cases:create',
      {
        enterpriseId: enterprise.id,
        source: 'inspection',
        cause: '未设置安全警示标志案',
        violationDate: '2026-11-20',
        handlerIds,
        procedure: 'summary',
      },
      token,
    );
    expect(
      issuesOf(
        await failure(
          core,
          'cases:sign',
          { id: s.id, sign: { stage: 'filing', role: 'handler', name: '张', date: '2026-11-20' } },
          token,
        ),
      ),
    ).toEqual(['cases.rules.summaryProcedure']);
    // 备案 is of a decision made on the spot: none here yet.
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          { id: s.id, event: { kind: 'summary-filed', date: '2026-11-20', filedWith: '赵审核' } },
          token,
        ),
      ),
    ).toEqual(['cases.rules.noSummaryDecision']);
    // Above the cap (3,000 元 for a unit) the summary form is refused.
    const big = await call(
      core,
      'cases:save-disposal',
      {
        id: s.id,
        version: s.version,
        outcome: 'penalty',
        violations: [violation({ penaltyItemId: 'aqsc-99-1', fine: 5000 })],
      },
      token,
    );
    const d = await call(core, 'documents:create', { type: 'summary-penalty-unit', caseId: big.id }, token);
    const saved = await call(
      core,
      'documents:save',
      {
        id: d.id,
        version: d.version,
        fields: {
          ...d.fields,
          formNo: '0001235',
          time: '10:30',
          paymentPlace: '宣汉县农村信用合作联社',
          date: '2026-11-20',
        },
      },
      token,
    );
    expect(issuesOf(await failure(core, 'documents:issue', { id: saved.id, version: saved.version }, token))).toEqual([
      'cases.rules.summaryLimit',
    ]);
  });

  it('changes an approved 呈批 only after the party was heard, only to a lighter penalty, and approves it anew', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-01', stopAt: 'noticed' });
    const save = (k: CaseDetail, fine: number, revisionReason?: string, measures = ['责令限期消除事故隐患']) => ({
      id: k.id,
      version: k.version,
      outcome: 'penalty' as const,
      violations: [{ ...k.violations[0], fine, measures }],
      revisionReason,
    });
    // Not heard yet: what the 负责人 approved stands.
    expect(c.disposalRevisable).toBe(false);
    expect(issuesOf(await failure(core, 'cases:save-disposal', save(c, 10000, '从轻'), token))).toEqual([
      'cases.rules.disposalApproved',
    ]);
    const served = c.documents.find((d) => d.type === 'penalty-notice')!.servedOn!;
    const heard = await call(
      core,
      'cases:record',
      {
        id: c.id,
        event: {
          kind: 'statement',
          date: served,
          content: '已购置报警装置并安装，请求从轻',
          adopted: true,
          reply: '已核实，予以采纳',
        },
      },
      token,
    );
    expect(heard.disposalRevisable).toBe(true);
    // Never heavier for having argued (第四十五条), and the change says why.
    expect(issuesOf(await failure(core, 'cases:save-disposal', save(heard, 25000, '加重'), token))).toEqual([
      'cases.rules.penaltyRaised',
    ]);
    expect(
      issuesOf(
        await failure(
          core,
          'cases:save-disposal',
          save(heard, 10000, '从轻', ['责令限期消除事故隐患', '停产停业整顿']),
          token,
        ),
      ),
    ).toEqual(['cases.rules.penaltyRaised']);
    expect(issuesOf(await failure(core, 'cases:save-disposal', save(heard, 10000), token))).toEqual([
      'cases.rules.revisionReasonRequired',
    ]);
    const changed = await call(
      core,
      'cases:save-disposal',
      save(heard, 10000, '当事人已主动消除隐患，依法从轻'),
      token,
    );
    expect(changed.totalFine).toBe(10000);
    // The old signatures are spent: a new 呈批, dated from the change on, before the decision.
    expect(changed.events.at(-1)?.data).toMatchObject({
      kind: 'disposal-revised',
      reason: '当事人已主动消除隐患，依法从轻',
    });
    expect(changed.stage).toBe('disposal');
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          {
            id: c.id,
            event: { kind: 'retract', date: '2026-11-22', eventId: changed.events.at(-1)!.id, reason: '误操作' },
          },
          token,
        ),
      ),
    ).toEqual(['cases.rules.retractTooLate']);
    let k = changed;
    for (const [role, name] of [
      ['handler', '张明'],
      ['handler', '李华'],
      ['review', '赵审核'],
      ['approve', '陈局长'],
    ] as const) {
      k = await call(
        core,
        'cases:sign',
        { id: c.id, sign: { stage: 'disposal', role, name, date: '2026-11-22' } },
        token,
      );
    }
    expect(k.stage).toBe('decision');
  });

  it('fines the 主要负责人 beside the unit: his own notice, decision (个人), payment and deadlines', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const reviewer = await addUser(core, token, 'fzsh', 'reviewer');
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['person-fined', 'statement-waived'],
      reviewerToken: reviewer,
    });
    expect(c).toMatchObject({ stage: 'archived', totalFine: 40000, paid: 40000 });
    expect(c.documents.map((d) => [d.type, d.fields.party])).toEqual([
      ['penalty-notice', 'unit'],
      ['penalty-notice', 0],
      ['penalty-decision-unit', 'unit'],
      ['penalty-decision-person', 0],
      // One 送达回执 per addressee, each listing what was served on it.
      ['service-receipt', 'unit'],
      ['service-receipt', 0],
    ]);
    const receipts = await Promise.all(
      c.documents
        .filter((d) => d.type === 'service-receipt')
        .map(async (d) => flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: d.id }, token))))),
    );
    expect(receipts[0]).toContain('受送达单位（个人）：宣汉县东林化工有限公司');
    expect(receipts[0]).toContain('行政处罚决定书（单位）');
    expect(receipts[0]).not.toContain('行政处罚决定书（个人）');
    expect(receipts[1]).toContain('受送达单位（个人）：王明');
    expect(receipts[1]).toContain('行政处罚决定书（个人）');
    expect(receipts[1]).not.toContain('行政处罚决定书（单位）');
    expect(c.deadlines.filter((d) => d.period === 'payment').map((d) => [d.partyName, d.status])).toEqual([
      [null, 'met'],
      ['王明', 'met'],
    ]);
    const person = c.documents.find((d) => d.type === 'penalty-decision-person')!;
    const text = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: person.id }, token))));
    for (const s of [
      '被处罚人：王明',
      '性别：男',
      '年龄：46',
      '身份证号：513722198001011234',
      '所在单位：',
      '第九十四条第一款',
      '人民币贰万元整',
      '罚款限你自收到本决定书之日起15日内',
    ])
      expect(text).toContain(s);
    // The person's notice speaks to him, with his own hearing right (2万 ≥ 1万 for a person).
    const notice = c.documents.find((d) => d.type === 'penalty-notice' && d.fields.party === 0)!;
    expect(notice.fields).toMatchObject({ partyName: '王明', totalFine: 20000, hearingRights: true });
    // What is published: the unit in full; the person by his surname, his 身份证号 cut down, for 2 years instead of 5.
    const published = await call(core, 'cases:publication', { id: c.id }, token);
    expect(published.map((p) => p.party)).toEqual(['unit', 0]);
    expect(published[0].values).toMatchObject({
      partyName: '宣汉县东林化工有限公司',
      creditCode: c.unit.code,
      decisionDate: '2026-09-08',
      fineWan: '2',
      category: '罚款',
      basis: '《中华人民共和国安全生产法》第一百零二条',
      agency: '宣汉县应急管理局',
      publicUntil: '2031-09-07',
    });
    expect(published[1].values).toMatchObject({
      partyName: '王*',
      idNumber: '5137**********1234',
      creditCode: '',
      fineWan: '2',
    });
    expect(JSON.stringify(published[1].values)).not.toContain('王明');
    expect(published[1].values.publicUntil).toBe('2028-09-07');
  });
});

describe('an unpaid fine', () => {
  it('opens the 3 months to ask the court when the time to sue has run out, after a 催告书 and 10 working days', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    // Decided and served Mon 9 Mar; 15 days to pay → Tue 24 Mar; nothing paid.
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-03-02',
      variations: ['statement-waived'],
      stopAt: 'decided',
    });
    expect(c.deadlines.find((d) => d.period === 'payment')).toMatchObject({ due: '2026-03-24', status: 'overdue' });
    // Time to sue: 6 months from service → Wed 9 Sep; the court may be asked until 9 Dec (a Wednesday).
    expect(c.deadlines.find((d) => d.period === 'enforcement-application')).toMatchObject({
      from: '2026-09-09',
      due: '2026-12-09',
      status: 'pending',
    });
    const rec = (event: object) => recordOn(core, c.id, event, token);
    const refused = (event: object) =>
      failure(core, 'cases:record', { id: c.id, event: event as never }, token).then(issuesOf);
    const apply = { kind: 'court-application', court: '宣汉县人民法院' };
    expect(await refused({ ...apply, date: '2026-09-08' })).toEqual([
      'cases.rules.courtTooEarly',
      'cases.rules.demandMissing',
    ]);
    // The 催告书: the unpaid fine, the surcharge reached (capped at the fine), 10 days to pay; served Mon 2 Nov.
    const draft = await call(core, 'documents:create', { type: 'enforcement-demand', caseId: c.id }, token);
    expect(draft.fields).toMatchObject({
      partyName: '宣汉县东林化工有限公司',
      decisionNumber: c.documents.find((d) => d.type === 'penalty-decision-unit')!.numberText,
      fine: 20000,
      surcharge: 20000,
    });
    const saved = await call(
      core,
      'documents:save',
      { id: draft.id, version: draft.version, fields: { ...draft.fields, date: '2026-11-02' } },
      token,
    );
    const demand = await call(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    const text = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: demand.id }, token))));
    for (const piece of [
      '行政强制执行事先催告书',
      '第五十四条',
      '罚款人民币贰万元整',
      '已加处罚款人民币贰万元整',
      '10日内履行',
      '有权进行陈述和申辩',
      '申请人民法院强制执行',
    ])
      expect(text).toContain(piece);
    await call(
      core,
      'documents:serve',
      {
        id: demand.id,
        service: {
          method: 'direct',
          servedAt: '2026-11-02T10:00',
          recipient: '王明',
          place: '企业办公室',
          officerIds: handlerIds,
        },
      },
      token,
    );
    // 10 working days after Mon 2 Nov → Mon 16 Nov.
    expect(await refused({ ...apply, date: '2026-11-16' })).toEqual(['cases.rules.demandWaitRunning']);
    const k = await rec({ ...apply, date: '2026-11-17' });
    expect(k.deadlines.find((d) => d.period === 'enforcement-application')).toMatchObject({
      status: 'met',
      metOn: '2026-11-17',
    });
  });

  it('falls due on the days a 延期（分期）缴纳罚款批准书 sets, instalment by instalment', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-01',
      variations: ['statement-waived'],
      stopAt: 'decided',
    });
    const draft = await call(
      core,
      'documents:create',
      { type: 'deferred-payment-approval-letter', caseId: c.id },
      token,
    );
    expect(draft.fields).toMatchObject({
      partyName: '宣汉县东林化工有限公司',
      fine: 20000,
      mode: '延期',
      approvedBy: '陈局长',
    });
    let version = draft.version;
    const attempt = async (fields: object) => {
      const saved = await call(
        core,
        'documents:save',
        { id: draft.id, version, fields: { ...draft.fields, ...fields } },
        token,
      );
      version = saved.version;
      return failure(core, 'documents:issue', { id: draft.id, version }, token).then(issuesOf);
    };
    // Applied for after the approval, instalments out of order and not adding up to the fine; one date for 分期.
    expect(
      await attempt({
        date: '2026-10-20',
        appliedOn: '2026-10-21',
        mode: '分期',
        instalments: [
          { until: '2026-12-15', amount: 10000 },
          { until: '2026-11-10', amount: 5000 },
        ],
      }),
    ).toEqual([
      'documents.rules.deferralBeforeApplication',
      'documents.rules.instalmentDateOrder',
      'documents.rules.instalmentSum',
    ]);
    expect(
      await attempt({
        date: '2026-10-20',
        appliedOn: '2026-10-19',
        mode: '分期',
        instalments: [{ until: '2026-12-15', amount: 20000 }],
      }),
    ).toEqual(['documents.rules.instalmentsTwo']);
    const saved = await call(
      core,
      'documents:save',
      {
        id: draft.id,
        version,
        fields: {
          ...draft.fields,
          date: '2026-10-20',
          appliedOn: '2026-10-19',
          mode: '分期',
          instalments: [
            { until: '2026-11-10', amount: 10000 },
            { until: '2026-12-15', amount: 10000 },
          ],
        },
      },
      token,
    );
    await call(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    // The first instalment is what falls due; unpaid on Tue 10 Nov, it is overdue by 22 Nov and the surcharge runs from the 11th.
    let k = await call(core, 'cases:get', { id: c.id }, token);
    expect(k.deadlines.find((d) => d.period === 'payment')).toMatchObject({ due: '2026-11-10', status: 'overdue' });
    expect(k.surcharges[0]).toMatchObject({ due: '2026-11-10', days: 12 });
    // Paid on time, the next instalment is the one due; no court application while the plan runs.
    const paid = await call(
      core,
      'cases:record',
      { id: c.id, event: { kind: 'payment', date: '2026-11-09', amount: 10000 } },
      token,
    );
    k = await call(core, 'cases:get', { id: paid.id }, token);
    expect(k.deadlines.find((d) => d.period === 'payment')).toMatchObject({ due: '2026-12-15', status: 'pending' });
    expect(k.surcharges[0]).toMatchObject({ days: 0, amount: 0 });
    expect(k.deadlines.some((d) => d.period === 'enforcement-application')).toBe(false);
  });
});

describe('fines measured by a fact of the case', () => {
  it('a share of the principal’s 上一年年收入 (第一百一十条), and 违法所得 with its confiscation (第一百零三条第一款)', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-11-02', stopAt: 'filed' });
    const principal = { name: '王明', idNumber: '', post: '主要负责人', address: '', phone: '' };
    const save = (violations: ViolationInput[]) =>
      failure(
        core,
        'cases:save-disposal',
        { id: c.id, version: c.version, outcome: 'penalty', persons: [principal], violations },
        token,
      );
    const fled = (over: Partial<ViolationInput>) =>
      violation({
        party: 0,
        facts: '事故发生后擅离职守',
        violatedProvision: '《中华人民共和国安全生产法》第八十三条第二款',
        penaltyItemId: 'aqsc-110-k1',
        ...over,
      });
    // No income recorded: the range cannot be known, and the field to fill is named.
    expect((await save([fled({ fine: 100000 })])).details).toMatchObject({
      issues: [{ path: ['violations', 0, 'income'], key: 'cases.rules.incomeRequired' }],
    });
    // 60%–100% of 200,000 元: 120,000 to 200,000.
    expect(issuesOf(await save([fled({ fine: 119999, income: 200000 })]))).toEqual(['cases.rules.belowStatutoryMin']);
    expect(issuesOf(await save([fled({ fine: 200001, income: 200000 })]))).toEqual(['cases.rules.aboveStatutoryMax']);
    const sublet = (over: Partial<ViolationInput>) =>
      violation({
        facts: '将仓库出租给不具备安全生产条件的个人',
        violatedProvision: '《中华人民共和国安全生产法》第四十九条第一款',
        penaltyItemId: 'aqsc-103-k1',
        measures: ['没收违法所得'],
        ...over,
      });
    // The gains must be established (0 when none), and confiscated when found.
    expect((await save([sublet({ fine: 150000, measures: [] })])).details).toMatchObject({
      issues: [{ path: ['violations', 0, 'gains'], key: 'cases.rules.gainsRequired' }],
    });
    expect(issuesOf(await save([sublet({ fine: 450000, gains: 150000, measures: ['责令限期改正'] })]))).toEqual([
      'cases.rules.confiscationRequired',
    ]);
    // 违法所得 of 150,000 元 (at least 100,000): two to five times it, 300,000 to 750,000; the fixed 10–20万 no longer.
    expect(issuesOf(await save([sublet({ fine: 200000, gains: 150000 })]))).toEqual(['cases.rules.belowStatutoryMin']);
    expect(issuesOf(await save([sublet({ fine: 750001, gains: 150000 })]))).toEqual(['cases.rules.aboveStatutoryMax']);
    // Below the threshold the fixed range applies.
    expect(issuesOf(await save([sublet({ fine: 250000, gains: 50000 })]))).toEqual(['cases.rules.aboveStatutoryMax']);
    const saved = await call(
      core,
      'cases:save-disposal',
      {
        id: c.id,
        version: c.version,
        outcome: 'penalty',
        persons: [principal],
        violations: [
          sublet({ fine: 450000, gains: 150000, basisEvidence: '租赁合同及收款凭证' }),
          fled({ fine: 150000, income: 200000, basisEvidence: '个人所得税纳税记录' }),
        ],
      },
      token,
    );
    expect(saved.violations.map((v) => [v.gains, v.income, v.basisEvidence])).toEqual([
      [150000, null, '租赁合同及收款凭证'],
      [null, 200000, '个人所得税纳税记录'],
    ]);
  });
});

describe('citations on the 告知书', () => {
  it('are those of the 呈批: typed over, they are replaced; the 呈批 cites the article and a law by its full name', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-11-02', stopAt: 'approved' });
    const draft = await call(core, 'documents:create', { type: 'penalty-notice', caseId: c.id }, token);
    const fields = draft.fields as { violations: Record<string, string>[] };
    const recorded = fields.violations[0];
    const saved = await call(
      core,
      'documents:save',
      {
        id: draft.id,
        version: draft.version,
        fields: {
          ...fields,
          date: '2026-11-20',
          violations: [
            { ...recorded, violatedProvision: '《安全生产法》', penaltyProvision: '《中华人民共和国安全生产法》' },
          ],
        },
      },
      token,
    );
    expect(saved.fields.violations).toEqual([recorded]);
    // At the source: a 呈批 citing without the article, or a law by its short name, is refused naming the row.
    const filed = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-11-02', stopAt: 'filed' });
    const refused = await failure(
      core,
      'cases:save-disposal',
      {
        id: filed.id,
        version: filed.version,
        outcome: 'penalty',
        persons: [],
        violations: [
          {
            party: 'unit',
            facts: '危化品仓库未设置可燃气体报警装置',
            violatedProvision: '《安全生产法》',
            penaltyItemId: 'aqsc-102',
            stage: 'first',
            circumstanceIds: [],
            tier: 'general',
            reasoning: '一般情节',
            fine: 20000,
          },
        ],
      },
      token,
    );
    expect((refused.details as { issues: unknown[] }).issues).toEqual(
      expect.arrayContaining([
        { path: ['violations', 0, 'violatedProvision'], key: 'documents.rules.citationArticle' },
        {
          path: ['violations', 0, 'violatedProvision'],
          key: 'documents.rules.lawShortName',
          params: { name: '《安全生产法》' },
        },
      ]),
    );
  });
});

describe('the evidence of a case from an inspection', () => {
  it("lists the inspection's 现场检查记录 first among the records of the facts", async () => {
    const county = await ready();
    const { token, enterprise, inspection, handlerIds, generate } = county;
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-21',
      escalationId: await escalated(core, county),
      stopAt: 'filed',
    });
    const list = await call(core, 'documents:create', { type: 'evidence-list', caseId: c.id }, token);
    expect(list.fields.items).toEqual([
      expect.objectContaining({
        kind: '勘验笔录、现场笔录',
        name: `现场检查记录（${inspection.startedAt.slice(0, 4)}年${Number(inspection.startedAt.slice(5, 7))}月${Number(inspection.startedAt.slice(8, 10))}日检查）`,
        collectedOn: inspection.startedAt.slice(0, 10),
      }),
    ]);
  });
});

describe('the case file (案卷)', () => {
  it('lists the 整改复查意见书 that proves the hazard was not put right, and every decision number on the cover', async () => {
    const county = await ready(new Date('2026-12-21T02:00:00Z'));
    const { token, enterprise, inspection, handlerIds, generate } = county;
    const escalationId = await escalated(core, county, '2026-11-25');
    // The order the party did not carry out, and the 复查 that found so: the ground of a 逾期未改正 penalty.
    const issue = async (type: string, inspectionId: number, fields: Record<string, unknown> = {}) => {
      const d = await call(core, 'documents:create', { type, inspectionId }, token);
      const s = await call(
        core,
        'documents:save',
        { id: d.id, version: d.version, fields: { ...d.fields, ...fields } },
        token,
      );
      const r = await core.dispatch('documents:issue', { id: s.id, version: s.version }, { token });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.data as { numberText: string };
    };
    await issue('rectification-order', inspection.id, {
      items: [{ hazardId: null, text: '危化品仓库未设置可燃气体报警装置', deadline: '2026-11-25' }],
      date: inspection.startedAt.slice(0, 10),
    });
    const recheck = await core.state.store.db
      .selectFrom('inspections')
      .select('id')
      .where('recheckOf', '=', inspection.id)
      .executeTakeFirstOrThrow();
    const opinion = await issue('recheck-opinion', recheck.id, {
      opinion: '经复查，危化品仓库仍未设置可燃气体报警装置。',
    });
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-26',
      escalationId,
      variations: ['person-fined', 'statement-waived'],
      stopAt: 'decided',
      reviewerToken: await addUser(core, token, 'fzsh2', 'reviewer'),
    });
    const binder = pdfOf(await call(core, 'cases:binder', { id: c.id }, token));
    const text = flat(pdfText(binder, ['-layout']));
    expect(text).toContain(`整改复查意见书${opinion.numberText}`);
    // No 文号 or date broken across the 目录's lines.
    expect(printedFaults(binder, null)).toEqual([]);
    const numbers = c.documents.filter((d) => d.type.startsWith('penalty-decision')).map((d) => d.numberText);
    expect(numbers).toHaveLength(2);
    expect(text).toContain(`处罚决定书文号：${numbers.join('、')}`);
  });
});

describe('结案', () => {
  it('is refused while a decision is on no 送达回执, naming the decision (issue 17)', async () => {
    const { enterprise, handlerIds, generate } = await ready(new Date('2026-12-21T02:00:00Z'));
    const refused = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'no-service-receipt'],
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      channel: 'cases:sign',
      error: {
        details: {
          issues: [
            {
              key: 'cases.rules.receiptMissing',
              params: { number: expect.stringMatching(/^宣应急罚〔2026〕\d+号$/) },
            },
          ],
        },
      },
    });
  });
});

describe('one act, one fine (issue 17)', () => {
  it('refuses to fine the unit again for a hazard another case already fined it for, naming that case', async () => {
    const { token, enterprise, inspection, handlerIds, generate } = await ready(new Date('2026-12-21T02:00:00Z'));
    const hazard = await call(
      core,
      'hazards:create',
      { inspectionId: inspection.id, description: '危化品仓库未设置可燃气体报警装置', deadline: '2026-11-30' },
      token,
    );
    const first = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-21',
      variations: ['statement-waived', 'investigated'],
      hazardId: hazard.id,
      stopAt: 'decided',
    });
    // Within one 呈批: two rows on the same hazard are one act, however each is worded.
    const open = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-23',
      variations: ['investigated'],
      stopAt: 'filed',
    });
    const twice = await failure(
      core,
      'cases:save-disposal',
      {
        id: open.id,
        version: open.version,
        outcome: 'penalty',
        violations: [
          violation({ hazardId: hazard.id }),
          violation({ hazardId: hazard.id, facts: '仓库可燃气体报警装置缺失', penaltyItemId: 'aqsc-99-2' }),
        ],
      },
      token,
    );
    expect((twice.details as { issues: unknown[] }).issues).toContainEqual({
      path: ['violations', 1, 'penaltyItemId'],
      key: 'cases.rules.oneActOneFine',
      params: { other: 1 },
    });
    const again = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-23',
      variations: ['statement-waived', 'investigated'],
      hazardId: hazard.id,
    }).catch((e: unknown) => e);
    expect(again).toMatchObject({
      channel: 'cases:save-disposal',
      error: {
        details: {
          issues: [
            {
              path: ['violations', 0, 'hazardId'],
              key: 'cases.rules.hazardFinedElsewhere',
              params: { caseNo: first.caseNo },
            },
          ],
        },
      },
    });
  });
});

describe('行刑衔接 (issue 17)', () => {
  it('blocks the decision on a possible 危险作业罪 until the transfer assessment is recorded, and a fine never replaces a transfer concluded on', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-09',
      variations: ['statement-waived', 'investigated', 'crime-risk'],
      stopAt: 'noticed',
    });
    // The alarm switched off: 第九十九条第（四）项 is 危险作业罪 第（一）项.
    expect(c.crimeRisks).toEqual([{ violation: 0, situation: 1, marker: '第九十九条第（四）项' }]);
    // The case page says what stands before the decision.
    const waiting = await call(core, 'cases:get', { id: c.id }, token);
    expect(waiting.blockers).toContainEqual({
      step: 'decision',
      key: 'cases.rules.transferAssessmentMissing',
      params: { markers: '第九十九条第（四）项' },
    });
    const d = await call(core, 'documents:create', { type: 'penalty-decision-unit', caseId: c.id }, token);
    const draft = await call(
      core,
      'documents:save',
      {
        id: d.id,
        version: d.version,
        fields: { ...d.fields, paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）', date: '2026-10-20' },
      },
      token,
    );
    const issue = () => failure(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    expect(issuesOf(await issue())).toEqual(['cases.rules.transferAssessmentMissing']);
    const assess = (conclusion: 'transfer' | 'not-transfer', date: string) =>
      call(
        core,
        'cases:record',
        {
          id: c.id,
          event: { kind: 'transfer-assessment', date, conclusion, reasoning: '研判意见', approvedBy: '陈局长' },
        },
        token,
      );
    await assess('transfer', '2026-10-19');
    expect(issuesOf(await issue())).toEqual(['cases.rules.transferConcluded']);
    // Reconsidered with the head's approval: no real danger, so not a crime; the decision may be made.
    await assess('not-transfer', '2026-10-20');
    expect((await call(core, 'cases:get', { id: c.id }, token)).blockers).toEqual([]);
    const decided = await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    expect(decided.status).toBe('issued');
    // Assessed after the decision: refused, the assessment comes before it.
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          {
            id: c.id,
            event: {
              kind: 'transfer-assessment',
              date: '2026-10-21',
              conclusion: 'not-transfer',
              reasoning: '补录',
              approvedBy: '陈局长',
            },
          },
          token,
        ),
      ),
    ).toEqual(['cases.rules.afterDecision']);
  });
});

describe('files of earlier versions', () => {
  it('keep a deferral and a 催告 recorded by hand before they were documents', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-03-02',
      variations: ['statement-waived'],
      stopAt: 'decided',
    });
    // As an earlier version stored them (the event kinds are gone from the input now).
    const legacy = (data: object) =>
      core.state.store.db
        .insertInto('caseEvents')
        .values({
          caseId: c.id,
          kind: (data as { kind: string }).kind,
          dataJson: JSON.stringify(data),
          scanSha256: null,
          scanName: null,
          enteredAt: '2026-04-01T02:00:00.000Z',
          enteredBy: '办案员',
        })
        .execute();
    await legacy({
      kind: 'deferral',
      date: '2026-03-20',
      party: 'unit',
      until: '2026-12-31',
      instalments: 1,
      approvedBy: '陈局长',
    });
    await legacy({ kind: 'demand', date: '2026-11-02', party: 'unit' });
    const k = await call(core, 'cases:get', { id: c.id }, token);
    expect(k.deadlines.find((d) => d.period === 'payment')).toMatchObject({ due: '2026-12-31', status: 'pending' });
    expect(k.deadlines.some((d) => d.period === 'enforcement-application')).toBe(false);
    // The case staff who entered them may take them back, like any record of theirs (the case page offers it).
    const deferral = k.events.find((e) => e.data.kind === 'deferral')!;
    expect(mayRetract(ROLE_PERMISSIONS.clerk, deferral)).toBe(true);
    const retracted = await call(
      core,
      'cases:retract',
      { id: c.id, eventId: deferral.id, reason: '误录', date: '2026-11-22' },
      token,
    );
    expect(retracted.events.find((e) => e.id === deferral.id)?.retracted).toMatchObject({ reason: '误录' });
    expect(retracted.deadlines.find((d) => d.period === 'payment')?.due).not.toBe('2026-12-31');
  });
});

describe('the demo county', () => {
  it('comes with a case file on every path, made through the contract', async () => {
    core = await newCore({ workspace: 'demo', clock: () => NOW });
    const token = (await call(core, 'auth:sign-in', { username: 'supervisor', password: 'demo1234' })).token;
    const { items } = await call(core, 'cases:list', { pageSize: 50 }, token);
    expect(items.map((c) => [c.procedure, c.stage]).sort()).toEqual(
      [
        ['ordinary', 'archived'],
        ['ordinary', 'archived'],
        ['ordinary', 'closed'],
        ['ordinary', 'execution'],
        ['ordinary', 'hearing'],
        ['ordinary', 'investigation'],
        ['ordinary', 'notice'],
        ['summary', 'archived'],
      ].sort(),
    );
    // Its printouts name the demo county's own police, bank and website.
    const transfer = (await Promise.all(items.map((c) => call(core, 'cases:get', { id: c.id }, token)))).find(
      (c) => c.outcome === 'transfer',
    )!;
    expect(transfer.documents.find((d) => d.type === 'transfer-letter')?.fields.receivingOrgan).toBe('示例县公安局');
    // Its files hold their investigation: the 法定代表人's 询问笔录 and the evidence listed by kind.
    const investigating = await call(
      core,
      'cases:get',
      { id: items.find((c) => c.stage === 'investigation')!.id },
      token,
    );
    const list = investigating.documents.find((d) => d.type === 'evidence-list' && d.status === 'issued')!;
    expect((list.fields.items as { kind: string }[]).map((x) => x.kind)).toEqual(['书证', '视听资料', '当事人的陈述']);
    expect(investigating.documents.some((d) => d.type === 'questioning-record' && d.status === 'issued')).toBe(true);
    // Made as the law asks but for the two slips one file shows the reviewer (late-service, late-publication): the
    // review finds nothing else in any of its files (issue 17), the printed content included.
    const runs = await Promise.all(
      items.map((c) => call(core, 'reviews:run', { id: c.id, decisions: NO_DECISIONS }, token)),
    );
    expect(
      runs.flatMap((r) => r.result.findings.map((f) => `${r.caseNo} ${f.check}@${f.address.path.join('.')}`)).sort(),
    ).toEqual(['2026-0002 publication-in-time@events.publication', '2026-0002 service-in-time@service']);
    // Its inspections without a case have their 现场检查记录 issued but the latest: the workbench's 检查录入完整率 has
    // one to point at, not all.
    const figures = await call(core, 'exports:completeness', {}, token);
    const inspections = figures.indicators.find((i) => i.id === 'inspections-complete')!;
    expect(inspections.short).toHaveLength(1);
    expect(inspections.numerator).toBeGreaterThanOrEqual(4);
  });
});
