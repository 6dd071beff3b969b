import { describe, expect, it } from 'vitest';
import { orderClause, violationWording } from '../../../shared/documents/wording.ts';

describe('a violation’s penalty as the forms write it', () => {
  it('puts 没收违法所得 first, with the amount the case established, then the fine and the other penalties', () => {
    expect(
      violationWording({ fine: 450000, gains: 150000, measures: ['责令限期改正', '没收违法所得', '责令停产停业整顿'] }),
    ).toEqual({
      penalty: '没收违法所得人民币壹拾伍万元整（¥150,000.00），罚款人民币肆拾伍万元整（¥450,000.00），责令停产停业整顿',
      order: '责令限期改正',
    });
  });

  it('words 责令改正 as a separate order, addressed to the party, never as a kind of penalty (行政处罚法 第九条、第二十八条)', () => {
    const w = violationWording({ fine: 30000, measures: ['责令限期消除事故隐患'] });
    expect(w).toEqual({ penalty: '罚款人民币叁万元整（¥30,000.00）', order: '责令限期消除事故隐患' });
    expect(`决定给予${w.penalty}的行政处罚${orderClause(w.order, '你单位')}。`).toBe(
      '决定给予罚款人民币叁万元整（¥30,000.00）的行政处罚，并责令你单位限期消除事故隐患。',
    );
    expect(orderClause('', '你单位')).toBe('');
    expect(orderClause('责令限期改正，责令立即消除或者限期消除', '你')).toBe(
      '，并责令你限期改正，责令你立即消除或者限期消除',
    );
  });

  it('writes a bare confiscation only as a fallback: the core refuses to record one without gains', () => {
    expect(violationWording({ fine: 0, gains: null, measures: ['没收违法所得'] }).penalty).toBe('没收违法所得');
  });
});
