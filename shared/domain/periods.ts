import type { StatutoryPeriod } from '../entities/period.ts';
import { addCalendarDays, addWorkdays, type DeadlineAnswer, type WorkCalendar } from './workdays.ts';

/**
 * When a statutory period ends, from the event it runs from. The start day is not counted; a
 * calendar-day or month period ending on a rest day moves to the next working day; working-day
 * periods skip holidays and count 调休 working days. "Before" periods give the last day the step
 * may happen. Anything touching a year the calendar does not cover comes back uncertain (待核实).
 */
export interface PeriodAnswer extends DeadlineAnswer {
  period: string;
  basis: string;
  /** The rule itself is marked uncertain in the knowledge file. */
  ruleUncertain: boolean;
}

/** Same day N months later; a day the month lacks (31 August + 6 months) becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function periodEnd(cal: WorkCalendar, period: StatutoryPeriod, event: string): PeriodAnswer {
  const meta = { period: period.id, basis: period.basis, ruleUncertain: period.uncertain };
  const step = period.direction === 'before' ? -1 : 1;
  if (period.unit === 'hours') {
    // Hours run on the clock: 24 hours before a measure, whatever the day.
    const t = new Date(`${event.length === 10 ? `${event}T00:00` : event}:00Z`);
    t.setUTCHours(t.getUTCHours() + step * period.length);
    return { ...meta, date: t.toISOString().slice(0, 16), uncertain: false, uncoveredYears: [] };
  }
  if (period.unit === 'workdays') return { ...meta, ...addWorkdays(cal, event, period.length, step) };
  const end =
    period.unit === 'months' ? addMonths(event, step * period.length) : addCalendarDays(event, step * period.length);
  // A period ending on a rest day moves to the next working day; a "before" period, to the last one before it.
  return { ...meta, ...addWorkdays(cal, end, 0, step) };
}

/** The version of a period in force on a day (rules change: the 2015 办法 gave way on 2026-02-01). */
export function periodInForce(periods: StatutoryPeriod[], id: string, on: string): StatutoryPeriod | null {
  return (
    periods.find(
      (p) => p.id === id && (!p.effectiveFrom || p.effectiveFrom <= on) && (!p.effectiveTo || on <= p.effectiveTo),
    ) ?? null
  );
}
