/**
 * The one clock of the core and its hosts. Nothing else asks the machine for the time: every "now"
 * and "today" comes from the clock the core was created with, so a test, the demo seed or a browser
 * session pinned to a day sees that day everywhere (lint forbids Date.now(), new Date() and dayjs()
 * without arguments outside this file and the renderer's clock).
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Not an instant a clock can start from. */
export class ClockError extends Error {}

/** The instant an ISO 8601 text names; a date alone is 10:00 China time that day (mid-morning, far from midnight). */
export function parseInstant(text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T10:00:00+08:00` : text;
  const at = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at.getTime()))
    throw new ClockError(`not an ISO 8601 date or time: ${text}`);
  return at;
}

/**
 * A clock set to `at` that runs on from there as the machine's time passes (monotonic, so moving the
 * PC's clock does not move it): the day stays put for a test run, and stamps still come in order.
 */
export function pinnedClock(at: Date | string): Clock {
  const start = typeof at === 'string' ? parseInstant(at) : at;
  const t0 = performance.now();
  return () => new Date(start.getTime() + Math.floor(performance.now() - t0));
}

/** A clock that never moves (core tests: every stamp the same instant). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? parseInstant(at) : at;
  return () => new Date(instant.getTime());
}

/**
 * The hosts' clock: the machine's, unless `--clock <ISO>` or ENFORCE_CLOCK pins it (tests, demos
 * and training sessions run on a chosen day).
 */
export function hostClock(
  args: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Clock {
  const i = args.indexOf('--clock');
  const text = i >= 0 ? args[i + 1] : env.ENFORCE_CLOCK;
  if (!text) return systemClock;
  const clock = pinnedClock(text);
  // Said once, loudly: every stamp, date and number year written from here on follows this day.
  console.warn(
    `[clock] 时钟固定为 ${clock().toISOString()}（--clock / ENFORCE_CLOCK）：记录和文书日期均按此时间 / the clock is pinned; records and documents are dated by it`,
  );
  return clock;
}
