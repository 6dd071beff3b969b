import { describe, expect, it } from 'vitest';
import { isCorrectionOrder, orderedByTheDepartment } from '../../../shared/domain/measures.ts';

describe('measures beside a penalty', () => {
  it('tells an order to correct from a penalty', () => {
    for (const m of ['责令限期改正', '责令立即消除或者限期消除', '责令限期消除事故隐患', '责令改正'])
      expect(isCorrectionOrder(m), m).toBe(true);
    for (const m of ['责令停产停业整顿', '责令停止建设或者停产停业整顿', '没收违法所得', '警告'])
      expect(isCorrectionOrder(m), m).toBe(false);
  });

  it('offers what this department orders itself, not what others decide', () => {
    for (const m of ['责令限期改正', '责令停产停业整顿', '没收违法所得'])
      expect(orderedByTheDepartment(m), m).toBe(true);
    for (const m of ['给予降级、撤职的处分', '对逃匿的处十五日以下拘留', '提请地方人民政府予以关闭'])
      expect(orderedByTheDepartment(m), m).toBe(false);
  });
});
