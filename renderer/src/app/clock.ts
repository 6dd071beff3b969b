import dayjs, { type Dayjs } from 'dayjs';
import { chinaDate } from '../../../shared/domain/dates.ts';

/**
 * The screens' clock: the core's. The core says what time it is with every app:info, and the
 * renderer keeps the difference from the PC's own clock, so "today" on a screen is the core's
 * today — the same day its rules refuse with, also when a host or a test pins the core's clock.
 * Nothing else in the renderer asks the browser for the time (lint).
 */
let offsetMs = 0;

/** Called with the core's ISO "now" as it arrives. */
export function syncClock(coreNow: string): void {
  const core = Date.parse(coreNow);
  if (!Number.isNaN(core)) offsetMs = core - Date.now();
}

export const now = (): Date => new Date(Date.now() + offsetMs);

/** Today as the core counts it (China time), YYYY-MM-DD. */
export const today = (): string => chinaDate(now());

/** Now as a Dayjs, for date pickers' defaults and limits. */
export const nowDayjs = (): Dayjs => dayjs(now());
