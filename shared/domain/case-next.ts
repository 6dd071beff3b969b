import type { CaseDocument, CaseStage, NextAction, NextStep, PartyKey, StepActor } from '../entities/case.ts';
import {
  type CaseRecord,
  caseStage,
  closingIssues,
  concerns,
  decisionOf,
  hearingNoticeOf,
  hearingOutstanding,
  hearingRecordOf,
  hearingReportOf,
  issued,
  live,
  nextApprovalRole,
  noticeOf,
  partiesPenalised,
  partyName,
  transferLetterOf,
} from './case-procedure.ts';

/**
 * What a case may do next, as the case page offers it: the path of stages it takes, and the documents
 * it can make now. Pure rules over the recorded case, read from the same helpers the refusals use
 * (case-procedure.ts), so the screen offers what the core counts.
 */

/** The path this case takes: 当场处罚 skips 立案 and 告知; the transfer and the hearing appear where they apply. */
export function stepsOf(r: Pick<CaseRecord, 'procedure' | 'outcome' | 'suspectedCrime' | 'events'>): CaseStage[] {
  const tail: CaseStage[] = ['decision', 'execution', 'closing', 'closed', 'archived'];
  if (r.procedure === 'summary') return ['disposal', ...tail];
  const hearing = live(r.events, 'hearing-request').length > 0;
  return [
    'filing',
    'investigation',
    'disposal',
    ...(r.suspectedCrime || r.outcome === 'transfer' ? ['transfer' as const] : []),
    'notice',
    ...(hearing ? ['hearing' as const] : []),
    ...tail,
  ];
}

/**
 * A form the case can make: its type and, where each party gets its own, the person it is addressed to
 * (`party`, the index in the case's persons, with their `name`; none for the unit).
 */
export type DocumentChoice = { type: string; party?: number; name?: string };
export type DocumentGroup = 'investigation' | 'coercion' | 'penalty' | 'other';

/**
 * The documents a case can make now, in the order a clerk makes them, grouped as the file is:
 * investigation, coercion, the penalty itself, the rest. The 告知书, 决定书 and what follows the
 * decision are made for each party penalised (the unit when it is fined or nothing is decided yet,
 * and each person fined); the hearing's notice, record and report for each party whose hearing it is,
 * as the core judges them by the party they are addressed to.
 */
export function documentChoices(
  r: Pick<CaseRecord, 'procedure' | 'outcome' | 'persons' | 'violations' | 'events' | 'documents'>,
): [DocumentGroup, DocumentChoice[]][] {
  const fined = r.persons
    .map((p, i) => ({ party: i, name: p.name }))
    .filter(({ party }) => r.violations.some((v) => v.party === party));
  const unit = r.violations.some((v) => v.party === 'unit') || !r.violations.length;
  const perParty = (unitType: string | null, personType: string): DocumentChoice[] => [
    ...(unit && unitType ? [{ type: unitType }] : []),
    ...fined.map((p) => ({ type: personType, ...p })),
  ];
  // A 送达回执 lists what was served on its addressee: one for the unit, one for each person fined beside it.
  // The unit's always: what was served on it (a 查封扣押决定书) needs one even where only a person is fined.
  const receipts: DocumentChoice[] = [
    { type: 'service-receipt' },
    ...fined.map((p) => ({ type: 'service-receipt', ...p })),
  ];
  if (r.procedure === 'summary')
    return [
      ['penalty', perParty('summary-penalty-unit', 'summary-penalty-person')],
      ['other', receipts],
    ];
  const has = (type: string) => issued(r, type).length > 0;
  const types = (...list: (string | false)[]) => list.filter((x): x is string => !!x).map((type) => ({ type }));
  // Every party a hearing document may be addressed to, the unit first, as a choice of that type.
  const parties: { key: PartyKey; choice: Omit<DocumentChoice, 'type'> }[] = [
    { key: 'unit', choice: {} },
    ...r.persons.map((p, i) => ({ key: i, choice: { party: i, name: p.name } })),
  ];
  const forParties = (type: string, applies: (party: PartyKey) => boolean): DocumentChoice[] =>
    parties.filter((p) => applies(p.key)).map((p) => ({ type, ...p.choice }));
  const asked = (party: PartyKey) => live(r.events, 'hearing-request').some((h) => concerns(h, party));
  const held = (party: PartyKey) => live(r.events, 'hearing').some((h) => h.attended && concerns(h, party));
  return [
    [
      'investigation',
      types(
        'questioning-notice',
        'questioning-record',
        'survey-record',
        'sampling-receipt',
        'appraisal-request',
        'evidence-list',
        'evidence-preservation-notice',
        has('evidence-preservation-notice') && 'evidence-disposal-decision',
      ),
    ],
    [
      'coercion',
      types(
        'seal-seize-decision',
        has('seal-seize-decision') && 'seal-seize-extension',
        has('seal-seize-decision') && 'seal-seize-disposal',
        'power-stop-decision',
        has('power-stop-decision') && 'power-stop-notice',
        has('power-stop-decision') && 'power-restore-notice',
      ),
    ],
    [
      'penalty',
      [
        ...(r.outcome === 'transfer' ? [{ type: 'transfer-letter' }] : []),
        ...perParty('penalty-notice', 'penalty-notice'),
        ...forParties('hearing-meeting-notice', asked),
        ...forParties('hearing-record', held),
        ...forParties('hearing-report', (party) => !!hearingRecordOf(r, party)),
        ...perParty('penalty-decision-unit', 'penalty-decision-person'),
        ...(has('penalty-decision-unit') || has('penalty-decision-person')
          ? [
              ...perParty('deferred-payment-approval-letter', 'deferred-payment-approval-letter'),
              ...perParty('enforcement-demand', 'enforcement-demand'),
            ]
          : []),
      ],
    ],
    ['other', receipts],
  ];
}

const SIGNER: Record<'handler' | 'review' | 'approve', StepActor> = {
  handler: 'clerk',
  review: 'reviewer',
  approve: 'supervisor',
};

/**
 * The one step the case waits for now, who takes it and what the case page does for it — read from the same rules
 * the core refuses with (the stage, the approval rows in their order, the blockers of the next document, the
 * reasons a file cannot close), so the button never offers what the core would refuse. `blockers` are those the
 * core computed for the notice and the decision (CaseDetail.blockers).
 */
export function nextStep(r: CaseRecord, blockers: { key: string }[], today?: string): NextStep | null {
  const stage = caseStage(r);
  // 回避: nothing goes on until the 负责人's decision names another 承办人 on the case.
  if (stage !== 'archived' && blockers.some((b) => b.key === 'cases.rules.recusedHandler'))
    return { key: 'cases.next.replaceHandler', who: 'clerk', action: { kind: 'edit' } };
  const sign = (form: 'filing' | 'disposal' | 'closing'): NextStep => {
    const role = nextApprovalRole(r.events, form);
    return {
      key: `cases.next.sign.${form}`,
      params: { role },
      who: SIGNER[role],
      action: { kind: 'sign', stage: form },
    };
  };
  const party = (p: PartyKey) => (p === 'unit' ? {} : { party: p });
  const name = (p: PartyKey) => ({ party: partyName(r, p) ?? '' });
  switch (stage) {
    case 'filing':
      return sign('filing');
    case 'investigation':
      return { key: 'cases.next.disposal', who: 'clerk', action: { kind: 'disposal' } };
    case 'disposal':
      return r.outcome ? sign('disposal') : { key: 'cases.next.disposal', who: 'clerk', action: { kind: 'disposal' } };
    case 'transfer': {
      const letter = transferLetterOf(r);
      if (!letter) return documentStep(r, 'transfer-letter', {});
      // The answer comes after the letter reached the police: served first.
      if (!letter.servedOn)
        return { key: 'cases.next.serve', params: { type: 'transfer-letter' }, who: 'clerk', action: serveOf(letter) };
      return { key: 'cases.next.transferAnswer', who: 'clerk', action: { kind: 'record', event: 'transfer-answer' } };
    }
    case 'hearing': {
      const p = partiesPenalised(r).find((x) => hearingOutstanding(r, x)) ?? 'unit';
      const notice = hearingNoticeOf(r, p);
      if (!notice) return documentStep(r, 'hearing-meeting-notice', party(p));
      if (!notice.servedOn)
        return {
          key: 'cases.next.serve',
          params: { type: 'hearing-meeting-notice' },
          who: 'clerk',
          action: serveOf(notice),
        };
      // Recorded once it is held: until the day the notice set, the case waits.
      const day = typeof notice.fields.hearingDate === 'string' ? notice.fields.hearingDate.slice(0, 10) : null;
      if (day && today && day > today)
        return { key: 'cases.next.hearingOn', params: { date: day }, who: 'clerk', action: null };
      return { key: 'cases.next.hearing', params: name(p), who: 'clerk', action: { kind: 'record', event: 'hearing' } };
    }
    case 'notice': {
      const p = partiesPenalised(r).find((x) => !noticeOf(r, x)?.servedOn && !decisionOf(r, x)) ?? 'unit';
      const notice = noticeOf(r, p);
      if (notice)
        return { key: 'cases.next.serve', params: { type: 'penalty-notice' }, who: 'clerk', action: serveOf(notice) };
      return blocked(r, blockers) ?? documentStep(r, 'penalty-notice', party(p));
    }
    case 'decision': {
      const p = partiesPenalised(r).find((x) => !decisionOf(r, x)) ?? 'unit';
      const type =
        r.procedure === 'summary'
          ? p === 'unit'
            ? 'summary-penalty-unit'
            : 'summary-penalty-person'
          : p === 'unit'
            ? 'penalty-decision-unit'
            : 'penalty-decision-person';
      return blocked(r, blockers) ?? documentStep(r, type, party(p));
    }
    case 'execution': {
      const issue = closingIssues(r)[0];
      const p = partiesPenalised(r).find((x) => partyName(r, x) === issue?.params?.party) ?? 'unit';
      const decision = decisionOf(r, p);
      switch (issue?.key) {
        case 'cases.rules.decisionNotServed':
          return decision
            ? { key: 'cases.next.serve', params: { type: decision.type }, who: 'clerk', action: serveOf(decision) }
            : null;
        case 'cases.rules.receiptMissing':
          return documentStep(r, 'service-receipt', party(p));
        case 'cases.rules.notPaid':
          return {
            key: 'cases.next.payment',
            params: name(p),
            who: 'clerk',
            action: { kind: 'record', event: 'payment' },
          };
        case 'cases.rules.publicationMissing':
          return { key: 'cases.next.publication', who: 'clerk', action: { kind: 'record', event: 'publication' } };
        default:
          return sign('closing');
      }
    }
    case 'closing':
      return sign('closing');
    case 'closed':
      return { key: 'cases.next.archive', who: 'clerk', action: { kind: 'record', event: 'archive' } };
    default:
      return null;
  }
}

/** Make the document, or go on with its draft where one was begun for the same party (never a second draft). */
function documentStep(r: Pick<CaseRecord, 'documents'>, type: string, party: { party?: number }): NextStep {
  const draft = r.documents.find(
    (d) =>
      d.status === 'draft' && d.type === type && String(d.fields.party ?? 'unit') === String(party.party ?? 'unit'),
  );
  return {
    key: draft ? 'cases.next.finish' : 'cases.next.document',
    params: { type },
    who: 'clerk',
    action: draft ? { kind: 'open-document', documentId: draft.id } : { kind: 'document', type, ...party },
  };
}

const serveOf = (d: CaseDocument): NextAction => ({ kind: 'open-document', documentId: d.id });

/** Every party a hearing may concern: the unit, then each person in the case. */
const partiesOf = (r: Pick<CaseRecord, 'persons'>): PartyKey[] => ['unit', ...r.persons.map((_, i) => i)];

/**
 * A blocker the next document waits for, as a step of its own where someone can take it: the legal reviewer's
 * opinion, the 集体讨论, the transfer assessment, the hearing's record and report; otherwise the blockers are
 * waited out (the statement period) and the step has no button.
 */
function blocked(r: CaseRecord, blockers: { key: string }[]): NextStep | null {
  const keys = new Set(blockers.map((b) => b.key));
  if (!keys.size) return null;
  if (keys.has('cases.rules.legalReviewRequired') || keys.has('cases.rules.legalReviewAfterHearing'))
    return { key: 'cases.next.legalReview', who: 'reviewer', action: { kind: 'record', event: 'legal-review' } };
  if (keys.has('cases.rules.collectiveRequired'))
    return { key: 'cases.next.collective', who: 'clerk', action: { kind: 'record', event: 'collective-discussion' } };
  if (keys.has('cases.rules.transferAssessmentMissing'))
    return {
      key: 'cases.next.transferAssessment',
      who: 'clerk',
      action: { kind: 'record', event: 'transfer-assessment' },
    };
  // The record and report of the party whose hearing was held (each party's hearing is its own).
  const heard = (p: PartyKey) => live(r.events, 'hearing').some((h) => h.attended && concerns(h, p));
  const forParty = (p: PartyKey | undefined) => (p === undefined || p === 'unit' ? {} : { party: p });
  if (keys.has('cases.rules.hearingRecordMissing'))
    return documentStep(r, 'hearing-record', forParty(partiesOf(r).find((p) => heard(p) && !hearingRecordOf(r, p))));
  if (keys.has('cases.rules.hearingReportMissing'))
    return documentStep(r, 'hearing-report', forParty(partiesOf(r).find((p) => heard(p) && !hearingReportOf(r, p))));
  return { key: 'cases.next.blocked', who: 'clerk', action: null };
}
