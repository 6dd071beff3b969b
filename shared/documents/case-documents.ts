import type { Content } from 'pdfmake/interfaces.js';
import { BLANK_DATE, paragraph } from './layout.ts';
import { live } from '../domain/case-procedure.ts';
import type { ValidationIssue } from '../api/errors.ts';
import type { CaseDetail } from '../entities/case.ts';
import type { PrefillSource } from './template.ts';

/**
 * A later document of a case refers back to an earlier one (an extension to its 查封扣押决定书, a
 * notice to its 停止供电决定书): found among the case's documents issued and in force, and named as
 * the forms cite it (documentRef and referredTo in domain/case-measures.ts, which the deadlines read too).
 */

/**
 * How a later document tells of the earlier one: 于2026年11月20日对你单位作出《查封扣押决定书》 for one
 * named by its date, 对你单位作出《查封扣押决定书》（宣应急…〔2026〕1号） for one with a number.
 */
export function madeWhen(typeName: string, ref: string, to = ''): string {
  const r = ref.trim();
  if (!r) return `于${BLANK_DATE}${to}作出《${typeName}》`;
  const dated = r.startsWith(typeName) ? /^（(.+)）$/.exec(r.slice(typeName.length)) : null;
  return dated ? `于${dated[1]}${to}作出《${typeName}》` : `${to}作出《${typeName}》（${r}）`;
}

/** The 负责人 who signed the case's latest approval (立案, 呈批…): who most likely approves its measures too. */
export function caseApprover(detail: Pick<CaseDetail, 'events'> | undefined): string {
  return detail ? live(detail.events, 'approval').filter((a) => a.role === 'approve' && a.approved).at(-1)?.name ?? '' : '';
}

/**
 * Paragraphs as a form prints them: justified when filled in; ragged on a blank form, where a line
 * ending in blanks to fill would otherwise be stretched across the page.
 */
export function paragraphsFor(blank: boolean): (text: string) => Content {
  return (text) => (blank ? { ...(paragraph(text) as object), alignment: 'left' } as Content : paragraph(text));
}

/** R-PARTY-CONSISTENCY: the unit named on the document as the case names it. */
export function partyNameCheck(partyName: string, src: PrefillSource): ValidationIssue[] {
  const name = src.case?.detail.unit.name;
  return name !== undefined && partyName !== name ? [{ path: ['partyName'], key: 'documents.rules.partyNameMismatch', params: { name } }] : [];
}
