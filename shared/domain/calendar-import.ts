import { z } from 'zod';
import { isoDate } from '../entities/common.ts';
import type { CalendarYear } from './workdays.ts';

/**
 * The admin import for years the bundled calendar does not cover. It takes the format of the
 * widely used holiday-cn files ({ year, papers, days: [{ name, date, isOffDay }] }), which are
 * transcribed from the State Council's notice each year.
 */
const holidayCnFile = z.object({
  year: z.number().int().min(2000).max(2100),
  papers: z.array(z.string()).optional(),
  days: z.array(z.object({
    name: z.string(),
    date: isoDate,
    isOffDay: z.boolean(),
  })).min(1),
});

export type CalendarImportResult =
  | { ok: true; year: CalendarYear; ignoredDays: string[] }
  | { ok: false; messageKey: 'calendar.importErrors.notJson' | 'calendar.importErrors.badShape' | 'calendar.importErrors.noDaysInYear' };

export function parseHolidayFile(text: string, source: string): CalendarImportResult {
  let json: unknown;
  try { json = JSON.parse(text); } catch { return { ok: false, messageKey: 'calendar.importErrors.notJson' }; }
  const parsed = holidayCnFile.safeParse(json);
  if (!parsed.success) return { ok: false, messageKey: 'calendar.importErrors.badShape' };
  const { year, days } = parsed.data;
  const own = days.filter((d) => d.date.startsWith(`${year}-`));
  // A notice can mention a neighbouring year's day (e.g. a 31 December off day); those belong to that year's own file.
  const ignoredDays = days.filter((d) => !d.date.startsWith(`${year}-`)).map((d) => d.date);
  if (own.length === 0) return { ok: false, messageKey: 'calendar.importErrors.noDaysInYear' };
  return {
    ok: true,
    ignoredDays,
    year: {
      year,
      source,
      holidays: own.filter((d) => d.isOffDay).map((d) => d.date).sort(),
      workdays: own.filter((d) => !d.isOffDay).map((d) => d.date).sort(),
    },
  };
}
