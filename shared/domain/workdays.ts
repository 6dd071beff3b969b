/**
 * Working-day arithmetic for statutory periods (行政处罚法 第八十五条: 2/3/5/7 日 are working days).
 * The calendar is data: per covered year, the statutory rest days on weekdays and the 调休 make-up
 * working days on weekends. A year not covered is never treated as a plain Monday–Friday year:
 * every result that touches one says so (待核实), naming the years the admin must import.
 */

import type { CalendarYear } from '../entities/calendar.ts';

export interface WorkCalendar {
  years: ReadonlyMap<number, { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; source: string }>;
}

export function buildCalendar(years: CalendarYear[]): WorkCalendar {
  const map = new Map<number, { holidays: Set<string>; workdays: Set<string>; source: string }>();
  for (const y of years)
    map.set(y.year, { holidays: new Set(y.holidays), workdays: new Set(y.workdays), source: y.source });
  return { years: map };
}

export interface DayAnswer {
  workday: boolean;
  /** true when the year is not in the calendar: the answer is only the Monday–Friday guess. */
  uncertain: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function parse(date: string): Date {
  if (!ISO.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

export function addCalendarDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkday(cal: WorkCalendar, date: string): DayAnswer {
  const d = parse(date);
  const weekday = d.getUTCDay();
  const plain = weekday !== 0 && weekday !== 6;
  const year = cal.years.get(d.getUTCFullYear());
  if (!year) return { workday: plain, uncertain: true };
  if (year.workdays.has(date)) return { workday: true, uncertain: false };
  if (year.holidays.has(date)) return { workday: false, uncertain: false };
  return { workday: plain, uncertain: false };
}

export interface DeadlineAnswer {
  date: string;
  uncertain: boolean;
  /** Years the computation crossed that the calendar does not cover, for the 待核实 message. */
  uncoveredYears: number[];
}

/** Days looked at while counting, remembering the years the calendar does not cover. */
function walker(cal: WorkCalendar) {
  const uncovered = new Set<number>();
  return {
    workday(date: string): boolean {
      const a = isWorkday(cal, date);
      if (a.uncertain) uncovered.add(Number(date.slice(0, 4)));
      return a.workday;
    },
    answer(date: string): DeadlineAnswer {
      const uncoveredYears = [...uncovered].sort();
      return { date, uncertain: uncoveredYears.length > 0, uncoveredYears };
    },
  };
}

/**
 * The Nth working day after `start` (the start day itself is not counted, 行政处罚法 第八十五条 and
 * 民法典 第二百零一条), or before it with step −1. n = 0 gives the first working day on or after
 * `start` (on or before, with step −1).
 */
export function addWorkdays(cal: WorkCalendar, start: string, n: number, step: 1 | -1 = 1): DeadlineAnswer {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const walk = walker(cal);
  let date = start;
  if (n === 0) {
    while (!walk.workday(date)) date = addCalendarDays(date, step);
  } else {
    for (let left = n; left > 0;) {
      date = addCalendarDays(date, step);
      if (walk.workday(date)) left--;
    }
  }
  return walk.answer(date);
}

/** Working days in [from, to], both ends included. */
export function countWorkdays(
  cal: WorkCalendar,
  from: string,
  to: string,
): { count: number; uncertain: boolean; uncoveredYears: number[] } {
  const walk = walker(cal);
  let count = 0;
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) if (walk.workday(date)) count++;
  const { uncertain, uncoveredYears } = walk.answer(to);
  return { count, uncertain, uncoveredYears };
}

/**
 * A natural-day period whose last day falls on a rest day ends on the next working day
 * (行政处罚法 第八十五条 / 民法典 第二百零三条).
 */
export function endOfNaturalPeriod(cal: WorkCalendar, start: string, days: number): DeadlineAnswer {
  const last = addCalendarDays(start, days);
  return addWorkdays(cal, last, 0);
}

export function coveredYears(cal: WorkCalendar): number[] {
  return [...cal.years.keys()].sort((a, b) => a - b);
}

/** This year and the next, where the calendar does not cover them: what the admin is asked to import. */
export function uncoveredNear(cal: WorkCalendar, today: string): number[] {
  const y = Number(today.slice(0, 4));
  return [y, y + 1].filter((year) => !cal.years.has(year));
}
