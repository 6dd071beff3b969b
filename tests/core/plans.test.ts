import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { readPackage } from '../../electron/core/modules/exports/reader.ts';
import { exportsDir } from '../../electron/core/modules/exports/service.ts';
import { verifyPackageFile } from '../../electron/core/modules/exports/verify.ts';
import { addUser, call, failure, newCore, setUp, tempDir } from '../support/core.ts';
import { inspectionReady, pdfText } from '../support/documents.ts';
import { canonicalJson } from '../../shared/domain/plans/draw.ts';
import ExcelJS from 'exceljs';
import { usccFor } from '../support/ledger.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import type { InspectionKind } from '../../shared/base/vocabulary.ts';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function county() {
  const core = await newCore();
  cores.push(core);
  const token = await setUp(core);
  const { enterprise, officers, inspection } = await inspectionReady(core, token);
  return { core, token, enterprise, officers, inspection };
}

/** A full package made over whatever the county's test record lacks (each override given a reason), and read back. */
async function fullPackage(core: Core, token: string) {
  const blocked = (await failure(core, 'exports:create', { kind: 'full' }, token)).details as {
    problems: { subject: string }[];
  };
  const overrides = blocked.problems.map((p) => ({ code: 'incomplete' as const, subject: p.subject, reason: '测试' }));
  const made = await call(core, 'exports:create', { kind: 'full', overrides }, token);
  const file = path.join(exportsDir(core.state.dataDir), made.name);
  return { made, file, ...(await readPackage(fs.readFileSync(file))) };
}

describe('officers away: leave, secondment, training', () => {
  it('are entered by the roster’s keeper, never twice over the same days, and withdrawn with a reason', async () => {
    const { core, token, officers } = await county();
    const [zhang, li] = officers;
    const leave = await call(
      core,
      'officers:add-absence',
      { officerId: zhang.id, kind: 'leave', from: '2026-12-01', to: '2026-12-05', note: '年休假' },
      token,
    );
    expect(leave).toMatchObject({ officerId: zhang.id, kind: 'leave', from: '2026-12-01', to: '2026-12-05' });
    // The same days again, for the same officer: refused, naming the stretch already there.
    expect(
      await failure(
        core,
        'officers:add-absence',
        { officerId: zhang.id, kind: 'training', from: '2026-12-05', to: '2026-12-08' },
        token,
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['from'], key: 'validation.absence.overlap', params: { from: '2026-12-01' } }] },
    });
    // Another officer on those days is another matter; the end before the start is not.
    await call(
      core,
      'officers:add-absence',
      { officerId: li.id, kind: 'training', from: '2026-12-05', to: '2026-12-08' },
      token,
    );
    expect(
      await failure(
        core,
        'officers:add-absence',
        { officerId: li.id, kind: 'sick', from: '2026-12-10', to: '2026-12-09' },
        token,
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['to'], key: 'validation.absence.order' }] } });
    // A clerk reads the roster but does not keep it.
    const clerk = await addUser(core, token, 'clerk1', 'clerk');
    expect(await call(core, 'officers:absences', { officerId: zhang.id }, clerk)).toHaveLength(1);
    expect(
      await failure(
        core,
        'officers:add-absence',
        { officerId: zhang.id, kind: 'sick', from: '2026-12-20', to: '2026-12-20' },
        clerk,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    expect(await failure(core, 'officers:withdraw-absence', { id: leave.id, reason: '' }, token)).toMatchObject({
      code: 'VALIDATION',
    });
    const withdrawn = await call(core, 'officers:withdraw-absence', { id: leave.id, reason: '假期取消' }, token);
    expect(withdrawn).toMatchObject({ withdrawReason: '假期取消', withdrawnBy: '管理员' });
    // Withdrawn, its days are free again; it stays listed, and no one can delete it.
    await call(
      core,
      'officers:add-absence',
      { officerId: zhang.id, kind: 'training', from: '2026-12-03', to: '2026-12-04' },
      token,
    );
    expect((await call(core, 'officers:absences', { officerId: zhang.id }, token)).map((a) => a.kind)).toEqual([
      'training',
      'leave',
    ]);
    expect(() => core.state.store.raw.prepare('DELETE FROM officer_absences').run()).toThrow(/withdrawn, not deleted/);
    // Everyone away in a stretch: what the plan and the draw will ask.
    const december = await call(core, 'officers:absences', { from: '2026-12-06', to: '2026-12-31' }, token);
    expect(december.map((a) => [a.officerId, a.from])).toEqual([[li.id, '2026-12-05']]);
    const log = await call(core, 'audit:list', { section: 'officers', page: 1, pageSize: 50 }, token);
    expect(
      log.items
        .map((e) => e.action)
        .filter((a) => a.includes('absence'))
        .sort(),
    ).toEqual(['officers:add-absence', 'officers:add-absence', 'officers:add-absence', 'officers:withdraw-absence']);
  });
});

describe('an enterprise’s accidents', () => {
  it('are dated records whose grade is computed from the figures, never in the future, withdrawn not deleted', async () => {
    const { core, token, enterprise } = await county();
    const a = await call(
      core,
      'enterprises:add-accident',
      {
        enterpriseId: enterprise.id,
        occurredOn: '2026-06-12',
        deaths: 1,
        seriousInjuries: 10,
        directLossYuan: 2_350_000,
        summary: '反应釜检修时发生中毒窒息',
      },
      token,
    );
    expect(a).toMatchObject({ grade: 'larger', createdBy: '管理员', withdrawnAt: null });
    expect(
      await failure(
        core,
        'enterprises:add-accident',
        { enterpriseId: enterprise.id, occurredOn: '2026-11-26', summary: '明天' },
        token,
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['occurredOn'], key: 'validation.notInFuture', params: { today: '2026-11-25' } }] },
    });
    expect(
      await failure(
        core,
        'enterprises:add-accident',
        { enterpriseId: 999, occurredOn: '2026-01-01', summary: '无' },
        token,
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const gone = await call(core, 'enterprises:withdraw-accident', { id: a.id, reason: '录错企业' }, token);
    expect(gone.withdrawReason).toBe('录错企业');
    expect(await call(core, 'enterprises:accidents', { enterpriseId: enterprise.id }, token)).toEqual([gone]);
    expect(() => core.state.store.raw.prepare('DELETE FROM enterprise_accidents').run()).toThrow(
      /withdrawn, not deleted/,
    );
  });
});

describe('分类分级 for the plan', () => {
  it('sorts the ledger by the rules, reading accidents and 重大事故隐患 from the record, each with why', async () => {
    const { core, token, enterprise, inspection } = await county();
    const make = (n: number, over: Record<string, unknown>) =>
      call(core, 'enterprises:create', { uscc: usccFor(7000 + n), name: `宣汉县测试企业${n}`, ...over }, token);
    const fireworks = await make(1, { categories: ['fireworks'], standardizationGrade: 'level1' });
    const workshop = await make(2, { riskGrade: 'high' });
    const provincial = await make(3, { categories: ['mine'], enforcementLevel: 'province' });
    // A grade-1 fireworks plant would be sampled: a recent accident keeps it on the 重点 list, with one more visit.
    let c = await call(core, 'plans:classification', {}, token);
    const row = (id: number) => c.rows.find((r) => r.enterpriseId === id)!;
    // (no risk grade yet: sampled with the unknown ones)
    expect(row(fireworks.id)).toMatchObject({ track: 'random', stratum: { id: 'general' } });
    await call(
      core,
      'enterprises:add-accident',
      { enterpriseId: fireworks.id, occurredOn: '2026-08-01', summary: '装药工房燃爆，1人轻伤' },
      token,
    );
    // The first enterprise: a 重大事故隐患 found on its inspection is a ground for one more visit.
    await call(
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
    c = await call(core, 'plans:classification', {}, token);
    expect(c).toMatchObject({ today: '2026-11-25', rulesOwn: false });
    expect(row(fireworks.id)).toMatchObject({ track: 'key', visits: 2, name: '宣汉县测试企业1', cap: { cap: 2 } });
    expect(row(fireworks.id).reasons).toContainEqual({ code: 'accident', on: '2026-08-01', years: 1 });
    expect(row(enterprise.id)).toMatchObject({ track: 'key', visits: 1 });
    expect(row(enterprise.id).reasons.map((r) => r.code)).toEqual(['promoted', 'majorHazard', 'cap']);
    expect(row(workshop.id)).toMatchObject({ track: 'random', stratum: { id: 'high', ratio: 0.5 } });
    expect(row(provincial.id)).toMatchObject({
      track: 'elsewhere',
      reasons: [{ code: 'otherLevel', level: 'province' }],
    });
    expect(c.summary).toMatchObject({ key: 2, keyVisits: 3, random: 1, elsewhere: 1 });

    // The unit's own rules, set by an admin, replace the bundled example; a broken set is refused whole.
    const own = { ...c.rules, extraVisit: { ...c.rules.extraVisit, majorHazardWithinYears: 0 } };
    expect(
      await failure(core, 'settings:update', { planRules: { ...own, strata: [c.rules.strata[0]] } }, token),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['planRules', 'strata', 0, 'when'], key: 'plans.rules.lastMatchesAll' }] },
    });
    await call(core, 'settings:update', { planRules: own }, token);
    c = await call(core, 'plans:classification', {}, token);
    expect(c.rulesOwn).toBe(true);
    expect(row(enterprise.id)).toMatchObject({ track: 'random' });
  });
});

describe('the plan’s inputs travel in the upload package', () => {
  it('holds every absence and accident, withdrawn ones too, checked and read back as they are', async () => {
    const { core, token, enterprise, officers } = await county();
    await call(
      core,
      'officers:add-absence',
      { officerId: officers[0].id, kind: 'secondment', from: '2026-10-01', to: '2026-10-31' },
      token,
    );
    const a = await call(
      core,
      'enterprises:add-accident',
      { enterpriseId: enterprise.id, occurredOn: '2026-03-03', deaths: 3, summary: '有限空间作业中毒' },
      token,
    );
    await call(core, 'enterprises:withdraw-accident', { id: a.id, reason: '重复登记' }, token);
    await call(
      core,
      'enterprises:add-accident',
      { enterpriseId: enterprise.id, occurredOn: '2026-03-03', deaths: 3, summary: '有限空间作业中毒' },
      token,
    );
    const { made, file, records } = await fullPackage(core, token);
    expect(made.manifest).toMatchObject({ formatVersion: 4, counts: { absences: 1, accidents: 2 } });
    expect(await verifyPackageFile(file)).toMatchObject({ ok: true, problems: [] });
    expect(records.accidents).toEqual(
      await call(core, 'enterprises:accidents', { enterpriseId: enterprise.id }, token).then((l) => [...l].reverse()),
    );
    expect(records.absences).toEqual(await call(core, 'officers:absences', {}, token));
  });
});

describe('the year’s plan: the working-day method, approval, filing', () => {
  it('is drafted from the record, refused approval while it needs more days than it has, then frozen as approved', async () => {
    const { core, token, enterprise } = await county();
    // The inspected enterprise is a 危化 one too: four on the 重点 list, one sampled.
    await call(
      core,
      'enterprises:update',
      {
        id: enterprise.id,
        version: enterprise.version,
        enterprise: { uscc: enterprise.uscc, name: enterprise.name, categories: ['hazchem'] },
      },
      token,
    );
    for (let n = 1; n <= 3; n++)
      await call(
        core,
        'enterprises:create',
        { uscc: usccFor(7100 + n), name: `宣汉县危化企业${n}`, categories: ['hazchem'] },
        token,
      );
    await call(core, 'enterprises:create', { uscc: usccFor(7200), name: '宣汉县一般企业', riskGrade: 'high' }, token);

    const fresh = await call(core, 'plans:get', { year: 2026 }, token);
    expect(fresh).toMatchObject({
      status: 'none',
      version: null,
      officersOnDuty: 2,
      inputs: { officers: 2, perVisit: { key: 2, random: 2 }, margin: 0.1 },
      calendarMissing: false,
      filingDue: '2026-01-31',
    });
    expect(fresh.recordedAway).toEqual({});
    const days = fresh.statutoryWorkdays;
    expect(days).toBeGreaterThan(240);
    expect(fresh.capacity.total).toBe(days * 2);
    expect(fresh.demand.randomVisits).toBe(1); // ceil(1 × 0.5)
    const keyVisits = fresh.demand.keyVisits;
    expect(keyVisits).toBe(4);

    // Two officers whose year the other work nearly fills: the visits need more than is left.
    const busy = {
      officers: 2,
      otherEnforcement: { supervision: days * 2 - 4 },
      nonEnforcement: {},
      perVisit: { key: 2, random: 2 },
      margin: 0.1,
      note: '',
    };
    // Leave from 28 September to 9 October, over 国庆 (1–7 October): 5 working days.
    const [first] = await call(core, 'officers:list', {}, token);
    await call(
      core,
      'officers:add-absence',
      { officerId: first.id, kind: 'leave', from: '2026-09-28', to: '2026-10-09' },
      token,
    );
    let plan = await call(core, 'plans:save', { year: 2026, inputs: busy, version: null }, token);
    expect(plan.recordedAway).toEqual({ leave: 5 });
    expect(plan).toMatchObject({ status: 'draft', version: 1, capacity: { inspection: 4, usable: 3 } });
    expect(plan.blockers).toEqual([
      { key: 'plans.blockers.demandExceedsSupply', params: { need: plan.capacity.need.total, usable: 3 } },
    ]);
    expect(
      await failure(
        core,
        'plans:approve',
        { year: 2026, version: 1, approvedOn: '2026-01-20', approvalRef: '宣府函〔2026〕3号' },
        token,
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ key: 'plans.blockers.demandExceedsSupply' }] } });
    // A stale version is refused; the inputs saved again make room.
    expect(await failure(core, 'plans:save', { year: 2026, inputs: busy, version: null }, token)).toMatchObject({
      code: 'STALE_VERSION',
    });
    plan = await call(
      core,
      'plans:save',
      { year: 2026, inputs: { ...busy, otherEnforcement: { supervision: 200 } }, version: 1 },
      token,
    );
    expect(plan.blockers).toEqual([]);
    // Approval is the 大队负责人's to enter, not a clerk's.
    const clerk = await addUser(core, token, 'clerk2', 'clerk');
    const approval = { year: 2026, version: 2, approvedOn: '2026-01-20', approvalRef: '宣府函〔2026〕3号' };
    expect(await failure(core, 'plans:approve', approval, clerk)).toMatchObject({ code: 'FORBIDDEN' });
    plan = await call(core, 'plans:approve', approval, token);
    expect(plan).toMatchObject({
      status: 'approved',
      approvedOn: '2026-01-20',
      approvalRef: '宣府函〔2026〕3号',
      blockers: [],
    });
    expect(plan.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);

    // Frozen: a later change of the ledger does not move the approved figures, and the plan takes no new inputs.
    await call(
      core,
      'enterprises:create',
      { uscc: usccFor(7300), name: '宣汉县新增危化企业', categories: ['hazchem'] },
      token,
    );
    expect((await call(core, 'plans:get', { year: 2026 }, token)).demand).toEqual(plan.demand);
    expect(await failure(core, 'plans:save', { year: 2026, inputs: busy, version: plan.version }, token)).toMatchObject(
      { details: { issues: [{ key: 'plans.blockers.approved' }] } },
    );
    expect(() => core.state.store.raw.prepare("UPDATE plans SET inputs_json = '{}'").run()).toThrow(/frozen/);
    // Approved, only its filing may come, and nothing else with it.
    expect(() =>
      core.state.store.raw.prepare("UPDATE plans SET filed_on = '2026-01-25' WHERE status = 'approved'").run(),
    ).toThrow(/frozen/);
    expect(() =>
      core.state.store.raw
        .prepare(
          "UPDATE plans SET status = 'filed', filed_on = '2026-01-25', approval_ref = 'x' WHERE status = 'approved'",
        )
        .run(),
    ).toThrow(/frozen/);
    expect(() => core.state.store.raw.prepare('DELETE FROM plans').run()).toThrow(/frozen/);

    // Filed with the city: not before it was approved, nor in the future.
    expect(
      await failure(
        core,
        'plans:file',
        { year: 2026, version: plan.version, filedOn: '2026-01-19', filingRef: '' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ path: ['filedOn'], key: 'plans.blockers.filedBeforeApproved' }] } });
    expect(
      await failure(
        core,
        'plans:file',
        { year: 2026, version: plan.version, filedOn: '2026-11-26', filingRef: '' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ path: ['filedOn'], key: 'validation.notInFuture' }] } });
    plan = await call(
      core,
      'plans:file',
      { year: 2026, version: plan.version!, filedOn: '2026-01-25', filingRef: '达市应急备〔2026〕7号' },
      token,
    );
    expect(plan).toMatchObject({ status: 'filed', filedOn: '2026-01-25', filedBy: '管理员' });
    // Filed, nothing moves: not back to approved, not its filing.
    for (const change of ["status = 'approved', filed_on = NULL", "filed_on = '2025-01-01'", "filing_ref = 'forged'"])
      expect(() => core.state.store.raw.prepare(`UPDATE plans SET ${change}`).run()).toThrow(/frozen/);
    expect(
      await failure(
        core,
        'plans:approve',
        { year: 2027, version: 1, approvedOn: '2025-12-31', approvalRef: 'x' },
        token,
      ),
    ).toBeTruthy();

    // The package carries it, its snapshot hashing to what was frozen.
    const { records } = await fullPackage(core, token);
    expect(records.plans).toHaveLength(1);
    // Over the snapshot's canonical JSON (keys sorted): any receiving system can compute it again.
    expect(createHash('sha256').update(canonicalJson(records.plans[0].snapshot)).digest('hex')).toBe(
      plan.snapshotSha256,
    );
  });

  it('is drafted for last year, this year or next, and never approved on a year the calendar does not hold', async () => {
    const { core, token } = await county();
    const far = await failure(
      core,
      'plans:save',
      { year: 2028, inputs: (await call(core, 'plans:get', { year: 2026 }, token)).inputs, version: null },
      token,
    );
    expect(far).toMatchObject({
      details: { issues: [{ key: 'plans.blockers.year', params: { from: 2025, to: 2027 } }] },
    });
    const next = await call(core, 'plans:get', { year: 2027 }, token);
    if (next.calendarMissing)
      expect(next.blockers).toContainEqual({ key: 'plans.blockers.calendarMissing', params: { year: 2027 } });
  });
});

describe('双随机 draws anyone can re-run', () => {
  it('draws on the published pool with a witness’s value, keeps it whole, and a separate process re-runs it from its file', async () => {
    const { core, token, officers } = await county();
    for (let n = 1; n <= 10; n++)
      await call(
        core,
        'enterprises:create',
        { uscc: usccFor(7400 + n), name: `宣汉县抽查企业${n}`, riskGrade: 'general' },
        token,
      );
    const third = await call(
      core,
      'officers:create',
      { name: '王芳', certificateNo: '51172200103', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
      token,
    );
    const away = await call(
      core,
      'officers:create',
      { name: '赵磊', certificateNo: '51172200104', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
      token,
    );
    await call(
      core,
      'officers:add-absence',
      { officerId: away.id, kind: 'training', from: '2026-11-20', to: '2026-11-30' },
      token,
    );
    const label = '2026年第四季度双随机抽查';
    expect(await failure(core, 'plans:draw-pool', { year: 2026, label }, token)).toMatchObject({
      details: { issues: [{ key: 'plans.draw.notApproved' }] },
    });
    const draft = await call(
      core,
      'plans:save',
      { year: 2026, inputs: (await call(core, 'plans:get', { year: 2026 }, token)).inputs, version: null },
      token,
    );
    await call(
      core,
      'plans:approve',
      { year: 2026, version: draft.version!, approvedOn: '2026-01-20', approvalRef: '宣府函〔2026〕3号' },
      token,
    );

    const pool = await call(core, 'plans:draw-pool', { year: 2026, label }, token);
    // The county's own enterprise (no risk grade) and the ten: 11 in the 一般风险 stratum, quota ceil(11 × 0.2) = 3.
    expect(pool.input.pool).toHaveLength(11);
    expect(pool.input.inspectors.map((i) => i.officerId)).toEqual([officers[0].id, officers[1].id, third.id]);
    expect(pool.inspectorsLeftOut).toEqual([{ officerId: away.id, name: '赵磊', reason: 'away' }]);

    const base = {
      year: 2026,
      label,
      poolSha256: pool.poolSha256,
      witnessName: '纪检监督员刘强',
      witnessValue: '2026-11-25 福彩3D 417',
    };
    expect(await failure(core, 'plans:draw', { ...base, witnessName: '管理员' }, token)).toMatchObject({
      details: { issues: [{ key: 'plans.draw.witnessIsOperator' }] },
    });
    expect(await failure(core, 'plans:draw', { ...base, witnessValue: '417' }, token)).toMatchObject({
      details: { issues: [{ path: ['witnessValue'], key: 'plans.draw.valueTooShort' }] },
    });
    // The record moved after the pool was published: refused, the witness must see the new pool.
    await call(
      core,
      'inspections:create',
      {
        enterpriseId: pool.input.pool[0].enterpriseId,
        kind: 'special',
        unplannedReason: '县安委会部署的冬季专项检查',
        startedAt: '2026-11-24T09:30',
        place: '厂区',
        officerIds: [officers[0].id, officers[1].id],
        findings: '未发现隐患。',
      },
      token,
    );
    expect(await failure(core, 'plans:draw', base, token)).toMatchObject({
      details: { issues: [{ key: 'plans.draw.poolChanged' }] },
    });
    const again = await call(core, 'plans:draw-pool', { year: 2026, label }, token);
    const first = await call(core, 'plans:draw', { ...base, poolSha256: again.poolSha256 }, token);
    expect(first.result.strata.find((s) => s.id === 'general')).toEqual({
      id: 'general',
      name: '一般风险',
      ratio: 0.2,
      enterprises: 11,
      quota: 3,
      eligible: 11,
      drawn: 3,
      short: 0,
    });
    expect(first.result.picks).toHaveLength(3);
    expect(first).toMatchObject({ operator: '管理员', witnessName: '纪检监督员刘强', drawnAt: expect.any(String) });

    // The same published pool sent twice (a double click): the second finds the record moved by the first.
    expect(await failure(core, 'plans:draw', { ...base, poolSha256: again.poolSha256 }, token)).toMatchObject({
      details: { issues: [{ key: 'plans.draw.poolChanged' }] },
    });
    // A later draw this year leaves out those already drawn, and takes only what is left of the year's quota: none.
    const next = await call(core, 'plans:draw-pool', { year: 2026, label: '补充抽查' }, token);
    const drawn = new Set(first.result.picks.map((p) => p.enterpriseId));
    expect(
      next.input.pool
        .filter((e) => e.covered)
        .map((e) => e.enterpriseId)
        .sort(),
    ).toEqual([...drawn].sort());
    expect(next.input.recentPairs).toHaveLength(3);
    expect(next.input.strata.find((s) => s.id === 'general')?.drawnBefore).toBe(3);
    const extra = await call(core, 'plans:draw', { ...base, label: '补充抽查', poolSha256: next.poolSha256 }, token);
    expect(extra.result.picks).toEqual([]);
    expect(extra.result.strata.find((s) => s.id === 'general')).toMatchObject({ quota: 0, drawn: 0 });

    // Its file, re-run in a process of its own with no database: the same. Altered, it is caught.
    const file = path.join(tempDir(), 'draw.json');
    const download = await call(core, 'plans:draw-record', { id: first.id }, token);
    fs.writeFileSync(file, Buffer.from(download.dataBase64, 'base64'));
    const verify = (f: string) => spawnSync(process.execPath, [CLI, 'plans', 'verify-draw', f], { encoding: 'utf8' });
    const ok = verify(file);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, problems: [], picks: 3 });
    const forged = JSON.parse(fs.readFileSync(file, 'utf8'));
    const outside = pool.input.pool.find((e) => !drawn.has(e.enterpriseId))!.enterpriseId;
    forged.result.picks[0].enterpriseId = outside;
    fs.writeFileSync(file, JSON.stringify(forged));
    const caught = verify(file);
    expect(caught.status).toBe(1);
    expect(JSON.parse(caught.stdout).problems).toEqual(['picks', 'resultSha256']);

    expect(() => core.state.store.raw.prepare("UPDATE draws SET witness_value = 'x'").run()).toThrow(/kept as drawn/);
    expect(await call(core, 'plans:draws', { year: 2026 }, token)).toEqual([first, extra]);
  });
});

describe('inspections against the year’s plan', () => {
  it('are linked to the 重点 list or the draw that picked them, say why when outside it, stop at the cap, and count as progress', async () => {
    const { core, token, enterprise, officers } = await county();
    const make = (n: number, over: Record<string, unknown>) =>
      call(core, 'enterprises:create', { uscc: usccFor(7600 + n), name: `宣汉县计划企业${n}`, ...over }, token);
    const key = await make(1, { categories: ['hazchem'], standardizationGrade: 'level2' });
    const sampled: Awaited<ReturnType<typeof make>>[] = [];
    for (let n = 2; n <= 6; n++) sampled.push(await make(n, { riskGrade: 'general' }));
    const gradeOne = await make(7, { standardizationGrade: 'level1', riskGrade: 'low' });
    // 回避: 张明 withdrew from a case against the first sampled enterprise; a third officer leaves a pair without him.
    await call(
      core,
      'officers:create',
      { name: '王芳', certificateNo: '51172200103', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
      token,
    );
    const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
    const withdrawn = await generate({
      enterpriseId: sampled[0].id,
      handlerIds: [officers[0].id, officers[1].id],
      filedOn: '2026-11-13',
      violationDate: '2026-11-05',
      stopAt: 'filed',
    });
    const recused = await call(
      core,
      'cases:record',
      {
        id: withdrawn.id,
        event: {
          kind: 'recusal',
          date: '2026-11-16',
          officer: officers[0].name,
          applicant: 'party',
          reason: '与当事人法定代表人系近亲属',
          decidedBy: '陈局长',
          granted: true,
        },
      },
      token,
    );
    const visit = (enterpriseId: number, kind: InspectionKind, day: string, more: Record<string, unknown> = {}) => ({
      enterpriseId,
      kind,
      startedAt: `${day}T09:30`,
      place: '厂区',
      officerIds: officers.map((o) => o.id),
      findings: '未发现隐患。',
      ...more,
    });
    // No plan approved yet: nothing is linked or capped (the county's first inspection, a 计划检查, was recorded so).
    expect(await call(core, 'plans:standing', { enterpriseId: sampled[0].id, year: 2026 }, token)).toMatchObject({
      plan: null,
      counted: 0,
    });
    const draft = await call(
      core,
      'plans:save',
      { year: 2026, inputs: (await call(core, 'plans:get', { year: 2026 }, token)).inputs, version: null },
      token,
    );
    await call(
      core,
      'plans:approve',
      { year: 2026, version: draft.version!, approvedOn: '2026-01-20', approvalRef: '宣府函〔2026〕3号' },
      token,
    );
    expect(await call(core, 'plans:standing', { enterpriseId: key.id, year: 2026 }, token)).toMatchObject({
      year: 2026,
      plan: { track: 'key', visits: 1, cap: 4, capName: '高危 标准化二级' },
      counted: 0,
      capExempt: ['complaint', 'assigned', 'accident', 'recheck'],
      draws: [],
    });
    let progress = (await call(core, 'plans:progress', { year: 2026 }, token))!;
    expect(progress.key).toMatchObject({ enterprises: 1, covered: 0, visitsPlanned: 1, visitsDone: 0 });
    expect(progress.key.notCovered).toEqual([
      { enterpriseId: key.id, name: '宣汉县计划企业1', township: '', visits: 1, otherInspections: 0 },
    ]);

    // A 计划检查 of an enterprise the plan samples, a 双随机抽查 with no draw, a 计划外 one with no reason: refused.
    expect(await failure(core, 'inspections:create', visit(sampled[0].id, 'plan', '2026-11-21'), token)).toMatchObject({
      details: { issues: [{ path: ['kind'], key: 'inspection.plan.notOnKeyList', params: { year: 2026 } }] },
    });
    expect(
      await failure(core, 'inspections:create', visit(sampled[0].id, 'random', '2026-11-21'), token),
    ).toMatchObject({ details: { issues: [{ path: ['drawId'], key: 'inspection.plan.notDrawn' }] } });
    expect(await failure(core, 'inspections:create', visit(key.id, 'complaint', '2026-11-21'), token)).toMatchObject({
      details: { issues: [{ path: ['unplannedReason'], key: 'inspection.plan.reasonRequired' }] },
    });
    const complaint = await call(
      core,
      'inspections:create',
      visit(key.id, 'complaint', '2026-11-21', { unplannedReason: '12350举报：夜间违规装卸' }),
      token,
    );
    expect(complaint).toMatchObject({ unplannedReason: '12350举报：夜间违规装卸', drawId: null });
    // A complaint is not limited by the caps, and does not cover the 重点 enterprise.
    expect((await call(core, 'plans:standing', { enterpriseId: key.id, year: 2026 }, token)).counted).toBe(0);
    await call(core, 'inspections:create', visit(key.id, 'plan', '2026-11-22'), token);
    progress = (await call(core, 'plans:progress', { year: 2026 }, token))!;
    expect(progress.key).toMatchObject({ covered: 1, visitsDone: 1, notCovered: [] });

    // The cap: a 标准化一级 enterprise outside the high-risk sectors, once a year; a complaint still goes.
    await call(
      core,
      'inspections:create',
      visit(gradeOne.id, 'special', '2026-03-02', { unplannedReason: '节前专项' }),
      token,
    );
    expect(
      await failure(
        core,
        'inspections:create',
        visit(gradeOne.id, 'cross', '2026-11-23', { unplannedReason: '交叉互检' }),
        token,
      ),
    ).toMatchObject({
      details: {
        issues: [
          {
            path: ['kind'],
            key: 'inspection.plan.overCap',
            params: { year: 2026, cap: 1, rule: '非高危 标准化一级', counted: 1 },
          },
        ],
      },
    });
    const assigned = await call(
      core,
      'inspections:create',
      visit(gradeOne.id, 'assigned', '2026-11-23', { unplannedReason: '市局交办：群众来信' }),
      token,
    );
    // Turned into a counted kind afterwards: refused the same; its findings edited alone: kept.
    expect(
      await failure(
        core,
        'inspections:update',
        {
          id: assigned.id,
          version: assigned.version,
          inspection: { ...visit(gradeOne.id, 'special', '2026-11-23'), unplannedReason: '专项' },
        },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'inspection.plan.overCap' }] } });
    await call(
      core,
      'inspections:update',
      {
        id: assigned.id,
        version: assigned.version,
        inspection: visit(gradeOne.id, 'assigned', '2026-11-23', {
          unplannedReason: '市局交办：群众来信',
          findings: '已核实。',
        }),
      },
      token,
    );

    // The 专项 at the cap, moved to another day of the year: the same visit, nothing more taken from the cap.
    const special = (await call(core, 'inspections:list', { enterpriseId: gradeOne.id, kind: 'special' }, token))
      .items[0];
    await call(
      core,
      'inspections:update',
      {
        id: special.id,
        version: special.version,
        inspection: visit(gradeOne.id, 'special', '2026-03-03', { unplannedReason: '节前专项' }),
      },
      token,
    );
    expect(
      await call(core, 'plans:standing', { enterpriseId: gradeOne.id, year: 2026, except: special.id }, token),
    ).toMatchObject({ counted: 0, plan: { cap: 1 } });
    // A 复查 chosen by hand, with no inspection it re-checks: refused (it would skip the reason and the cap).
    expect(await failure(core, 'inspections:create', visit(key.id, 'recheck', '2026-11-23'), token)).toMatchObject({
      details: { issues: [{ path: ['kind'], key: 'inspection.plan.recheckWithoutOriginal' }] },
    });
    // An enterprise entered after the plan was approved is in no list, yet has its cap (the caps' last row).
    const late = await make(8, { riskGrade: 'general' });
    expect(await call(core, 'plans:standing', { enterpriseId: late.id, year: 2026 }, token)).toMatchObject({
      plan: { track: null, cap: 6, capName: '非高危 未定级' },
    });

    // 双随机: only an enterprise the draw picked, and only with that draw.
    const label = '2026年第四季度双随机抽查';
    const pool = await call(core, 'plans:draw-pool', { year: 2026, label }, token);
    // The cap counts the 专项 on the grade-1 enterprise, not the 交办.
    expect(pool.input.pool.find((e) => e.enterpriseId === gradeOne.id)).toMatchObject({ visits: 1, cap: 1 });
    expect(pool.input.conflicts).toEqual([{ enterpriseId: sampled[0].id, officerId: officers[0].id }]);
    const drawn = await call(
      core,
      'plans:draw',
      {
        year: 2026,
        label,
        poolSha256: pool.poolSha256,
        witnessName: '纪检监督员刘强',
        witnessValue: '2026-11-25 福彩3D 417',
      },
      token,
    );
    for (const p of drawn.result.picks.filter((x) => x.enterpriseId === sampled[0].id))
      expect(p.officerIds).not.toContain(officers[0].id);
    const picked = drawn.result.picks[0].enterpriseId;
    const notPicked = [enterprise, ...sampled].find((e) => !drawn.result.picks.some((p) => p.enterpriseId === e.id))!;
    expect(
      await failure(
        core,
        'inspections:create',
        visit(notPicked.id, 'random', '2026-11-24', { drawId: drawn.id }),
        token,
      ),
    ).toMatchObject({ details: { issues: [{ path: ['drawId'], key: 'inspection.plan.notDrawn' }] } });
    expect(await failure(core, 'inspections:create', visit(picked, 'random', '2026-11-24'), token)).toMatchObject({
      details: { issues: [{ path: ['drawId'], key: 'inspection.plan.drawRequired' }] },
    });
    expect((await call(core, 'plans:standing', { enterpriseId: picked, year: 2026 }, token)).draws).toEqual([
      { id: drawn.id, label, drawnAt: drawn.drawnAt, drawnOn: '2026-11-25' },
    ]);
    // Not before the day it was drawn.
    expect(
      await failure(core, 'inspections:create', visit(picked, 'random', '2026-11-24', { drawId: drawn.id }), token),
    ).toMatchObject({
      details: { issues: [{ path: ['startedAt'], key: 'inspection.plan.beforeDraw', params: { date: '2026-11-25' } }] },
    });
    const sampledVisit = await call(
      core,
      'inspections:create',
      visit(picked, 'random', '2026-11-25', { drawId: drawn.id }),
      token,
    );
    expect(sampledVisit.drawId).toBe(drawn.id);

    progress = (await call(core, 'plans:progress', { year: 2026 }, token))!;
    // 一般风险 six × 20% = 2; 低风险及其他 one × 10% = 1, but the grade-1 enterprise is at its cap: drawn short.
    expect(drawn.result.strata.map((s) => [s.id, s.quota, s.drawn])).toEqual([
      ['high', 0, 0],
      ['watch', 0, 0],
      ['general', 2, 2],
      ['other', 1, 0],
    ]);
    expect(progress.random).toMatchObject({ quota: 3, drawn: 2, inspected: 1 });
    expect(progress.random.pending.map((p) => p.enterpriseId)).not.toContain(picked);
    expect(progress.unplanned).toEqual({ total: 3, byKind: { complaint: 1, special: 1, assigned: 1 } });
    expect(progress).toMatchObject({ done: 2, planned: 4 });
    // 双随机抽查结果公示: each pick as drawn, its result read from the inspection and its hazards.
    await call(
      core,
      'hazards:create',
      { inspectionId: sampledVisit.id, description: '配电箱未接地', deadline: '2026-12-01' },
      token,
    );
    const published = await call(
      core,
      'exports:table',
      { mapping: 'default', format: 'json', tables: ['randomChecks'] },
      token,
    );
    expect(published.fileName).toBe(
      `双随机抽查结果公示_${(await call(core, 'unit:get', {}, token))!.regionCode}_2026-11-25.json`,
    );
    const sheet = JSON.parse(Buffer.from(published.dataBase64, 'base64').toString('utf8')).sheets[
      '双随机抽查结果公示'
    ] as Record<string, string>[];
    const names = new Map((await call(core, 'officers:list', {}, token)).map((o) => [o.id, o.name]));
    expect(sheet).toHaveLength(2);
    expect(sheet).toContainEqual({
      计划年度: '2026',
      抽查批次: label,
      抽取日期: '2026-11-25',
      检查对象名称: [enterprise, ...sampled].find((e) => e.id === picked)!.name,
      统一社会信用代码: [enterprise, ...sampled].find((e) => e.id === picked)!.uscc,
      抽查事项: '安全生产“双随机、一公开”抽查',
      // Who inspected, as recorded (not necessarily the pair drawn).
      检查人员: officers.map((o) => names.get(o.id)).join('、'),
      检查日期: '2026-11-25',
      检查结果: '发现问题1项，已责令整改',
      检查机关: expect.any(String),
      '抽取记录校验值（SHA-256）': drawn.resultSha256,
    });
    const pending = drawn.result.picks[1];
    expect(sheet.find((r) => r.检查日期 === '')).toMatchObject({
      检查结果: '尚未检查',
      检查人员: pending.officerIds.map((o) => names.get(o)).join('、'),
    });

    // The 回避 taken back on the case: the officer may be drawn for the enterprise again.
    const recusal = recused.events.find((e) => e.data.kind === 'recusal')!;
    await call(
      core,
      'cases:record',
      { id: withdrawn.id, event: { kind: 'retract', date: '2026-11-25', eventId: recusal.id, reason: '误录' } },
      token,
    );
    expect((await call(core, 'plans:draw-pool', { year: 2026, label: '补充抽查' }, token)).input.conflicts).toEqual([]);

    // Another year has no approved plan: no progress to show.
    expect(await call(core, 'plans:progress', { year: 2027 }, token)).toBeNull();

    // The link travels in the package and is checked there.
    const { file, records } = await fullPackage(core, token);
    expect(await verifyPackageFile(file)).toMatchObject({ ok: true, problems: [] });
    expect(records.inspections.find((i) => (i as { id: number }).id === sampledVisit.id)).toMatchObject({
      drawId: drawn.id,
    });
  });
});

describe('the plan printed', () => {
  it('as an official document and as the table used in practice, each figure the plan’s own', async () => {
    const { core, token } = await county();
    for (let n = 1; n <= 3; n++)
      await call(
        core,
        'enterprises:create',
        { uscc: usccFor(7500 + n), name: `宣汉县危化企业${n}`, categories: ['hazchem'], township: '东乡街道' },
        token,
      );
    for (let n = 1; n <= 9; n++)
      await call(
        core,
        'enterprises:create',
        { uscc: usccFor(7600 + n), name: `宣汉县建材企业${n}`, riskGrade: 'high' },
        token,
      );
    const inputs = {
      ...(await call(core, 'plans:get', { year: 2026 }, token)).inputs,
      otherEnforcement: { supervision: 120, accidents: 30 },
      nonEnforcement: { duty: 40, leave: 20 },
    };
    const plan = await call(core, 'plans:save', { year: 2026, inputs, version: null }, token);
    const pdf = Buffer.from((await call(core, 'plans:pdf', { year: 2026 }, token)).dataBase64, 'base64');
    if (process.env.KEEP_PDF) fs.writeFileSync('/tmp/plan-draft.pdf', pdf);
    const text = pdfText(pdf, ['-layout']).replace(/\s+/g, '');
    expect(text).toContain('宣汉县应急管理局2026年度安全生产监督检查计划');
    expect(text).toContain('承办机构：宣汉县应急管理综合行政执法大队。');
    expect(text).toContain('草稿');
    expect(text).toContain(`总法定工作日（法定工作日×人员数）${plan.capacity.total}100.0%`);
    expect(text).toContain(`监督检查工作日${plan.capacity.inspection}${plan.capacity.shares.inspection.toFixed(1)}%`);
    expect(text).toContain(`检查所需工作日合计${plan.capacity.need.total}可行`);
    for (let n = 1; n <= 3; n++) expect(text).toContain(`宣汉县危化企业${n}`);

    const approved = await call(
      core,
      'plans:approve',
      { year: 2026, version: plan.version!, approvedOn: '2026-01-20', approvalRef: '宣府函〔2026〕3号' },
      token,
    );
    const final = Buffer.from((await call(core, 'plans:pdf', { year: 2026 }, token)).dataBase64, 'base64');
    const finalText = pdfText(final, ['-layout']).replace(/\s+/g, '');
    expect(finalText).not.toContain('草稿');
    expect(finalText).toContain(`本计划经本级人民政府于2026年1月20日批准（宣府函〔2026〕3号）`);
    expect(finalText).toContain(`批准内容摘要（SHA-256前16位）：${approved.snapshotSha256!.slice(0, 16)}。`);
    if (process.env.KEEP_PDF) fs.writeFileSync('/tmp/plan-final.pdf', final);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from((await call(core, 'plans:xlsx', { year: 2026 }, token)).dataBase64, 'base64') as never,
    );
    const sheet = wb.getWorksheet('检查计划表')!;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    // 重点: the three, 3 visits (1, 1, 1, 0 by quarter); 较大风险: 9 at 50%, 5 drawn (2, 1, 1, 1).
    expect(cells(2).slice(0, 2)).toEqual([1, '安全生产重点检查']);
    expect(cells(2)[3]).toBe('重点检查企业3家（名单附后），全年检查3家次');
    expect(cells(2).slice(7, 11)).toEqual([1, 1, 1, 0]);
    expect(cells(3).slice(7, 11)).toEqual([2, 1, 1, 1]);
    expect(cells(3)[3]).toBe('“双随机”抽查对象名录库9家，抽查比例50%，抽查5家');
    const list = wb.getWorksheet('重点检查企业名单')!;
    expect(list.rowCount).toBe(1 + 3);
  });
});
