import type { Content } from 'pdfmake/interfaces.js';
import { BLANK_DATE, paragraph } from './layout.ts';
import { chineseDate } from '../domain/dates.ts';
import { issued, live } from '../domain/case-procedure.ts';
import { documentRef, referredTo } from '../domain/case-measures.ts';
import type { ValidationIssue } from '../base/errors.ts';
import type { CaseDetail, CaseDocument, PartyKey } from '../entities/case.ts';
import { caseParty } from './case-violations.ts';
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
export function madeWhen(typeName: string, ref: string, to = '', date: string | null = null): string {
  const r = ref.trim();
  if (!r) return `于${BLANK_DATE}${to}作出《${typeName}》`;
  const dated = r.startsWith(typeName) ? /^（(.+)）$/.exec(r.slice(typeName.length)) : null;
  if (dated) return `于${dated[1]}${to}作出《${typeName}》`;
  return `${date ? `于${chineseDate(date)}` : ''}${to}作出《${typeName}》（${r}）`;
}

/** The day the document a later one names by `ref` bears (the latest of its type where the reference names none). */
export function referredDate(src: PrefillSource, type: string, ref: unknown): string | null {
  const docs = src.case ? issued(src.case.detail, type) : [];
  return referredTo(docs, ref).doc?.date ?? null;
}

/** The 负责人 who signed the case's latest approval (立案, 呈批…): who most likely approves its measures too. */
export function caseApprover(detail: Pick<CaseDetail, 'events'> | undefined): string {
  return detail
    ? (live(detail.events, 'approval')
        .filter((a) => a.role === 'approve' && a.approved)
        .at(-1)?.name ?? '')
    : '';
}

/**
 * Paragraphs as a form prints them: justified when filled in; ragged on a blank form, where a line
 * ending in blanks to fill would otherwise be stretched across the page.
 */
export function paragraphsFor(blank: boolean): (text: string) => Content {
  return (text) => (blank ? ({ ...(paragraph(text) as object), alignment: 'left' } as Content) : paragraph(text));
}

/** R-PARTY-CONSISTENCY: the party (the unit unless another is given) named on the document as the case names it. */
export function partyNameCheck(partyName: string, src: PrefillSource, party: PartyKey = 'unit'): ValidationIssue[] {
  if (!src.case) return [];
  const named = caseParty(src.case.detail, party);
  if (!named) return [{ path: ['party'], key: 'cases.rules.unknownParty' }];
  return partyName !== named.name
    ? [{ path: ['partyName'], key: 'documents.rules.partyNameMismatch', params: { name: named.name } }]
    : [];
}

/** 宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患案: the case as the documents name it. */
export function caseNameOf(d: Pick<CaseDetail, 'unit' | 'cause'> | undefined): string {
  return d ? `${d.unit.name}${d.cause.endsWith('案') ? d.cause : `${d.cause}案`}` : '';
}

/**
 * The issued document of `type` a later one refers to by `ref` (its number, or name and date), with
 * the issue that the case has none (`missingKey`) or that the reference names another.
 */
export function referredDocument(
  src: PrefillSource,
  type: string,
  ref: string,
  missingKey: string,
): { doc: CaseDocument | null; issues: ValidationIssue[] } {
  const docs = src.case ? issued(src.case.detail, type) : [];
  if (!docs.length) return { doc: null, issues: [{ path: ['case'], key: missingKey }] };
  const { doc, named } = referredTo(docs, ref);
  return {
    doc: doc!,
    issues: named
      ? []
      : [{ path: ['decisionNumber'], key: 'documents.rules.decisionRefMismatch', params: { ref: documentRef(doc!) } }],
  };
}
