import { z } from 'zod';
import { isoDate } from './common.ts';

const day = isoDate;

/** One year of the working-day calendar: statutory days off and 调休 make-up working days. */
export const calendarYear = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(day),
  workdays: z.array(day),
  source: z.string(),
});
export type CalendarYear = z.infer<typeof calendarYear>;
