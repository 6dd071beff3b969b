import { z } from 'zod';
import { isoDate } from '../entities/common.ts';
import type { CalendarYear } from '../entities/calendar.ts';

/**
 * The admin import for years the bundled calendar does not cover. It takes the format of the
 * widely used holiday-cn files ({ year, papers, days: [{ name, date, isOffDay }] }), which are
 * transcribed from the State Council's notice each year.
 */
const holidayCnFile = z.object({
  year: z.number().int().min(2000).max(2100),
  papers: z.array(z.string()).optional(),
  days: z
    .array(
      z.object({
        name: z.string(),
        date: isoDate,
        isOffDay: z.boolean(),
      }),
    )
    .min(1),
});
type HolidayDay = z.infer<typeof holidayCnFile>['days'][number];

export type CalendarImportErrorKey =
  | 'calendar.importErrors.notJson'
  | 'calendar.importErrors.badShape'
  | 'calendar.importErrors.noDaysInYear'
  | 'calendar.importErrors.outsideYear'
  | 'calendar.importErrors.offAndWorking'
  | 'calendar.importErrors.dayTwice'
  | 'calendar.importErrors.workdayOnWeekday';

export type CalendarImportResult =
  | { ok: true; year: CalendarYear; ignoredDays: string[] }
  | { ok: false; messageKey: CalendarImportErrorKey; params?: { date: string; year?: number; names?: string } };

type Refusal = Extract<CalendarImportResult, { ok: false }>;

export function parseHolidayFile(text: string, source: string): CalendarImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, messageKey: 'calendar.importErrors.notJson' };
  }
  const parsed = holidayCnFile.safeParse(json);
  if (!parsed.success) return { ok: false, messageKey: 'calendar.importErrors.badShape' };
  const { year, days } = parsed.data;
  const refusal = contradiction(year, days);
  if (refusal) return refusal;
  const own = days.filter((d) => d.date.startsWith(`${year}-`));
  // A notice can settle the last days of December before (元旦's bridge); those belong to that year's own schedule.
  const ignoredDays = [...new Set(days.filter((d) => !d.date.startsWith(`${year}-`)).map((d) => d.date))].sort();
  if (own.length === 0) return { ok: false, messageKey: 'calendar.importErrors.noDaysInYear' };
  const dates = (off: boolean) => [...new Set(own.filter((d) => d.isOffDay === off).map((d) => d.date))].sort();
  return { ok: true, ignoredDays, year: { year, source, holidays: dates(true), workdays: dates(false) } };
}

/**
 * A file that contradicts itself is refused whole rather than half believed, since every statutory
 * deadline of the year would rest on it. The first problem in date order is named, so the admin can
 * fix the file by hand and try again.
 */
function contradiction(year: number, days: HolidayDay[]): Refusal | null {
  const seen = new Map<string, HolidayDay>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!d.date.startsWith(`${year}-`) && !d.date.startsWith(`${year - 1}-12-`)) {
      return { ok: false, messageKey: 'calendar.importErrors.outsideYear', params: { date: d.date, year } };
    }
    const first = seen.get(d.date);
    if (first && first.isOffDay !== d.isOffDay)
      return { ok: false, messageKey: 'calendar.importErrors.offAndWorking', params: { date: d.date } };
    // The same day twice under two names is a copying slip; notices name a shared day once (中秋节、国庆节).
    if (first && first.name.trim() !== d.name.trim()) {
      return {
        ok: false,
        messageKey: 'calendar.importErrors.dayTwice',
        params: { date: d.date, names: `${first.name}、${d.name}` },
      };
    }
    // 调休 moves a weekend into the week; a "make-up" Monday–Friday would change nothing and hides a wrong date.
    if (!d.isOffDay && !isWeekend(d.date))
      return { ok: false, messageKey: 'calendar.importErrors.workdayOnWeekday', params: { date: d.date } };
    seen.set(d.date, d);
  }
  return null;
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
