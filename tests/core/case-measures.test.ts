import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, failure, newCore } from '../support/core.ts';
import { pdfOf, pdfText } from '../support/documents.ts';
import { caseCounty } from '../support/cases.ts';

/**
 * Around the penalty: 先行登记保存 and its 7 working days, 回避, cash taken on the spot and its
 * 2 working days, 按日连续处罚 after a refusal to correct, and the approval forms printed to sign.
 */
let core: Core;
afterEach(() => core?.close());
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'documents');

/** A Sunday. */
const NOW = new Date('2026-11-22T02:00:00Z');

async function ready() {
  core = await newCore({ clock: () => NOW });
  return caseCounty(core);
}

const flat = (s: string) => s.replace(/\s+/g, '');
const issuesOf = (e: { details?: unknown }) =>
  ((e.details as { issues?: { key: string }[] })?.issues ?? []).map((i) => i.key);

describe('先行调查取证', () => {
  it("refuses investigation before 立案 until a 先行调查取证 is recorded with its reason and the head's approval, which then stays", async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    // Filed on Fri 13 Nov; the witness must be heard on Tue 10 Nov, before it.
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-13',
      violationDate: '2026-11-05',
      stopAt: 'filed',
    });
    const draft = await call(core, 'documents:create', { type: 'questioning-record', caseId: c.id }, token);
    const record = await call(
      core,
      'documents:save',
      {
        id: draft.id,
        version: draft.version,
        fields: {
          ...draft.fields,
          startedAt: '2026-11-10T09:30',
          endedAt: '2026-11-10T10:30',
          gender: '男',
          age: 46,
          post: '总经理',
          understood: '听清楚了。',
          recusalAnswer: '不申请。',
          qa: [{ question: '仓库是否设置可燃气体报警装置？', answer: '没有。' }],
        },
      },
      token,
    );
    const refused = await failure(core, 'documents:issue', { id: record.id, version: record.version }, token);
    expect((refused.details as { issues: unknown[] }).issues).toContainEqual({
      path: ['fields', 'date'],
      key: 'cases.rules.preInvestigationRequired',
      params: { date: '2026-11-10' },
    });
    // Recorded after 立案 is dated: refused, as investigation after it needs no leave.
    const late = await failure(
      core,
      'cases:record',
      {
        id: c.id,
        event: { kind: 'pre-investigation', date: '2026-11-13', reason: '证据可能灭失', approvedBy: '陈局长' },
      },
      token,
    );
    expect(issuesOf(late)).toEqual(['cases.rules.preInvestigationFiled']);
    const leave = await call(
      core,
      'cases:record',
      {
        id: c.id,
        event: { kind: 'pre-investigation', date: '2026-11-10', reason: '证据可能灭失', approvedBy: '陈局长' },
      },
      token,
    );
    const issued = await call(core, 'documents:issue', { id: record.id, version: record.version }, token);
    expect(issued.status).toBe('issued');
    // The record the evidence stands on is not taken back.
    const retract = await failure(
      core,
      'cases:record',
      { id: c.id, event: { kind: 'retract', date: '2026-11-20', eventId: leave.events.at(-1)!.id, reason: '误录' } },
      token,
    );
    expect(issuesOf(retract)).toEqual(['cases.rules.retractTooLate']);
  });
});

describe('先行登记保存 and 回避', () => {
  it('flags a disposal decided after 7 working days, and lets a recused officer sign nothing', async () => {
    const { token, enterprise, officers, handlerIds, generate } = await ready();
    const c = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'filed' });
    const make = async (type: string, fields: Record<string, unknown>) => {
      const d = await call(core, 'documents:create', { type, caseId: c.id }, token);
      return call(core, 'documents:save', { id: d.id, version: d.version, fields: { ...d.fields, ...fields } }, token);
    };
    const items = [{ name: '液氨储罐压力表', spec: 'Y-100', quantity: '2只', location: '液氨储罐区' }];
    const early = await make('evidence-preservation-notice', {
      items,
      approvedBy: '陈局长',
      approvedOn: '2026-10-13',
      date: '2026-10-12',
    });
    expect(issuesOf(await failure(core, 'documents:issue', { id: early.id, version: early.version }, token))).toEqual([
      'cases.rules.approvalAfterMeasure',
    ]);
    const draft = await make('evidence-preservation-notice', {
      items,
      approvedBy: '陈局长',
      approvedOn: '2026-10-12',
      date: '2026-10-12',
    });
    const notice = await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    expect(notice.numberText).toBe('宣应急先保通〔2026〕1号');
    const text = flat(pdfText(pdfOf(await call(core, 'documents:pdf', { id: notice.id }, token))));
    for (const s of [
      '先行登记保存证据通知书',
      '经本机关负责人批准',
      '第五十六条',
      '液氨储罐压力表',
      '不得销毁或者转移',
      '七日内',
    ])
      expect(text).toContain(s);
    // Mon 12 Oct + 7 working days → Wed 21 Oct; nothing decided by today.
    let k = await call(core, 'cases:get', { id: c.id }, token);
    expect(k.deadlines.find((d) => d.period === 'evidence-disposal')).toMatchObject({
      from: '2026-10-12',
      due: '2026-10-21',
      status: 'overdue',
    });

    const unknown = await make('evidence-disposal-decision', {
      noticeNumber: '宣应急先保通〔2026〕9号',
      date: '2026-10-23',
    });
    expect(
      issuesOf(await failure(core, 'documents:issue', { id: unknown.id, version: unknown.version }, token)),
    ).toEqual(['cases.rules.noPreservationNotice']);
    const disposal = await make('evidence-disposal-decision', { date: '2026-10-23' });
    expect(disposal.fields).toMatchObject({
      noticeNumber: '宣应急先保通〔2026〕1号',
      noticeDate: '2026-10-12',
      items: [{ name: '液氨储罐压力表', quantity: '2只' }],
    });
    await call(core, 'documents:issue', { id: disposal.id, version: disposal.version }, token);
    k = await call(core, 'cases:get', { id: c.id }, token);
    expect(k.deadlines.find((d) => d.period === 'evidence-disposal')).toMatchObject({
      metOn: '2026-10-23',
      status: 'late',
    });
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(
      path.join(OUT, 'evidence-preservation-notice.pdf'),
      pdfOf(await call(core, 'documents:pdf', { id: notice.id }, token)),
    );
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      path.join(OUT, 'evidence-preservation-notice.pdf'),
      path.join(OUT, 'evidence-preservation-notice'),
    ]);

    // 回避 granted for a handler: the case says another must be named, and his name stops any document.
    k = await call(
      core,
      'cases:record',
      {
        id: c.id,
        event: {
          kind: 'recusal',
          date: '2026-10-26',
          officer: officers[0].name,
          applicant: 'party',
          reason: '与当事人法定代表人系近亲属',
          decidedBy: '陈局长',
          granted: true,
        },
      },
      token,
    );
    expect(k.recused).toEqual([officers[0].name]);
    expect(k.blockers.map((b) => b.key)).toContain('cases.rules.recusedHandler');
    const after = await make('evidence-preservation-notice', {
      items,
      approvedBy: '陈局长',
      approvedOn: '2026-10-26',
      date: '2026-10-26',
    });
    expect(issuesOf(await failure(core, 'documents:issue', { id: after.id, version: after.version }, token))).toEqual([
      'cases.rules.officerRecused',
    ]);
  });

  it('lets the 负责人 name another 承办人 after 呈批, and nothing else change', async () => {
    const { token, enterprise, officers, handlerIds, generate } = await ready();
    const c = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-09', stopAt: 'approved' });
    const k = await call(
      core,
      'cases:record',
      {
        id: c.id,
        event: {
          kind: 'recusal',
          date: '2026-10-26',
          officer: officers[1].name,
          applicant: 'officer',
          reason: '系当事人股东',
          decidedBy: '陈局长',
          granted: true,
        },
      },
      token,
    );
    const third = await call(
      core,
      'officers:create',
      { name: '王刚', certificateNo: '51172200103', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
      token,
    );
    const input = {
      enterpriseId: enterprise.id,
      source: k.source,
      cause: k.cause,
      facts: k.facts,
      sourceNote: k.sourceNote,
      violationDate: k.violationDate,
      handlerIds: [officers[0].id, third.id],
    };
    expect(
      issuesOf(
        await failure(
          core,
          'cases:update',
          { id: k.id, version: k.version, case: { ...input, cause: '另一案由' } },
          token,
        ),
      ),
    ).toEqual(['cases.rules.disposalApproved']);
    const updated = await call(core, 'cases:update', { id: k.id, version: k.version, case: input }, token);
    expect(updated.handlerNames).toEqual([officers[0].name, '王刚']);
    expect(updated.blockers.map((b) => b.key)).not.toContain('cases.rules.recusedHandler');
  });
});

describe('cash taken on the spot', () => {
  it('is handed in within 2 working days, never more than the fine, only where it was taken in cash', async () => {
    const { token, enterprise, handlerIds } = await ready();
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
    const k = await call(
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
    );
    const d = await call(core, 'documents:create', { type: 'summary-penalty-person', caseId: k.id, party: 0 }, token);
    const saved = await call(
      core,
      'documents:save',
      {
        id: d.id,
        version: d.version,
        fields: {
          ...d.fields,
          formNo: '0000009',
          time: '10:30',
          cashOnTheSpot: true,
          hardToPayLater: true,
          date: '2026-11-20',
        },
      },
      token,
    );
    await call(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    // Fri 20 Nov + 2 working days → Tue 24 Nov.
    let c = await call(core, 'cases:get', { id: k.id }, token);
    expect(c.deadlines.find((x) => x.period === 'cash-hand-in')).toMatchObject({
      from: '2026-11-20',
      due: '2026-11-24',
      status: 'pending',
      partyName: '李强',
    });
    const hand = (over: object) => ({
      id: k.id,
      event: {
        kind: 'cash-handed-in',
        date: '2026-11-22',
        party: 0,
        amount: 200,
        receivedBy: '财务股刘会计',
        ...over,
      } as never,
    });
    expect(issuesOf(await failure(core, 'cases:record', hand({ party: 'unit' }), token))).toEqual([
      'cases.rules.noCashCollected',
    ]);
    expect(issuesOf(await failure(core, 'cases:record', hand({ amount: 300 }), token))).toEqual([
      'cases.rules.cashAboveFine',
    ]);
    c = await call(core, 'cases:record', hand({}), token);
    expect(c.deadlines.find((x) => x.period === 'cash-hand-in')).toMatchObject({ metOn: '2026-11-22', status: 'met' });
  });
});

describe('按日连续处罚', () => {
  it('counts the original fine for every day from the day after the order until the day before it was corrected', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-10-01',
      variations: ['statement-waived'],
      stopAt: 'decided',
    });
    const rec = (event: object) => call(core, 'cases:record', { id: c.id, event: event as never }, token);
    const refused = (event: object) =>
      failure(core, 'cases:record', { id: c.id, event: event as never }, token).then(issuesOf);
    expect(await refused({ kind: 'corrected', date: '2026-11-15' })).toEqual(['cases.rules.noRefusal']);
    expect(
      await refused({
        kind: 'refused-correction',
        date: '2026-11-10',
        orderedOn: '2026-11-11',
        note: '复查发现未改正',
      }),
    ).toEqual(['cases.rules.orderAfterRefusal']);
    let k = await rec({
      kind: 'refused-correction',
      date: '2026-11-10',
      orderedOn: '2026-11-01',
      note: '复查发现可燃气体报警装置仍未安装',
    });
    // 2 Nov to today (22 Nov): 21 days at the original 20,000 元.
    expect(k.dailyPenalties).toEqual([
      {
        party: 'unit',
        partyName: null,
        from: '2026-11-02',
        until: '2026-11-22',
        corrected: false,
        days: 21,
        perDay: 20000,
        amount: 420000,
      },
    ]);
    expect(
      await refused({ kind: 'refused-correction', date: '2026-11-12', orderedOn: '2026-11-01', note: '再次复查' }),
    ).toEqual(['cases.rules.refusalOpen']);
    expect(await refused({ kind: 'corrected', date: '2026-11-09' })).toEqual(['cases.rules.beforeRefusal']);
    k = await rec({ kind: 'corrected', date: '2026-11-15', note: '已安装并经复查合格' });
    expect(k.dailyPenalties[0]).toMatchObject({ until: '2026-11-14', corrected: true, days: 13, amount: 260000 });
    // A case without a fine decision has nothing to count from.
    const open = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-10-01', stopAt: 'approved' });
    expect(
      issuesOf(
        await failure(
          core,
          'cases:record',
          {
            id: open.id,
            event: { kind: 'refused-correction', date: '2026-11-10', orderedOn: '2026-11-01', note: '未改正' } as never,
          },
          token,
        ),
      ),
    ).toEqual(['cases.rules.noFineDecision']);
  });
});

describe('approval forms', () => {
  it('prints the 立案审批表, 呈批表 and 结案审批表 with the case and every recorded signature', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived'],
    });
    fs.mkdirSync(OUT, { recursive: true });
    const expected = {
      filing: [
        '立案审批表',
        `案号：${c.caseNo}`,
        '案件名称',
        '宣汉县东林化工有限公司',
        '案件来源',
        '投诉举报',
        '立案时间',
        '2026年9月1日',
        '案件基本情况',
        '承办人意见',
        '建议同意',
        '审核意见',
        '赵审核',
        '审批意见',
        '陈局长',
      ],
      disposal: [
        '案件处理呈批表',
        '违法事实及证据',
        '违反了《中华人民共和国安全生产法》',
        '处理意见',
        '建议给予罚款人民币贰万元整',
        '承办人意见',
        '审批意见',
        '陈局长',
      ],
      closing: [
        '结案审批表',
        '处理结果',
        '宣应急罚〔2026〕',
        '执行情况',
        '缴纳罚款20,000.00元',
        '承办人意见',
        '审批意见',
      ],
    } as const;
    for (const [stage, pieces] of Object.entries(expected)) {
      const pdf = pdfOf(await call(core, 'cases:approval-form', { id: c.id, stage: stage as 'filing' }, token));
      fs.writeFileSync(path.join(OUT, `approval-${stage}.pdf`), pdf);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        path.join(OUT, `approval-${stage}.pdf`),
        path.join(OUT, `approval-${stage}`),
      ]);
      const text = flat(pdfText(pdf, ['-layout']));
      let at = -1;
      for (const piece of pieces) {
        const i = text.indexOf(flat(piece), at + 1);
        expect(i, `“${piece}” after ${at} in ${stage}`).toBeGreaterThan(at);
        at = i;
      }
    }
    // Before anyone signed, the blocks are left for the pen.
    const fresh = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-09-01', stopAt: 'filed' });
    const text = flat(
      pdfText(pdfOf(await call(core, 'cases:approval-form', { id: fresh.id, stage: 'closing' }, token))),
    );
    expect(text).toContain('签名：');
    expect(text).not.toContain('陈局长');
  });
});
