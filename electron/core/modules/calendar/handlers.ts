import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/base/errors.ts';
import { calendarChanges } from '../../../../shared/domain/calendar-diff.ts';
import { parseHolidayFile } from '../../../../shared/domain/calendar-import.ts';
import { buildCalendar, countWorkdays, uncoveredNear } from '../../../../shared/domain/workdays.ts';
import type { HandlerGroup } from '../../context.ts';
import { loadCalendarYears } from './repository.ts';

/** 工作日历: the years in force (repository.ts), and an admin's import of a year, confirmed when days move. */
export const calendarHandlers: HandlerGroup<'calendar'> = {
  async 'calendar:get'(_input, { core, rules }) {
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
      uncoveredCurrentOrNext: uncoveredNear(cal, rules.today),
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
