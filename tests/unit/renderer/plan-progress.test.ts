import { describe, expect, it } from 'vitest';
import { coverageDeadline, coverageUrgent, daysUntil, rate } from '../../../renderer/src/features/plans/progress.ts';

describe('执行情况: rates from the counts', () => {
  it.each([
    [3, 7, '42.9%'],
    [1, 2, '50.0%'],
    [7, 7, '100.0%'],
    [0, 7, '0.0%'],
    [1, 8, '12.5%'],
    // A half tenth rounds up, as worked by hand (201/400*1000 is 502.4999… in floating point).
    [201, 400, '50.3%'],
  ])('%i of %i is %s', (done, of, shown) => expect(rate(done, of)).toBe(shown));

  it('has none when there is nothing to count against', () => {
    expect(rate(0, 0)).toBeNull();
  });

  it('never reads as all done while one is missing, nor as none once one is done', () => {
    expect(rate(1999, 2000)).toBe('99.9%');
    expect(rate(1, 3000)).toBe('0.1%');
  });
});

describe('执行情况: the year-end deadline', () => {
  it('counts calendar days to the end of December', () => {
    expect(coverageDeadline(2026)).toBe('2026-12-31');
    expect(daysUntil('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysUntil('2026-12-31', '2026-12-31')).toBe(0);
    expect(daysUntil('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysUntil('2027-01-02', '2026-12-31')).toBe(-2);
  });

  const progress = (missing: number) => ({
    year: 2026,
    key: {
      enterprises: 7,
      covered: 7 - missing,
      visitsPlanned: 7,
      visitsDone: 7 - missing,
      rows: [],
      notCovered: Array.from({ length: missing }, (_, i) => ({
        enterpriseId: i + 1,
        name: `企业${i + 1}`,
        township: '城关镇',
        visits: 1,
        otherInspections: 0,
      })),
    },
  });

  it('is urgent in the plan year’s December while some are not covered', () => {
    expect(coverageUrgent(progress(4), '2026-12-01')).toBe(true);
    expect(coverageUrgent(progress(4), '2026-12-31')).toBe(true);
    expect(coverageUrgent(progress(4), '2026-11-30')).toBe(false);
    expect(coverageUrgent(progress(0), '2026-12-15')).toBe(false);
    // The next December is another plan's.
    expect(coverageUrgent(progress(4), '2027-12-15')).toBe(false);
  });
});
