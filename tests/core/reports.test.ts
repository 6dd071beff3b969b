import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, failure, newCore } from '../support/core.ts';
import { FIGURE_GROUPS } from '../../shared/domain/indicators/report.ts';
import type { IndicatorValue } from '../../shared/domain/indicators/values.ts';

/** The demo county (its clock pinned to 2026-11-25): cases, decisions, payments and inspections from October on. */
let core: Core;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  core = await newCore({ workspace: 'demo' });
  for (const username of ['admin', 'clerk', 'supervisor'])
    tokens[username] = (await call(core, 'auth:sign-in', { username, password: 'demo1234' })).token;
}, 120_000);
afterAll(async () => {
  await core.close();
});

const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const listed = (v: IndicatorValue): number | null => {
  switch (v.kind) {
    case 'count':
      return v.records.length;
    case 'sum':
      return v.records.reduce((s, r) => s + r.amount, 0);
    case 'mean':
      return v.records.length ? Math.round(v.records.reduce((s, r) => s + r.amount, 0) / v.records.length) : null;
    case 'ratio':
      return v.denominator ? Math.round((v.records.length / (v.records.length + v.short.length)) * 1000) / 10 : null;
    case 'quotient':
      return v.of.length ? Math.round((v.records.length / v.of.length) * 1000) / 10 : null;
    case 'rate': {
      const whole = v.records.reduce((s, r) => s + r.whole, 0);
      return whole ? Math.round((v.records.reduce((s, r) => s + r.part, 0) / whole) * 1000) / 10 : null;
    }
  }
};

describe('统计报表 over the record', () => {
  it('gives every figure of the report, each equal to the list its drill-down shows', async () => {
    const view = await call(core, 'reports:figures', Q4, tokens.supervisor);
    expect(view.period).toEqual({ ...Q4, kind: 'quarter' });
    expect(view.previous).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(view.lastYear).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(view.figures.map((f) => f.id)).toEqual(FIGURE_GROUPS.flatMap((g) => [...g.figures]));
    for (const f of view.figures) {
      if (f.unavailable) continue;
      const drill = await call(core, 'reports:drill', { ...Q4, indicator: f.id }, tokens.supervisor);
      if (f.id.endsWith('-complete')) expect(drill.kind).toBe('ratio');
      else expect([f.id, listed(drill)]).toEqual([f.id, f.value]);
    }
    // The trend: nothing for months before the desk's first record or not yet begun (today is 2026-11-25).
    const inspections = view.trend.series.find((s) => s.id === 'inspections')!;
    const firstMonth = Number(view.recordedFrom!.slice(5, 7));
    expect(inspections.thisYear.slice(0, firstMonth - 1).every((v) => v === null)).toBe(true);
    expect(inspections.thisYear[10]).not.toBeNull();
    expect(inspections.thisYear[11]).toBeNull();
    expect(inspections.lastYear.every((v) => v === null)).toBe(true);
    // The demo county holds no approved plan: the plan's figures say why instead of 0%.
    expect(view.figures.find((f) => f.id === 'key-coverage')).toMatchObject({
      value: null,
      unavailable: 'indicators.unavailable.noPlan',
    });
  });

  it('counts what is recorded now, and splits it by sector, township and officer without losing a visit', async () => {
    const before = await call(core, 'reports:figures', Q4, tokens.clerk);
    const inspections = (v: typeof before) => v.figures.find((f) => f.id === 'inspections')!.value!;
    const enterprise = (await call(core, 'enterprises:search', {}, tokens.clerk)).items[0];
    const officers = (await call(core, 'officers:list', {}, tokens.clerk)).filter((o) => o.onDuty).slice(0, 2);
    await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'complaint',
        unplannedReason: '12350举报',
        startedAt: '2026-11-24T09:30',
        place: '厂区',
        officerIds: officers.map((o) => o.id),
        findings: '未发现隐患。',
      },
      tokens.clerk,
    );
    const after = await call(core, 'reports:figures', Q4, tokens.clerk);
    expect(inspections(after)).toBe(inspections(before) + 1);
    const total = (by: 'sector' | 'township') =>
      after.breakdowns[by].rows.filter((r) => r.parent === null).reduce((n, r) => n + (r.values.inspections ?? 0), 0);
    expect(total('sector')).toBe(inspections(after));
    expect(total('township')).toBe(inspections(after));
    // A sector's sub-sector rows add up to it.
    for (const row of after.breakdowns.sector.rows.filter((r) => r.parent === null)) {
      const subs = after.breakdowns.sector.rows.filter((r) => r.parent === row.key);
      if (subs.length) expect(subs.reduce((n, r) => n + (r.values.inspections ?? 0), 0)).toBe(row.values.inspections);
    }
    // An officer's row counts the visits he made; a drill-down of a row lists them.
    const officerRow = after.breakdowns.officer.rows.find((r) => r.key === String(officers[0].id))!;
    const drill = await call(
      core,
      'reports:drill',
      { ...Q4, indicator: 'inspections', group: { by: 'officer', key: officerRow.key } },
      tokens.clerk,
    );
    expect(drill.kind === 'count' && drill.records.length).toBe(officerRow.values.inspections);
    // Made twice from the same record: the same figures.
    expect(await call(core, 'reports:figures', Q4, tokens.clerk)).toEqual(after);
  });

  it('takes 同比 from figures an admin entered for a quarter the desk did not record, and says so', async () => {
    const none = await call(core, 'reports:figures', Q4, tokens.supervisor);
    const cases = none.figures.find((f) => f.id === 'cases-filed')!;
    expect(cases.lastYear).toMatchObject({ value: null, source: 'none', change: null, entered: null });
    expect(cases.target).toMatchObject({ status: 'none' });

    // Only an admin enters them; only figures of the report; never a quarter the desk holds records for.
    expect(
      await failure(core, 'reports:bases-save', { year: 2025, quarter: 4, values: { 'cases-filed': 5 } }, tokens.clerk),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failure(core, 'reports:bases-save', { year: 2025, quarter: 4, values: { nonsense: 5 } }, tokens.admin),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['values', 'nonsense'] }] } });
    expect(
      await failure(core, 'reports:bases-save', { year: 2026, quarter: 4, values: { 'cases-filed': 5 } }, tokens.admin),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ key: 'reports.rules.recordedAlready' }] } });

    const saved = await call(
      core,
      'reports:bases-save',
      { year: 2025, quarter: 4, values: { 'cases-filed': 2, inspections: 40 }, note: '据2025年台账' },
      tokens.admin,
    );
    expect(saved.rows.map((r) => [r.quarter, r.indicator, r.value, r.enteredBy])).toEqual([
      [4, 'cases-filed', 2, '演示管理员'],
      [4, 'inspections', 40, '演示管理员'],
    ]);
    const view = await call(core, 'reports:figures', Q4, tokens.supervisor);
    expect(view.enteredCount).toBe(2);
    const filed = view.figures.find((f) => f.id === 'cases-filed')!;
    expect(filed.lastYear).toMatchObject({
      value: 2,
      source: 'entered',
      entered: { enteredBy: '演示管理员', note: '据2025年台账' },
    });
    expect(filed.lastYear.change).toBe(Math.round(((filed.value! - 2) / 2) * 1000) / 10);
    // The unit's example target: 立案数 up on last year.
    expect(filed.target).toMatchObject({ status: filed.value! > 2 ? 'met' : 'missed' });

    // Cleared: back to none.
    await call(core, 'reports:bases-save', { year: 2025, quarter: 4, values: { 'cases-filed': null } }, tokens.admin);
    expect((await call(core, 'reports:bases', { year: 2025 }, tokens.clerk)).rows.map((r) => r.indicator)).toEqual([
      'inspections',
    ]);
  });

  it('refuses a period that ends before it begins, naming the field', async () => {
    expect(
      await failure(core, 'reports:figures', { from: '2026-12-31', to: '2026-10-01' }, tokens.clerk),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['to'], key: 'reports.rules.periodOrder' }] } });
  });
});
