import { z } from 'zod';
import type { RowsCell } from './form.ts';
import { ROOM } from './layout.ts';
import { optionalText, required } from '../entities/common.ts';
import { type CaseDetail, partyKey, type PartyKey, type PersonParty, type Violation } from '../entities/case.ts';
import { decisionOf, totalFine, violationsOf } from '../domain/case-procedure.ts';
import type { ValidationIssue } from '../base/errors.ts';
import { violationWording } from './wording.ts';

/**
 * The violations a 告知书 or 决定书 states, one row each: facts, the provision violated, the penalty
 * basis and the penalty, prefilled from the approved 呈批 (partyPart).
 */
export const caseViolationRow = z.object({
  facts: required(z.string().max(4000)),
  violatedProvision: required(z.string().max(300)),
  penaltyProvision: required(z.string().max(300)),
  penalty: required(z.string().max(500)),
  /** 责令改正 and the like: printed as a separate order after the penalty, never as one (shared/domain/measures.ts). */
  order: optionalText(300),
});

export const caseViolationsCell: RowsCell<'violations'> = {
  field: 'violations',
  input: 'rows',
  label: 'caseViolations',
  add: 'addViolation',
  numbered: true,
  columns: [
    { field: 'facts', input: 'textarea', placeholder: 'violationFacts' },
    { field: 'violatedProvision', input: 'text', placeholder: 'violatedProvision', width: 220 },
    { field: 'penaltyProvision', input: 'text', placeholder: 'penaltyProvision', width: 220 },
    { field: 'penalty', input: 'text', placeholder: 'penalty', width: 220 },
    { field: 'order', input: 'text', placeholder: 'correctionOrder', width: 180 },
  ],
};

/** What a blank form prints in the sentences: room to write each citation by hand (the facts get ruled lines). */
export const BLANK_VIOLATION = { facts: '', violatedProvision: ROOM, penaltyProvision: ROOM, penalty: ROOM, order: '' };

/** Who a notice or decision is addressed to: the unit, or a person fined beside it (their index in the 呈批). */
export const addresseeField = partyKey.default('unit');

/** The party's own part of the approved 呈批 as its 告知书 or 决定书 states it: its violations, their evidence and its total fine. */
export function partyPart(c: { violations: Violation[] } | null | undefined, party: PartyKey) {
  const own = c ? violationsOf(c, party) : [];
  return {
    party,
    violations: own.map((v) => ({
      facts: v.facts,
      violatedProvision: v.violatedProvision,
      penaltyProvision: v.penaltyProvision,
      ...violationWording(v),
    })),
    evidence: own
      .map((v) => v.evidence)
      .filter(Boolean)
      .join('；'),
    totalFine: totalFine(own),
  };
}

/** Where the decision told the party to pay: later documents about the fine send it to the same place. */
export const decisionPaymentPlace = (decision: { fields: Record<string, unknown> } | undefined): string =>
  typeof decision?.fields.paymentPlace === 'string' ? decision.fields.paymentPlace : '';

/**
 * A later document about a decision's fine (催告书, 延期（分期）缴纳罚款批准书): made after the decision
 * was served on the party, citing it by its number and naming the party as the case does.
 */
export function servedDecisionChecks(
  f: { party: PartyKey; partyName: string; decisionNumber: string; date: string },
  detail: CaseDetail,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const decision = decisionOf(detail, f.party);
  const named = caseParty(detail, f.party);
  if (!decision?.servedOn)
    issues.push({ path: ['case'], key: 'cases.rules.decisionNotServed', params: { party: named?.name ?? '' } });
  else if (f.date < decision.servedOn)
    issues.push({ path: ['date'], key: 'cases.rules.beforeDecision', params: { decided: decision.servedOn } });
  if (decision?.numberText && f.decisionNumber !== decision.numberText)
    issues.push({
      path: ['decisionNumber'],
      key: 'documents.rules.decisionRefMismatch',
      params: { ref: decision.numberText },
    });
  if (named && f.partyName !== named.name)
    issues.push({ path: ['partyName'], key: 'documents.rules.partyNameMismatch', params: { name: named.name } });
  return issues;
}

/** How the documents address the party: 你单位 or 你. */
export const you = (party: PartyKey): string => (party === 'unit' ? '你单位' : '你');

/** The name the party goes by in the case (the unit's, or the person's), to check a document against. */
export function caseParty(
  c: { unit: { name: string }; persons: PersonParty[] },
  party: PartyKey,
): { name: string } | null {
  return party === 'unit' ? c.unit : (c.persons[party] ?? null);
}

/**
 * A citation as an outward document prints it: down to the article at least (第…条, with 款/项 where the
 * law has them), and a national law by its full name (《中华人民共和国安全生产法》, never 《安全生产法》).
 */
export function citationIssues(citation: string, path: (string | number)[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!/第[零一二三四五六七八九十百千]+条/.test(citation))
    issues.push({ path, key: 'documents.rules.citationArticle' });
  const short = [...citation.matchAll(/《([^》]+法)》/g)]
    .map((m) => m[1])
    // A law (…法) is cited by the name it was enacted under; a ministry's rules (…办法) are named as they are.
    .find((name) => !name.endsWith('办法') && !name.startsWith('中华人民共和国'));
  if (short) issues.push({ path, key: 'documents.rules.lawShortName', params: { name: `《${short}》` } });
  return issues;
}

/** Every violation row's citations, checked as citationIssues says. */
export const rowCitationIssues = (rows: { violatedProvision: string; penaltyProvision: string }[]): ValidationIssue[] =>
  rows.flatMap((v, i) => [
    ...citationIssues(v.violatedProvision, ['violations', i, 'violatedProvision']),
    ...citationIssues(v.penaltyProvision, ['violations', i, 'penaltyProvision']),
  ]);
