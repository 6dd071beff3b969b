/**
 * 文号: the unit's prefix as printed (宣应急, （宣）应急) + the document type's 代字 (责改, 检记…)
 * + 〔year〕 in 六角括号 + serial + 号, e.g. 宣应急责改〔2026〕3号.
 */
export function formatDocumentNumber(prefix: string, code: string, year: number, serial: number): string {
  return `${prefix}${code}〔${year}〕${serial}号`;
}

/** What a draft shows where its number will go: the blanks a printed form has. */
export function draftNumber(prefix: string, code: string): string {
  // Room to write the year (four digits) and the serial by hand on a blank form.
  return `${prefix}${code}〔\u3000\u3000\u3000〕\u3000\u3000号`;
}

/**
 * The series a number belongs to: one per 代字 (types that print the same 代字 share it), or the
 * case's own serial when the unit numbers a case's documents together (a setting; cases come with
 * the case work). Internal types without a 代字 count on their own.
 */
export function numberSeries(
  type: string,
  code: string | null,
  scheme: 'per-type' | 'per-case',
  caseId: number | null,
): string {
  if (scheme === 'per-case' && caseId !== null) return `case:${caseId}:${code ?? type}`;
  return code ? `code:${code}` : `type:${type}`;
}
