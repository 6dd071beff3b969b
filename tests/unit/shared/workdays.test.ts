import { describe, expect, it } from 'vitest';
import { parseHolidayFile } from '../../../shared/domain/calendar-import.ts';
import {
  addWorkdays,
  buildCalendar,
  countWorkdays,
  endOfNaturalPeriod,
  isWorkday,
} from '../../../shared/domain/workdays.ts';
import { bundledYears } from '../../../electron/core/modules/calendar/repository.ts';

const cal = buildCalendar(bundledYears());

describe('working days with statutory holidays and 调休', () => {
  it('knows 国庆 2025 (1–8 October off) and the make-up Saturday 11 October', () => {
    expect(isWorkday(cal, '2025-10-01')).toEqual({ workday: false, uncertain: false });
    expect(isWorkday(cal, '2025-10-08')).toEqual({ workday: false, uncertain: false });
    expect(isWorkday(cal, '2025-10-11')).toEqual({ workday: true, uncertain: false });
    expect(isWorkday(cal, '2025-09-28')).toEqual({ workday: true, uncertain: false });
  });

  it('counts 5 working days across 国庆 2025', () => {
    // From Tuesday 30 September: 9 Oct (Thu), 10 (Fri), 11 (Sat, 调休), 13 (Mon), 14 (Tue).
    expect(addWorkdays(cal, '2025-09-30', 5)).toEqual({ date: '2025-10-14', uncertain: false, uncoveredYears: [] });
  });

  it('counts 7 working days across 春节 2026 with its make-up days', () => {
    // 2026: 15–23 Feb off; 14 Feb (Sat) and 28 Feb (Sat) are working days.
    expect(isWorkday(cal, '2026-02-14').workday).toBe(true);
    expect(isWorkday(cal, '2026-02-28').workday).toBe(true);
    expect(addWorkdays(cal, '2026-02-12', 3)).toEqual({ date: '2026-02-24', uncertain: false, uncoveredYears: [] });
  });

  it('gives the number of statutory working days in a year', () => {
    expect(countWorkdays(cal, '2025-01-01', '2025-12-31')).toEqual({
      count: 248,
      uncertain: false,
      uncoveredYears: [],
    });
    expect(countWorkdays(cal, '2024-01-01', '2024-12-31').count).toBe(251);
  });

  it('moves a natural-day period ending on a rest day to the next working day', () => {
    // 15 days from 16 September 2025 ends on 1 October (国庆) → 9 October.
    expect(endOfNaturalPeriod(cal, '2025-09-16', 15).date).toBe('2025-10-09');
  });

  it('marks a result that touches an uncovered year as uncertain, naming the year', () => {
    const r = addWorkdays(cal, '2026-12-28', 10);
    expect(r.uncertain).toBe(true);
    expect(r.uncoveredYears).toEqual([2027]);
    expect(isWorkday(cal, '2027-01-01')).toEqual({ workday: true, uncertain: true });
    expect(addWorkdays(cal, '2026-11-02', 5).uncertain).toBe(false);
  });

  it('covers the uncovered year once its schedule is imported', () => {
    const file = JSON.stringify({
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-06', isOffDay: false },
        { name: '元旦', date: '2026-12-31', isOffDay: true },
      ],
    });
    const parsed = parseHolidayFile(file, '2027.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.ignoredDays).toEqual(['2026-12-31']);
    const cal2 = buildCalendar([...bundledYears(), parsed.year]);
    expect(isWorkday(cal2, '2027-01-01')).toEqual({ workday: false, uncertain: false });
    expect(isWorkday(cal2, '2027-02-06')).toEqual({ workday: true, uncertain: false });
    expect(addWorkdays(cal2, '2026-12-28', 10).uncertain).toBe(false);
  });

  it('refuses a file that is not a holiday schedule', () => {
    expect(parseHolidayFile('not json', 'x')).toEqual({ ok: false, messageKey: 'calendar.importErrors.notJson' });
    expect(parseHolidayFile('{"year":2027}', 'x')).toEqual({ ok: false, messageKey: 'calendar.importErrors.badShape' });
  });
});
