import { describe, expect, it } from 'vitest';
import { closureWindow } from '../../../shared/domain/case-procedure.ts';

/**
 * 第一百一十三条第（一）项: three penalties in 180 days or four in a year, counted from the penalties' own dates; the first
 * day not counted (民法典 第二百零一条), so the 180 days run to the 180th day after it, the year to its corresponding day.
 */
describe('closureWindow', () => {
  it('finds three penalties within 180 days whatever today is, the third on the 180th day after the first', () => {
    // 1 Jan, 1 Mar, 30 Jun 2025 (the 180th day after 1 Jan); looked at in December 2026.
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-06-30'])).toEqual({
      count: 3,
      days: 180,
      from: '2025-01-01',
      to: '2025-06-30',
    });
  });

  it('does not count a third penalty on the 181st day (near miss), but four within the year to its corresponding day', () => {
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-07-01'])).toBeNull();
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-07-01', '2026-01-01'])).toEqual({
      count: 4,
      days: 365,
      from: '2025-01-01',
      to: '2026-01-01',
    });
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-07-01', '2026-01-02'])).toBeNull();
  });

  it('gives the latest window, in any order of input', () => {
    expect(
      closureWindow(['2026-05-01', '2025-01-01', '2026-03-01', '2025-02-01', '2025-03-01', '2026-04-01']),
    ).toMatchObject({ from: '2026-03-01', to: '2026-05-01', count: 3, days: 180 });
  });
});
