/**
 * 文号: the unit's prefix as printed (宣应急, （宣）应急) + the document type's 代字 (责改, 检记…)
 * + 〔year〕 in 六角括号 + serial + 号, e.g. 宣应急责改〔2026〕3号.
 */
export function formatDocumentNumber(prefix: string, code: string, year: number, serial: number): string {
  return `${prefix}${code}〔${year}〕${serial}号`;
}

/** What a draft shows where its number will go: the blanks a printed form has. */
export function draftNumber(prefix: string, code: string): string {
  return `${prefix}${code}〔    〕  号`;
}

/** The series a number belongs to: one per document type, or the whole case sharing its serial (a setting). */
export function numberSeries(type: string, scheme: 'per-type' | 'per-case', caseId: number | null): string {
  return scheme === 'per-case' && caseId !== null ? `case:${caseId}` : `type:${type}`;
}
