import type { CaseStage, PartyKey } from '../entities/case.ts';
import { type CaseRecord, concerns, hearingRecordOf, issued, live } from './case-procedure.ts';

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
