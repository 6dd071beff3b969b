/**
 * Calendar dates as a squad in China counts them (Asia/Shanghai, UTC+8, no daylight saving),
 * whatever time zone the PC's clock is set to.
 */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A moment as the clock in China reads it: one the core stamped with its zone (2026-11-22T21:45:00.000Z)
 * is 2026-11-23 05:45; one typed in as China's wall clock, with no zone (a service at 2026-09-28T10:00),
 * is already that.
 */
export function chinaClock(iso: string): { date: string; time: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) return { date: iso.slice(0, 10), time: iso.slice(11, 16) || '00:00' };
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const wall = new Date(at + 8 * 3600_000).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** 2026年11月22日: the form dates take in official documents. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The days among a message's parameters written as Chinese readers read them (2026-11-20 → 2026年11月20日): the core
 * says a day as its ISO form, the screen says it in the user's language. Anything else is left as it came.
 */
export function chineseDateParams(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!params) return params;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? chineseDate(v) : v,
    ]),
  );
}

/** 2026年11月22日9时30分 from a local date-time 2026-11-22T09:30: the 检查时间 form on records. */
export function chineseDateTime(localDateTime: string): string {
  return `${chineseDate(localDateTime.split('T')[0])}${chineseTime(localDateTime)}`;
}

/** The time part only, as the forms write it: Arabic numerals, the minutes in two digits (9时00分, 11时05分). */
export function chineseTime(localDateTime: string): string {
  const [h, min] = (localDateTime.split('T')[1] ?? '00:00').split(':').map(Number);
  return `${h}时${String(min).padStart(2, '0')}分`;
}
