/**
 * 统一社会信用代码 (GB 32100-2015) and the embedded 组织机构代码 (GB 11714).
 * Pure rules; the messages are translation keys so every host shows them in the user's language.
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Full-width → half-width, upper-case, and drop spaces and dashes people type between groups. */
export function normalizeCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-－]/g, '')
    .toUpperCase();
}

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function orgCodeCheckChar(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i] ?? '';
    const v = /^\d$/.test(ch) ? Number(ch) : /^[A-Z]$/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export interface CodeCheck {
  /** The code as it should be stored. */
  normalized: string;
  /** Translation key of the blocking problem, if any. */
  error: UsccError | null;
  /** Translation keys of problems that do not block saving. */
  warnings: UsccWarning[];
  /** For a bad check character: the one the first 17 characters call for. */
  expected?: string;
  /** Characters people often mistype (O for 0, I for 1…): offered, never applied silently. */
  suggestion?: string;
}

export type UsccError = 'validation.uscc.length' | 'validation.uscc.chars' | 'validation.uscc.checkChar';
export type UsccWarning = 'validation.uscc.orgCode';

const MISTYPES: Record<string, string> = { O: '0', I: '1', S: '5', Z: '2' };

export function checkUscc(raw: string): CodeCheck {
  const normalized = normalizeCode(raw);
  const warnings: UsccWarning[] = [];
  if (normalized.length !== 18) return { normalized, error: 'validation.uscc.length', warnings };
  if (!USCC_SHAPE.test(normalized)) {
    const fixed = normalized.replace(/[OISZ]/g, (c) => MISTYPES[c]);
    const suggestion = USCC_SHAPE.test(fixed) && usccCheckChar(fixed.slice(0, 17)) === fixed[17] ? fixed : undefined;
    return { normalized, error: 'validation.uscc.chars', warnings, suggestion };
  }
  const expected = usccCheckChar(normalized.slice(0, 17));
  if (expected !== normalized[17])
    return { normalized, error: 'validation.uscc.checkChar', warnings, expected: expected ?? undefined };
  if (orgCodeCheckChar(normalized.slice(8, 16)) !== normalized[16]) warnings.push('validation.uscc.orgCode');
  return { normalized, error: null, warnings };
}

export const isValidUscc = (raw: string): boolean => checkUscc(raw).error === null;
