import { z } from 'zod';
import type { RowsCell } from './form.ts';
import { ROOM } from './layout.ts';
import { optionalText, required } from '../entities/common.ts';
import { type CaseDetail, partyKey, type PartyKey, type PersonParty, type Violation } from '../entities/case.ts';
import { decisionOf, totalFine, violationsOf } from '../domain/case-procedure.ts';
import type { ValidationIssue } from '../base/errors.ts';
import { violationWording } from './wording.ts';
import { yuanInWords } from '../domain/amount.ts';
import { citationIssues } from '../domain/citations.ts';

/**
 * The violations a 告知书 or 决定书 states, one row each: facts, the provision violated, the penalty
 * basis and the penalty, prefilled from the approved 呈批 (partyPart).
 */
export const caseViolationRow = z.object({
  facts: required(z.string().max(4000)),
  violatedProvision: required(z.string().max(300)),
  penaltyProvision: required(z.string().max(300)),
  penalty: required(z.string().max(2000)),
  /** 责令改正 and the like: printed as a separate order after the penalty, never as one (shared/domain/measures.ts). */
  order: optionalText(1100),
});

/** One row per violation of the 呈批: the facts worded by the clerk, the rest as the 呈批 decided it. */
export const caseViolationsCell: RowsCell<'violations'> = {
  field: 'violations',
  input: 'rows',
  label: 'caseViolations',
  add: 'addViolation',
  numbered: true,
  record: true,
  stacked: true,
  columns: [
    { field: 'facts', input: 'textarea', placeholder: 'violationFacts' },
    { field: 'violatedProvision', input: 'text', placeholder: 'violatedProvision', width: 220, record: true },
    { field: 'penaltyProvision', input: 'text', placeholder: 'penaltyProvision', width: 220, record: true },
    { field: 'penalty', input: 'text', placeholder: 'penalty', width: 220, record: true },
    { field: 'order', input: 'text', placeholder: 'correctionOrder', width: 180, record: true },
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

/** Every violation row's citations, checked as citationIssues says. */
export const rowCitationIssues = (rows: { violatedProvision: string; penaltyProvision: string }[]): ValidationIssue[] =>
  rows.flatMap((v, i) => [
    ...citationIssues(v.violatedProvision, ['violations', i, 'violatedProvision']),
    ...citationIssues(v.penaltyProvision, ['violations', i, 'penaltyProvision']),
  ]);

/**
 * The violation rows as the record decides them: one per violation of the party's part of the 呈批, its
 * citations, penalty and order from there; the facts as the clerk worded them in that row, where there is one.
 */
export function recordViolations(detail: CaseDetail, party: PartyKey, typed: unknown) {
  const rows = Array.isArray(typed) ? (typed as { facts?: unknown }[]) : [];
  return partyPart(detail, party).violations.map((v, i) => {
    const facts = rows[i]?.facts;
    return { ...v, facts: typeof facts === 'string' && facts.trim() ? facts : v.facts };
  });
}

/** Quoted words (a statute's own "处五万元以下罚款") are the clerk's quotation, not the case's figures. */
const QUOTED = /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"/g;
const FIGURES = /(?:¥|￥)\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(万)?元/g;
const WORDS =
  /[壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?/g;
const ARTICLE =
  /第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?(?:第[零一二三四五六七八九十]+款)?(?:第（[零一二三四五六七八九十]+）项)?/g;
const CITATION = new RegExp(`《[^》]+》${ARTICLE.source}`, 'g');

/** The 元 amounts a text states, in figures (20,000元, 2万元, ¥20,000.00) and in 大写 (贰万元整), outside quotations. */
function amountsIn(text: string): { shown: string; yuan: number | null; words: string | null }[] {
  const plain = text.replace(QUOTED, '');
  return [
    ...[...plain.matchAll(FIGURES)].map((m) => ({
      shown: m[0],
      // Rounded: 1.12万 is 11,200 元, whatever the floating point makes of 1.12 × 10,000.
      yuan: Math.round(Number((m[1] ?? m[2]).replace(/,/g, '')) * (m[3] ? 10_000 : 1) * 100) / 100,
      words: null,
    })),
    ...[...plain.matchAll(WORDS)].map((m) => ({ shown: m[0], yuan: null, words: m[0].replace(/整$/, '') })),
  ];
}

/** Each article a citation names, with its law: "《法》第二十八条第一款、第四十四条" names two. */
function articlesOf(citation: string): string[] {
  const laws = [...citation.matchAll(/《[^》]+》/g)];
  return laws.flatMap((law, i) => {
    const end = laws[i + 1]?.index ?? citation.length;
    const tail = citation.slice(law.index + law[0].length, end);
    return [...tail.matchAll(ARTICLE)].map((a) => `${law[0]}${a[0]}`);
  });
}

/**
 * A narrative the clerk words freely (the facts, the evidence) may state only the amounts and citations the
 * record holds for the party: the fines, 违法所得 and 年收入 of its violations, their provisions (or a part of
 * one: the article of a 款 cited), and what the 呈批's own facts and evidence state. A quotation (in “”) is
 * exempt. Each other amount or citation is refused by name.
 */
export function narrativeIssues(
  text: string,
  path: (string | number)[],
  detail: { violations: Violation[] },
  party: PartyKey,
): ValidationIssue[] {
  const own = violationsOf(detail, party);
  const recorded = own.flatMap((v) => amountsIn(`${v.facts ?? ''}\n${v.evidence ?? ''}`));
  const yuan = new Set([
    ...own.flatMap((v) => [v.fine, v.gains ?? 0, v.income ?? 0]),
    totalFine(own),
    ...recorded.map((a) => a.yuan ?? 0),
  ]);
  yuan.delete(0);
  const words = new Set([
    ...[...yuan].filter(Number.isInteger).map((y) => yuanInWords(y * 100).replace(/整$/, '')),
    ...recorded.map((a) => a.words ?? ''),
  ]);
  const citations = own.flatMap((v) =>
    [v.violatedProvision, v.penaltyProvision, v.facts, v.evidence]
      .filter((x) => typeof x === 'string')
      .flatMap(articlesOf),
  );
  const issues: ValidationIssue[] = [];
  for (const a of amountsIn(text))
    if (a.yuan !== null ? !yuan.has(a.yuan) : !words.has(a.words!))
      issues.push({ path, key: 'documents.rules.narrativeAmount', params: { amount: a.shown } });
  for (const m of text.replace(QUOTED, '').matchAll(CITATION))
    // The same article: cited as the 呈批 does, or down to a 款 or 项 of an article it cites whole.
    if (!citations.some((c) => c.startsWith(m[0]) || m[0].startsWith(c)))
      issues.push({ path, key: 'documents.rules.narrativeCitation', params: { citation: m[0] } });
  return issues;
}

/** The facts of every row and the evidence, each checked as narrativeIssues says. */
export function narrativesIssues(
  f: { violations: { facts: string }[]; evidence?: string; party: PartyKey },
  detail: { violations: Violation[] },
): ValidationIssue[] {
  return [
    ...f.violations.flatMap((v, i) => narrativeIssues(v.facts, ['violations', i, 'facts'], detail, f.party)),
    ...narrativeIssues(f.evidence ?? '', ['evidence'], detail, f.party),
  ];
}

/**
 * Where a fine is paid is the unit's, as its settings name it (the bank and account the 罚缴分离 rules fix): a
 * decision that names another place is refused. A unit that has set none writes it on each decision.
 */
export function paymentPlaceIssues(place: string, settings: { finePaymentPlace: string }): ValidationIssue[] {
  const configured = settings.finePaymentPlace.trim();
  return configured && place.trim() !== configured
    ? [{ path: ['paymentPlace'], key: 'documents.rules.recordMismatch', params: { value: configured } }]
    : [];
}
