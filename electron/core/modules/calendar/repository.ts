import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { CalendarYear } from '../../../../shared/entities/calendar.ts';
import { buildCalendar, type WorkCalendar } from '../../../../shared/domain/workdays.ts';
import type { DB } from '../../db/schema.ts';

/**
 * The bundled years come from the chinese-days package data (statutory holidays and 调休 working
 * days transcribed from the State Council notices); a year the admin imports replaces the bundled
 * one (or an earlier import), once the admin has confirmed the days that move. Years in neither are
 * "not covered" and every computation touching them is 待核实.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let bundled: CalendarYear[] | null = null;
export function bundledYears(): CalendarYear[] {
  if (bundled) return bundled;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const version = (createRequire(import.meta.url)('chinese-days/package.json') as { version: string }).version;
  const byYear = new Map<number, CalendarYear>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    if (!byYear.has(y)) byYear.set(y, { year: y, holidays: [], workdays: [], source: `chinese-days ${version}` });
    return byYear.get(y)!;
  };
  for (const d of Object.keys(data.holidays)) yearOf(d).holidays.push(d);
  for (const d of Object.keys(data.workdays)) yearOf(d).workdays.push(d);
  // A year only counts as covered when its holidays are listed; a stray make-up day alone is not a schedule.
  bundled = [...byYear.values()]
    .filter((y) => y.holidays.length > 0)
    .map((y) => ({ ...y, holidays: y.holidays.sort(), workdays: y.workdays.sort() }));
  return bundled;
}

export async function loadCalendarYears(db: Kysely<DB>): Promise<CalendarYear[]> {
  const imported = await db.selectFrom('holidayYears').selectAll().execute();
  const years = new Map(bundledYears().map((y) => [y.year, y]));
  for (const r of imported) {
    years.set(r.year, {
      year: r.year,
      source: r.source,
      holidays: JSON.parse(r.holidaysJson),
      workdays: JSON.parse(r.workdaysJson),
    });
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export async function loadCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  return buildCalendar(await loadCalendarYears(db));
}
