import { describe, expect, it } from 'vitest';
import { closureWindow } from '../../../shared/domain/case-procedure.ts';

/** 第一百一十三条第（一）项: three penalties in 180 days or four in a year, counted from the penalties' own dates. */
describe('closureWindow', () => {
  it('finds three penalties within 180 days whatever today is', () => {
    // 1 Jan, 1 Mar, 29 Jun 2025: the third is on the 179th day after the first; looked at in December 2026.
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-06-29'])).toEqual({
      count: 3,
      days: 180,
      from: '2025-01-01',
      to: '2025-06-29',
    });
  });

  it('does not count a third penalty on the 180th day after the first (near miss), but four within a year', () => {
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-06-30'])).toBeNull();
    expect(closureWindow(['2025-01-01', '2025-03-01', '2025-06-30', '2025-12-31'])).toEqual({
      count: 4,
      days: 365,
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('gives the latest window, in any order of input', () => {
    expect(
      closureWindow(['2026-05-01', '2025-01-01', '2026-03-01', '2025-02-01', '2025-03-01', '2026-04-01']),
    ).toMatchObject({ from: '2026-03-01', to: '2026-05-01', count: 3, days: 180 });
  });
});
