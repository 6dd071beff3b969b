import { citationIssues } from './citations.ts';
import { CONFISCATION } from '../entities/penalty-article.ts';
import type { ValidationIssue } from '../base/errors.ts';
import type {
  CaseDeadline,
  CaseDocument,
  CaseEvent,
  CaseEventData,
  CaseOutcome,
  CaseStage,
  CrimeRisk,
  PartyKey,
  PersonParty,
  StoredCaseEventData,
  Surcharge,
  Violation,
} from '../entities/case.ts';
import type { StatutoryPeriod } from '../entities/period.ts';
import { LEGAL_REVIEW_TRIGGERS, type LegalReviewTrigger } from '../entities/settings.ts';
import { addMonths, periodEnd, periodInForce } from './periods.ts';
import { addCalendarDays, countWorkdays, type WorkCalendar } from './workdays.ts';

/**
 * The ordinary procedure (一般程序) as pure rules over what a case has recorded: which stage it is
 * in, what blocks the next step (each blocker names its rule), and every statutory deadline with
 * its due date computed from recorded events. The core gathers the record; the UI and the issue
 * checks ask these same functions, so a screen never disagrees with the refusal.
 */
export interface CaseRecord {
  procedure: 'ordinary' | 'summary';
  outcome: CaseOutcome | null;
  violationDate: string;
  complex: boolean;
  suspectedCrime: boolean;
  handlerNames: string[];
  persons: PersonParty[];
  violations: Violation[];
  events: CaseEvent[];
  documents: CaseDocument[];
  /** Violations that may amount to 危险作业罪 (from the penalty items and hazard criteria, computed by the core). */
  crimeRisks: CrimeRisk[];
}

/** Configurable per province (settings): hearing thresholds and which cases need 法制审核 / 集体讨论. */
export interface ProcedureRules {
  hearingThresholds: { unit: number; person: number };
  legalReviewTriggers: string[];
  collectiveTriggers: string[];
  /** Admin-confirmed period lengths (values marked 待核实 in the knowledge file). */
  confirmedPeriods: Record<string, number>;
  /** 当场处罚 caps in 元 (行政处罚法 第五十一条). */
  summaryLimits: { unit: number; person: number };
}

/** The statutory periods the case procedure counts (an admin's confirmation of a 待核实 one applies to these). */
export const CASE_PERIOD_IDS = [
  'decision',
  'statement',
  'hearing-request',
  'hearing-notice',
  'service',
  'publication',
  'payment',
  'publication-withdrawal',
  'transfer-approval',
  'transfer-send',
  'transfer-answer',
  'enforcement-demand',
  'enforcement-application',
  'filing-urgent',
  'evidence-disposal',
  'seizure-period',
  'seizure-disposal',
  'power-cut-notice',
  'cash-hand-in',
  'summary-filing',
] as const;

/** Measures that always give the right to a hearing (行政处罚法 第六十三条). */
const HEAVY_MEASURES = /停产停业|停止建设|关闭|吊销|限制从业|降低资质/;

type Live<K extends StoredCaseEventData['kind']> = Extract<StoredCaseEventData, { kind: K }>;
/** Events not taken back by a later retraction, in the order recorded (legacy kinds too: files of earlier versions). */
export function live<K extends StoredCaseEventData['kind']>(events: CaseEvent[], kind: K): Live<K>[] {
  return events.filter((e) => !e.retracted && e.data.kind === kind).map((e) => e.data as Live<K>);
}

/**
 * An approval form is approved when two different 承办人, then the 审核人, then the 审批人 signed,
 * in that order of dates, and the 审批人 approved. Returns the approval date, or the rule missing.
 * A 呈批 to transfer that the receiving organ declined, or one changed after the party was heard, is
 * spent: only signatures after the answer (the change) count.
 */
export function approval(
  events: CaseEvent[],
  stage: 'filing' | 'disposal' | 'closing',
): { date: string | null; missing: string | null } {
  const signs = signsOf(events, stage);
  const handlers = signs.filter((a) => a.role === 'handler');
  const review = signs.filter((a) => a.role === 'review').at(-1);
  const approve = signs.filter((a) => a.role === 'approve').at(-1);
  if (new Set(handlers.map((h) => h.name)).size < 2) return { date: null, missing: 'cases.rules.approvalHandlers' };
  if (!review) return { date: null, missing: 'cases.rules.approvalReview' };
  if (!approve) return { date: null, missing: 'cases.rules.approvalApprove' };
  if (!approve.approved) return { date: null, missing: 'cases.rules.approvalRefused' };
  const lastHandler = handlers
    .map((h) => h.date)
    .sort()
    .at(-1)!;
  if (review.date < lastHandler || approve.date < review.date)
    return { date: null, missing: 'cases.rules.approvalOrder' };
  return { date: approve.date, missing: null };
}

/** An approval row with rows of a later role signed after it on the same form: those are taken back first. */
export function signedUnder(events: CaseEvent[], row: Live<'approval'>): boolean {
  const order = { handler: 0, review: 1, approve: 2 } as const;
  return signsOf(events, row.stage).some((s) => s !== row && order[s.role] > order[row.role]);
}

/** The signatures that count on an approval form now: the current round (a spent 呈批's are left behind), in the order entered. */
export function signsOf(events: CaseEvent[], stage: 'filing' | 'disposal' | 'closing'): Live<'approval'>[] {
  const spent = spentBy(events, stage);
  // Entered after that and dated on or after it: a new 呈批 cannot be backdated before it.
  return live(
    events.filter((e) => !spent || (e.id > spent.id && e.data.date >= spent.data.date)),
    'approval',
  ).filter((a) => a.stage === stage);
}

/** What spent the 呈批 signed so far: the police declining the transfer, or its content changing after the party was heard. */
function spentBy(events: CaseEvent[], stage: 'filing' | 'disposal' | 'closing'): CaseEvent | undefined {
  return stage === 'disposal'
    ? events.findLast(
        (e) =>
          !e.retracted &&
          ((e.data.kind === 'transfer-answer' && e.data.result === 'declined') || e.data.kind === 'disposal-revised'),
      )
    : undefined;
}

/**
 * Whether this row may be signed now, in the form's order: the 审核 after two different 承办人, the 审批 after the
 * 审核, each dated on or after the row before it, and no row added to a form already approved (checked apart).
 */
export function signOrderIssues(
  events: CaseEvent[],
  sign: { stage: 'filing' | 'disposal' | 'closing'; role: 'handler' | 'review' | 'approve'; date: string },
): { key: string; params?: Record<string, string> }[] {
  const spent = spentBy(events, sign.stage);
  // A new round starts on the day that spent the old one: a row dated before it would never count.
  if (spent && sign.date < spent.data.date)
    return [{ key: 'cases.rules.signBefore', params: { date: spent.data.date } }];
  const signs = signsOf(events, sign.stage);
  const handlers = signs.filter((a) => a.role === 'handler');
  const review = signs.filter((a) => a.role === 'review').at(-1);
  // The 承办人 rows come first: once the 审核 is signed, a new 承办人 row would never count.
  if (sign.role === 'handler') return review ? [{ key: 'cases.rules.signAfterReview' }] : [];
  if (new Set(handlers.map((h) => h.name)).size < 2) return [{ key: 'cases.rules.approvalHandlers' }];
  const before =
    sign.role === 'review'
      ? handlers
          .map((h) => h.date)
          .sort()
          .at(-1)!
      : review?.date;
  if (!before) return [{ key: 'cases.rules.approvalReview' }];
  return sign.date < before ? [{ key: 'cases.rules.signBefore', params: { date: before } }] : [];
}

/**
 * Whose signature an approval form waits for next, as approval() counts them: two different
 * 承办人, then the 审核人, then the 审批人 — on a fresh round once a 呈批 is spent (the police
 * declined the transfer, or the decision was revised after the party was heard). The screen asks
 * this rather than counting rows itself, so it never offers a row the core would not count.
 */
export function nextApprovalRole(
  events: CaseEvent[],
  stage: 'filing' | 'disposal' | 'closing',
): 'handler' | 'review' | 'approve' {
  switch (approval(events, stage).missing) {
    case 'cases.rules.approvalReview':
      return 'review';
    case 'cases.rules.approvalApprove':
    case 'cases.rules.approvalRefused':
      return 'approve';
    default:
      return 'handler';
  }
}

export const filedOn = (r: CaseRecord): string | null => approval(r.events, 'filing').date;

/** Issued and in force: a corrected document gives way to its correction. */
export const issued = (r: Pick<CaseRecord, 'documents'>, ...types: string[]) =>
  r.documents.filter((d) => types.includes(d.type) && d.status === 'issued' && !d.superseded);
/** The party a notice or decision is addressed to (documents made before persons could be fined were the unit's). */
const addressee = (d: CaseDocument): string => String(d.fields.party ?? 'unit');
/** Whether an event or document concerns the party (events recorded before parties were told apart are the unit's). */
export const concerns = (x: { party?: PartyKey }, party: PartyKey) => String(x.party ?? 'unit') === String(party);
export const SUMMARY_TYPES = ['summary-penalty-unit', 'summary-penalty-person'];
/** Acts of investigation: made before 立案, they stand on a recorded 先行调查取证 and the case is filed within the period. */
export const INVESTIGATION_TYPES = [
  'questioning-notice',
  'questioning-record',
  'survey-record',
  'sampling-receipt',
  'evidence-preservation-notice',
  'appraisal-request',
  'seal-seize-decision',
];

export const DECISION_TYPES = ['penalty-decision-unit', 'penalty-decision-person', ...SUMMARY_TYPES];
/** The decision in force against a party, or (no party given) the latest against anyone. */
export const decisionOf = (r: CaseRecord, party?: PartyKey): CaseDocument | undefined =>
  issued(r, ...DECISION_TYPES)
    .filter((d) => party === undefined || addressee(d) === String(party))
    .at(-1);
export const noticeOf = (r: CaseRecord, party: PartyKey = 'unit'): CaseDocument | undefined =>
  issued(r, 'penalty-notice')
    .filter((d) => addressee(d) === String(party))
    .at(-1);

/** Everyone the 呈批 penalises, the unit first: each gets a 告知书 and a 决定书 of their own. */
export function partiesPenalised(r: Pick<CaseRecord, 'violations'>): PartyKey[] {
  const keys = [...new Set(r.violations.map((v) => String(v.party)))].sort((a, b) =>
    a === 'unit' ? -1 : b === 'unit' ? 1 : Number(a) - Number(b),
  );
  return keys.map((k) => (k === 'unit' ? 'unit' : Number(k)));
}
export const violationsOf = (r: Pick<CaseRecord, 'violations'>, party: PartyKey) =>
  r.violations.filter((v) => String(v.party) === String(party));
export const partyName = (r: Pick<CaseRecord, 'persons'>, party: PartyKey): string | null =>
  party === 'unit' ? null : (r.persons[party]?.name ?? String(party));

export const totalFine = (violations: Violation[]): number => violations.reduce((s, v) => s + v.fine, 0);

const heavyMeasure = (r: Pick<CaseRecord, 'violations'>) =>
  r.violations.some((v) => v.measures.some((m) => HEAVY_MEASURES.test(m)));

/** An amount summed per party over the violations (String keys: 'unit', or a person's index). */
function sumByParty(violations: Violation[], amountOf: (v: Violation) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of violations) m.set(String(v.party), (m.get(String(v.party)) ?? 0) + amountOf(v));
  return m;
}
const finesByParty = (violations: Violation[]) => sumByParty(violations, (v) => v.fine);

/** 较大数额 is judged per party, on what one party is fined (or has confiscated), by the province's thresholds. */
const largeForAParty = (r: Pick<CaseRecord, 'violations'>, rules: ProcedureRules, amountOf: (v: Violation) => number) =>
  [...sumByParty(r.violations, amountOf)].some(
    ([party, sum]) => sum >= (party === 'unit' ? rules.hearingThresholds.unit : rules.hearingThresholds.person),
  );
/** 较大数额罚款: what one party is fined. */
const largeFine = (r: Pick<CaseRecord, 'violations'>, rules: ProcedureRules) => largeForAParty(r, rules, (v) => v.fine);
/**
 * 没收较大数额违法所得 (行政处罚法 第六十三条第（二）项): what one party has confiscated, by the same thresholds
 * as a fine. The law leaves 较大数额 to each province; that it is the fine's amount here too is how most
 * provinces set it, and 待核实 for a province that sets its own.
 */
const largeConfiscation = (r: Pick<CaseRecord, 'violations'>, rules: ProcedureRules) =>
  largeForAParty(r, rules, (v) => (v.measures.includes(CONFISCATION) ? (v.gains ?? 0) : 0));

/**
 * 听证: a large fine or a large confiscation (per the province's thresholds), or a heavy measure, gives the
 * right to ask for one.
 */
export function hearingTriggered(r: Pick<CaseRecord, 'violations'>, rules: ProcedureRules, party?: PartyKey): boolean {
  const own = party === undefined ? r : { violations: violationsOf(r, party) };
  return heavyMeasure(own) || largeFine(own, rules) || largeConfiscation(own, rules);
}

/** 听证 the party asked for and not held by the day (a party who stayed away from it has waived it). */
export function hearingOutstanding(r: Pick<CaseRecord, 'events'>, party: PartyKey, onOrBefore = '9999-12-31'): boolean {
  const asked = live(r.events, 'hearing-request')
    .filter((h) => concerns(h, party))
    .at(-1);
  return (
    !!asked &&
    !live(r.events, 'hearing').some((h) => concerns(h, party) && h.date >= asked.date && h.date <= onOrBefore)
  );
}

/**
 * 行刑衔接: a case suspected of a crime (or decided at 呈批 for transfer to another organ) waits
 * for the receiving organ's answer. A fine never quietly replaces a pending transfer (国务院令第310号
 * 第十一条); if the organ declines, the case is decided administratively (第十条).
 */
export type TransferState = 'none' | 'pending' | 'accepted' | 'declined';
export function transferState(
  r: Pick<CaseRecord, 'suspectedCrime' | 'outcome' | 'events' | 'documents'>,
): TransferState {
  // A letter sent is a transfer pending, whatever the flags say afterwards.
  const sent = r.documents.some((d) => d.type === 'transfer-letter' && d.status === 'issued');
  if (!r.suspectedCrime && r.outcome !== 'transfer' && !sent) return 'none';
  return live(r.events, 'transfer-answer').at(-1)?.result ?? 'pending';
}
export const transferLetterOf = (r: CaseRecord): CaseDocument | undefined => issued(r, 'transfer-letter').at(-1);
const addressedTo = (r: Pick<CaseRecord, 'documents'>, type: string, party: PartyKey) =>
  issued(r, type)
    .filter((d) => addressee(d) === String(party))
    .at(-1);
export const hearingNoticeOf = (r: Pick<CaseRecord, 'documents'>, party: PartyKey): CaseDocument | undefined =>
  addressedTo(r, 'hearing-meeting-notice', party);
/** The 听证笔录 and the 听证会报告书 of the hearing held for a party (第六十五条: the decision is made on the record). */
export const hearingRecordOf = (r: Pick<CaseRecord, 'documents'>, party: PartyKey): CaseDocument | undefined =>
  addressedTo(r, 'hearing-record', party);
export const hearingReportOf = (r: Pick<CaseRecord, 'documents'>, party: PartyKey): CaseDocument | undefined =>
  addressedTo(r, 'hearing-report', party);

/** The configured triggers that apply to this case (行政处罚法 第五十八条 and the unit's 法制审核 list). */
export function legalReviewReasons(r: CaseRecord, rules: ProcedureRules): LegalReviewTrigger[] {
  const applies: Record<LegalReviewTrigger, boolean> = {
    hearing: live(r.events, 'hearing').some((h) => h.attended),
    suspension: heavyMeasure(r),
    'large-fine': largeFine(r, rules),
    complex: r.complex,
    transfer: r.suspectedCrime,
    'all-ordinary': r.procedure === 'ordinary' && r.outcome === 'penalty',
  };
  return LEGAL_REVIEW_TRIGGERS.filter((t) => rules.legalReviewTriggers.includes(t) && applies[t]);
}

/** 集体讨论: the same circumstances, from the unit's own list of triggers. */
export function collectiveRequired(r: CaseRecord, rules: ProcedureRules): boolean {
  return legalReviewReasons(r, { ...rules, legalReviewTriggers: rules.collectiveTriggers }).length > 0;
}

/** The party was heard after the 呈批 was approved: a statement adopted, or a hearing held. */
function heardSince(r: CaseRecord, approved: string): boolean {
  return (
    live(r.events, 'statement').some((s) => s.adopted && !s.waived && s.date >= approved) ||
    live(r.events, 'hearing').some((h) => h.attended && h.date >= approved)
  );
}

/** Whether the approved 呈批 may still change: the party was heard since, and nothing was decided yet. */
export function disposalRevisable(r: CaseRecord): boolean {
  const approved = approval(r.events, 'disposal').date;
  return (
    !!approved &&
    r.procedure === 'ordinary' &&
    heardSince(r, approved) &&
    !partiesPenalised(r).some((p) => decisionOf(r, p))
  );
}

/**
 * Changing an approved 呈批 (行政处罚法 第四十五条): only after the party was heard, before any decision,
 * with the reason, and never to a heavier penalty — no higher fine, no new measure, no new party.
 */
export function revisionIssues(
  r: CaseRecord,
  outcome: CaseOutcome,
  violations: Violation[],
  reason: string,
): ValidationIssue[] {
  if (!approval(r.events, 'disposal').date) return [];
  if (!disposalRevisable(r)) return [{ path: ['case'], key: 'cases.rules.disposalApproved' }];
  const issues: ValidationIssue[] = [];
  if (!reason.trim()) issues.push({ path: ['revisionReason'], key: 'cases.rules.revisionReasonRequired' });
  if (outcome === 'transfer') issues.push({ path: ['outcome'], key: 'cases.rules.disposalApproved' });
  const before = finesByParty(r.violations);
  for (const [party, fine] of finesByParty(violations)) {
    const old = before.get(party);
    const measures = (list: Violation[]) =>
      new Set(list.filter((v) => String(v.party) === party).flatMap((v) => v.measures));
    const added = [...measures(violations)].filter((m) => !measures(r.violations).has(m));
    if (old === undefined || fine > old || added.length)
      issues.push({
        path: ['violations'],
        key: 'cases.rules.penaltyRaised',
        params: { party: party === 'unit' ? '' : (partyName(r, Number(party)) ?? '') },
      });
  }
  return issues;
}

/** A passing 法制审核 on or before the day, and no failing one after it. */
function legalReviewPassed(r: CaseRecord, onOrBefore: string): boolean {
  // The latest by date (a review entered late but dated earlier does not hide a later failing one).
  const reviews = live(r.events, 'legal-review').filter((e) => e.date <= onOrBefore);
  const last = reviews.reduce<(typeof reviews)[number] | undefined>(
    (a, b) => (!a || b.date >= a.date ? b : a),
    undefined,
  );
  return last?.result === 'pass';
}

/**
 * What the 陈述申辩 period allows: a statement heard, an express waiver, or the period ended. The
 * penalty is never raised because the party argued (第四十五条): the decision cannot exceed the notice.
 */
function statementIssues(
  r: CaseRecord,
  { party, notice, decisionDate }: { party: PartyKey; notice: CaseDocument | undefined; decisionDate: string },
  { periods, cal, rules }: Omit<ProcedureContext, 'today'>,
): ValidationIssue[] {
  if (!notice?.servedOn) return [{ path: ['case'], key: 'cases.rules.noticeNotServed' }];
  if (decisionDate < notice.servedOn)
    return [{ path: ['date'], key: 'cases.rules.beforeNoticeServed', params: { served: notice.servedOn } }];
  const said = live(r.events, 'statement').filter(
    (s) => concerns(s, party) && s.date >= notice.servedOn! && s.date <= decisionDate,
  );
  const issues: ValidationIssue[] = [];
  // The period the notice itself stated (the party relies on what it was told).
  const stated = typeof notice.fields.statementDays === 'number' ? notice.fields.statementDays : null;
  const base = periodFor(periods, 'statement', notice.servedOn, rules);
  if (base && !said.length) {
    const due = periodEnd(cal, stated ? { ...base, length: stated } : base, notice.servedOn).date;
    if (decisionDate <= due)
      issues.push({ path: ['case'], key: 'cases.rules.statementPeriodRunning', params: { until: due } });
  }
  // Where the notice stated the hearing right, the 5 working days to ask run out first, unless the party expressly waived it.
  const hearing = periodFor(periods, 'hearing-request', notice.servedOn, rules);
  if (
    hearingStated(notice) &&
    hearing &&
    !said.some((s) => s.waived && s.waivesHearing) &&
    !live(r.events, 'hearing-request').some((h) => concerns(h, party))
  ) {
    const due = periodEnd(cal, hearing, notice.servedOn).date;
    if (decisionDate <= due)
      issues.push({ path: ['case'], key: 'cases.rules.hearingPeriodRunning', params: { until: due } });
  }
  return issues;
}

/** A period in force on a day, with the admin-confirmed length (and no longer 待核实) where there is one. */
export function periodFor(
  periods: StatutoryPeriod[],
  id: string,
  on: string,
  rules: Pick<ProcedureRules, 'confirmedPeriods'>,
): StatutoryPeriod | null {
  const p = periodInForce(periods, id, on);
  if (!p) return null;
  // A confirmation settles the uncertain version only (the 2015 办法's own values stay for older cases).
  const confirmed = p.uncertain ? rules.confirmedPeriods[id] : undefined;
  return confirmed ? { ...p, length: confirmed, uncertain: false } : p;
}

/**
 * Why the 行政处罚告知书 to a party cannot be issued yet (行政处罚法 第四十四条、第五十七条、第六十三条):
 * `hearingRights` is whether the notice states the right to a hearing.
 */
export function noticeIssues(
  r: CaseRecord,
  { party, date, hearingRights }: { party: PartyKey; date: string; hearingRights: boolean },
  rules: ProcedureRules,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (r.procedure === 'summary') issues.push({ path: ['case'], key: 'cases.rules.summaryProcedure' });
  if (r.outcome !== 'penalty') issues.push({ path: ['case'], key: 'cases.rules.outcomeNotPenalty' });
  if (!violationsOf(r, party).length) issues.push({ path: ['case'], key: 'cases.rules.violationsRequired' });
  const disposal = approval(r.events, 'disposal');
  if (!disposal.date)
    issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved', params: { missing: disposal.missing } });
  else if (date < disposal.date)
    issues.push({ path: ['date'], key: 'cases.rules.beforeApproval', params: { approved: disposal.date } });
  if (hearingTriggered(r, rules, party) && !hearingRights)
    issues.push({ path: ['hearingRights'], key: 'cases.rules.hearingRightsMissing' });
  return issues;
}

/** What any decision needs, ordinary or summary: a penalty decided, no transfer pending, one decision per party. */
function commonDecisionIssues(r: CaseRecord, party: PartyKey): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (r.outcome !== 'penalty') issues.push({ path: ['case'], key: 'cases.rules.outcomeNotPenalty' });
  if (!violationsOf(r, party).length) issues.push({ path: ['case'], key: 'cases.rules.violationsRequired' });
  const transfer = transferState(r);
  if (transfer === 'pending') issues.push({ path: ['case'], key: 'cases.rules.transferPending' });
  if (transfer === 'accepted') issues.push({ path: ['case'], key: 'cases.rules.transferAccepted' });
  if (decisionOf(r, party)) issues.push({ path: ['case'], key: 'cases.rules.decisionExists' });
  return issues;
}

/** Why the 行政处罚决定书 to a party, for this total fine, cannot be issued on this day: every rule named. */
/**
 * 行刑衔接: a case whose violations may be 危险作业罪 is decided only once assessed for transfer — transferred and
 * declined by the police (国务院令第310号 第十条), or a reasoned decision not to transfer, approved by the head, dated on or
 * before the decision. A fine never stands in for a transfer concluded on (第十一条).
 */
export function transferAssessmentIssues(r: CaseRecord, date: string): ValidationIssue[] {
  if (!r.crimeRisks.length) return [];
  if (live(r.events, 'transfer-answer').some((a) => a.result === 'declined' && a.date <= date)) return [];
  // The latest by its date (one entered late but dated earlier does not override a later one).
  const assessed = live(r.events, 'transfer-assessment')
    .filter((a) => a.date <= date)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (!assessed)
    return [
      {
        path: ['case'],
        key: 'cases.rules.transferAssessmentMissing',
        params: { markers: [...new Set(r.crimeRisks.map((c) => c.marker))].join('、') },
      },
    ];
  return assessed.conclusion === 'transfer'
    ? [{ path: ['case'], key: 'cases.rules.transferConcluded', params: { date: assessed.date } }]
    : [];
}

export function decisionIssues(
  r: CaseRecord,
  { party, date, totalFine: proposedTotal }: { party: PartyKey; date: string; totalFine: number },
  ctx: Omit<ProcedureContext, 'today'>,
): ValidationIssue[] {
  const issues = commonDecisionIssues(r, party);
  if (r.procedure === 'summary') issues.push({ path: ['case'], key: 'cases.rules.summaryProcedure' });
  const disposal = approval(r.events, 'disposal');
  if (!disposal.date)
    issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved', params: { missing: disposal.missing } });
  else if (date < disposal.date)
    issues.push({ path: ['date'], key: 'cases.rules.beforeApproval', params: { approved: disposal.date } });
  const notice = noticeOf(r, party);
  issues.push(...statementIssues(r, { party, notice, decisionDate: date }, ctx));
  if (hearingOutstanding(r, party, date)) issues.push({ path: ['case'], key: 'cases.rules.hearingPending' });
  const { rules } = ctx;
  const reasons = legalReviewReasons(r, rules);
  if (reasons.length && !legalReviewPassed(r, date))
    issues.push({ path: ['case'], key: 'cases.rules.legalReviewRequired', params: { reasons: reasons.join('、') } });
  // A hearing changes the record the review judged: the passing opinion comes after it.
  const heard = live(r.events, 'hearing')
    .filter((h) => h.attended && concerns(h, party) && h.date <= date)
    .at(-1);
  if (heard && !hearingRecordOf(r, party)) issues.push({ path: ['case'], key: 'cases.rules.hearingRecordMissing' });
  else if (heard && !hearingReportOf(r, party))
    issues.push({ path: ['case'], key: 'cases.rules.hearingReportMissing' });
  if (
    heard &&
    reasons.includes('hearing') &&
    !live(r.events, 'legal-review').some((x) => x.result === 'pass' && x.date >= heard.date && x.date <= date)
  ) {
    issues.push({ path: ['case'], key: 'cases.rules.legalReviewAfterHearing', params: { heard: heard.date } });
  }
  if (collectiveRequired(r, rules) && !live(r.events, 'collective-discussion').some((c) => c.date <= date))
    issues.push({ path: ['case'], key: 'cases.rules.collectiveRequired' });
  issues.push(...transferAssessmentIssues(r, date));
  const noticeTotal = typeof notice?.fields.totalFine === 'number' ? notice.fields.totalFine : null;
  if (noticeTotal !== null && proposedTotal > noticeTotal)
    issues.push({ path: ['totalFine'], key: 'cases.rules.noHeavierThanNotice', params: { notice: noticeTotal } });
  return issues;
}

/**
 * 当场处罚 (行政处罚法 第五十一条、第六十八条): only a warning or a fine up to the cap, the facts
 * clear and the basis in law; cash on the spot only up to 100 元 or where paying later would be hard.
 */
export function summaryDecisionIssues(
  r: CaseRecord,
  {
    party,
    fine,
    cashOnTheSpot,
    hardToPayLater,
  }: { party: PartyKey; fine: number; cashOnTheSpot: boolean; hardToPayLater: boolean },
  rules: ProcedureRules,
): ValidationIssue[] {
  const issues = commonDecisionIssues(r, party);
  if (r.procedure !== 'summary') issues.push({ path: ['case'], key: 'cases.rules.ordinaryProcedure' });
  const limit = party === 'unit' ? rules.summaryLimits.unit : rules.summaryLimits.person;
  if (fine > limit) issues.push({ path: ['fine'], key: 'cases.rules.summaryLimit', params: { limit } });
  // 责令改正 goes with any penalty (第二十八条); 停产停业 and the like need the ordinary procedure.
  if (heavyMeasure({ violations: violationsOf(r, party) }))
    issues.push({ path: ['case'], key: 'cases.rules.summaryMeasures' });
  if (cashOnTheSpot && fine > 100 && !hardToPayLater)
    issues.push({ path: ['paymentMode'], key: 'cases.rules.cashLimit' });
  return issues;
}

const paidBy = (r: CaseRecord, party: PartyKey) =>
  live(r.events, 'payment')
    .filter((p) => concerns(p, party))
    .reduce((s, p) => s + p.amount, 0);

/** Whether an issued 送达回执 of the file lists the document of this number. */
export const onReceipt = (r: Pick<CaseRecord, 'documents'>, numberText: string) =>
  issued(r, 'service-receipt').some((x) =>
    (Array.isArray(x.fields.rows) ? (x.fields.rows as { document?: unknown }[]) : []).some(
      (row) => typeof row.document === 'string' && row.document.includes(numberText),
    ),
  );

/** 结案: the penalty carried out (each party's decision served, fines paid), a lawful 不予处罚, or the case transferred and accepted. */
export function closingIssues(r: CaseRecord): ValidationIssue[] {
  const transfer = transferState(r);
  if (transfer === 'accepted') return [];
  if (transfer === 'pending') return [{ path: ['case'], key: 'cases.rules.transferPending' }];
  if (r.outcome === 'transfer') return [{ path: ['case'], key: 'cases.rules.transferDeclined' }];
  const issues: ValidationIssue[] = [];
  if (r.procedure === 'ordinary' && !approval(r.events, 'disposal').date)
    issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved' });
  if (!r.outcome) issues.push({ path: ['case'], key: 'cases.rules.disposalContentMissing' });
  if (r.outcome === 'penalty') {
    for (const party of partiesPenalised(r)) {
      const who = partyName(r, party) ?? '';
      const decision = decisionOf(r, party);
      if (!decision) {
        issues.push({ path: ['case'], key: 'cases.rules.noDecision', params: { party: who } });
        continue;
      }
      if (!decision.servedOn)
        issues.push({ path: ['case'], key: 'cases.rules.decisionNotServed', params: { party: who } });
      // Served is proven in the file by the 送达回执 the party signed, naming the decision (第六十一条).
      else if (decision.numberText && !onReceipt(r, decision.numberText))
        issues.push({
          path: ['case'],
          key: 'cases.rules.receiptMissing',
          params: { party: who, number: decision.numberText },
        });
      const fine = totalFine(violationsOf(r, party));
      const paid = paidBy(r, party);
      if (fine > 0 && paid < fine && !live(r.events, 'enforcement').some((x) => concerns(x, party)))
        issues.push({ path: ['case'], key: 'cases.rules.notPaid', params: { fine, paid, party: who } });
    }
    // 安全生产法 第七十八条: the decision is made public; the file is not closed with that still owed.
    if (r.procedure === 'ordinary' && decisionOf(r) && !live(r.events, 'publication').length)
      issues.push({ path: ['case'], key: 'cases.rules.publicationMissing' });
  }
  return issues;
}

const isArchived = (r: CaseRecord) => live(r.events, 'archive').length > 0;
/**
 * After 归档 the file is read-only: only what happens later (复议, 诉讼, 执行, 借阅, 撤回公示, and the 提请关闭 the decision
 * made due) is appended.
 */
const AFTER_ARCHIVE = new Set<StoredCaseEventData['kind']>([
  'closure-request',
  'remedy',
  'enforcement',
  'borrow',
  'publication-withdrawn',
  'refused-correction',
  'corrected',
]);

/** What checking an event against the statutory periods needs (the core reads it before its transaction). */
export interface ProcedureContext {
  today: string;
  periods: StatutoryPeriod[];
  cal: WorkCalendar;
  rules: ProcedureRules;
}

/** Whether an event may be recorded now: out-of-order steps are refused with the rule's name (with measureEventIssues). */
export function eventIssues(
  r: CaseRecord,
  e: CaseEventData,
  ctx: ProcedureContext,
  retracting?: CaseEvent,
): ValidationIssue[] {
  const at = (key: string, params?: Record<string, unknown>): ValidationIssue[] => [{ path: ['event'], key, params }];
  if (e.date > ctx.today) return at('cases.rules.futureDate');
  if (
    isArchived(r) &&
    !AFTER_ARCHIVE.has(e.kind) &&
    !(e.kind === 'retract' && retracting && AFTER_ARCHIVE.has(retracting.data.kind))
  )
    return at('cases.rules.archived');
  const filed = filedOn(r);
  const decision = decisionOf(r);
  switch (e.kind) {
    case 'approval': {
      // 当场处罚 has no 立案 or 呈批: the officers decide on the spot; the file is still closed by approval.
      if (r.procedure === 'summary' && e.stage !== 'closing') return at('cases.rules.summaryProcedure');
      const inOrder = () => signOrderIssues(r.events, e).map((i) => ({ path: ['event', 'date'], ...i }));
      if (e.stage === 'filing') return filed ? at('cases.rules.alreadyApproved') : inOrder();
      if (!filed && r.procedure === 'ordinary') return at('cases.rules.notFiled');
      if (filed && e.date < filed) return at('cases.rules.beforeFiling', { filed });
      if (e.stage === 'disposal') {
        if (!r.outcome) return at('cases.rules.disposalContentMissing');
        return approval(r.events, 'disposal').date ? at('cases.rules.alreadyApproved') : inOrder();
      }
      if (approval(r.events, 'closing').date) return at('cases.rules.alreadyApproved');
      // What keeps the file open is said before whose turn it is: the head cannot close it either way.
      const open = e.role === 'approve' && e.approved ? closingIssues(r).map((i) => ({ ...i, path: ['event'] })) : [];
      return open.length ? open : inOrder();
    }
    case 'closure-request':
      return r.procedure === 'ordinary' && !filed ? at('cases.rules.notFiled') : [];
    case 'transfer-assessment':
      if (r.procedure !== 'ordinary') return at('cases.rules.summaryProcedure');
      if (!filed) return at('cases.rules.notFiled');
      if (e.date < filed) return at('cases.rules.beforeFiling', { filed });
      // Dated on or before every decision: a paper assessment of an earlier file may be transcribed late.
      return issued(r, ...DECISION_TYPES).some((d) => d.date && d.date < e.date) ? at('cases.rules.afterDecision') : [];
    case 'pre-investigation':
      // Evidence gathered ahead of 立案: once the case is filed, investigation needs no leave of its own.
      if (r.procedure !== 'ordinary') return at('cases.rules.summaryProcedure');
      return filed && e.date >= filed ? at('cases.rules.preInvestigationFiled', { filed }) : [];
    case 'legal-review':
    case 'collective-discussion':
      if (!r.outcome) return at('cases.rules.disposalContentMissing');
      // Reviewed before every party's decision (a person's hearing may come after the unit's decision).
      if (partiesPenalised(r).length && partiesPenalised(r).every((p) => decisionOf(r, p)))
        return at('cases.rules.afterDecision');
      return filed && e.date >= filed ? [] : at('cases.rules.beforeFiling', { filed });
    case 'statement':
    case 'hearing-request': {
      // Each party answers its own 告知书.
      const notice = noticeOf(r, e.party);
      if (!notice?.servedOn) return at('cases.rules.noticeNotServed');
      if (e.date < notice.servedOn) return at('cases.rules.beforeNoticeServed', { served: notice.servedOn });
      if (e.kind === 'hearing-request' && !hearingStated(notice)) return at('cases.rules.noHearingRight');
      return decisionOf(r, e.party) ? at('cases.rules.afterDecision') : [];
    }
    case 'hearing': {
      if (!live(r.events, 'hearing-request').some((h) => concerns(h, e.party)))
        return at('cases.rules.noHearingRequest');
      if (decisionOf(r, e.party)) return at('cases.rules.afterDecision');
      const notice = hearingNoticeOf(r, e.party);
      if (!notice?.servedOn) return at('cases.rules.hearingNoticeNotServed');
      if (notice.fields.hearingDate !== e.date)
        return at('cases.rules.hearingNotOnNoticeDay', { day: notice.fields.hearingDate });
      const latest = hearingNoticeLatest(notice.fields.hearingDate, ctx);
      if (latest && notice.servedOn > latest) return at('cases.rules.hearingNoticeLate', { latest });
      // 第六十四条第（四）项: the chair is not one of the officers who investigated, and is the one the party was told of.
      if (r.handlerNames.includes(e.chair)) return at('cases.rules.chairIsInvestigator');
      return e.chair === notice.fields.chair ? [] : at('cases.rules.chairNotOnNotice', { chair: notice.fields.chair });
    }
    case 'transfer-answer': {
      const letter = transferLetterOf(r);
      if (!letter?.servedOn) return at('cases.rules.transferNotSent');
      if (e.date < letter.servedOn) return at('cases.rules.beforeTransferSent', { sent: letter.servedOn });
      return transferState(r) === 'pending' ? [] : at('cases.rules.transferAnswered');
    }
    case 'court-application': {
      const d = decisionOf(r, e.party);
      if (!d?.servedOn) return at('cases.rules.decisionNotServed', { party: partyName(r, e.party) ?? '' });
      if (e.date < d.servedOn) return at('cases.rules.beforeDecision', { decided: d.servedOn });
      const application = { party: e.party, servedOn: d.servedOn, appliedOn: e.date };
      return courtApplicationIssues(r, application, ctx).map((i) => ({ ...i, path: ['event'] }));
    }
    case 'summary-filed': {
      const d = decisionOf(r, e.party);
      if (r.procedure !== 'summary' || !d) return at('cases.rules.noSummaryDecision');
      return d.date && e.date < d.date ? at('cases.rules.beforeDecision', { decided: d.date }) : [];
    }
    case 'payment':
    case 'publication':
    case 'remedy':
    case 'enforcement': {
      const d = e.kind === 'payment' ? decisionOf(r, e.party) : decision;
      if (!d) return at('cases.rules.noDecision', { party: e.kind === 'payment' ? (partyName(r, e.party) ?? '') : '' });
      return d.date && e.date < d.date ? at('cases.rules.beforeDecision', { decided: d.date }) : [];
    }
    case 'publication-withdrawn':
      return live(r.events, 'publication').length ? [] : at('cases.rules.notPublished');
    // Recorded by the change of the 呈批 itself (revisionIssues).
    case 'disposal-revised':
      return at('cases.rules.notRecordedByHand');
    // Rules of their own (case-measures.ts, measureEventIssues).
    case 'recusal':
    case 'cash-handed-in':
    case 'refused-correction':
    case 'corrected':
      return [];
    case 'archive':
      if (!approval(r.events, 'closing').date) return at('cases.rules.notClosed');
      return isArchived(r) ? at('cases.rules.archived') : [];
    case 'borrow':
      return isArchived(r) ? [] : at('cases.rules.notArchived');
    case 'retract': {
      // A retraction is itself final: taking it back would change nothing (the event it struck stays struck), so it is refused.
      if (!retracting || retracting.retracted || retracting.data.kind === 'retract')
        return at('cases.rules.nothingToRetract');
      // The change it records has been made: taking the record back would revive the old signatures.
      if (retracting.data.kind === 'disposal-revised') return at('cases.rules.retractTooLate');
      // What a later act relied on stays: an approval, review, hearing or answer behind an issued notice or decision is not taken back.
      const reliedOn =
        [
          'approval',
          'legal-review',
          'collective-discussion',
          'statement',
          'hearing-request',
          'hearing',
          'transfer-answer',
          'transfer-assessment',
        ].includes(retracting.data.kind) &&
        (issued(r, 'penalty-notice', 'hearing-meeting-notice', 'transfer-letter').length || decision);
      // Evidence gathered before 立案 on the strength of a 先行调查取证 keeps its leave.
      const leaveFor =
        retracting.data.kind === 'pre-investigation' &&
        issued(r, ...INVESTIGATION_TYPES).some(
          (d) =>
            !!d.date &&
            d.date >= retracting.data.date &&
            (!filed || d.date < filed) &&
            // Unless another leave, dated on or before the act, still covers it.
            !live(r.events, 'pre-investigation').some((o) => o !== retracting.data && o.date <= d.date!),
        );
      if (reliedOn || leaveFor) return at('cases.rules.retractTooLate');
      // A row of an approval form stands under the rows signed after it: those are taken back first, by whom signed them.
      if (retracting.data.kind === 'approval' && signedUnder(r.events, retracting.data))
        return at('cases.rules.retractSignOrder');
      return [];
    }
  }
}

const hearingStated = (notice: CaseDocument) => notice.fields.hearingRights === true;

/**
 * The instalments of the 延期（分期）缴纳罚款批准书 in force for a party (one for a deferral), by date;
 * undefined when none was issued.
 */
export function deferralOf(
  r: Pick<CaseRecord, 'documents' | 'events' | 'violations'>,
  party: PartyKey,
): { until: string; amount: number }[] | undefined {
  const letter = issued(r, 'deferred-payment-approval-letter')
    .filter((d) => addressee(d) === String(party))
    .at(-1);
  if (!letter) {
    // Recorded by hand before the 批准书 was a document (files of earlier versions): one date for the whole fine.
    const legacy = live(r.events, 'deferral')
      .filter((x) => concerns(x, party))
      .at(-1);
    return legacy ? [{ until: legacy.until, amount: totalFine(violationsOf(r, party)) }] : undefined;
  }
  const rows = Array.isArray(letter.fields.instalments)
    ? (letter.fields.instalments as { until: unknown; amount: unknown }[])
    : [];
  return rows
    .filter((x) => typeof x.until === 'string' && typeof x.amount === 'number')
    .map((x) => ({ until: x.until as string, amount: x.amount as number }))
    .sort((a, b) => a.until.localeCompare(b.until));
}

/**
 * When the time to sue ends for a party (6 months from service, 行政诉讼法 第四十六条) or, if later,
 * when an approved deferral ends: the court may be asked from the next day, for 3 months.
 */
function suitPeriodEnd(r: CaseRecord, party: PartyKey, servedOn: string): string {
  const deferred = deferralOf(r, party)?.at(-1)?.until ?? '';
  return [addMonths(servedOn, 6), deferred].sort().at(-1)!;
}

/**
 * 行政强制法 第五十三条、第五十四条: the court is asked (on `appliedOn`) after the time to sue, counted from
 * the day the party's decision was served, within 3 months, and 10 working days after a 催告书.
 */
function courtApplicationIssues(
  r: CaseRecord,
  { party, servedOn, appliedOn: on }: { party: PartyKey; servedOn: string; appliedOn: string },
  ctx: ProcedureContext,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const from = suitPeriodEnd(r, party, servedOn);
  if (on <= from) issues.push({ path: ['date'], key: 'cases.rules.courtTooEarly', params: { from } });
  // The 催告书 to this party, served on or before the day.
  const served =
    issued(r, 'enforcement-demand')
      .filter((d) => addressee(d) === String(party) && d.servedOn && d.servedOn <= on)
      .at(-1)?.servedOn ??
    // A 催告 recorded by hand before the 催告书 was a document (files of earlier versions).
    live(r.events, 'demand')
      .filter((x) => concerns(x, party) && x.date <= on)
      .at(-1)?.date;
  const wait = periodFor(ctx.periods, 'enforcement-demand', served ?? on, ctx.rules);
  if (!served) issues.push({ path: ['case'], key: 'cases.rules.demandMissing' });
  else if (wait && on <= periodEnd(ctx.cal, wait, served).date)
    issues.push({
      path: ['date'],
      key: 'cases.rules.demandWaitRunning',
      params: { until: periodEnd(ctx.cal, wait, served).date },
    });
  return issues;
}

/** The last day the 听证会通知书 may reach the party: 7 working days before the hearing (第六十四条第（二）项). */
export function hearingNoticeLatest(hearingDate: unknown, ctx: Omit<ProcedureContext, 'today'>): string | null {
  const p = typeof hearingDate === 'string' ? periodFor(ctx.periods, 'hearing-notice', hearingDate, ctx.rules) : null;
  // "七日前" read cautiously: seven whole working days between the day served and the hearing, neither counted.
  return p ? periodEnd(ctx.cal, { ...p, length: p.length + 1 }, hearingDate as string).date : null;
}

export function caseStage(r: CaseRecord): CaseStage {
  if (isArchived(r)) return 'archived';
  if (approval(r.events, 'closing').date) return 'closed';
  const transfer = transferState(r);
  if (r.procedure === 'summary') {
    if (r.outcome !== 'penalty') return r.outcome ? 'closing' : 'disposal';
  } else {
    if (!filedOn(r)) return 'filing';
    if (!r.outcome) return 'investigation';
    if (!approval(r.events, 'disposal').date) return 'disposal';
    if (r.outcome === 'transfer' || transfer === 'accepted') return transfer === 'pending' ? 'transfer' : 'closing';
    if (r.outcome !== 'penalty') return 'closing';
    if (partiesPenalised(r).some((p) => hearingOutstanding(r, p))) return 'hearing';
    if (partiesPenalised(r).some((p) => !noticeOf(r, p)?.servedOn && !decisionOf(r, p))) return 'notice';
  }
  if (partiesPenalised(r).some((p) => !decisionOf(r, p))) return 'decision';
  return closingIssues(r).length ? 'execution' : 'closing';
}

/**
 * Every statutory deadline the case has reached, each from a recorded event: 90 (30) days to
 * decide from 立案, 7 working days to serve and to publish each decision, 15 days to pay from
 * service, 3 working days to withdraw a publication after the decision was revoked or changed, the
 * 听证会通知书 7 working days before the hearing, and the transfer's 3 days, 24 hours and 3 days.
 */
export function caseDeadlines(r: CaseRecord, ctx: ProcedureContext): CaseDeadline[] {
  const { out, add } = deadlineList(r, ctx);
  const filed = filedOn(r);
  const decisions = partiesPenalised(r).map((party) => ({ party, doc: decisionOf(r, party) }));
  if (
    r.procedure === 'ordinary' &&
    r.outcome !== 'no-penalty' &&
    r.outcome !== 'transfer' &&
    transferState(r) !== 'accepted'
  ) {
    const all =
      decisions.length && decisions.every((d) => d.doc)
        ? decisions
            .map((d) => d.doc!.date ?? '')
            .sort()
            .at(-1)
        : null;
    add({ period: 'decision', from: filed, metOn: all });
  }
  for (const party of partiesPenalised(r)) {
    const notice = noticeOf(r, party);
    // The party answered by stating its case or by asking for a hearing.
    const answered = [...live(r.events, 'statement'), ...live(r.events, 'hearing-request')]
      .filter((s) => concerns(s, party) && s.date >= (notice?.servedOn ?? ''))
      .map((s) => s.date)
      .sort()[0];
    if (notice?.servedOn && !decisionOf(r, party))
      add({ period: 'statement', from: notice.servedOn, metOn: answered ?? null, party, documentId: notice.id });
    const hearingNotice = hearingNoticeOf(r, party);
    const hearingDate = hearingNotice?.fields.hearingDate;
    if (hearingNotice && typeof hearingDate === 'string')
      add({
        period: 'hearing-notice',
        from: hearingDate,
        metOn: hearingNotice.servedOn ?? null,
        party,
        due: hearingNoticeLatest(hearingDate, ctx),
        documentId: hearingNotice.id,
      });
  }
  for (const { party, doc } of decisions) {
    if (!doc?.date) continue;
    add({ period: 'service', from: doc.date, metOn: doc.servedOn, party, documentId: doc.id });
    // 当场处罚 decisions are not published (双公示 covers decisions made in the ordinary procedure); they are filed with the agency (第五十二条).
    if (r.procedure === 'ordinary')
      add({
        period: 'publication',
        from: doc.date,
        metOn: live(r.events, 'publication').find((p) => p.date >= doc.date!)?.date ?? null,
        party,
        documentId: doc.id,
      });
    else
      add({
        period: 'summary-filing',
        from: doc.date,
        metOn: live(r.events, 'summary-filed').find((x) => concerns(x, party) && x.date >= doc.date!)?.date ?? null,
        party,
        documentId: doc.id,
      });
    const fine = totalFine(violationsOf(r, party));
    if (fine > 0 && doc.servedOn) {
      const payments = live(r.events, 'payment').filter((p) => concerns(p, party));
      // The day the paid sum first reached an amount.
      const reached = (amount: number) => {
        let sum = 0;
        return payments.find((p) => (sum += p.amount) >= amount)?.date ?? null;
      };
      // An approved deferral moves the day the fine falls due; in instalments, the first one missed is what is due.
      let due: string | undefined;
      let metOn = reached(fine);
      const plan = deferralOf(r, party);
      if (plan?.length) {
        // The fine less what the plan covers was due before it; each instalment adds its amount.
        let owed = fine - plan.reduce((s, x) => s + x.amount, 0);
        const missed = plan.find((x) => {
          owed += x.amount;
          const on = reached(owed);
          return !on || on > x.until;
        });
        due = (missed ?? plan.at(-1)!).until;
        if (missed) metOn = reached(owed);
      }
      const pay = add({ period: 'payment', from: doc.servedOn, metOn, party, due, documentId: doc.id });
      // Unpaid past its day: the 3 months to ask the court open when the time to sue has run out.
      if (pay?.status === 'overdue') {
        add({
          period: 'enforcement-application',
          from: suitPeriodEnd(r, party, doc.servedOn),
          metOn: live(r.events, 'court-application').find((x) => concerns(x, party))?.date ?? null,
          party,
          documentId: doc.id,
        });
      }
    }
  }
  if (transferState(r) !== 'none') {
    // The transfer report is the first 承办人 signature on the 呈批 to transfer; the 负责人 decides within 3 days.
    if (r.suspectedCrime && r.outcome === 'transfer') {
      const reported = live(r.events, 'approval')
        .filter((a) => a.stage === 'disposal' && a.role === 'handler')
        .map((a) => a.date)
        .sort()[0];
      const approved = approval(r.events, 'disposal').date;
      add({ period: 'transfer-approval', from: reported, metOn: approved });
      // 24 hours to hand the case to the police: met when the letter was served on them.
      add({
        period: 'transfer-send',
        from: approved,
        metOn: transferLetterOf(r)?.servedOn ?? null,
        documentId: transferLetterOf(r)?.id ?? null,
      });
    }
    const letter = transferLetterOf(r);
    add({
      period: 'transfer-answer',
      from: letter?.servedOn,
      metOn: live(r.events, 'transfer-answer').at(-1)?.date ?? null,
    });
  }
  const changed = live(r.events, 'remedy').find((x) => x.outcome === 'revoked' || x.outcome === 'changed');
  if (changed && live(r.events, 'publication').length)
    add({
      period: 'publication-withdrawal',
      from: changed.date,
      metOn: live(r.events, 'publication-withdrawn')[0]?.date ?? null,
    });
  return out;
}

/** One deadline to add to a case's list: what it is counted from, and what the record says of it. */
export interface DeadlineFacts {
  /** The statutory period's id (knowledge/periods.json). */
  period: string;
  /** The day (or moment) the period runs from; nothing is added without one. */
  from: string | null | undefined;
  /** The day the step was taken, if it was. */
  metOn: string | null | undefined;
  /** The party it concerns; null (the default) for the case as a whole. */
  party?: PartyKey | null;
  /** The due date when the recorded facts set it (a deferral, the day of the hearing); else the period's end. */
  due?: string | null;
  /** Taken too late although on the due day: hours counted on the clock, which the day alone cannot show. */
  lateByTheClock?: boolean;
  /** The document the period runs from, where one does. */
  documentId?: number | null;
}

/**
 * A list of a case's deadlines and how one is added: the period in force on its first day, its due
 * date (or the one given, when the recorded facts set it), and whether the step was met, late or is
 * overdue.
 */
export function deadlineList(r: Pick<CaseRecord, 'persons'>, { periods, cal, today, rules }: ProcedureContext) {
  const out: CaseDeadline[] = [];
  const add = ({
    period: id,
    from,
    metOn,
    party = null,
    due: dueOn,
    lateByTheClock: late,
    documentId = null,
  }: DeadlineFacts) => {
    if (!from) return;
    const p = periodFor(periods, id, from, rules);
    if (!p) return;
    const end = periodEnd(cal, p, from);
    // Hours run on the clock; a case records days, so the step is due by the end of the day the hours run out.
    const due = dueOn ?? end.date.slice(0, 10);
    const met = metOn ?? null;
    const status = met ? (met <= due && !late ? 'met' : 'late') : today > due ? 'overdue' : 'pending';
    const deadline: CaseDeadline = {
      period: id,
      name: p.name,
      party,
      partyName: party === null ? null : partyName(r, party),
      basis: p.basis,
      from,
      due,
      metOn: met,
      status,
      uncertain: end.uncertain || p.uncertain,
      documentId,
    };
    out.push(deadline);
    return deadline;
  };
  return { out, add };
}

/** Open deadlines by urgency: overdue, or due within 3 working days (the workbench). */
export function urgency(d: CaseDeadline, cal: WorkCalendar, today: string): 'overdue' | 'soon' | 'later' | 'done' {
  if (d.status === 'met' || d.status === 'late') return 'done';
  if (d.status === 'overdue') return 'overdue';
  return countWorkdays(cal, addCalendarDays(today, 1), d.due).count <= 3 ? 'soon' : 'later';
}

/**
 * 加处罚款 (行政处罚法 第七十二条), per party with a payment deadline: 3% of the fine per day after the
 * due date, never more than the fine, not accruing while a 复议 or 诉讼 is pending (第七十三条).
 */
export function lateSurcharges(r: CaseRecord, deadlines: CaseDeadline[], today: string): Surcharge[] {
  const remedies = live(r.events, 'remedy');
  const pending = remedies.filter((x) => x.outcome === 'pending');
  const decidedAfter = (p: (typeof pending)[number]) =>
    remedies.find((x) => x.remedy === p.remedy && x.outcome !== 'pending' && x.date >= p.date);
  return deadlines
    .filter((d) => d.period === 'payment')
    .map((pay) => {
      const party = pay.party ?? 'unit';
      const fine = totalFine(violationsOf(r, party));
      // To the day asked for at the latest (a 催告书 states what was reached on its own date, whenever it was paid).
      const end = pay.metOn && pay.metOn < today ? pay.metOn : today;
      let days = 0;
      // Days after the due date, less those when a 复议/诉讼 was pending (from filing to its recorded outcome).
      for (let d = addCalendarDays(pay.due, 1); d <= end; d = addCalendarDays(d, 1)) {
        if (
          !pending.some((p) => {
            const decided = decidedAfter(p);
            return d >= p.date && (!decided || d < decided.date);
          })
        )
          days++;
      }
      return {
        party,
        partyName: pay.partyName,
        due: pay.due,
        days,
        amount: Math.min(fine, Math.round(fine * 0.03 * days)),
        paused: pending.some((p) => !decidedAfter(p)),
      };
    });
}

/**
 * 第一百一十三条第（一）项: a unit with a major hazard penalised three times within 180 days, or four within a year, is to be
 * closed. The windows are anchored on the penalties' own dates, not on today: the latest window (ending on a penalty)
 * that holds them, or null.
 */
export function closureWindow(
  decisionDates: string[],
): { count: number; days: 180 | 365; from: string; to: string } | null {
  const dates = decisionDates.filter(Boolean).sort();
  for (let i = dates.length - 1; i >= 0; i--) {
    const to = dates[i];
    for (const [days, need] of [
      [180, 3],
      [365, 4],
    ] as const) {
      // 民法典 第二百零一条、第二百零二条: the first day is not counted, so the 180 days run to the 180th day after it and
      // the year to its corresponding day.
      const from = days === 180 ? addCalendarDays(to, -180) : addMonths(to, -12);
      const inside = dates.slice(0, i + 1).filter((d) => d >= from);
      if (inside.length >= need) return { count: inside.length, days, from: inside[0], to };
    }
  }
  return null;
}

/**
 * One act is fined once (行政处罚法 第二十九条): violations of one party stemming from the same source are one act, however
 * their facts are worded — the hazard each stands on ('hazard'). Found in the case itself with no hazard linked, two
 * under the same penalty item are likely one act, its extent a matter of discretion ('item': a reviewer may find them
 * distinct). Each later one names the first: [index, first index, how].
 */
export function sameActs(violations: Violation[]): [number, number, 'hazard' | 'item'][] {
  const seen = new Map<string, number>();
  return violations.flatMap((v, i): [number, number, 'hazard' | 'item'][] => {
    const how = v.hazardId ? 'hazard' : 'item';
    const key = v.hazardId ? `${v.party}|hazard|${v.hazardId}` : `${v.party}|item|${v.penaltyItemId}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return first === undefined ? [] : [[i, first, how]];
  });
}

/** The 呈批's violations: parties known, citations whole, one act fined once. */
export function violationIssues(violations: Violation[], persons: PersonParty[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  violations.forEach((v, i) => {
    if (typeof v.party === 'number' && v.party >= persons.length)
      issues.push({ path: ['violations', i, 'party'], key: 'cases.rules.unknownParty' });
    // The documents print the 呈批's citation as it stands: it names the article, and a law by its full name.
    issues.push(...citationIssues(v.violatedProvision, ['violations', i, 'violatedProvision']));
  });
  for (const [i, first] of sameActs(violations).filter(([, , how]) => how === 'hazard'))
    issues.push({
      path: ['violations', i, 'penaltyItemId'],
      key: 'cases.rules.oneActOneFine',
      params: { other: first + 1 },
    });
  return issues;
}
