import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { bundledYears } from '../../electron/core/modules/calendar/repository.ts';
import { addUser, call, failure, newCore, setUp, tempDir } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

let core: Core;
afterEach(() => core?.close());

const FILE_2027 = JSON.stringify({
  year: 2027,
  papers: ['国务院办公厅关于2027年部分节假日安排的通知（测试数据）'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: true },
    { name: '春节', date: '2027-02-20', isOffDay: false },
  ],
});

describe('working-day calendar in the core', () => {
  it('asks for the next year until an admin imports it; the import is audited', async () => {
    core = await newCore({ clock: () => new Date('2026-11-22T02:00:00Z') });
    const admin = await setUp(core);
    expect((await call(core, 'app:info', {})).calendar.uncoveredYears).toEqual([2027]);
    const clerk = await addUser(core, admin, 'clerk1', 'clerk');
    expect(await failure(core, 'calendar:import', { fileName: '2027.json', text: FILE_2027 }, clerk)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(core, 'calendar:import', { fileName: 'x.json', text: '{"year":2027}' }, admin)).toMatchObject({
      code: 'CALENDAR_BAD_FILE',
      details: { reason: 'calendar.importErrors.badShape' },
    });

    expect(await call(core, 'calendar:import', { fileName: '2027.json', text: FILE_2027 }, admin)).toEqual({
      applied: true,
      year: 2027,
      ignoredDays: [],
      changes: [],
      basis: expect.any(String),
    });
    expect((await call(core, 'app:info', {})).calendar.uncoveredYears).toEqual([]);
    const info = await call(core, 'calendar:get', {}, clerk);
    expect(info.years.find((y) => y.year === 2027)).toMatchObject({
      holidays: 2,
      makeUpWorkdays: 1,
      source: '2027.json',
      importedBy: '管理员',
    });
    expect(info.years.find((y) => y.year === 2025)).toMatchObject({ workdays: 248 });
    const log = await call(core, 'audit:list', {}, admin);
    expect(log.items[0]).toMatchObject({ action: 'calendar:import', entityId: '2027' });
  });
});

/** A holiday-cn file for a year, from its lists of days off and 调休 working days. */
function holidayFile(year: number, holidays: string[], workdays: string[]): string {
  return JSON.stringify({
    year,
    papers: [],
    days: [
      ...holidays.map((date) => ({ name: '假日', date, isOffDay: true })),
      ...workdays.map((date) => ({ name: '调休', date, isOffDay: false })),
    ],
  });
}
const shipped2026 = () => bundledYears().find((y) => y.year === 2026)!;

describe('a calendar import cannot silently move the deadlines of a year', () => {
  it('refuses a file that contradicts itself, naming the rule and the day, and writes nothing', async () => {
    core = await newCore({ clock: () => new Date('2026-11-22T02:00:00Z') });
    const admin = await setUp(core);
    const refused = async (text: string) =>
      await failure(core, 'calendar:import', { fileName: '2027.json', text }, admin);
    expect(await refused(holidayFile(2027, ['2027-01-01', '2027-02-20'], ['2027-02-20']))).toMatchObject({
      code: 'CALENDAR_BAD_FILE',
      details: { reason: 'calendar.importErrors.offAndWorking', date: '2027-02-20' },
    });
    // Monday 22 February 2027 cannot be a 调休 working day.
    expect(await refused(holidayFile(2027, ['2027-01-01'], ['2027-02-22']))).toMatchObject({
      code: 'CALENDAR_BAD_FILE',
      details: { reason: 'calendar.importErrors.workdayOnWeekday', date: '2027-02-22' },
    });
    const twice = JSON.stringify({
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-01-01', isOffDay: true },
      ],
    });
    expect(await refused(twice)).toMatchObject({
      code: 'CALENDAR_BAD_FILE',
      details: { reason: 'calendar.importErrors.dayTwice', date: '2027-01-01', names: '元旦、春节' },
    });
    expect(await refused(holidayFile(2027, ['2027-01-01', '2028-01-03'], []))).toMatchObject({
      code: 'CALENDAR_BAD_FILE',
      details: { reason: 'calendar.importErrors.outsideYear', date: '2028-01-03', year: 2027 },
    });
    expect((await call(core, 'app:info', {})).calendar.uncoveredYears).toEqual([2027]);
    expect((await call(core, 'audit:list', {}, admin)).items.filter((e) => e.action === 'calendar:import')).toEqual([]);
  });

  it('shows what a file would change in a covered year, changes nothing until confirmed, then moves its deadlines', async () => {
    core = await newCore({ clock: () => new Date('2026-11-20T03:00:00Z') });
    const admin = await setUp(core);
    const { inspection } = await inspectionReady(core, admin);
    const hazard = await call(
      core,
      'hazards:create',
      { inspectionId: inspection.id, description: '配电箱无防护', deadline: '2026-11-30' },
      admin,
    );
    // 10 natural days after 30 November: Thursday 10 December.
    expect(hazard.recheckDue).toBe('2026-12-10');
    const recheckDue = async () =>
      (await call(core, 'hazards:list', { inspectionId: inspection.id }, admin))[0].recheckDue;
    const shipped = shipped2026();
    // 10–11 December off (with Saturday 26th worked), the 国庆 make-up Saturday 10 October and Wednesday 7 October dropped.
    const text = holidayFile(
      2026,
      [...shipped.holidays.filter((d) => d !== '2026-10-07'), '2026-12-10', '2026-12-11'],
      [...shipped.workdays.filter((d) => d !== '2026-10-10'), '2026-12-26'],
    );
    const workdays2026 = async () => (await call(core, 'calendar:get', {}, admin)).years.find((y) => y.year === 2026)!;
    const before = await workdays2026();

    const preview = await call(core, 'calendar:import', { fileName: '2026-修订.json', text }, admin);
    expect(preview).toEqual({
      applied: false,
      year: 2026,
      ignoredDays: [],
      changes: [
        {
          year: 2026,
          previousSource: shipped.source,
          offAdded: ['2026-12-10', '2026-12-11'],
          workdaysRemoved: ['2026-10-10'],
          workdaysAdded: ['2026-12-26'],
          offRemoved: ['2026-10-07'],
          unchanged: 365 - 5,
        },
      ],
      basis: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await workdays2026()).toEqual(before);
    expect(await recheckDue()).toBe('2026-12-10');
    expect((await call(core, 'audit:list', {}, admin)).items.filter((e) => e.action === 'calendar:import')).toEqual([]);

    const applied = await call(core, 'calendar:import', { fileName: '2026-修订.json', text, confirm: true }, admin);
    expect(applied).toMatchObject({ applied: true, year: 2026, changes: preview.changes });
    expect(await workdays2026()).toMatchObject({
      source: '2026-修订.json',
      importedBy: '管理员',
      workdays: before.workdays - 1,
    });
    // Thursday and Friday are now off: the re-inspection falls due on Monday 14 December.
    expect(await recheckDue()).toBe('2026-12-14');
    const [entry] = (await call(core, 'audit:list', {}, admin)).items.filter((e) => e.action === 'calendar:import');
    expect(entry).toMatchObject({ entityId: '2026', after: { year: 2026, changes: preview.changes } });
  });

  it('applies a new year directly and an identical file without asking; an earlier import counts as covered', async () => {
    core = await newCore({ clock: () => new Date('2026-11-22T02:00:00Z') });
    const admin = await setUp(core);
    const shipped = shipped2026();
    // The shipped 2026 schedule, as a file: nothing moves, so nothing to confirm.
    expect(
      await call(
        core,
        'calendar:import',
        { fileName: '2026.json', text: holidayFile(2026, shipped.holidays, shipped.workdays) },
        admin,
      ),
    ).toEqual({ applied: true, year: 2026, ignoredDays: [], changes: [], basis: expect.any(String) });
    expect((await call(core, 'calendar:get', {}, admin)).years.find((y) => y.year === 2026)).toMatchObject({
      source: '2026.json',
      workdays: 248,
    });

    expect(await call(core, 'calendar:import', { fileName: '2027.json', text: FILE_2027 }, admin)).toMatchObject({
      applied: true,
      changes: [],
    });
    expect(await call(core, 'calendar:import', { fileName: '2027-copy.json', text: FILE_2027 }, admin)).toMatchObject({
      applied: true,
      changes: [],
    });
    const moved = await call(
      core,
      'calendar:import',
      { fileName: '2027-b.json', text: holidayFile(2027, ['2027-01-01'], []) },
      admin,
    );
    expect(moved).toMatchObject({
      applied: false,
      changes: [{ year: 2027, previousSource: '2027-copy.json', offRemoved: [], workdaysRemoved: ['2027-02-20'] }],
    });
    expect((await call(core, 'calendar:get', {}, admin)).years.find((y) => y.year === 2027)).toMatchObject({
      source: '2027-copy.json',
      makeUpWorkdays: 1,
    });
  });
});

describe('a confirmation', () => {
  it('applies the changes the admin was shown, not others made to the year meanwhile', async () => {
    core = await newCore({ clock: () => new Date('2026-11-22T02:00:00Z') });
    const admin = await setUp(core);
    await call(core, 'calendar:import', { fileName: '2027.json', text: FILE_2027 }, admin);
    const mine = holidayFile(2027, ['2027-01-01'], []);
    const shown = await call(core, 'calendar:import', { fileName: '2027-mine.json', text: mine }, admin);
    expect(shown.applied).toBe(false);
    // Another admin (or the CLI) replaces 2027 between the preview and the confirmation.
    await call(
      core,
      'calendar:import',
      {
        fileName: '2027-other.json',
        text: holidayFile(2027, ['2027-01-01', '2027-01-02'], ['2027-02-20']),
        confirm: true,
      },
      admin,
    );
    const again = await call(
      core,
      'calendar:import',
      { fileName: '2027-mine.json', text: mine, confirm: true, basis: shown.basis },
      admin,
    );
    expect(again).toMatchObject({ applied: false, changes: [{ year: 2027, previousSource: '2027-other.json' }] });
    expect(again.basis).not.toBe(shown.basis);
    expect((await call(core, 'calendar:get', {}, admin)).years.find((y) => y.year === 2027)).toMatchObject({
      source: '2027-other.json',
    });
    // Confirmed for what is shown now, it applies.
    expect(
      await call(
        core,
        'calendar:import',
        { fileName: '2027-mine.json', text: mine, confirm: true, basis: again.basis },
        admin,
      ),
    ).toMatchObject({ applied: true });
    expect((await call(core, 'calendar:get', {}, admin)).years.find((y) => y.year === 2027)).toMatchObject({
      source: '2027-mine.json',
    });
  });
});

describe('npm run cli -- calendar import', () => {
  it('lists the days a file would move in a covered year and imports it only with --confirm', () => {
    const root = tempDir();
    const shipped = shipped2026();
    const file = path.join(root, '2026.json');
    fs.writeFileSync(file, holidayFile(2026, [...shipped.holidays, '2026-12-10'], shipped.workdays));
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts'), ...args, '--data-dir', root],
        { encoding: 'utf8' },
      );

    const refused = cli('calendar', 'import', file);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('2026-12-10');
    expect(refused.stdout).toContain('--confirm');

    // Still replacing the shipped schedule: the run without --confirm wrote nothing.
    const applied = cli('calendar', 'import', file, '--confirm');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('chinese-days');
    expect(applied.stdout).toContain('"applied": true');

    fs.writeFileSync(file, holidayFile(2026, ['2026-01-01'], ['2026-02-23']));
    const bad = cli('calendar', 'import', file, '--confirm');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('calendar.importErrors.workdayOnWeekday');
    expect(bad.stderr).toContain('2026-02-23 是周一至周五');
  });
});

describe('legal knowledge through the contract', () => {
  it('serves the statutory periods and the 安全生产法 penalty items to any signed-in user', async () => {
    core = await newCore();
    const admin = await setUp(core);
    const reviewer = await addUser(core, admin, 'rev', 'reviewer');
    const periods = await call(core, 'knowledge:periods', {}, reviewer);
    expect(periods.find((p) => p.id === 'hearing-request')).toMatchObject({ unit: 'workdays', length: 5 });
    const penalties = await call(core, 'knowledge:penalties', {}, reviewer);
    expect(penalties.find((p) => p.article === '第一百零二条')).toMatchObject({
      violatedProvision: '第四十一条第二款',
      unitFine: { max: 50000 },
    });
    expect(await failure(core, 'knowledge:penalties', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
