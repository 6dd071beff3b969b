import { describe, expect, it } from 'vitest';
import { type DocumentChoice, type DocumentGroup, documentChoices, stepsOf } from '../../../shared/domain/case-next.ts';
import type { CaseRecord } from '../../../shared/domain/case-procedure.ts';
import type {
  CaseDocument,
  CaseEvent,
  CaseEventData,
  PartyKey,
  PersonParty,
  Violation,
} from '../../../shared/entities/case.ts';

type Kase = Pick<
  CaseRecord,
  'procedure' | 'outcome' | 'suspectedCrime' | 'persons' | 'violations' | 'events' | 'documents'
>;

const violation = (party: PartyKey, fine = 20000): Violation => ({
  party,
  facts: `违法事实（${String(party)}）`,
  evidence: '',
  hazardId: null,
  violatedProvision: '《中华人民共和国安全生产法》第三十六条第一款',
  penaltyItemId: 'sp-99',
  penaltyProvision: '《中华人民共和国安全生产法》第九十九条',
  stage: 'first',
  benchmarkCircumstance: '',
  circumstanceIds: [],
  tier: 'general',
  reasoning: '一般情节',
  fine,
  measures: [],
  income: null,
  gains: null,
  basisEvidence: '',
});
const person = (name: string): PersonParty => ({ name, idNumber: '', post: '主要负责人', address: '', phone: '' });

/** Events as the case holds them, in the order entered; `retracted` lists the ids taken back. */
function events(data: CaseEventData[], retracted: number[] = []): CaseEvent[] {
  return data.map((d, i) => ({
    id: i + 1,
    data: d,
    scanName: null,
    scanSha256: null,
    enteredAt: '',
    enteredBy: '张明',
    retracted: retracted.includes(i + 1) ? { reason: '录入错误', by: '张明' } : null,
  }));
}
let docId = 0;
function doc(
  type: string,
  fields: Record<string, unknown> = {},
  status: CaseDocument['status'] = 'issued',
): CaseDocument {
  return {
    id: ++docId,
    type,
    typeName: type,
    status,
    numberText: status === 'issued' ? `示应急〔2026〕${docId}号` : null,
    date: '2026-09-10',
    servedOn: null,
    fields,
    servedAt: null,
    superseded: false,
    pages: null,
  };
}
const hearingRequest = (party: PartyKey): CaseEventData => ({
  kind: 'hearing-request',
  date: '2026-09-12',
  party,
  note: '',
});
const hearing = (party: PartyKey, attended = true): CaseEventData => ({
  kind: 'hearing',
  date: '2026-09-25',
  party,
  chair: '李法制',
  attended,
});

const kase = (over: Partial<Kase> = {}): Kase => ({
  procedure: 'ordinary',
  outcome: null,
  suspectedCrime: false,
  persons: [],
  violations: [],
  events: [],
  documents: [],
  ...over,
});

/** The choices as the menu lists them: `type` for the unit or the case, `type（name）` for a person. */
function menu(k: Kase): [DocumentGroup, string[]][] {
  const label = (d: DocumentChoice) => (d.name ? `${d.type}（${d.name}）` : d.type);
  return documentChoices(k).map(([group, list]) => [group, list.map(label)]);
}
const group = (k: Kase, g: DocumentGroup) => documentChoices(k).find(([name]) => name === g)?.[1] ?? [];
const penalty = (k: Kase) => menu(k).find(([g]) => g === 'penalty')?.[1] ?? [];

const INVESTIGATION = [
  'questioning-notice',
  'questioning-record',
  'survey-record',
  'sampling-receipt',
  'appraisal-request',
  'evidence-list',
  'evidence-preservation-notice',
];

describe('the documents a case can make now', () => {
  it('on the spot (当场处罚): the decision on the pre-numbered form for each party, and the 送达回执', () => {
    expect(menu(kase({ procedure: 'summary' }))).toEqual([
      ['penalty', ['summary-penalty-unit']],
      ['other', ['service-receipt']],
    ]);
    const persons = kase({
      procedure: 'summary',
      persons: [person('王五'), person('赵六')],
      violations: [violation(1, 200)],
    });
    // Only the person fined: the unit has no violation of its own once any is recorded.
    expect(documentChoices(persons)).toEqual([
      ['penalty', [{ type: 'summary-penalty-person', party: 1, name: '赵六' }]],
      // The unit's 送达回执 and the person's, each listing what was served on its addressee.
      ['other', [{ type: 'service-receipt' }, { type: 'service-receipt', party: 1, name: '赵六' }]],
    ]);
  });

  it('in an ordinary case just filed: investigation, the first coercive measures, the 告知书 and 决定书 for the unit', () => {
    expect(menu(kase())).toEqual([
      ['investigation', INVESTIGATION],
      ['coercion', ['seal-seize-decision', 'power-stop-decision']],
      ['penalty', ['penalty-notice', 'penalty-decision-unit']],
      ['other', ['service-receipt']],
    ]);
  });

  it('with a unit and a fined person: the 告知书 and 决定书 for each, the unit first; a person not fined gets none', () => {
    const k = kase({
      outcome: 'penalty',
      persons: [person('李四'), person('王五')],
      violations: [violation('unit'), violation(1, 5000)],
    });
    expect(group(k, 'penalty')).toEqual([
      { type: 'penalty-notice' },
      { type: 'penalty-notice', party: 1, name: '王五' },
      { type: 'penalty-decision-unit' },
      { type: 'penalty-decision-person', party: 1, name: '王五' },
    ]);
    // Only persons fined: nothing is addressed to the unit.
    expect(penalty(kase({ outcome: 'penalty', persons: [person('李四')], violations: [violation(0)] }))).toEqual([
      'penalty-notice（李四）',
      'penalty-decision-person（李四）',
    ]);
  });

  it('offers the payment documents for every party once a decision is issued', () => {
    const k = kase({
      outcome: 'penalty',
      persons: [person('王五')],
      violations: [violation('unit'), violation(0, 5000)],
      documents: [doc('penalty-decision-unit', { party: 'unit' }, 'draft')],
    });
    expect(penalty(k)).toEqual([
      'penalty-notice',
      'penalty-notice（王五）',
      'penalty-decision-unit',
      'penalty-decision-person（王五）',
    ]);
    for (const decision of [
      doc('penalty-decision-unit', { party: 'unit' }),
      doc('penalty-decision-person', { party: 0 }),
    ])
      expect(penalty({ ...k, documents: [decision] })).toEqual([
        'penalty-notice',
        'penalty-notice（王五）',
        'penalty-decision-unit',
        'penalty-decision-person（王五）',
        'deferred-payment-approval-letter',
        'deferred-payment-approval-letter（王五）',
        'enforcement-demand',
        'enforcement-demand（王五）',
      ]);
    // A voided decision is no decision.
    expect(penalty({ ...k, documents: [doc('penalty-decision-unit', {}, 'voided')] })).toHaveLength(4);
  });

  it('makes the documents that follow another only once that one is issued (a draft or a voided one is not enough)', () => {
    const before = [...group(kase(), 'investigation'), ...group(kase(), 'coercion')].map((d) => d.type);
    // What investigation and coercion offer beyond what a case offers before any document.
    const follow = (k: Kase) =>
      [...group(k, 'investigation'), ...group(k, 'coercion')].map((d) => d.type).filter((t) => !before.includes(t));
    const drafts = kase({
      documents: ['evidence-preservation-notice', 'seal-seize-decision', 'power-stop-decision'].map((t) =>
        doc(t, {}, 'draft'),
      ),
    });
    expect(follow(drafts)).toEqual([]);
    expect(follow(kase({ documents: [doc('seal-seize-decision', {}, 'voided')] }))).toEqual([]);
    expect(follow(kase({ documents: [doc('evidence-preservation-notice')] }))).toEqual(['evidence-disposal-decision']);
    expect(follow(kase({ documents: [doc('seal-seize-decision')] }))).toEqual([
      'seal-seize-extension',
      'seal-seize-disposal',
    ]);
    expect(follow(kase({ documents: [doc('power-stop-decision')] }))).toEqual([
      'power-stop-notice',
      'power-restore-notice',
    ]);
    // A corrected decision still counts through its correction.
    const corrected = kase({
      documents: [{ ...doc('seal-seize-decision'), superseded: true }, doc('seal-seize-decision')],
    });
    expect(follow(corrected)).toEqual(['seal-seize-extension', 'seal-seize-disposal']);
    expect(group(corrected, 'coercion').map((d) => d.type)).toEqual([
      'seal-seize-decision',
      'seal-seize-extension',
      'seal-seize-disposal',
      'power-stop-decision',
    ]);
  });

  it('follows the unit’s hearing: the notice once it asked, the record once held, the report once the record is issued', () => {
    const base = kase({ outcome: 'penalty', violations: [violation('unit', 200000)] });
    const asked = { ...base, events: events([hearingRequest('unit')]) };
    expect(penalty(base)).toEqual(['penalty-notice', 'penalty-decision-unit']);
    expect(penalty(asked)).toEqual(['penalty-notice', 'hearing-meeting-notice', 'penalty-decision-unit']);
    // A request taken back asks for nothing.
    expect(penalty({ ...base, events: events([hearingRequest('unit')], [1]) })).toEqual([
      'penalty-notice',
      'penalty-decision-unit',
    ]);
    // A party who stayed away waived the hearing: no record.
    expect(penalty({ ...base, events: events([hearingRequest('unit'), hearing('unit', false)]) })).toEqual([
      'penalty-notice',
      'hearing-meeting-notice',
      'penalty-decision-unit',
    ]);
    const held = { ...base, events: events([hearingRequest('unit'), hearing('unit')]) };
    expect(penalty(held)).toEqual([
      'penalty-notice',
      'hearing-meeting-notice',
      'hearing-record',
      'penalty-decision-unit',
    ]);
    expect(penalty({ ...held, documents: [doc('hearing-record', { party: 'unit' }, 'draft')] })).not.toContain(
      'hearing-report',
    );
    expect(penalty({ ...held, documents: [doc('hearing-record', { party: 'unit' })] })).toEqual([
      'penalty-notice',
      'hearing-meeting-notice',
      'hearing-record',
      'hearing-report',
      'penalty-decision-unit',
    ]);
  });

  it('addresses a person’s hearing documents to that person, as the core judges them', () => {
    const k = kase({
      outcome: 'penalty',
      persons: [person('王五')],
      violations: [violation('unit'), violation(0, 60000)],
      events: events([hearingRequest(0), hearing(0)]),
      documents: [doc('hearing-record', { party: 0 })],
    });
    expect(group(k, 'penalty').filter((d) => d.type.startsWith('hearing-'))).toEqual([
      { type: 'hearing-meeting-notice', party: 0, name: '王五' },
      { type: 'hearing-record', party: 0, name: '王五' },
      { type: 'hearing-report', party: 0, name: '王五' },
    ]);
    // Both asked, only the person's hearing held so far.
    const both = { ...k, events: events([hearingRequest('unit'), hearingRequest(0), hearing(0)]), documents: [] };
    expect(penalty(both)).toEqual([
      'penalty-notice',
      'penalty-notice（王五）',
      'hearing-meeting-notice',
      'hearing-meeting-notice（王五）',
      'hearing-record（王五）',
      'penalty-decision-unit',
      'penalty-decision-person（王五）',
    ]);
  });

  it('offers the 案件移送书 when the 呈批 decides to transfer the case', () => {
    const k = kase({ outcome: 'transfer', suspectedCrime: true, violations: [violation('unit', 0)] });
    expect(penalty(k)).toEqual(['transfer-letter', 'penalty-notice', 'penalty-decision-unit']);
    // Suspected of a crime, but not (yet) decided to transfer: no letter.
    expect(penalty({ ...k, outcome: null })).toEqual(['penalty-notice', 'penalty-decision-unit']);
  });
});

describe('the path a case takes', () => {
  const TAIL = ['decision', 'execution', 'closing', 'closed', 'archived'];
  it('on the spot: no 立案, 调查 or 告知', () => {
    expect(stepsOf(kase({ procedure: 'summary', outcome: 'penalty' }))).toEqual(['disposal', ...TAIL]);
  });

  it('ordinary: 立案 to 归档, with the transfer and the hearing where they apply', () => {
    expect(stepsOf(kase())).toEqual(['filing', 'investigation', 'disposal', 'notice', ...TAIL]);
    expect(stepsOf(kase({ outcome: 'transfer' }))).toEqual([
      'filing',
      'investigation',
      'disposal',
      'transfer',
      'notice',
      ...TAIL,
    ]);
    expect(stepsOf(kase({ suspectedCrime: true }))).toContain('transfer');
    expect(stepsOf(kase({ events: events([hearingRequest(0)]) }))).toEqual([
      'filing',
      'investigation',
      'disposal',
      'notice',
      'hearing',
      ...TAIL,
    ]);
    // A hearing request taken back takes the step with it.
    expect(stepsOf(kase({ events: events([hearingRequest('unit')], [1]) }))).not.toContain('hearing');
  });
});
