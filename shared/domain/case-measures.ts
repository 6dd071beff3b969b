import type { ValidationIssue } from '../base/errors.ts';
import type { CaseDeadline, CaseDocument, CaseEventData, DailyPenalty, PartyKey } from '../entities/case.ts';
import {
  type CaseRecord,
  concerns,
  deadlineList,
  decisionOf,
  filedOn,
  INVESTIGATION_TYPES,
  issued,
  live,
  partyName,
  type ProcedureContext,
  SUMMARY_TYPES,
  totalFine,
  violationsOf,
} from './case-procedure.ts';
import { chineseDate } from './dates.ts';
import { addCalendarDays } from './workdays.ts';

export { INVESTIGATION_TYPES };

/**
 * What happens around the penalty itself: investigation (先行调查 before 立案, 先行登记保存),
 * coercive measures (查封扣押, 停止供电), 回避, cash taken on the spot, and refusals to correct after
 * the decision (按日连续处罚). Pure rules over the recorded documents and events, like the procedure's.
 */

/**
 * An act of investigation before 立案 of an ordinary case stands on a recorded 先行调查取证 (its reason and the head's
 * approval) dated on or before it; without one, investigation waits for the case to be filed.
 */
export function preInvestigationIssues(r: CaseRecord, type: string, date: string): ValidationIssue[] {
  if (r.procedure !== 'ordinary' || !INVESTIGATION_TYPES.includes(type) || !date) return [];
  const filed = filedOn(r);
  if (filed && date >= filed) return [];
  return live(r.events, 'pre-investigation').some((e) => e.date <= date)
    ? []
    : [{ path: ['date'], key: 'cases.rules.preInvestigationRequired', params: { date } }];
}

/** How a later document names an earlier one: its number, or (a form without a 代字) its name and date. */
export function documentRef(d: CaseDocument): string {
  return d.numberText ?? `${d.typeName}（${d.date ? chineseDate(d.date) : ''}）`;
}

/**
 * The document a later one refers to (a disposal to its notice, an extension to its decision): the one
 * it names, or the latest if it names none of them — and whether it named one.
 */
export function referredTo(docs: CaseDocument[], ref: unknown): { doc: CaseDocument | undefined; named: boolean } {
  const named = docs.find((d) => documentRef(d) === String(ref ?? '').trim());
  return { doc: named ?? docs.at(-1), named: !!named };
}

/** Each document of `types` that answers `to`, by the reference it cites. */
function answersTo(
  r: Pick<CaseRecord, 'documents'>,
  to: CaseDocument,
  types: string[],
  refField: string,
): CaseDocument[] {
  const all = issued(r, to.type);
  return issued(r, ...types).filter((d) => referredTo(all, d.fields[refField]).doc === to);
}

/**
 * The last day of a 查封扣押 as its decision prints it (自…起至…止): the day it took effect counts as the
 * first — the cautious reading of "不得超过三十日" — plus an approved extension.
 */
export function seizureEnd(r: Pick<CaseRecord, 'documents'>, decision: CaseDocument): string | null {
  const { startsOn, periodDays } = decision.fields;
  if (typeof startsOn !== 'string' || typeof periodDays !== 'number') return null;
  const extension = answersTo(r, decision, ['seal-seize-extension'], 'decisionNumber')[0];
  return addCalendarDays(lastDayOf(startsOn, periodDays), Number(extension?.fields.extendDays ?? 0));
}

/** The last day of a period of `days` that counts its first day (自…起至…止, as a 查封扣押决定书 prints it). */
export function lastDayOf(startsOn: string, days: number): string {
  return addCalendarDays(startsOn, days - 1);
}

/** 停止供电: the latest moment the decision may reach the unit, 24 hours before the cut (第七十条). */
function powerCutLatest(cutAt: string): string {
  return `${addCalendarDays(cutAt.slice(0, 10), -1)}${cutAt.slice(10)}`;
}

/**
 * The deadlines of these measures, each from what was recorded: filing within the period after the
 * first act of investigation; the 先行登记保存 disposal within 7 working days; the 查封扣押 period
 * and its disposal; the 24 hours before a power cut; cash collected on the spot handed in.
 */
export function measureDeadlines(r: CaseRecord, ctx: ProcedureContext): CaseDeadline[] {
  const { out, add } = deadlineList(r, ctx);
  const filed = filedOn(r);
  const firstAct = issued(r, ...INVESTIGATION_TYPES)
    .map((d) => d.date ?? '')
    .filter(Boolean)
    .sort()[0];
  if (firstAct && (!filed || firstAct < filed)) add({ period: 'filing-urgent', from: firstAct, metOn: filed });
  for (const notice of issued(r, 'evidence-preservation-notice')) {
    add({
      period: 'evidence-disposal',
      from: notice.date,
      metOn: answersTo(r, notice, ['evidence-disposal-decision'], 'noticeNumber')[0]?.date,
      documentId: notice.id,
    });
  }
  for (const decision of issued(r, 'seal-seize-decision')) {
    const startsOn = decision.fields.startsOn;
    if (typeof startsOn !== 'string') continue;
    const disposed = answersTo(r, decision, ['seal-seize-disposal'], 'decisionNumber')[0]?.date;
    add({
      period: 'seizure-period',
      from: startsOn,
      metOn: disposed,
      due: seizureEnd(r, decision),
      documentId: decision.id,
    });
    add({ period: 'seizure-disposal', from: startsOn, metOn: disposed, documentId: decision.id });
  }
  for (const decision of issued(r, 'power-stop-decision')) {
    const cutAt = decision.fields.cutAt;
    if (decision.fields.emergency === true || typeof cutAt !== 'string') continue;
    const latest = powerCutLatest(cutAt);
    add({
      period: 'power-cut-notice',
      from: decision.date,
      metOn: decision.servedOn,
      due: latest.slice(0, 10),
      lateByTheClock: !!decision.servedAt && decision.servedAt > latest,
      documentId: decision.id,
    });
  }
  for (const decision of issued(r, ...SUMMARY_TYPES)) {
    if (decision.fields.cashOnTheSpot !== true) continue;
    const party = (decision.fields.party ?? 'unit') as PartyKey;
    add({
      period: 'cash-hand-in',
      from: decision.date,
      metOn: live(r.events, 'cash-handed-in').find((c) => concerns(c, party))?.date,
      party,
      documentId: decision.id,
    });
  }
  return out;
}

/** Officers the 负责人 recused in the case (回避 granted, not retracted). */
export function recusedOfficers(r: Pick<CaseRecord, 'events'>): string[] {
  return [
    ...new Set(
      live(r.events, 'recusal')
        .filter((x) => x.granted)
        .map((x) => x.officer),
    ),
  ];
}

/** R-RECUSAL: a recused officer signs nothing in the case — as an officer on a document, its chair, clerk or recorder. */
export function recusalIssues(r: Pick<CaseRecord, 'events'>, fields: Record<string, unknown>): ValidationIssue[] {
  const recused = new Set(recusedOfficers(r));
  if (!recused.size) return [];
  const issues: ValidationIssue[] = [];
  const officers = Array.isArray(fields.officers) ? (fields.officers as { name?: unknown }[]) : [];
  officers.forEach((o, i) => {
    if (recused.has(String(o.name)))
      issues.push({ path: ['officers', i], key: 'cases.rules.officerRecused', params: { name: o.name } });
  });
  for (const f of ['chair', 'clerk', 'recorder']) {
    if (typeof fields[f] === 'string' && recused.has(fields[f]))
      issues.push({ path: [f], key: 'cases.rules.officerRecused', params: { name: fields[f] } });
  }
  return issues;
}

/** Whether one of these events may be recorded now (the rest are the procedure's, eventIssues). */
export function measureEventIssues(r: CaseRecord, e: CaseEventData): ValidationIssue[] {
  const at = (key: string, params?: Record<string, unknown>): ValidationIssue[] => [{ path: ['event'], key, params }];
  switch (e.kind) {
    default:
      return [];
    case 'cash-handed-in': {
      // Only what the officers took in cash on the spot (第六十八条) is handed in; a transfer to the bank is a payment.
      const d = issued(r, ...SUMMARY_TYPES)
        .filter((x) => String(x.fields.party ?? 'unit') === String(e.party))
        .at(-1);
      if (!d || d.fields.cashOnTheSpot !== true)
        return at('cases.rules.noCashCollected', { party: partyName(r, e.party) ?? '' });
      if (d.date && e.date < d.date) return at('cases.rules.beforeDecision', { decided: d.date });
      const fine = totalFine(violationsOf(r, e.party));
      return e.amount > fine ? at('cases.rules.cashAboveFine', { fine }) : [];
    }
    case 'refused-correction': {
      // 第一百一十二条 applies to a unit both ordered to correct and fined.
      const d = decisionOf(r, e.party);
      if (!d || !totalFine(violationsOf(r, e.party)))
        return at('cases.rules.noFineDecision', { party: partyName(r, e.party) ?? '' });
      if (e.orderedOn > e.date) return at('cases.rules.orderAfterRefusal');
      return open(r, e.party) ? at('cases.rules.refusalOpen') : [];
    }
    case 'corrected': {
      const refusal = open(r, e.party);
      if (!refusal) return at('cases.rules.noRefusal');
      return e.date < refusal.date ? at('cases.rules.beforeRefusal', { found: refusal.date }) : [];
    }
  }
}

type Refusal = Extract<CaseEventData, { kind: 'refused-correction' }>;

/** Each refusal to correct with the day it ended (the correction recorded after it), if it has. */
function refusals(r: Pick<CaseRecord, 'events'>): { refusal: Refusal; correctedOn: string | null }[] {
  const corrections = live(r.events, 'corrected');
  return live(r.events, 'refused-correction').map((refusal) => ({
    refusal,
    correctedOn: corrections.find((c) => concerns(c, refusal.party) && c.date >= refusal.date)?.date ?? null,
  }));
}

/** The refusal still running for the party, if any: a new one waits until it is corrected. */
function open(r: Pick<CaseRecord, 'events'>, party: PartyKey): Refusal | undefined {
  return refusals(r).find((x) => concerns(x.refusal, party) && !x.correctedOn)?.refusal;
}

/**
 * 按日连续处罚 (安全生产法 第一百一十二条): from the day after the correction order, the original fine
 * for every day until the day before it was corrected (or until today). The counter informs the new
 * decision the squad makes; it is not itself a penalty.
 */
export function dailyPenalties(r: CaseRecord, today: string): DailyPenalty[] {
  return refusals(r).map(({ refusal, correctedOn }) => {
    const from = addCalendarDays(refusal.orderedOn, 1);
    const until = correctedOn ? addCalendarDays(correctedOn, -1) : today;
    const days = Math.max(0, Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000) + 1);
    const perDay = totalFine(violationsOf(r, refusal.party));
    return {
      party: refusal.party,
      partyName: partyName(r, refusal.party),
      from,
      until,
      corrected: !!correctedOn,
      days,
      perDay,
      amount: days * perDay,
    };
  });
}
