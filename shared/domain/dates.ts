/**
 * Calendar dates as a squad in China counts them (Asia/Shanghai, UTC+8, no daylight saving),
 * whatever time zone the PC's clock is set to.
 */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 2026年11月22日: the form dates take in official documents. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
