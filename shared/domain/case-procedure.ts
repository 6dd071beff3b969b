import type { ValidationIssue } from '../api/errors.ts';
import type {
  CaseDeadline, CaseDocument, CaseEvent, CaseEventData, CaseOutcome, CaseStage, PersonParty, Violation,
} from '../entities/case.ts';
import type { StatutoryPeriod } from '../entities/period.ts';
import { periodEnd, periodInForce } from './periods.ts';
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
}

/** Configurable per province (settings): hearing thresholds and which cases need 法制审核 / 集体讨论. */
export interface ProcedureRules {
  hearingThresholds: { unit: number; person: number };
  legalReviewTriggers: string[];
  collectiveTriggers: string[];
  /** Admin-confirmed period lengths (values marked 待核实 in the knowledge file). */
  confirmedPeriods: Record<string, number>;
}

export const LEGAL_REVIEW_TRIGGERS = ['hearing', 'suspension', 'large-fine', 'complex', 'transfer', 'all-ordinary'] as const;
export type LegalReviewTrigger = (typeof LEGAL_REVIEW_TRIGGERS)[number];

/** Measures that always give the right to a hearing (行政处罚法 第六十三条). */
const HEAVY_MEASURES = /停产停业|停止建设|关闭|吊销|限制从业|降低资质/;

type Live<K extends CaseEventData['kind']> = Extract<CaseEventData, { kind: K }>;
/** Events not taken back by a later retraction, in the order recorded. */
export function live<K extends CaseEventData['kind']>(events: CaseEvent[], kind: K): Live<K>[] {
  return events.filter((e) => !e.retracted && e.data.kind === kind).map((e) => e.data as Live<K>);
}

/**
 * An approval form is approved when two different 承办人, then the 审核人, then the 审批人 signed,
 * in that order of dates, and the 审批人 approved. Returns the approval date, or the rule missing.
 */
export function approval(events: CaseEvent[], stage: 'filing' | 'disposal' | 'closing'): { date: string | null; missing: string | null } {
  const signs = live(events, 'approval').filter((a) => a.stage === stage);
  const handlers = signs.filter((a) => a.role === 'handler');
  const review = signs.filter((a) => a.role === 'review').at(-1);
  const approve = signs.filter((a) => a.role === 'approve').at(-1);
  if (new Set(handlers.map((h) => h.name)).size < 2) return { date: null, missing: 'cases.rules.approvalHandlers' };
  if (!review) return { date: null, missing: 'cases.rules.approvalReview' };
  if (!approve) return { date: null, missing: 'cases.rules.approvalApprove' };
  if (!approve.approved) return { date: null, missing: 'cases.rules.approvalRefused' };
  const lastHandler = handlers.map((h) => h.date).sort().at(-1)!;
  if (review.date < lastHandler || approve.date < review.date) return { date: null, missing: 'cases.rules.approvalOrder' };
  return { date: approve.date, missing: null };
}

export const filedOn = (r: CaseRecord): string | null => approval(r.events, 'filing').date;

/** Issued and in force: a corrected document gives way to its correction. */
const issued = (r: CaseRecord, ...types: string[]) => r.documents.filter((d) => types.includes(d.type) && d.status === 'issued' && !d.superseded);
export const DECISION_TYPES = ['penalty-decision-unit', 'penalty-decision-person'];
export const decisionOf = (r: CaseRecord): CaseDocument | undefined => issued(r, ...DECISION_TYPES).at(-1);
export const noticeOf = (r: CaseRecord): CaseDocument | undefined => issued(r, 'penalty-notice').at(-1);

export const totalFine = (violations: Violation[]): number => violations.reduce((s, v) => s + v.fine, 0);

/** Per party: 较大数额 is judged on what one party is fined in the case. */
function finesByParty(violations: Violation[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of violations) m.set(String(v.party), (m.get(String(v.party)) ?? 0) + v.fine);
  return m;
}

const heavyMeasure = (r: Pick<CaseRecord, 'violations'>) => r.violations.some((v) => v.measures.some((m) => HEAVY_MEASURES.test(m)));
/** 较大数额罚款: what one party is fined reaches the province's threshold for a unit or a person. */
const largeFine = (r: Pick<CaseRecord, 'violations'>, rules: ProcedureRules) =>
  [...finesByParty(r.violations)].some(([party, sum]) => sum >= (party === 'unit' ? rules.hearingThresholds.unit : rules.hearingThresholds.person));

/** 听证: a large fine (per the province's thresholds), or a heavy measure, gives the right to ask for one. */
export function hearingTriggered(r: Pick<CaseRecord, 'violations'>, rules: ProcedureRules): boolean {
  return heavyMeasure(r) || largeFine(r, rules);
}

/** The configured triggers that apply to this case (行政处罚法 第五十八条 and the unit's 法制审核 list). */
export function legalReviewReasons(r: CaseRecord, rules: ProcedureRules): LegalReviewTrigger[] {
  const applies: Record<LegalReviewTrigger, boolean> = {
    hearing: live(r.events, 'hearing-request').length > 0,
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

/** A passing 法制审核 on or before the day, and no failing one after it. */
function legalReviewPassed(r: CaseRecord, onOrBefore: string): boolean {
  // The latest by date (a review entered late but dated earlier does not hide a later failing one).
  const reviews = live(r.events, 'legal-review').filter((e) => e.date <= onOrBefore);
  const last = reviews.reduce<(typeof reviews)[number] | undefined>((a, b) => (!a || b.date >= a.date ? b : a), undefined);
  return last?.result === 'pass';
}

/**
 * What the 陈述申辩 period allows: a statement heard, an express waiver, or the period ended. The
 * penalty is never raised because the party argued (第四十五条): the decision cannot exceed the notice.
 */
function statementIssues(r: CaseRecord, decisionDate: string, periods: StatutoryPeriod[], cal: WorkCalendar, rules: ProcedureRules): ValidationIssue[] {
  const notice = noticeOf(r);
  if (!notice?.servedOn) return [{ path: ['case'], key: 'cases.rules.noticeNotServed' }];
  if (decisionDate < notice.servedOn) return [{ path: ['date'], key: 'cases.rules.beforeNoticeServed', params: { served: notice.servedOn } }];
  const said = live(r.events, 'statement').filter((s) => s.date >= notice.servedOn! && s.date <= decisionDate);
  const issues: ValidationIssue[] = [];
  // The period the notice itself stated (the party relies on what it was told).
  const stated = typeof notice.fields.statementDays === 'number' ? notice.fields.statementDays : null;
  const base = periodFor(periods, 'statement', notice.servedOn, rules);
  if (base && !said.length) {
    const due = periodEnd(cal, stated ? { ...base, length: stated } : base, notice.servedOn).date;
    if (decisionDate <= due) issues.push({ path: ['case'], key: 'cases.rules.statementPeriodRunning', params: { until: due } });
  }
  // Where the notice stated the hearing right, the 5 working days to ask run out first, unless the party expressly waived it.
  const hearing = periodFor(periods, 'hearing-request', notice.servedOn, rules);
  if (hearingStated(notice) && hearing && !said.some((s) => s.waived && s.waivesHearing)) {
    const due = periodEnd(cal, hearing, notice.servedOn).date;
    if (decisionDate <= due) issues.push({ path: ['case'], key: 'cases.rules.hearingPeriodRunning', params: { until: due } });
  }
  return issues;
}

/** A period in force on a day, with the admin-confirmed length (and no longer 待核实) where there is one. */
export function periodFor(periods: StatutoryPeriod[], id: string, on: string, rules: Pick<ProcedureRules, 'confirmedPeriods'>): StatutoryPeriod | null {
  const p = periodInForce(periods, id, on);
  if (!p) return null;
  // A confirmation settles the uncertain version only (the 2015 办法's own values stay for older cases).
  const confirmed = p.uncertain ? rules.confirmedPeriods[id] : undefined;
  return confirmed ? { ...p, length: confirmed, uncertain: false } : p;
}

/** Why the 行政处罚告知书 cannot be issued yet (行政处罚法 第四十四条、第五十七条、第六十三条). */
export function noticeIssues(r: CaseRecord, hearingRightsStated: boolean, rules: ProcedureRules): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (r.outcome !== 'penalty') issues.push({ path: ['case'], key: 'cases.rules.outcomeNotPenalty' });
  if (!r.violations.length) issues.push({ path: ['case'], key: 'cases.rules.violationsRequired' });
  const disposal = approval(r.events, 'disposal');
  if (!disposal.date) issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved', params: { missing: disposal.missing } });
  if (hearingTriggered(r, rules) && !hearingRightsStated) issues.push({ path: ['hearingRights'], key: 'cases.rules.hearingRightsMissing' });
  return issues;
}

/** Why the 行政处罚决定书 cannot be issued on this day: every rule named. */
export function decisionIssues(r: CaseRecord, date: string, proposedTotal: number, periods: StatutoryPeriod[], cal: WorkCalendar, rules: ProcedureRules): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (r.outcome !== 'penalty') issues.push({ path: ['case'], key: 'cases.rules.outcomeNotPenalty' });
  const disposal = approval(r.events, 'disposal');
  if (!disposal.date) issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved', params: { missing: disposal.missing } });
  issues.push(...statementIssues(r, date, periods, cal, rules));
  if (live(r.events, 'hearing-request').length) issues.push({ path: ['case'], key: 'cases.rules.hearingPending' });
  const reasons = legalReviewReasons(r, rules);
  if (reasons.length && !legalReviewPassed(r, date)) issues.push({ path: ['case'], key: 'cases.rules.legalReviewRequired', params: { reasons: reasons.join('、') } });
  if (collectiveRequired(r, rules) && !live(r.events, 'collective-discussion').some((c) => c.date <= date)) issues.push({ path: ['case'], key: 'cases.rules.collectiveRequired' });
  if (r.suspectedCrime) issues.push({ path: ['case'], key: 'cases.rules.transferPending' });
  const notice = noticeOf(r);
  const noticeTotal = typeof notice?.fields.totalFine === 'number' ? notice.fields.totalFine : null;
  if (noticeTotal !== null && proposedTotal > noticeTotal) issues.push({ path: ['totalFine'], key: 'cases.rules.noHeavierThanNotice', params: { notice: noticeTotal } });
  if (decisionOf(r)) issues.push({ path: ['case'], key: 'cases.rules.decisionExists' });
  return issues;
}

const paidTotal = (r: CaseRecord) => live(r.events, 'payment').reduce((s, p) => s + p.amount, 0);

/** 结案: the penalty carried out (decision served, fine paid), or a lawful 不予处罚 approved. */
export function closingIssues(r: CaseRecord): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!approval(r.events, 'disposal').date) issues.push({ path: ['case'], key: 'cases.rules.disposalNotApproved' });
  if (r.outcome === 'transfer') issues.push({ path: ['case'], key: 'cases.rules.transferNotRecorded' });
  if (r.outcome === 'penalty') {
    const decision = decisionOf(r);
    if (!decision) issues.push({ path: ['case'], key: 'cases.rules.noDecision' });
    else if (!decision.servedOn) issues.push({ path: ['case'], key: 'cases.rules.decisionNotServed' });
    const fine = totalFine(r.violations);
    if (fine > 0 && paidTotal(r) < fine && !live(r.events, 'enforcement').length) issues.push({ path: ['case'], key: 'cases.rules.notPaid', params: { fine, paid: paidTotal(r) } });
  }
  return issues;
}

const isArchived = (r: CaseRecord) => live(r.events, 'archive').length > 0;
/** After 归档 the file is read-only: only what happens later (复议, 诉讼, 执行, 借阅, 撤回公示) is appended. */
const AFTER_ARCHIVE = new Set<CaseEventData['kind']>(['remedy', 'enforcement', 'borrow', 'publication-withdrawn']);

/** Whether an event may be recorded now: out-of-order steps are refused with the rule's name. */
export function eventIssues(r: CaseRecord, e: CaseEventData, today: string, retracting?: CaseEvent): ValidationIssue[] {
  const at = (key: string, params?: Record<string, unknown>): ValidationIssue[] => [{ path: ['event'], key, params }];
  if (e.date > today) return at('cases.rules.futureDate');
  if (isArchived(r) && !AFTER_ARCHIVE.has(e.kind) && !(e.kind === 'retract' && retracting && AFTER_ARCHIVE.has(retracting.data.kind))) return at('cases.rules.archived');
  const filed = filedOn(r);
  const decision = decisionOf(r);
  switch (e.kind) {
    case 'approval': {
      if (e.stage === 'filing') return filed ? at('cases.rules.alreadyApproved') : [];
      if (!filed) return at('cases.rules.notFiled');
      if (e.date < filed) return at('cases.rules.beforeFiling', { filed });
      if (e.stage === 'disposal') {
        if (!r.outcome) return at('cases.rules.disposalContentMissing');
        return approval(r.events, 'disposal').date ? at('cases.rules.alreadyApproved') : [];
      }
      if (approval(r.events, 'closing').date) return at('cases.rules.alreadyApproved');
      return e.role === 'approve' && e.approved ? closingIssues(r).map((i) => ({ ...i, path: ['event'] })) : [];
    }
    case 'legal-review':
    case 'collective-discussion':
      if (!r.outcome) return at('cases.rules.disposalContentMissing');
      if (decision) return at('cases.rules.afterDecision');
      return filed && e.date >= filed ? [] : at('cases.rules.beforeFiling', { filed });
    case 'statement':
    case 'hearing-request': {
      const notice = noticeOf(r);
      if (!notice?.servedOn) return at('cases.rules.noticeNotServed');
      if (e.date < notice.servedOn) return at('cases.rules.beforeNoticeServed', { served: notice.servedOn });
      if (e.kind === 'hearing-request' && !hearingStated(notice)) return at('cases.rules.noHearingRight');
      return decision ? at('cases.rules.afterDecision') : [];
    }
    case 'payment':
    case 'publication':
    case 'remedy':
    case 'enforcement':
      if (!decision) return at('cases.rules.noDecision');
      return decision.date && e.date < decision.date ? at('cases.rules.beforeDecision', { decided: decision.date }) : [];
    case 'publication-withdrawn':
      return live(r.events, 'publication').length ? [] : at('cases.rules.notPublished');
    case 'archive':
      if (!approval(r.events, 'closing').date) return at('cases.rules.notClosed');
      return isArchived(r) ? at('cases.rules.archived') : [];
    case 'borrow':
      return isArchived(r) ? [] : at('cases.rules.notArchived');
    case 'retract': {
      if (!retracting || retracting.retracted) return at('cases.rules.nothingToRetract');
      // What a later act relied on stays: an approval or review behind an issued notice or decision is not taken back.
      const reliedOn = ['approval', 'legal-review', 'collective-discussion', 'statement'].includes(retracting.data.kind) && (noticeOf(r) || decision);
      return reliedOn ? at('cases.rules.retractTooLate') : [];
    }
  }
}

const hearingStated = (notice: CaseDocument) => notice.fields.hearingRights === true;

export function caseStage(r: CaseRecord): CaseStage {
  if (isArchived(r)) return 'archived';
  if (approval(r.events, 'closing').date) return 'closed';
  if (!filedOn(r)) return 'filing';
  if (!r.outcome) return 'investigation';
  if (!approval(r.events, 'disposal').date) return 'disposal';
  if (r.outcome !== 'penalty') return 'closing';
  if (!noticeOf(r)?.servedOn) return 'notice';
  const decision = decisionOf(r);
  if (!decision) return 'decision';
  return closingIssues(r).length ? 'execution' : 'closing';
}

/**
 * Every statutory deadline the case has reached, each from a recorded event: 90 (30) days to
 * decide from 立案, 7 working days to serve and to publish the decision, 15 days to pay from
 * service, 3 working days to withdraw a publication after the decision was revoked or changed.
 */
export function caseDeadlines(r: CaseRecord, periods: StatutoryPeriod[], cal: WorkCalendar, today: string, rules: ProcedureRules): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const add = (id: string, from: string | null | undefined, metOn: string | null | undefined, on = from) => {
    if (!from) return;
    const p = periodFor(periods, id, on!, rules);
    if (!p) return;
    const end = periodEnd(cal, p, from);
    const met = metOn ?? null;
    const status = met ? (met <= end.date ? 'met' : 'late') : today > end.date ? 'overdue' : 'pending';
    out.push({ period: id, name: p.name, basis: p.basis, from, due: end.date, metOn: met, status, uncertain: end.uncertain || p.uncertain });
  };
  const filed = filedOn(r);
  const decision = decisionOf(r);
  if (r.outcome !== 'no-penalty' && r.outcome !== 'transfer') add('decision', filed, decision?.date);
  const notice = noticeOf(r);
  if (notice?.servedOn && !decision) add('statement', notice.servedOn, live(r.events, 'statement')[0]?.date ?? null);
  if (decision?.date) {
    add('service', decision.date, decision.servedOn);
    add('publication', decision.date, live(r.events, 'publication')[0]?.date ?? null);
    const fine = totalFine(r.violations);
    if (fine > 0 && decision.servedOn) {
      let sum = 0;
      const paidOn = live(r.events, 'payment').find((p) => (sum += p.amount) >= fine)?.date ?? null;
      add('payment', decision.servedOn, paidOn);
    }
  }
  const changed = live(r.events, 'remedy').find((x) => x.outcome === 'revoked' || x.outcome === 'changed');
  if (changed && live(r.events, 'publication').length) add('publication-withdrawal', changed.date, live(r.events, 'publication-withdrawn')[0]?.date ?? null);
  return out;
}

/** Open deadlines by urgency: overdue, or due within 3 working days (the workbench). */
export function urgency(d: CaseDeadline, cal: WorkCalendar, today: string): 'overdue' | 'soon' | 'later' | 'done' {
  if (d.status === 'met' || d.status === 'late') return 'done';
  if (d.status === 'overdue') return 'overdue';
  return countWorkdays(cal, addCalendarDays(today, 1), d.due).count <= 3 ? 'soon' : 'later';
}

/**
 * 加处罚款 (行政处罚法 第七十二条): 3% of the fine per day after the payment deadline, never more than
 * the fine, not accruing while a 复议 or 诉讼 is pending (第七十三条).
 */
export function lateSurcharge(r: CaseRecord, deadlines: CaseDeadline[], today: string): { due: string; days: number; amount: number; paused: boolean } | null {
  const pay = deadlines.find((d) => d.period === 'payment');
  const fine = totalFine(r.violations);
  if (!pay || fine === 0) return null;
  const end = pay.metOn ?? today;
  if (end <= pay.due) return { due: pay.due, days: 0, amount: 0, paused: false };
  const remedies = live(r.events, 'remedy');
  const pending = remedies.filter((x) => x.outcome === 'pending');
  // Days after the due date, less those when a 复议/诉讼 was pending (from filing to its recorded outcome).
  let days = 0;
  for (let d = addCalendarDays(pay.due, 1); d <= end; d = addCalendarDays(d, 1)) {
    const paused = pending.some((p) => {
      const decided = remedies.find((x) => x.remedy === p.remedy && x.outcome !== 'pending' && x.date >= p.date);
      return d >= p.date && (!decided || d < decided.date);
    });
    if (!paused) days++;
  }
  const amount = Math.min(fine, Math.round(fine * 0.03 * days));
  const pausedNow = pending.some((p) => !remedies.some((x) => x.remedy === p.remedy && x.outcome !== 'pending' && x.date >= p.date));
  return { due: pay.due, days, amount, paused: pausedNow };
}

/** 安全生产法 第一百一十三条: decisions against one unit within 180 days and within a year, up to a day. */
export function penaltiesWithin(decisionDates: string[], today: string): { in180: number; in365: number } {
  return {
    in180: decisionDates.filter((d) => d > addCalendarDays(today, -180) && d <= today).length,
    in365: decisionDates.filter((d) => d > addCalendarDays(today, -365) && d <= today).length,
  };
}

/** One act is fined once (行政处罚法 第二十九条): the same party, hazard or facts may not appear twice. */
export function violationIssues(violations: Violation[], persons: PersonParty[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  violations.forEach((v, i) => {
    if (typeof v.party === 'number' && v.party >= persons.length) issues.push({ path: ['violations', i, 'party'], key: 'cases.rules.unknownParty' });
    const keys = [`${v.party}|facts|${v.facts.replace(/\s+/g, '')}`, ...(v.hazardId ? [`${v.party}|hazard|${v.hazardId}`] : [])];
    for (const k of keys) {
      if (seen.has(k)) issues.push({ path: ['violations', i, 'facts'], key: 'cases.rules.oneActOneFine', params: { other: seen.get(k)! + 1 } });
      else seen.set(k, i);
    }
  });
  return issues;
}
