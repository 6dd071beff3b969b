import { describe, expect, it } from 'vitest';
import { checkIdCard, idCheckChar, maskIdCard } from '../../../shared/base/id-card.ts';

const TODAY = '2026-11-22';

describe('居民身份证号 (GB 11643)', () => {
  it('accepts the standard sample and reads birth date and sex', () => {
    expect(checkIdCard('11010519491231002X', TODAY)).toEqual({
      normalized: '11010519491231002X',
      error: null,
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });
  it('accepts a lower-case x and full-width digits', () => {
    expect(checkIdCard('11010519491231002x', TODAY).error).toBeNull();
    expect(checkIdCard('１１０１０５１９４９１２３１００２Ｘ', TODAY).normalized).toBe('11010519491231002X');
  });
  it('rejects a wrong check character', () => {
    expect(checkIdCard('110105194912310021', TODAY).error).toBe('validation.idCard.checkChar');
  });
  it('rejects impossible and future birth dates', () => {
    const feb30 = '51172219900230001';
    expect(checkIdCard(feb30 + idCheckChar(feb30), TODAY).error).toBe('validation.idCard.birthDate');
    const future = '51172220300101001';
    expect(checkIdCard(future + idCheckChar(future), TODAY).error).toBe('validation.idCard.birthDate');
  });
  it('converts a legacy 15-digit number', () => {
    const r = checkIdCard('110105491231002', TODAY);
    expect(r.error).toBeNull();
    expect(r.normalized).toMatch(/^11010519491231002.$/);
  });
  it('rejects other shapes', () => {
    expect(checkIdCard('12345', TODAY).error).toBe('validation.idCard.format');
  });
  it('masks all but the region prefix and the last four', () => {
    expect(maskIdCard('11010519491231002X')).toBe('1101**********002X');
  });
});
