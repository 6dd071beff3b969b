import type { AbsenceKind } from '../../base/vocabulary.ts';
import { addCalendarDays, isWorkday, type WorkCalendar } from '../workdays.ts';

export interface Absence {
  officerId: number;
  kind: AbsenceKind;
  from: string;
  to: string;
}

/** The absence that keeps an officer away on a day, if any (withdrawn ones are not passed in). */
export const absenceOn = (absences: Absence[], officerId: number, day: string): Absence | undefined =>
  absences.find((a) => a.officerId === officerId && a.from <= day && day <= a.to);

/**
 * Working days each officer is away in [from, to], by kind: what the working-day method subtracts. Overlapping
 * absences count a day once, under the one that began first. `uncoveredYears`: years the calendar does not hold
 * (their days are the Monday–Friday guess), for the 待核实 note.
 */
export function absentWorkdays(
  absences: Absence[],
  cal: WorkCalendar,
  from: string,
  to: string,
): { byOfficer: Map<number, Partial<Record<AbsenceKind, number>>>; uncoveredYears: number[] } {
  const byOfficer = new Map<number, Partial<Record<AbsenceKind, number>>>();
  const uncovered = new Set<number>();
  // Began first, then ended first, then the officer and kind: the same answer whatever order they come in.
  const key = (a: Absence) => `${a.from}|${a.to}|${String(a.officerId).padStart(9, '0')}|${a.kind}`;
  const sorted = [...absences].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const counted = new Map<number, Set<string>>();
  for (const a of sorted) {
    const seen = counted.get(a.officerId) ?? new Set<string>();
    counted.set(a.officerId, seen);
    const kinds = byOfficer.get(a.officerId) ?? {};
    byOfficer.set(a.officerId, kinds);
    const start = a.from > from ? a.from : from;
    const end = a.to < to ? a.to : to;
    for (let day = start; day <= end; day = addCalendarDays(day, 1)) {
      if (seen.has(day)) continue;
      seen.add(day);
      const answer = isWorkday(cal, day);
      if (answer.uncertain) uncovered.add(Number(day.slice(0, 4)));
      if (answer.workday) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
    }
  }
  return { byOfficer, uncoveredYears: [...uncovered].sort() };
}
