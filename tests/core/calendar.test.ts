import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { addUser, call, failure, newCore, setUp } from '../support/core.ts';

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
    expect(await failure(core, 'calendar:import', { fileName: '2027.json', text: FILE_2027 }, clerk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(core, 'calendar:import', { fileName: 'x.json', text: '{"year":2027}' }, admin))
      .toMatchObject({ code: 'CALENDAR_BAD_FILE', details: { reason: 'calendar.importErrors.badShape' } });

    expect(await call(core, 'calendar:import', { fileName: '2027.json', text: FILE_2027 }, admin)).toEqual({ year: 2027, ignoredDays: [] });
    expect((await call(core, 'app:info', {})).calendar.uncoveredYears).toEqual([]);
    const info = await call(core, 'calendar:get', {}, clerk);
    expect(info.years.find((y) => y.year === 2027)).toMatchObject({ holidays: 2, makeUpWorkdays: 1, source: '2027.json', importedBy: '管理员' });
    expect(info.years.find((y) => y.year === 2025)).toMatchObject({ workdays: 248 });
    const log = await call(core, 'audit:list', {}, admin);
    expect(log.items[0]).toMatchObject({ action: 'calendar:import', entityId: '2027' });
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
    expect(penalties.find((p) => p.article === '第一百零二条')).toMatchObject({ violatedProvision: '第四十一条第二款', unitFine: { max: 50000 } });
    expect(await failure(core, 'knowledge:penalties', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
