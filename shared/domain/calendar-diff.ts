import type { CalendarYear } from '../entities/calendar.ts';
import { addCalendarDays, buildCalendar, isWorkday } from './workdays.ts';

/**
 * What replacing a covered year's schedule would do to its days, compared by their status (working
 * or rest) rather than by the lists: a weekend added to a holiday's list moves no deadline, so it
 * is not a change an admin has to confirm.
 */
export interface YearChange {
  year: number;
  /** Where the year's schedule comes from until now (the bundled data or an earlier file). */
  previousSource: string;
  /** Working days that become rest days because the file lists them as holidays. */
  offAdded: string[];
  /** 调休 make-up working days the file no longer lists: rest days again. */
  workdaysRemoved: string[];
  /** Rest days that become 调休 make-up working days. */
  workdaysAdded: string[];
  /** Holidays the file no longer lists: ordinary working days again. */
  offRemoved: string[];
  /** Days of the year whose status stays as it was. */
  unchanged: number;
}

/** The years of `incoming` already in `current` whose days would change; a year not covered yet is no change. */
export function calendarChanges(current: readonly CalendarYear[], incoming: readonly CalendarYear[]): YearChange[] {
  const byYear = new Map(current.map((y) => [y.year, y]));
  return incoming.flatMap((after) => {
    const before = byYear.get(after.year);
    const change = before ? yearChange(before, after) : null;
    return change ? [change] : [];
  });
}

/** null when every day of the year keeps its status. */
export function yearChange(before: CalendarYear, after: CalendarYear): YearChange | null {
  const was = buildCalendar([before]);
  const now = buildCalendar([after]);
  const listedWorkday = new Set(after.workdays);
  const listedOff = new Set(after.holidays);
  const change: YearChange = {
    year: after.year,
    previousSource: before.source,
    offAdded: [],
    workdaysRemoved: [],
    workdaysAdded: [],
    offRemoved: [],
    unchanged: 0,
  };
  for (let date = `${after.year}-01-01`; date.startsWith(`${after.year}-`); date = addCalendarDays(date, 1)) {
    const working = isWorkday(now, date).workday;
    if (isWorkday(was, date).workday === working) change.unchanged++;
    else if (working) (listedWorkday.has(date) ? change.workdaysAdded : change.offRemoved).push(date);
    else (listedOff.has(date) ? change.offAdded : change.workdaysRemoved).push(date);
  }
  return movedDays(change) > 0 ? change : null;
}

/** How many days of the year change between working and rest. */
export function movedDays(change: YearChange): number {
  return (
    change.offAdded.length + change.workdaysRemoved.length + change.workdaysAdded.length + change.offRemoved.length
  );
}
