import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, failure, newCore, tempDir } from '../support/core.ts';
import { pdfText } from '../support/documents.ts';
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

    // Nor a period not begun, nor a share over 100%.
    expect(
      await failure(core, 'reports:bases-save', { year: 2027, quarter: 1, values: { 'cases-filed': 5 } }, tokens.admin),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ key: 'reports.rules.notBegun' }] } });
    expect(
      await failure(
        core,
        'reports:bases-save',
        { year: 2025, quarter: 4, values: { 'officers-on-duty': 120 } },
        tokens.admin,
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['values', 'officers-on-duty'], key: 'reports.rules.shareOver100' }] },
    });

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
    // The quarter runs to 12-31 and today is 11-25: a target not reached yet is pending, not missed.
    expect(filed.target).toMatchObject({ status: filed.value! > 2 ? 'met' : 'pending' });

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

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts');
const Q3 = { from: '2026-07-01', to: '2026-09-30', date: '2026-10-15' };
const bytes = (f: { dataBase64: string }) => Buffer.from(f.dataBase64, 'base64');
const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the quarterly report printed and issued', () => {
  it('prints the same bytes from the same record in another process on another day, and stays as issued', async () => {
    const preview = bytes(await call(core, 'reports:preview', Q3, tokens.supervisor));
    expect(preview.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(preview).replace(/\s+/g, '');
    expect(text).toContain('2026年第三季度安全生产执法工作情况');
    expect(text).toContain('2026年10月15日');
    // Every number in the text is the figures': 检查次数 of the quarter as the report counts it.
    const view = await call(core, 'reports:figures', { from: Q3.from, to: Q3.to }, tokens.supervisor);
    expect(text).toContain(`${view.figures.find((f) => f.id === 'inspections')!.value}家次`);

    // Another process, its clock two months on, reading a copy of the same record: the same bytes.
    const root = tempDir('report-');
    fs.mkdirSync(path.join(root, 'demo'));
    core.state.store.raw.prepare('VACUUM INTO ?').run(path.join(root, 'demo', 'enforce.db'));
    const out = path.join(root, 'q3.pdf');
    const cli = spawnSync(
      process.execPath,
      [
        CLI,
        'reports',
        'pdf',
        out,
        '--from',
        Q3.from,
        '--to',
        Q3.to,
        '--date',
        Q3.date,
        '--demo',
        '--data-dir',
        root,
        '--clock',
        '2027-01-20T09:00:00+08:00',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr + cli.stdout.slice(0, 300)).toBe(0);
    expect(digest(fs.readFileSync(out))).toBe(digest(preview));

    // A report is dated no later than today, and not before its period.
    expect(await failure(core, 'reports:issue', { ...Q3, date: '2026-11-26' }, tokens.supervisor)).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['date'], key: 'reports.rules.dateFuture' }] },
    });
    // Only the squad's leader issues it.
    expect(await failure(core, 'reports:issue', Q3, tokens.clerk)).toMatchObject({ code: 'FORBIDDEN' });
    const issued = await call(core, 'reports:issue', Q3, tokens.supervisor);
    expect(issued).toMatchObject({ periodFrom: Q3.from, periodTo: Q3.to, reportDate: Q3.date, issuedBy: '演示大队长' });
    expect(issued.pdfSha256).toBe(digest(preview));

    // Recorded later: an inspection of the quarter. The report of the quarter now counts it; the issued one does not.
    const enterprise = (await call(core, 'enterprises:search', {}, tokens.clerk)).items[1];
    const officers = (await call(core, 'officers:list', {}, tokens.clerk)).filter((o) => o.onDuty).slice(0, 2);
    await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'special',
        unplannedReason: '国庆节前专项检查',
        startedAt: '2026-09-28T09:30',
        place: '厂区',
        officerIds: officers.map((o) => o.id),
        findings: '未发现隐患。',
      },
      tokens.clerk,
    );
    const again = bytes(await call(core, 'reports:preview', Q3, tokens.supervisor));
    expect(digest(again)).not.toBe(issued.pdfSha256);
    const kept = await call(core, 'reports:issued-file', { id: issued.id, format: 'pdf' }, tokens.clerk);
    expect(digest(bytes(kept))).toBe(issued.pdfSha256);
    expect((await call(core, 'reports:issued', {}, tokens.clerk))[0]).toEqual(issued);
    // The workbook of the issued figures, as they were.
    const xlsx = bytes(await call(core, 'reports:issued-file', { id: issued.id, format: 'xlsx' }, tokens.clerk));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    // Nothing changes an issued report, not even the database's own hand.
    expect(() => core.state.store.raw.prepare("UPDATE reports SET title = 'x'").run()).toThrow(/kept as issued/);
  }, 120_000);
});

describe('the unit’s own targets', () => {
  it('replace the example ones once an admin saves them, one a figure, and the example comes back', async () => {
    const { rules, own } = await call(core, 'reports:rules', {}, tokens.clerk);
    expect(own).toBe(false);
    const mine = {
      indicator: 'inspections',
      kind: 'min' as const,
      op: '>=' as const,
      value: 1,
      annual: false,
      due: null,
      basis: '县局2026年考核：每季度不少于1家次',
      uncertain: false,
    };
    expect(
      await failure(core, 'settings:update', { reportRules: { ...rules, targets: [mine, mine] } }, tokens.admin),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ key: 'reports.rules.targetTwice' }] } });
    await call(
      core,
      'settings:update',
      { reportRules: { ...rules, version: '本单位 2026-11-25', targets: [mine] } },
      tokens.admin,
    );
    const view = await call(core, 'reports:figures', { from: '2026-07-01', to: '2026-09-30' }, tokens.clerk);
    expect(view.versions.rules).toBe('本单位 2026-11-25');
    expect(view.figures.filter((f) => f.target).map((f) => f.id)).toEqual(['inspections']);
    const inspections = view.figures.find((f) => f.id === 'inspections')!;
    // The quarter is over: met or missed, no longer pending.
    expect(inspections.target).toMatchObject({ status: inspections.value! >= 1 ? 'met' : 'missed' });
    await call(core, 'settings:update', { reportRules: null }, tokens.admin);
    expect((await call(core, 'reports:rules', {}, tokens.clerk)).own).toBe(false);
  });
});
