import { describe, expect, it } from 'vitest';
import { calendarChanges, movedDays, yearChange } from '../../../shared/domain/calendar-diff.ts';
import { parseHolidayFile } from '../../../shared/domain/calendar-import.ts';
import type { CalendarYear } from '../../../shared/entities/calendar.ts';

type Day = [date: string, isOffDay: boolean, name?: string];
const file = (year: number, days: Day[]) =>
  JSON.stringify({ year, papers: [], days: days.map(([date, isOffDay, name = '春节']) => ({ name, date, isOffDay })) });

describe('a holiday file that contradicts itself is refused, naming the day', () => {
  it('refuses a day both off and working', () => {
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-02-06', true],
          ['2027-02-20', false],
          ['2027-02-06', false],
        ]),
        'x',
      ),
    ).toEqual({ ok: false, messageKey: 'calendar.importErrors.offAndWorking', params: { date: '2027-02-06' } });
  });

  it('refuses a make-up working day on Monday to Friday, and takes one on a Saturday or Sunday', () => {
    expect(parseHolidayFile(file(2027, [['2027-02-22', false]]), 'x')).toEqual({
      ok: false,
      messageKey: 'calendar.importErrors.workdayOnWeekday',
      params: { date: '2027-02-22' },
    });
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-02-20', false],
          ['2027-02-21', false],
        ]),
        'x',
      ),
    ).toMatchObject({ ok: true, year: { workdays: ['2027-02-20', '2027-02-21'] } });
  });

  it('refuses a day listed twice under two names, and takes an exact repeat once', () => {
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-10-01', true, '国庆节'],
          ['2027-10-01', true, '中秋节'],
        ]),
        'x',
      ),
    ).toEqual({
      ok: false,
      messageKey: 'calendar.importErrors.dayTwice',
      params: { date: '2027-10-01', names: '国庆节、中秋节' },
    });
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-10-01', true, '国庆节'],
          ['2027-10-01', true, '国庆节'],
        ]),
        'x',
      ),
    ).toMatchObject({ ok: true, year: { holidays: ['2027-10-01'] } });
  });

  it('refuses a date outside the year the file names, except the December before (元旦), which it leaves to that year', () => {
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-01-01', true],
          ['2026-05-01', true],
        ]),
        'x',
      ),
    ).toEqual({
      ok: false,
      messageKey: 'calendar.importErrors.outsideYear',
      params: { date: '2026-05-01', year: 2027 },
    });
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-01-01', true],
          ['2028-01-01', true],
        ]),
        'x',
      ),
    ).toEqual({
      ok: false,
      messageKey: 'calendar.importErrors.outsideYear',
      params: { date: '2028-01-01', year: 2027 },
    });
    const bridged = parseHolidayFile(
      file(2027, [
        ['2026-12-31', true],
        ['2027-01-01', true],
      ]),
      'x',
    );
    expect(bridged).toMatchObject({ ok: true, ignoredDays: ['2026-12-31'], year: { holidays: ['2027-01-01'] } });
  });

  it('names the first problem in date order', () => {
    expect(
      parseHolidayFile(
        file(2027, [
          ['2027-03-01', false],
          ['2027-01-01', true],
          ['2027-01-01', false],
        ]),
        'x',
      ),
    ).toMatchObject({ messageKey: 'calendar.importErrors.offAndWorking', params: { date: '2027-01-01' } });
  });
});

describe('what replacing a year would change', () => {
  const year = (holidays: string[], workdays: string[], source = 'chinese-days'): CalendarYear => ({
    year: 2027,
    holidays,
    workdays,
    source,
  });
  const shipped = year(['2027-01-01', '2027-02-08', '2027-02-09'], ['2027-02-20']);

  it('sorts the days that move by how they move and counts the rest', () => {
    // 8 Feb dropped (back to work), 10 Feb added (off), 20 Feb no longer worked, 27 Feb worked instead.
    const change = yearChange(shipped, year(['2027-01-01', '2027-02-09', '2027-02-10'], ['2027-02-27'], 'f.json'));
    expect(change).toEqual({
      year: 2027,
      previousSource: 'chinese-days',
      offAdded: ['2027-02-10'],
      workdaysRemoved: ['2027-02-20'],
      workdaysAdded: ['2027-02-27'],
      offRemoved: ['2027-02-08'],
      unchanged: 365 - 4,
    });
    expect(movedDays(change!)).toBe(4);
  });

  it('sees no change when only the lists differ, not the days (a weekend named as part of a holiday)', () => {
    // 2 and 3 January 2027 are a Saturday and a Sunday: rest days either way.
    expect(yearChange(shipped, year([...shipped.holidays, '2027-01-02', '2027-01-03'], shipped.workdays))).toBeNull();
    expect(yearChange(shipped, shipped)).toBeNull();
  });

  it('reports only years already covered', () => {
    const y2028: CalendarYear = { year: 2028, holidays: ['2028-01-03'], workdays: [], source: 'f.json' };
    expect(calendarChanges([shipped], [y2028])).toEqual([]);
    expect(calendarChanges([shipped], [year(['2027-01-01'], [])]).map((c) => [c.year, movedDays(c)])).toEqual([
      [2027, 3],
    ]);
  });
});
