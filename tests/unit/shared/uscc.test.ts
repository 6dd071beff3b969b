import { describe, expect, it } from 'vitest';
import { checkUscc, normalizeCode, orgCodeCheckChar, usccCheckChar } from '../../../shared/base/uscc.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character matches', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L'])
      expect(checkUscc(code)).toMatchObject({ normalized: code, error: null, warnings: [] });
  });

  it('computes the check character from the first 17', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('rejects a wrong check character and says which one is expected', () => {
    expect(checkUscc('911100001000133979')).toMatchObject({ error: 'validation.uscc.checkChar', expected: '7' });
    expect(checkUscc('91350100M000100Y42')).toMatchObject({ error: 'validation.uscc.checkChar', expected: '3' });
  });

  it('normalises full-width, lower-case and spaced input', () => {
    expect(normalizeCode('９１３５０１００ｍ０００１００ｙ４３')).toBe('91350100M000100Y43');
    expect(checkUscc(' 91350100-m000100y43 ')).toMatchObject({ normalized: '91350100M000100Y43', error: null });
  });

  it('rejects wrong length and excluded letters, suggesting a fix without applying it', () => {
    expect(checkUscc('9135010')).toMatchObject({ error: 'validation.uscc.length' });
    const withO = checkUscc('9135O100M000100Y43');
    expect(withO).toMatchObject({
      error: 'validation.uscc.chars',
      suggestion: '91350100M000100Y43',
      normalized: '9135O100M000100Y43',
    });
  });

  it('treats a bad embedded organisation code as a warning only', () => {
    // Body 12345678 has org check 8 (GB 11714); put 9 there and recompute the USCC check so only the inner one is off.
    expect(orgCodeCheckChar('12345678')).toBe('8');
    const first17 = '915117221234567899'.slice(0, 17);
    const code = first17 + usccCheckChar(first17);
    expect(checkUscc(code)).toMatchObject({ error: null, warnings: ['validation.uscc.orgCode'] });
  });

  it('computes the organisation-code check with letters valued A=10…Z=35', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('60003734')).toBe('1');
  });
});
