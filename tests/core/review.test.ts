import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { addUser, call, failure, newCore } from '../support/core.ts';
import { pdfOf, pdfText } from '../support/documents.ts';
import { caseCounty, escalated } from '../support/cases.ts';

/**
 * 案卷评查 over case files made through the contract: a clean complete file scores every point the
 * machine decides and waits for the reviewer's judgement; each defect is found at the document and
 * field at fault, priced by the example standard; a near miss is not a finding.
 */
let core: Core;
afterEach(() => core?.close());

const NOW = new Date('2026-11-22T02:00:00Z');
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'documents');

async function ready() {
  core = await newCore({ clock: () => NOW });
  const county = await caseCounty(core);
  const reviewOf = (id: number) => call(core, 'reviews:run', { id }, county.token).then((r) => r.result);
  return { ...county, reviewOf };
}

/** 李华's certificate, same number, corrected in the roster to have run out on `to`. */
const lapsed = (token: string, officer: { id: number; certificateNo: string }, to: string) =>
  call(
    core,
    'officers:update',
    {
      id: officer.id,
      officer: { name: '李华', certificateNo: officer.certificateNo, certValidFrom: '2020-01-01', certValidTo: to },
    },
    token,
  );

const where = (f: { check: string; address: { documentId: number | null; path: (string | number)[] } }) => [
  f.check,
  f.address.documentId,
  f.address.path.join('.'),
];

describe('案卷评查', () => {
  it('finds nothing in a clean complete file: every machine point kept, the judgement items left to the reviewer', async () => {
    const { token, enterprise, handlerIds, generate, reviewOf } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'investigated'],
    });
    const r = await reviewOf(c.id);
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ score: r.max, percent: 100, grade: '优秀', vetoed: false, standard: { example: true } });
    // The example standard gives points only where a source does: 55 in all.
    expect(r.max).toBe(55);
    // Seven judgement vetoes (facts, evidence, law…) and four judgement items wait for the reviewer.
    expect(r.pendingJudgements).toBe(11);
    // A batch takes the files filed in its period.
    expect(
      (await call(core, 'reviews:files', { from: '2026-09-01', to: '2026-09-30' }, token)).map((f) => f.id),
    ).toEqual([c.id]);
    expect(await call(core, 'reviews:files', { from: '2026-10-01', to: '2026-12-31' }, token)).toEqual([]);
  });

  it('prices each defect by its item, pointing at the document and field at fault', async () => {
    const { token, enterprise, handlerIds, generate, reviewOf } = await ready();
    // No record of investigation and no 证据清单; served 14 days after the decision, published after 15, and a payment without its receipt.
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'late-service', 'late-publication'],
      stopAt: 'decided',
    });
    const paid = await call(
      core,
      'cases:record',
      { id: c.id, event: { kind: 'payment', date: '2026-10-10', amount: 20000 } },
      token,
    );
    const decision = c.documents.find((d) => d.type === 'penalty-decision-unit')!;
    const payment = paid.events.at(-1)!;
    const r = await reviewOf(c.id);
    // In the standard's order: 调查取证, 送达执行, then 归档.
    expect(r.findings.map(where)).toEqual([
      ['service-in-time', decision.id, 'service'],
      ['payment-receipt', null, `events.${payment.id}.receiptNo`],
      ['publication-in-time', null, 'events.publication'],
      ['required-documents', null, 'documents.investigation-record'],
      ['evidence-listed', null, 'documents.evidence-list'],
    ]);
    // Decided Tue 8 Sep, due by Thu 17 Sep (7 working days), served Tue 22 Sep: the 3 points of 送达 are lost.
    expect(r.findings.find((f) => f.check === 'service-in-time')).toMatchObject({
      itemId: 'service',
      pointsLost: 3,
      basis: '《中华人民共和国行政处罚法》第六十一条',
      params: { due: '2026-09-17', done: '2026-09-22' },
    });
    expect(r.findings.find((f) => f.check === 'payment-receipt')).toMatchObject({ itemId: 'payment', pointsLost: 3 });
    // Listed, not scored, where the sources give no points.
    expect(r.findings.find((f) => f.check === 'publication-in-time')).toMatchObject({
      itemId: 'publication',
      pointsLost: 0,
    });
    // 89.1% would be 合格, but a file missing the documents its procedure requires cannot pass (issue 17); and the
    // grade is 暂评 while the reviewer has items to judge.
    expect(r).toMatchObject({ score: 49, max: 55, percent: 89.1, grade: '不合格' });
    expect(r.failedBy).toEqual([
      {
        id: 'documents-complete',
        name: expect.stringContaining('文书齐全'),
        nameEn: expect.stringContaining('required'),
      },
    ]);
    expect(r.pending!.length).toBe(r.pendingJudgements);
    expect(r.pending).toContainEqual({ id: 'veto-facts', name: expect.any(String), nameEn: 'The facts are clear' });
  });

  it('fails the file on a veto item: a certificate not valid on the day an officer signed', async () => {
    const { token, enterprise, officers, handlerIds, generate, reviewOf } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'investigated'],
    });
    // A certificate renewed since (a new number from 2027) does not reopen what was signed under the old one.
    await call(
      core,
      'officers:update',
      {
        id: officers[1].id,
        officer: { name: '李华', certificateNo: '51172200199', certValidFrom: '2027-01-01', certValidTo: '2031-12-31' },
      },
      token,
    );
    expect((await reviewOf(c.id)).findings).toEqual([]);
    // The roster corrected instead: 李华's certificate had run out on 31 August.
    await lapsed(token, officers[1], '2026-08-31');
    const r = await reviewOf(c.id);
    const record = c.documents.find((d) => d.type === 'questioning-record')!;
    expect(r.findings.map(where)).toEqual([['officer-qualification', record.id, 'officers.1']]);
    expect(r.findings[0]).toMatchObject({ vetoId: 'veto-officers', key: 'documents.rules.certificateInvalid' });
    expect(r).toMatchObject({ vetoed: true, score: 0, grade: '不合格' });
  });

  it("reads the inspection's own documents as part of the file: a 现场检查记录 signed on a lapsed certificate (issue 17)", async () => {
    const county = await ready();
    const { token, enterprise, inspection, officers, handlerIds, generate, reviewOf } = county;
    // The record of the inspection the case came from, issued before the case.
    const draft = await call(
      core,
      'documents:create',
      { type: 'inspection-record', inspectionId: inspection.id },
      token,
    );
    const record = await call(core, 'documents:issue', { id: draft.id, version: draft.version }, token);
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-11-21',
      escalationId: await escalated(core, county),
      stopAt: 'filed',
    });
    expect((await reviewOf(c.id)).findings.filter((f) => f.check === 'officer-qualification')).toEqual([]);
    // The roster corrected: 李华's certificate had run out before the inspection (20 November).
    await lapsed(token, officers[1], '2026-11-19');
    const found = (await reviewOf(c.id)).findings.filter((f) => f.check === 'officer-qualification').map(where);
    expect(found).toContainEqual(['officer-qualification', record.id, 'officers.1']);
    // And an inspection on a day 李华's certificate is not valid is refused when it is recorded, naming him.
    const refused = await failure(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'plan',
        startedAt: '2026-11-21T09:00',
        officerIds: officers.map((o) => o.id),
      },
      token,
    );
    expect(refused.details).toMatchObject({
      issues: [
        {
          path: ['officerIds', 1],
          key: 'documents.rules.certificateInvalid',
          params: { name: '李华', date: '2026-11-21', to: '2026-11-19' },
        },
      ],
    });
  });

  it("asks for the 法制审核 the unit's rules call for, before the decision", async () => {
    const { token, enterprise, handlerIds, generate, reviewOf } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'investigated'],
    });
    await call(core, 'settings:update', { legalReviewTriggers: ['all-ordinary'] }, token);
    const r = await reviewOf(c.id);
    const decision = c.documents.find((d) => d.type === 'penalty-decision-unit')!;
    expect(r.findings.map(where)).toEqual([['legal-review-before-decision', decision.id, 'date']]);
    expect(r.findings[0]).toMatchObject({ itemId: 'legal-review', pointsLost: 5 });
  });

  it('does not find a decision served on the 7th working day across 国庆 (near miss), and finds it a day later', async () => {
    const { token, enterprise, handlerIds, generate, reviewOf } = await ready();
    const serveOn = async (servedAt: string) => {
      // Filed Mon 21 Sep, the party waived its statement; decided Mon 28 Sep.
      const c = await generate({
        enterpriseId: enterprise.id,
        handlerIds,
        filedOn: '2026-09-21',
        variations: ['statement-waived', 'investigated'],
        stopAt: 'noticed',
      });
      const draft = await call(core, 'documents:create', { type: 'penalty-decision-unit', caseId: c.id }, token);
      const saved = await call(
        core,
        'documents:save',
        {
          id: draft.id,
          version: draft.version,
          fields: { ...draft.fields, date: '2026-09-28', paymentPlace: '宣汉县农村信用合作联社' },
        },
        token,
      );
      const decision = await call(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
      await call(
        core,
        'documents:serve',
        {
          id: decision.id,
          service: { method: 'direct', servedAt, recipient: '王明', place: '企业办公室', officerIds: handlerIds },
        },
        token,
      );
      const receipt = await call(core, 'documents:create', { type: 'service-receipt', caseId: c.id }, token);
      await call(core, 'documents:issue', { id: receipt.id, version: receipt.version }, token);
      await call(
        core,
        'cases:record',
        { id: c.id, event: { kind: 'publication', date: '2026-09-29', where: '宣汉县人民政府网站' } },
        token,
      );
      return reviewOf(c.id);
    };
    // 7 working days from Mon 28 Sep: 29(1) 30(2) | 1–7 Oct off | 8(3) 9(4) Sat 10 调休(5) | Sun 11 off | 12(6) 13(7).
    expect((await serveOn('2026-10-13T16:00')).findings).toEqual([]);
    expect((await serveOn('2026-10-14T09:00')).findings.map((f) => f.check)).toEqual(['service-in-time']);
  });

  it('is judged, signed and kept by the legal reviewer, with the audit chain head, and printed as the 评查表', async () => {
    const { token, enterprise, handlerIds, generate } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'late-service', 'investigated'],
      stopAt: 'decided',
    });
    const reviewer = await addUser(core, token, 'fzsh', 'reviewer');
    const clerk = await addUser(core, token, 'clerk2', 'clerk');
    const standard = await call(core, 'reviews:standard', {}, reviewer);
    const judgementIds = [...standard.vetoes, ...standard.sections.flatMap((x) => x.items)]
      .filter((i) => i.mode === 'judgement')
      .map((i) => i.id);
    const issues = (e: { details?: unknown }) =>
      (e.details as { issues?: { key: string; params?: unknown }[] })?.issues ?? [];
    // Signed as seen: the fingerprint of the result the reviewer looked at goes with the signature.
    const seen = async (decisions: object, as = reviewer) =>
      (await call(core, 'reviews:run', { id: c.id, decisions: decisions as never }, as)).digest;
    const sign = async (decisions: object, as = reviewer) =>
      call(core, 'reviews:sign', { id: c.id, decisions: decisions as never, seen: await seen(decisions, as) }, as);
    const refusal = async (decisions: object, as = reviewer) =>
      failure(core, 'reviews:sign', { id: c.id, decisions: decisions as never, seen: await seen(decisions, as) }, as);
    // Not judged yet: nothing is signed.
    expect(issues(await refusal({}))).toEqual([
      expect.objectContaining({ key: 'review.rules.judgementsPending', params: { n: 11 } }),
    ]);
    const judgements = Object.fromEntries(judgementIds.map((i) => [i, { passed: true, comment: '' }]));
    // 询问笔录 judged failed: 4 of its 10 points, and why.
    const failed = { ...judgements, questioning: { passed: false, lost: 4, comment: '' } };
    expect(issues(await refusal({ judgements: failed })).map((i) => i.key)).toEqual(['review.rules.commentRequired']);
    // The late service overruled (a reason is required), and the clerk may not sign.
    const late = (await call(core, 'reviews:run', { id: c.id }, reviewer)).result.findings.find(
      (f) => f.check === 'service-in-time',
    )!;
    const decisions = {
      judgements: { ...failed, questioning: { passed: false, lost: 4, comment: '询问笔录未逐页签名' } },
      overruled: { [late.id]: '留置送达记录在卷，送达日期登记有误' },
    };
    expect((await refusal(decisions, clerk)).code).toBe('FORBIDDEN');
    // What was seen must be what is signed: a payment recorded in between changes the result.
    const looked = await seen(decisions);
    await call(
      core,
      'cases:record',
      { id: c.id, event: { kind: 'payment', date: '2026-10-10', amount: 20000 } },
      token,
    );
    expect(
      issues(await failure(core, 'reviews:sign', { id: c.id, decisions, seen: looked }, reviewer)).map((i) => i.key),
    ).toEqual(['review.rules.changedSinceViewed']);
    const saved = await sign(decisions);
    // The payment without its receipt costs 执行's 3 points: 55 − 4 − 3.
    expect(saved).toMatchObject({
      caseId: c.id,
      score: 48,
      max: 55,
      grade: '合格',
      vetoed: false,
      reviewer: expect.any(String),
      auditHead: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(saved.result.findings.find((f) => f.id === late.id)).toMatchObject({
      overruled: '留置送达记录在卷，送达日期登记有误',
      pointsLost: 0,
    });
    // Kept as signed: the history lists it, and a second review is a new entry.
    const again = await sign({ judgements, overruled: {} });
    expect((await call(core, 'reviews:history', { id: c.id }, clerk)).map((h) => [h.id, h.score])).toEqual([
      [again.id, 49],
      [saved.id, 48],
    ]);
    const report = pdfOf(await call(core, 'reviews:report', { reviewId: saved.id }, clerk));
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'review-report.pdf'), report);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      path.join(OUT, 'review-report.pdf'),
      path.join(OUT, 'review-report'),
    ]);
    const text = pdfText(report).replace(/\s+/g, '');
    for (const piece of [
      '行政处罚案卷评查表',
      '示例案卷评查标准',
      '得分：48/55',
      '等级：合格',
      '【否决项】事实清楚',
      '询问笔录未逐页签名',
      '决定书应于2026年9月17日前送达',
      '已复核不扣分',
      '评查人员',
      // The chain head short, with where to verify it (issue 17).
      `签署时全过程记录链头：${saved.auditHead!.slice(0, 16)}`,
      `auditverify--head${saved.auditHead!.slice(0, 16)}`,
    ])
      expect(text).toContain(piece);
  });

  it("uses the province's own standard once an admin imports it, refusing one that names a check or a document the app does not have, or grades out of order", async () => {
    const { token, enterprise, handlerIds, generate, reviewOf } = await ready();
    const c = await generate({
      enterpriseId: enterprise.id,
      handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived', 'investigated', 'late-service'],
    });
    const bundled = await call(core, 'reviews:bundled-standard', {}, token);
    const withTypo = {
      ...bundled,
      sections: [
        {
          id: 'x',
          name: '送达',
          items: [{ id: 'service', name: '送达', points: 3, mode: 'auto' as const, checks: ['service-in-tme'] }],
        },
      ],
    };
    expect((await failure(core, 'settings:update', { reviewStandard: withTypo }, token)).details).toMatchObject({
      issues: [{ key: 'review.standard.unknownCheck', params: { check: 'service-in-tme' } }],
    });
    // …or that requires a document the app does not make (it would be missing from every file).
    const withUnknownType = {
      ...bundled,
      requiredDocuments: [{ ...bundled.requiredDocuments[0], anyOf: ['questioning-record', 'case-report'] }],
    };
    expect((await failure(core, 'settings:update', { reviewStandard: withUnknownType }, token)).details).toMatchObject({
      issues: [
        {
          path: ['reviewStandard', 'requiredDocuments'],
          key: 'review.standard.unknownDocumentType',
          params: { type: 'case-report' },
        },
      ],
    });
    // …or whose 合格 line sits above its 优秀 line.
    const upsideDown = {
      ...bundled,
      grades: [
        { name: '优秀', min: 80 },
        { name: '合格', min: 85 },
        { name: '不合格', min: 0 },
      ],
    };
    expect((await failure(core, 'settings:update', { reviewStandard: upsideDown }, token)).details).toMatchObject({
      issues: [{ path: ['reviewStandard', 'grades'], key: 'review.standard.gradesOrder' }],
    });
    // …or has a machine item with nothing for the machine to run.
    const noChecks = {
      ...bundled,
      sections: [
        {
          id: 'x',
          name: '送达',
          items: [{ id: 'service', name: '送达', points: 3, mode: 'auto' as const, checks: [] }],
        },
      ],
    };
    expect((await failure(core, 'settings:update', { reviewStandard: noChecks }, token)).details).toMatchObject({
      issues: [{ path: ['reviewStandard', 'sections', 0, 'items', 0, 'checks'], key: 'review.standard.checksForAuto' }],
    });
    // A province that weighs late service at 10 points, its standard no example.
    const province = {
      ...bundled,
      id: 'sc-2026',
      name: '四川省行政处罚案卷评查标准',
      example: false,
      sections: bundled.sections.map((x) => ({
        ...x,
        items: x.items.map((i) => (i.id === 'service' ? { ...i, points: 10 } : i)),
      })),
    };
    await call(core, 'settings:update', { reviewStandard: province }, token);
    expect(await reviewOf(c.id)).toMatchObject({ standard: { id: 'sc-2026', example: false }, max: 62, score: 52 });
    await call(core, 'settings:update', { reviewStandard: null }, token);
    expect(await reviewOf(c.id)).toMatchObject({ standard: { example: true }, max: 55, score: 52 });
  });
});
