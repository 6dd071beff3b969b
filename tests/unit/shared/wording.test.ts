import { describe, expect, it } from 'vitest';
import { violationPenalty } from '../../../shared/documents/wording.ts';

describe('a violation’s penalty as the forms write it', () => {
  it('puts 没收违法所得 first, with the amount the case established, then the fine and the other measures', () => {
    expect(violationPenalty({ fine: 450000, gains: 150000, measures: ['责令限期改正', '没收违法所得'] })).toBe(
      '没收违法所得人民币壹拾伍万元整（¥150,000.00），罚款人民币肆拾伍万元整（¥450,000.00），责令限期改正',
    );
  });

  it('writes a plain fine as before (and a bare confiscation, which the core refuses to record without gains)', () => {
    expect(violationPenalty({ fine: 0, gains: null, measures: ['没收违法所得'] })).toBe('没收违法所得');
    expect(violationPenalty({ fine: 20000, measures: ['责令限期消除事故隐患'] })).toBe(
      '罚款人民币贰万元整（¥20,000.00），责令限期消除事故隐患',
    );
  });
});
