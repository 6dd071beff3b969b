/** 居民身份证号码 (GB 11643-1999): region, birth date, sequence, check character. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdCardError = 'validation.idCard.format' | 'validation.idCard.birthDate' | 'validation.idCard.checkChar';

export interface IdCardCheck {
  normalized: string;
  error: IdCardError | null;
  birthDate?: string;
  sex?: 'male' | 'female';
}

/** `today` (YYYY-MM-DD) is passed in so the rule stays pure and testable. */
export function checkIdCard(raw: string, today: string): IdCardCheck {
  let normalized = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toUpperCase();
  // Legacy 15-digit numbers: insert the century and compute the check character.
  if (/^\d{15}$/.test(normalized)) {
    const first17 = normalized.slice(0, 6) + '19' + normalized.slice(6);
    normalized = first17 + idCheckChar(first17);
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) return { normalized, error: 'validation.idCard.format' };
  const y = normalized.slice(6, 10),
    m = normalized.slice(10, 12),
    d = normalized.slice(12, 14);
  const birthDate = `${y}-${m}-${d}`;
  const date = new Date(`${birthDate}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== birthDate ||
    birthDate > today ||
    Number(y) < 1900
  ) {
    return { normalized, error: 'validation.idCard.birthDate' };
  }
  if (idCheckChar(normalized.slice(0, 17)) !== normalized[17])
    return { normalized, error: 'validation.idCard.checkChar' };
  return { normalized, error: null, birthDate, sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Lists show 5117**********123X: region prefix and the last four, never the birth date. */
export function maskIdCard(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
