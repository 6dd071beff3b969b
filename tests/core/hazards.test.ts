import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, failure, newCore, setUp, signIn } from '../support/core.ts';
import { inspectionReady, pdfOf, pdfText } from '../support/documents.ts';

let core: Core;
afterEach(() => core?.close());

describe('hazards, the rectification order and the re-inspection', () => {
  it('orders two hazards fixed by their own deadlines, re-checks them and refers back to the order', async () => {
    let now = new Date('2026-11-20T03:00:00Z');
    core = await newCore({ clock: () => now });
    let token = await setUp(core);
    const { inspection, enterprise, officers } = await inspectionReady(core, token);
    const h1 = await call(
      core,
      'hazards:create',
      {
        inspectionId: inspection.id,
        description: '危化品仓库未设置可燃气体报警装置',
        location: '1号仓库',
        deadline: '2026-11-30',
      },
      token,
    );
    const h2 = await call(
      core,
      'hazards:create',
      { inspectionId: inspection.id, description: '有限空间作业未制定专项方案', deadline: '2026-12-10' },
      token,
    );
    expect(h1).toMatchObject({ status: 'open', level: 'general', enterpriseName: enterprise.name });
    // 10 natural days after 30 November (the default, a setting).
    expect(h1.recheckDue).toBe('2026-12-10');

    const order = await call(
      core,
      'documents:create',
      { type: 'rectification-order', inspectionId: inspection.id },
      token,
    );
    expect(order.fields).toMatchObject({
      items: [
        { hazardId: h1.id, deadline: '2026-11-30' },
        { hazardId: h2.id, deadline: '2026-12-10' },
      ],
    });
    const issuedOrder = await call(core, 'documents:issue', { id: order.id, version: order.version }, token);
    expect(issuedOrder.numberText).toBe('宣应急责改〔2026〕1号');
    const listed = (await call(core, 'hazards:list', { inspectionId: inspection.id }, token))[0];
    expect(
      await failure(
        core,
        'hazards:update',
        {
          id: h1.id,
          version: listed.version,
          hazard: { inspectionId: inspection.id, description: listed.description, deadline: '2026-12-31' },
        },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.hazard.deadlineInOrder' }] } });
    const text = pdfText(pdfOf(await call(core, 'documents:pdf', { id: issuedOrder.id }, token))).replace(/\s+/g, '');
    expect(text).toContain('一、危化品仓库未设置可燃气体报警装置');
    expect(text).toContain('第一项问题于2026年11月30日前整改完毕；第二项问题于2026年12月10日前整改完毕。');
    expect(text).toContain(
      '可以依法在60日内向宣汉县人民政府申请行政复议，或者在6个月内依法向宣汉县人民法院提起行政诉讼',
    );

    now = new Date('2026-12-05T02:00:00Z');
    // Days later the idle session has locked: sign in again, as the clerk would.
    token = await signIn(core);
    const due = await call(core, 'hazards:due', {}, token);
    expect(due.dueThisWeek.map((h) => h.id)).toEqual([h1.id]);
    expect(due.overdue).toEqual([]);

    const recheck = await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'recheck',
        recheckOf: inspection.id,
        startedAt: '2026-12-05T10:00',
        officerIds: officers.map((o) => o.id),
        findings: '复查整改情况',
      },
      token,
    );
    await call(
      core,
      'hazards:recheck',
      { id: h1.id, recheckInspectionId: recheck.id, result: 'rectified', note: '已安装报警装置并联动' },
      token,
    );
    await call(
      core,
      'hazards:recheck',
      { id: h2.id, recheckInspectionId: recheck.id, result: 'not-rectified', note: '仍无专项方案' },
      token,
    );
    // Results come from a 复查 of this inspection, and once recorded only that 复查 may correct them.
    const other = await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'plan',
        startedAt: '2026-12-05T14:00',
        officerIds: officers.map((o) => o.id),
      },
      token,
    );
    expect(
      await failure(
        core,
        'hazards:recheck',
        { id: h1.id, recheckInspectionId: other.id, result: 'not-rectified', note: '' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.hazard.notItsRecheck' }] } });
    expect(
      await failure(
        core,
        'inspections:create',
        { enterpriseId: enterprise.id, kind: 'recheck', recheckOf: 9999, startedAt: '2026-12-05T15:00' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.inspection.unknownRecheckOf', path: ['recheckOf'] }] } });
    const later = await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'recheck',
        recheckOf: inspection.id,
        startedAt: '2026-12-05T15:00',
        officerIds: officers.map((o) => o.id),
      },
      token,
    );
    expect(
      await failure(
        core,
        'hazards:recheck',
        { id: h1.id, recheckInspectionId: later.id, result: 'not-rectified', note: '' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.hazard.alreadyRechecked' }] } });
    expect(
      await failure(
        core,
        'hazards:extend',
        { id: h1.id, requestedOn: '2026-12-05', requestedUntil: '2026-12-31', reason: '迟', decision: 'approved' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.hazard.notOpen' }] } });
    const escalations = await call(core, 'escalations:list', { status: 'open' }, token);
    expect(escalations).toEqual([
      expect.objectContaining({ kind: 'suggest-case', hazardId: h2.id, reason: expect.stringContaining('逾期未整改') }),
    ]);

    const opinion = await call(core, 'documents:create', { type: 'recheck-opinion', inspectionId: recheck.id }, token);
    expect(opinion.fields).toMatchObject({
      originalNumber: '宣应急责改〔2026〕1号',
      originalDate: '2026-11-20',
      date: '2026-12-05',
    });
    const issuedOpinion = await call(core, 'documents:issue', { id: opinion.id, version: opinion.version }, token);
    expect(issuedOpinion.numberText).toBe('宣应急复查〔2026〕1号');
    const otext = pdfText(pdfOf(await call(core, 'documents:pdf', { id: issuedOpinion.id }, token))).replace(
      /\s+/g,
      '',
    );
    expect(otext).toContain('本机关于2026年11月20日作出了《责令限期整改指令书》（宣应急责改〔2026〕1号）');
    expect(otext).toContain('一、危化品仓库未设置可燃气体报警装置：已整改完毕（已安装报警装置并联动）。');
    expect(otext).toContain('二、有限空间作业未制定专项方案：未按期整改（仍无专项方案）。');
  });

  it('records an extension request and its decision, and escalates a re-inspection left overdue', async () => {
    let now = new Date('2026-11-20T03:00:00Z');
    core = await newCore({ clock: () => now });
    let token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const h = await call(
      core,
      'hazards:create',
      { inspectionId: inspection.id, description: '配电箱无防护', deadline: '2026-11-25' },
      token,
    );
    const extended = await call(
      core,
      'hazards:extend',
      {
        id: h.id,
        requestedOn: '2026-11-24',
        requestedUntil: '2026-12-05',
        reason: '设备到货延迟',
        decision: 'approved',
      },
      token,
    );
    expect(extended).toMatchObject({
      deadline: '2026-12-05',
      extensions: [{ previousDeadline: '2026-11-25', decision: 'approved' }],
    });
    expect(
      await failure(
        core,
        'hazards:extend',
        { id: h.id, requestedOn: '2026-11-24', requestedUntil: 'soon', reason: 'x', decision: 'approved' },
        token,
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(
      await failure(
        core,
        'hazards:extend',
        { id: h.id, requestedOn: '2026-11-24', requestedUntil: '2026-02-30', reason: 'x', decision: 'approved' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.date', path: ['requestedUntil'] }] } });
    // "Extending" to a day before the deadline in force would shorten it without saying so.
    expect(
      await failure(
        core,
        'hazards:extend',
        { id: h.id, requestedOn: '2026-11-24', requestedUntil: '2026-12-01', reason: 'x', decision: 'approved' },
        token,
      ),
    ).toMatchObject({
      details: { issues: [{ key: 'validation.hazard.extensionNotLater', path: ['requestedUntil'] }] },
    });
    now = new Date('2026-12-20T02:00:00Z');
    token = await signIn(core);
    // The workbench asks for escalations and re-checks at once: the escalations alone already see the late re-check.
    expect((await call(core, 'escalations:list', {}, token))[0]).toMatchObject({ hazardId: h.id });
    const due = await call(core, 'hazards:due', {}, token);
    expect(due.overdue.map((x) => x.id)).toEqual([h.id]);
    expect((await call(core, 'escalations:list', {}, token))[0]).toMatchObject({
      kind: 'suggest-case',
      hazardId: h.id,
      reason: expect.stringContaining('复查逾期未进行'),
    });
    // Looking again does not add the same escalation twice.
    await call(core, 'hazards:due', {}, token);
    expect(await call(core, 'escalations:list', {}, token)).toHaveLength(1);
  });

  it('makes a hazard 重大 from its criteria item, suggests the legal basis, and flags 危险作业罪 for transfer', async () => {
    core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const lists = await call(core, 'knowledge:checklists', {}, token);
    expect(lists.map((l) => l.id).sort()).toEqual(['fw', 'gm', 'hc', 'mine']);
    const h = await call(
      core,
      'hazards:create',
      {
        inspectionId: inspection.id,
        description: '成品仓库防雷设施失效',
        criteriaItemId: 'fw-7',
        deadline: '2026-11-27',
      },
      token,
    );
    expect(h).toMatchObject({
      level: 'major',
      legalBasis: '违反《安全生产法》第四十一条第二款，依据《安全生产法》第一百零二条',
      criteria: { article: '第七项', criminalRisk: true },
    });
    const [review] = await call(core, 'escalations:list', {}, token);
    expect(review).toMatchObject({
      kind: 'suggest-transfer',
      hazardId: h.id,
      reason: expect.stringContaining('危险作业罪'),
    });
    // Opening a case from it: the advice is shown beside the form, never ticked or written into the file (issue 18).
    const draft = await call(core, 'cases:draft-from-escalation', { escalationId: review.id }, token);
    expect(draft).toMatchObject({ suspectedCrime: false, advice: review.reason });
    expect(draft.facts).toBe(
      '成品仓库防雷设施失效。违反《安全生产法》第四十一条第二款，依据《安全生产法》第一百零二条',
    );
    expect(draft.sourceNote).not.toContain('危险作业罪');
    expect(
      await failure(
        core,
        'hazards:create',
        { inspectionId: inspection.id, description: 'x', criteriaItemId: 'no-such-item' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.hazard.unknownCriteria' }] } });
  });

  it('refuses an order whose deadline is not after its date, naming the item', async () => {
    core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    await call(
      core,
      'hazards:create',
      { inspectionId: inspection.id, description: '安全出口堵塞', deadline: '2026-11-20' },
      token,
    );
    const order = await call(
      core,
      'documents:create',
      { type: 'rectification-order', inspectionId: inspection.id },
      token,
    );
    expect(await failure(core, 'documents:issue', { id: order.id, version: order.version }, token)).toMatchObject({
      code: 'DOCUMENT_NOT_ISSUABLE',
      details: { issues: [{ path: ['fields', 'items', 0, 'deadline'], key: 'documents.rules.deadlineAfterDate' }] },
    });
  });

  it('refuses an inspection dated after today, as a service is, naming the field and the rule (issue 18)', async () => {
    core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
    const token = await setUp(core);
    const { enterprise, inspection, officers } = await inspectionReady(core, token);
    const tomorrow = {
      enterpriseId: enterprise.id,
      kind: 'plan' as const,
      startedAt: '2026-11-21T09:00',
      officerIds: officers.map((o) => o.id),
    };
    expect(await failure(core, 'inspections:create', tomorrow, token)).toMatchObject({
      details: {
        issues: [
          {
            path: ['startedAt'],
            key: 'inspection.rules.inFuture',
            params: { date: '2026-11-21', today: '2026-11-20' },
          },
        ],
      },
    });
    expect(
      await failure(
        core,
        'inspections:update',
        { id: inspection.id, version: inspection.version, inspection: tomorrow },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'inspection.rules.inFuture' }] } });
    // Today, at any hour, is an inspection that happened.
    await call(core, 'inspections:create', { ...tomorrow, startedAt: '2026-11-20T18:00' }, token);
    // Nor does it end on a day still to come.
    expect(
      await failure(
        core,
        'inspections:create',
        { ...tomorrow, startedAt: '2026-11-20T09:00', endedAt: '2026-11-21T10:00' },
        token,
      ),
    ).toMatchObject({
      details: {
        issues: [{ path: ['endedAt'], key: 'inspection.rules.endsInFuture', params: { date: '2026-11-21' } }],
      },
    });
  });
});

describe('inspection evidence and checklist', () => {
  it('keeps photos and recordings by their hash, and only knows checklists from the knowledge files', async () => {
    core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
    const token = await setUp(core);
    const { inspection } = await inspectionReady(core, token);
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const withPhoto = await call(
      core,
      'inspections:attach-file',
      { id: inspection.id, file: { fileName: '仓库现场.jpg', dataBase64: photo.toString('base64') } },
      token,
    );
    expect(withPhoto.evidence).toEqual([
      expect.objectContaining({ name: '仓库现场.jpg', sizeBytes: 8, addedBy: '管理员' }),
    ]);
    const back = await call(core, 'inspections:file', { id: inspection.id, hash: withPhoto.evidence[0].hash }, token);
    expect(Buffer.from(back.dataBase64, 'base64').equals(photo)).toBe(true);
    expect(back.mimeType).toBe('image/jpeg');
    const { id, version, enterpriseId, kind, startedAt } = withPhoto;
    expect(
      await failure(
        core,
        'inspections:update',
        { id, version, inspection: { enterpriseId, kind, startedAt, checklistId: 'nope' } },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.inspection.unknownChecklist' }] } });
    expect(
      (
        await call(
          core,
          'inspections:update',
          { id, version, inspection: { enterpriseId, kind, startedAt, checklistId: 'hc' } },
          token,
        )
      ).checklistId,
    ).toBe('hc');
  });
});

describe('a unit’s own checklist', () => {
  it('imports a 重点检查事项 list beside the bundled ones, refusing one that would replace a bundled list', async () => {
    core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
    const token = await setUp(core);
    const list = {
      id: 'xh-key-2026',
      name: '宣汉县2026年有限空间重点检查事项',
      source: '宣汉县应急管理局',
      effectiveFrom: '2026-01-01',
      kind: 'key-items',
      categories: ['confined'],
      items: [
        {
          id: 'xh-key-1',
          article: '第1项',
          text: '有限空间作业前是否进行气体检测',
          major: false,
          violatedProvision: null,
          penaltyProvision: null,
        },
      ],
    };
    expect(
      await call(core, 'knowledge:import-checklist', { fileName: 'key.json', text: JSON.stringify(list) }, token),
    ).toMatchObject({ id: 'xh-key-2026' });
    expect((await call(core, 'knowledge:checklists', {}, token)).map((c) => c.id)).toContain('xh-key-2026');
    const { inspection } = await inspectionReady(core, token);
    const h = await call(
      core,
      'hazards:create',
      { inspectionId: inspection.id, description: '作业前未检测', criteriaItemId: 'xh-key-1' },
      token,
    );
    expect(h).toMatchObject({ level: 'general', criteria: { article: '第1项' } });
    expect(
      await failure(
        core,
        'knowledge:import-checklist',
        { fileName: 'x.json', text: JSON.stringify({ ...list, id: 'hc' }) },
        token,
      ),
    ).toMatchObject({ code: 'CHECKLIST_BAD_FILE' });
    expect(
      await failure(core, 'knowledge:import-checklist', { fileName: 'x.json', text: '{"id":1}' }, token),
    ).toMatchObject({ code: 'CHECKLIST_BAD_FILE' });
  });
});
