import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { calendarChanges } from '../../../../shared/domain/calendar-diff.ts';
import { parseHolidayFile } from '../../../../shared/domain/calendar-import.ts';
import {
  type CalendarYear,
  buildCalendar,
  countWorkdays,
  type WorkCalendar,
} from '../../../../shared/domain/workdays.ts';
import type { HandlerGroup } from '../../context.ts';
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

export function uncoveredNear(cal: WorkCalendar, today: string): number[] {
  const y = Number(today.slice(0, 4));
  return [y, y + 1].filter((year) => !cal.years.has(year));
}

export const calendarHandlers: HandlerGroup<'calendar'> = {
  async 'calendar:get'(_input, { core }) {
    const data = await loadCalendarYears(core.store.db);
    const cal = buildCalendar(data);
    const importers = new Map(
      (await core.store.db.selectFrom('holidayYears').select(['year', 'importedBy']).execute()).map((r) => [
        r.year,
        r.importedBy,
      ]),
    );
    return {
      data,
      years: data.map((y) => ({
        year: y.year,
        source: y.source,
        importedBy: importers.get(y.year) ?? null,
        holidays: y.holidays.length,
        makeUpWorkdays: y.workdays.length,
        workdays: countWorkdays(cal, `${y.year}-01-01`, `${y.year}-12-31`).count,
      })),
      uncoveredCurrentOrNext: uncoveredNear(cal, core.today()),
    };
  },
  async 'calendar:import'(input, { core, actor }) {
    const parsed = parseHolidayFile(input.text, input.fileName);
    if (!parsed.ok) throw new AppError('CALENDAR_BAD_FILE', { reason: parsed.messageKey, ...parsed.params });
    const y = parsed.year;
    const values = {
      source: input.fileName,
      holidaysJson: JSON.stringify(y.holidays),
      workdaysJson: JSON.stringify(y.workdays),
      importedAt: core.now().toISOString(),
      importedBy: actor.userName,
    };
    // Compared inside the transaction, so what is confirmed is checked against what is written over.
    const outcome = await core.tx(async (trx) => {
      const changes = calendarChanges(await loadCalendarYears(trx), [y]);
      const basis = createHash('sha256').update(JSON.stringify(changes)).digest('hex');
      // Not confirmed, or confirmed for other changes than these (another admin imported the year meanwhile): shown again.
      if (changes.length > 0 && (!input.confirm || (input.basis !== undefined && input.basis !== basis))) {
        return { applied: false, year: y.year, ignoredDays: parsed.ignoredDays, changes, basis };
      }
      const before = await trx.selectFrom('holidayYears').selectAll().where('year', '=', y.year).executeTakeFirst();
      await trx
        .insertInto('holidayYears')
        .values({ year: y.year, ...values })
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .execute();
      core.record(actor, {
        action: 'calendar:import',
        entityType: 'calendar',
        entityId: y.year,
        before: before ?? null,
        after: { year: y.year, holidays: y.holidays, workdays: y.workdays, ...(changes.length > 0 ? { changes } : {}) },
      });
      return { applied: true, year: y.year, ignoredDays: parsed.ignoredDays, changes, basis };
    });
    if (outcome.applied) core.invalidateCalendar();
    return outcome;
  },
};
