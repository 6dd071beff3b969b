import { z } from 'zod';
import type { YearChange } from '../../domain/calendar-diff.ts';
import type { CalendarYear } from '../../entities/calendar.ts';
import { channel } from './channel.ts';
import { none, textFile } from './fragments.ts';

/** The working-day calendar: statutory holidays and 调休 days by year. */
export interface CalendarInfo {
  years: {
    year: number;
    source: string;
    importedBy: string | null;
    holidays: number;
    makeUpWorkdays: number;
    workdays: number;
  }[];
  data: CalendarYear[];
  uncoveredCurrentOrNext: number[];
}

/**
 * A holiday-schedule import: applied at once when it adds a year or moves no day of a covered one.
 * Otherwise nothing is written (applied: false) until the same file is sent again with confirm, since
 * a replaced schedule moves every deadline of its year; `changes` are the days that move, per year.
 */
export interface CalendarImportOutcome {
  applied: boolean;
  year: number;
  ignoredDays: string[];
  changes: YearChange[];
  /** A fingerprint of `changes`: a confirmation that names it applies only those changes, not others made meanwhile. */
  basis: string;
}

export const calendarChannels = {
  'calendar:get': channel<CalendarInfo>()({ input: none, access: 'signed-in' }),
  'calendar:import': channel<CalendarImportOutcome>()({
    input: z.object({
      ...textFile(1_000_000),
      confirm: z.boolean().default(false),
      basis: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
    access: 'calendar.manage',
  }),
} as const;
