import { z } from 'zod';
import { chinaClock } from '../dates.ts';
import { approval, DECISION_TYPES } from '../case-procedure.ts';
import { enteredOn } from './completeness.ts';
import { caseEvent, legacyCaseEvent, type CaseEvent, type StoredCaseEventData } from '../../entities/case.ts';
import type { RecordOf } from '../../entities/exports/records.ts';
import type { AbsenceKind } from '../../base/vocabulary.ts';
import type { ScheduleRule } from '../../entities/typical-case.ts';
import { periodOf } from '../typical-case.ts';
import { countWorkdays, type WorkCalendar } from '../workdays.ts';
import { absentWorkdays } from '../plans/availability.ts';
import { planProgress, planTargets, progressDraw } from '../plans/standing.ts';
import type { InspectionKind } from '../../base/vocabulary.ts';
import { once } from './memo.ts';
import {
  type DrillRecord,
  type ExcludedRecord,
  type IndicatorValue,
  valueMakers,
  type WeightedRecord,
} from './values.ts';

/**
 * 执法统计指标: the supervisor's figures (统计报表), each a pure function over a period's records with its written
 * definition (口径, under `indicators.<id>` in the locale files), the records it counts and those of the period it
 * leaves out with why. Every figure is computed from its own list — a count is the list's length, a sum the sum of
 * the list's amounts, a share the two lists' lengths — so a figure can always be explained to the last record.
 *
 * The definitions follow the dictionary proposed in planning-hazards-penalties.md §6.1; where the city's own 口径 is
 * not known the rule below is the simplest a supervisor would accept, marked 待核实.
 *
 * Days are China's: an inspection by the day it began (its local start time), a decision by the date it bears, a case
 * by the day its 立案审批表 was approved.
 */

export const ENFORCEMENT_VERSION = '2026.1';

export const ENFORCEMENT_IDS = [
  'enterprises-inspected',
  'inspections',
  'random-share',
  'key-coverage',
  'plan-completion',
  'hazards',
  'major-hazards',
  'hazards-rectified',
  'cases-filed',
  'decisions',
  'decisions-unit',
  'decisions-person',
  'penalty-rate',
  'fines',
  'fines-routine',
  'fines-accident',
  'fines-collected',
  'average-fine',
  'suspensions',
  'closures',
  'daily-penalties',
  'transfers',
  'typical-cases',
  'officers-on-duty',
] as const;
export type EnforcementId = (typeof ENFORCEMENT_IDS)[number];
export type EnforcementValue = IndicatorValue<EnforcementId>;

/** The rules of the dictionary that are data: which absences take an officer off post, the 典型案例 schedule. */
export interface IndicatorRules {
  /** 在岗率: the absence kinds that count as days off post (待核实 whether 学习培训 does). */
  offPostKinds: readonly AbsenceKind[];
  /** The 典型案例 schedule rules that bind the unit (typical-cases.json, rulesFor its region). */
  typicalSchedule: readonly ScheduleRule[];
}

export interface EnforcementSnapshot {
  /** First and last day of the period, inclusive (ISO days, China's calendar). */
  from: string;
  to: string;
  enterprises: RecordOf<'enterprises'>[];
  inspections: RecordOf<'inspections'>[];
  hazards: RecordOf<'hazards'>[];
  cases: RecordOf<'cases'>[];
  caseEvents: RecordOf<'caseEvents'>[];
  documents: RecordOf<'documents'>[];
  officers: RecordOf<'officers'>[];
  absences: RecordOf<'absences'>[];
  typicalCases: RecordOf<'typicalCases'>[];
  plans: RecordOf<'plans'>[];
  draws: RecordOf<'draws'>[];
  /** The work calendar the officers' working days are counted on. */
  calendar: WorkCalendar;
  rules: IndicatorRules;
}

const { count, sum, ratio, quotient, mean, rate } = valueMakers<EnforcementId>(ENFORCEMENT_VERSION);

const WHY = {
  withdrawn: 'indicators.excluded.withdrawn',
  inspectionWithdrawn: 'indicators.excluded.inspectionWithdrawn',
  noDeadline: 'indicators.excluded.noDeadline',
  summaryProcedure: 'indicators.excluded.summaryProcedure',
  notFiled: 'indicators.excluded.notFiled',
  filedOutside: 'indicators.excluded.filedOutside',
  draft: 'indicators.excluded.draft',
  voided: 'indicators.excluded.voided',
  corrected: 'indicators.excluded.corrected',
  correctsEarlier: 'indicators.excluded.correctsEarlier',
  noFine: 'indicators.excluded.noFine',
  retracted: 'indicators.excluded.retracted',
  offDuty: 'indicators.excluded.offDuty',
} as const;

const storedEvent = z.union([caseEvent, legacyCaseEvent]);

/** Each stored event parsed once (the dictionary runs many times over the same records: a period, its comparisons). */
const parsedEvents = new WeakMap<object, StoredCaseEventData>();
function parsedEvent(r: RecordOf<'caseEvents'>): StoredCaseEventData {
  let data = parsedEvents.get(r);
  if (!data) {
    const parsed = storedEvent.safeParse(r.event);
    data = parsed.success ? parsed.data : (r.event as StoredCaseEventData);
    parsedEvents.set(r, data);
  }
  return data;
}

/** A case's events as the procedure reads them: defaults filled in, and those a later 'retract' took back marked. */
function caseEventsOf(records: RecordOf<'caseEvents'>[]): Map<number, CaseEvent[]> {
  const retracted = new Map<number, { reason: string; by: string }>();
  const out = new Map<number, CaseEvent[]>();
  const rows = records.map((r) => ({ r, data: parsedEvent(r) })).sort((a, b) => a.r.id - b.r.id);
  for (const { r, data } of rows)
    if (data.kind === 'retract') retracted.set(data.eventId, { reason: data.reason, by: r.enteredBy });
  for (const { r, data } of rows) {
    const list = out.get(r.caseId) ?? [];
    list.push({
      id: r.id,
      data,
      scanName: r.scan?.name ?? null,
      scanSha256: r.scan?.hash ?? null,
      enteredAt: r.enteredAt,
      enteredBy: r.enteredBy,
      retracted: retracted.get(r.id) ?? null,
    });
    out.set(r.caseId, list);
  }
  return out;
}

/** The day a document counts on: the date it bears, else the China day it was issued. */
const documentDay = (d: RecordOf<'documents'>): string | null =>
  d.documentDate ?? (d.issuedAt ? (chinaClock(d.issuedAt)?.date ?? null) : null);

/** The fine a decision states, 元: 决定书's totalFine, 当场处罚决定书's fine. */
const fineOf = (d: RecordOf<'documents'>): number => {
  const v = d.fields.totalFine ?? d.fields.fine;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/**
 * Every indicator of the dictionary for the period, in the order of ENFORCEMENT_IDS.
 *
 * - 检查企业数 (enterprises-inspected): distinct enterprises with at least one inspection begun in the period, not
 *   withdrawn (复查 included). An enterprise withdrawn (注销) since still counts: the visit was made. Excluded: the
 *   withdrawn inspections of the period.
 * - 检查次数（家次）(inspections): inspection records begun in the period, not withdrawn — one per enterprise per visit,
 *   as the dictionary says, so a 复查 is a 家次 too (待核实: whether the city's 通报 counts 复查 apart). Excluded:
 *   the withdrawn ones.
 * - 双随机占比 (random-share): inspections of kind 'random' (双随机抽查) over 检查次数.
 * - 发现隐患数 (hazards): hazards found on the inspections counted in 检查次数, not withdrawn. Excluded: hazards of
 *   the period withdrawn, or found on an inspection since withdrawn.
 * - 重大隐患数 (major-hazards): those of 发现隐患数 classed 重大 (level 'major'). Excluded: the major ones left out of
 *   发现隐患数.
 * - 隐患整改率 (hazards-rectified): of the hazards whose rectification deadline (as extended) falls in the period, those
 *   a 复查 found rectified, as the records now stand — a 复查 recorded after the period, or after the deadline,
 *   counts (a printed report keeps what it showed then; 待核实 whether the city counts only 复查 within the
 *   period). Short: those open or found not rectified. Excluded: due hazards withdrawn or of a withdrawn
 *   inspection, and hazards found in the period with no deadline (待核实: a hazard put right on the spot has none,
 *   and is not "due").
 * - 立案数 (cases-filed): ordinary-procedure cases whose 立案审批表 was approved (the 审批人's date) in the period.
 *   Excluded: cases entered in the period that are 简易程序 (no 立案; 待核实 whether the city counts them), not yet
 *   filed, or filed outside the period.
 * - 处罚决定数 (decisions): 行政处罚决定书 and 当场处罚决定书 issued, dated in the period — a decision corrected (更正)
 *   is one decision, dated by the one it corrects and counted by the one in force. Split by addressee:
 *   decisions-unit (单位) and decisions-person (个人). Excluded: decisions dated in the period voided, still drafts,
 *   or corrected by another, and a correction dated in it of a decision dated before it. 待核实: a decision later
 *   revoked on 复议/诉讼 still counts as made.
 * - 罚款金额 (fines): Σ the fines (元) the decisions of 处罚决定数 state; fines-accident for cases of source 'accident'
 *   (事故调查), fines-routine (日常监管) for the rest. Excluded: decisions of the period that fine nothing.
 */
export function enforcementIndicators(s: EnforcementSnapshot): EnforcementValue[] {
  const within = (day: string | null): day is string => day !== null && day >= s.from && day <= s.to;
  const name = once(s.enterprises, 'names', () => new Map(s.enterprises.map((e) => [e.id, e.name])));
  const enterpriseName = (id: number) => name.get(id) ?? '';
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

  // Inspections.
  const inspectionById = once(s.inspections, 'byId', () => new Map(s.inspections.map((i) => [i.id, i])));
  const inspectionRec = (i: RecordOf<'inspections'>): DrillRecord => ({
    entity: 'inspections',
    id: i.id,
    label: join(enterpriseName(i.enterpriseId), i.startedAt.slice(0, 10)),
    on: i.startedAt.slice(0, 10),
  });
  const ofPeriod = s.inspections.filter((i) => within(i.startedAt.slice(0, 10))).sort((a, b) => a.id - b.id);
  const visits = ofPeriod.filter((i) => i.status !== 'withdrawn');
  const withdrawnVisits = ofPeriod
    .filter((i) => i.status === 'withdrawn')
    .map((i) => ({ ...inspectionRec(i), why: WHY.withdrawn }));
  const enterprises = [...new Set(visits.map((i) => i.enterpriseId))]
    .sort((a, b) => a - b)
    .map((id): DrillRecord => ({ entity: 'enterprises', id, label: enterpriseName(id) }));
  const visitRecs = visits.map(inspectionRec);
  const random = new Set(visits.filter((i) => i.kind === 'random').map((i) => i.id));

  // Hazards.
  const hazardRec = (h: RecordOf<'hazards'>): DrillRecord => ({
    entity: 'hazards',
    id: h.id,
    label: join(
      enterpriseName(h.enterpriseId),
      inspectionById.get(h.inspectionId)?.startedAt.slice(0, 10),
      h.description.slice(0, 30),
    ),
  });
  /** A hazard as found: counted on the day of the inspection that found it. */
  const foundRec = (h: RecordOf<'hazards'>): DrillRecord => ({
    ...hazardRec(h),
    on: inspectionById.get(h.inspectionId)!.startedAt.slice(0, 10),
  });
  /** Why a hazard is left out of every count, or null. */
  const hazardOut = (h: RecordOf<'hazards'>): string | null =>
    h.withdrawnAt
      ? WHY.withdrawn
      : inspectionById.get(h.inspectionId)?.status === 'withdrawn'
        ? WHY.inspectionWithdrawn
        : null;
  const hazards = once(s.hazards, 'sorted', () => [...s.hazards].sort((a, b) => a.id - b.id));
  const found = hazards.filter((h) => within(inspectionById.get(h.inspectionId)?.startedAt.slice(0, 10) ?? null));
  const foundIn = found.filter((h) => !hazardOut(h));
  const foundOut = found.filter((h) => hazardOut(h)).map((h) => ({ ...hazardRec(h), why: hazardOut(h)! }));
  const majorIds = new Set(found.filter((h) => h.level === 'major').map((h) => h.id));
  const due = hazards.filter((h) => within(h.deadline ?? null));
  const rectified = new Set(due.filter((h) => h.status === 'rectified').map((h) => h.id));

  // Cases.
  const events = once(s.caseEvents, 'byCase', () => caseEventsOf(s.caseEvents));
  const caseById = once(s.cases, 'byId', () => new Map(s.cases.map((c) => [c.id, c])));
  // Each case's 立案 approval day and the day it was entered, the same whatever the period (kept per cases and events).
  const byEvents = once(
    s.cases,
    'days',
    () => new WeakMap<object, Map<number, { filed: string | null; entered: string }>>(),
  );
  let days = byEvents.get(s.caseEvents);
  if (!days) byEvents.set(s.caseEvents, (days = new Map()));
  const caseRec = (c: RecordOf<'cases'>): DrillRecord => ({
    entity: 'cases',
    id: c.id,
    label: join(c.caseNo, enterpriseName(c.enterpriseId)),
  });
  const filed: DrillRecord[] = [];
  const notFiled: ExcludedRecord[] = [];
  for (const c of once(s.cases, 'sorted', () => [...s.cases].sort((a, b) => a.id - b.id))) {
    let day = days.get(c.id);
    if (!day)
      days.set(
        c.id,
        (day = {
          filed: c.procedure === 'summary' ? null : approval(events.get(c.id) ?? [], 'filing').date,
          entered: enteredOn(c),
        }),
      );
    const on = day.filed;
    if (within(on)) filed.push({ ...caseRec(c), on });
    else if (within(day.entered))
      notFiled.push({
        ...caseRec(c),
        why: c.procedure === 'summary' ? WHY.summaryProcedure : on ? WHY.filedOutside : WHY.notFiled,
      });
  }

  // Decisions: each counted by the one in force, dated by the first of its corrections.
  const sortedDocuments = once(s.documents, 'sorted', () => [...s.documents].sort((a, b) => a.id - b.id));
  const docById = once(s.documents, 'byId', () => new Map(s.documents.map((d) => [d.id, d])));
  const correctedBy = once(
    s.documents,
    'correctedBy',
    () =>
      new Map(
        s.documents.filter((d) => d.status === 'issued' && d.supersedesId !== null).map((d) => [d.supersedesId!, d.id]),
      ),
  );
  const first = (d: RecordOf<'documents'>) => {
    let at = d;
    for (let n = 0; at.supersedesId !== null && docById.has(at.supersedesId) && n < 100; n++)
      at = docById.get(at.supersedesId)!;
    return at;
  };
  const decisionRec = (d: RecordOf<'documents'>): DrillRecord => {
    const party = typeof d.fields.partyName === 'string' ? d.fields.partyName : null;
    const c = d.caseId !== null ? caseById.get(d.caseId) : undefined;
    return {
      entity: 'documents',
      id: d.id,
      label: join(d.numberText, party ?? (c ? enterpriseName(c.enterpriseId) : null)),
    };
  };
  const decisions: RecordOf<'documents'>[] = [];
  const decisionsOut: ExcludedRecord[] = [];
  for (const d of sortedDocuments) {
    if (!DECISION_TYPES.includes(d.type)) continue;
    const inForce = d.status === 'issued' && !correctedBy.has(d.id);
    if (inForce && within(documentDay(first(d)))) decisions.push(d);
    else if (within(documentDay(d)))
      decisionsOut.push({
        ...decisionRec(d),
        why: inForce
          ? WHY.correctsEarlier
          : d.status === 'voided'
            ? WHY.voided
            : d.status === 'draft'
              ? WHY.draft
              : WHY.corrected,
      });
  }
  const toPerson = (id: number) => docById.get(id)!.type.endsWith('-person');
  const accident = (id: number) => {
    const c = docById.get(id)!.caseId;
    return c !== null && caseById.get(c)?.source === 'accident';
  };
  // Counted on the day of the decision it is (a correction: the one it corrects).
  const decisionOn = (d: RecordOf<'documents'>): DrillRecord => ({ ...decisionRec(d), on: documentDay(first(d))! });
  const decisionRecs = decisions.map(decisionOn);
  const fined = decisions.filter((d) => fineOf(d) > 0).map((d) => ({ ...decisionOn(d), amount: fineOf(d) }));
  const finesOut = [
    ...decisionsOut,
    ...decisions.filter((d) => fineOf(d) <= 0).map((d) => ({ ...decisionRec(d), why: WHY.noFine })),
  ];

  // 处罚决定 as they are worded: what the decision in force imposed and on what article.
  const rows = (d: RecordOf<'documents'>) =>
    (Array.isArray(d.fields.violations) ? (d.fields.violations as Record<string, unknown>[]) : []).map((v) => ({
      penalty: typeof v.penalty === 'string' ? v.penalty : '',
      provision: typeof v.penaltyProvision === 'string' ? v.penaltyProvision : '',
    }));
  const suspends = (d: RecordOf<'documents'>) => rows(d).some((v) => SUSPENSION.test(v.penalty));
  const daily = (d: RecordOf<'documents'>) => rows(d).some((v) => DAILY_PENALTY.test(v.provision));
  const decisionsOutOf = (pick: (d: RecordOf<'documents'>) => boolean) =>
    decisionsOut.filter((r) => pick(docById.get(r.id)!));

  // Case events of the period, each once: live ones counted, retracted ones left out with why.
  // Each kind's events in case order, then as recorded.
  const byKind = once(s.caseEvents, 'byKind', () => {
    const map = new Map<string, [number, CaseEvent][]>();
    for (const [caseId, list] of [...events].sort((a, b) => a[0] - b[0]))
      for (const e of list) {
        const of = map.get(e.data.kind);
        if (of) of.push([caseId, e]);
        else map.set(e.data.kind, [[caseId, e]]);
      }
    return map;
  });
  const eventsOf = <K extends StoredEvent['kind']>(kind: K) => {
    const live: { c: RecordOf<'cases'>; e: CaseEvent & { data: Extract<StoredEvent, { kind: K }> } }[] = [];
    const out: ExcludedRecord[] = [];
    for (const [caseId, e] of byKind.get(kind) ?? []) {
      const c = caseById.get(caseId);
      if (!c || !within(e.data.date)) continue;
      if (e.retracted) out.push({ ...caseRec(c), why: WHY.retracted });
      else live.push({ c, e: e as CaseEvent & { data: Extract<StoredEvent, { kind: K }> } });
    }
    return { live, out };
  };
  const payments = eventsOf('payment');
  const closureRequests = eventsOf('closure-request');

  // 案件移送书 issued and dated in the period.
  const transfers: DrillRecord[] = [];
  const transfersOut: ExcludedRecord[] = [];
  for (const d of sortedDocuments) {
    if (d.type !== TRANSFER_LETTER || !within(documentDay(d))) continue;
    if (d.status === 'issued') transfers.push(decisionRec(d));
    else transfersOut.push({ ...decisionRec(d), why: d.status === 'voided' ? WHY.voided : WHY.draft });
  }

  return [
    count('enterprises-inspected', enterprises, withdrawnVisits),
    count('inspections', visitRecs, withdrawnVisits),
    ratio('random-share', visitRecs, (r) => random.has(r.id), withdrawnVisits),
    ...planIndicators(s),
    count('hazards', foundIn.map(foundRec), foundOut),
    count(
      'major-hazards',
      foundIn.filter((h) => majorIds.has(h.id)).map(foundRec),
      foundOut.filter((r) => majorIds.has(r.id)),
    ),
    ratio('hazards-rectified', due.filter((h) => !hazardOut(h)).map(hazardRec), (r) => rectified.has(r.id), [
      ...due.filter((h) => hazardOut(h)).map((h) => ({ ...hazardRec(h), why: hazardOut(h)! })),
      ...foundIn.filter((h) => h.deadline === null).map((h) => ({ ...hazardRec(h), why: WHY.noDeadline })),
    ]),
    count('cases-filed', filed, notFiled),
    count('decisions', decisionRecs, decisionsOut),
    count(
      'decisions-unit',
      decisionRecs.filter((r) => !toPerson(r.id)),
      decisionsOut.filter((r) => !toPerson(r.id)),
    ),
    count(
      'decisions-person',
      decisionRecs.filter((r) => toPerson(r.id)),
      decisionsOut.filter((r) => toPerson(r.id)),
    ),
    quotient('penalty-rate', decisionRecs, visitRecs, decisionsOut),
    sum('fines', fined, finesOut),
    sum(
      'fines-routine',
      fined.filter((r) => !accident(r.id)),
      finesOut.filter((r) => !accident(r.id)),
    ),
    sum(
      'fines-accident',
      fined.filter((r) => accident(r.id)),
      finesOut.filter((r) => accident(r.id)),
    ),
    sum(
      'fines-collected',
      payments.live.map(({ c, e }) => ({
        ...caseRec(c),
        label: join(c.caseNo, e.data.date, e.data.receiptNo),
        amount: e.data.amount,
      })),
      payments.out,
    ),
    mean(
      'average-fine',
      decisions.map((d) => ({ ...decisionRec(d), amount: fineOf(d) })),
      decisionsOut,
    ),
    count('suspensions', decisions.filter(suspends).map(decisionRec), decisionsOutOf(suspends)),
    count(
      'closures',
      closureRequests.live.map(({ c, e }) => ({
        ...caseRec(c),
        label: join(c.caseNo, e.data.date, e.data.government),
      })),
      closureRequests.out,
    ),
    count('daily-penalties', decisions.filter(daily).map(decisionRec), decisionsOutOf(daily)),
    count('transfers', transfers, transfersOut),
    typicalIndicator(s),
    onDutyIndicator(s),
  ];
}

type StoredEvent = StoredCaseEventData;
const SUSPENSION = /停产停业|停止建设|停止施工/;
/** 安全生产法 第一百一十二条: 按日连续处罚 of a party that refused to correct. */
const DAILY_PENALTY = /第一百一十二条/;
const TRANSFER_LETTER = 'transfer-letter';

/**
 * - 重点覆盖率 (key-coverage): 重点 enterprises of the approved plan of the period's year (the year of its last day) with
 *   at least one 计划检查 begun from 1 January to the period's last day, over the 重点 list — the figure as it stood on
 *   that day, the same the plan's 执行情况 shows.
 * - 计划完成率 (plan-completion): the planned work done by that day — each 重点 enterprise's 计划检查 up to its planned
 *   visits, and each 双随机 pick of the year's draws with a 双随机抽查 recorded under its draw — over the planned visits
 *   and the year's 双随机 quota (the places not drawn yet count as not done).
 * Neither can be given for a year without an approved plan.
 */
function planIndicators(s: EnforcementSnapshot): EnforcementValue[] {
  const year = Number(s.to.slice(0, 4));
  const plan = s.plans.find((p) => p.year === year && p.status !== 'draft' && p.snapshot);
  if (!plan)
    return [
      { ...ratio('key-coverage', [], () => false), unavailable: NO_PLAN },
      { ...rate('plan-completion', []), unavailable: NO_PLAN },
    ];
  const { keyRows, randomQuota } = planTargets(plan.snapshot as Parameters<typeof planTargets>[0]);
  const draws = s.draws.filter((d) => d.planYear === year).map(progressDraw);
  const asOf = s.inspections.filter((i) => i.status !== 'withdrawn' && i.startedAt.slice(0, 10) <= s.to);
  const progress = planProgress(
    year,
    keyRows,
    randomQuota,
    draws,
    asOf.map((i) => ({ ...i, kind: i.kind as InspectionKind, drawId: i.drawId ?? null })),
  );
  const uncovered = new Set(progress.key.notCovered.map((r) => r.enterpriseId));
  const pending = new Set(progress.random.pending.map((p) => `${p.drawId}:${p.enterpriseId}`));
  const picks = draws.flatMap((d) =>
    d.picks.map((p): WeightedRecord => ({
      entity: 'enterprises',
      id: p.enterpriseId,
      label: `${p.name}（${d.label}）`,
      part: pending.has(`${d.id}:${p.enterpriseId}`) ? 0 : 1,
      whole: 1,
    })),
  );
  const undrawn = randomQuota - picks.length;
  return [
    ratio(
      'key-coverage',
      keyRows.map((r) => ({ entity: 'enterprises', id: r.enterpriseId, label: r.name })),
      (r) => !uncovered.has(r.id),
    ),
    rate('plan-completion', [
      ...progress.key.rows.map((r): WeightedRecord => ({
        entity: 'enterprises',
        id: r.enterpriseId,
        label: r.name,
        part: r.done,
        whole: r.visits,
      })),
      ...picks,
      ...(undrawn > 0
        ? [
            {
              entity: 'plans',
              id: plan.id,
              label: plan.year.toString(),
              part: 0,
              whole: undrawn,
              note: UNDRAWN,
              params: { n: undrawn },
            } as const,
          ]
        : []),
    ]),
  ];
}
const NO_PLAN = 'indicators.unavailable.noPlan';
const UNDRAWN = 'indicators.note.undrawn';
const TYPICAL_PERIOD = 'indicators.note.typicalPeriod';

/**
 * 典型案例报送 (typical-cases): for every period of the schedule binding the unit (a county: one every two months) that
 * ends within the report's period, the write-ups sent in it (counted up to the number required) over the number
 * required. Each period is a record.
 */
function typicalIndicator(s: EnforcementSnapshot): EnforcementValue {
  const sentOn = s.typicalCases.filter((t) => t.status === 'sent' && t.sentOn).map((t) => t.sentOn!);
  const records: WeightedRecord[] = [];
  for (const rule of s.rules.typicalSchedule)
    for (let ahead = 0; ahead < 1000; ahead++) {
      const p = periodOf(rule, s.from, -ahead);
      if (p.from > s.to) break;
      if (p.to < s.from || p.to > s.to) continue;
      const sent = sentOn.filter((d) => d >= p.from && d <= p.to).length;
      records.push({
        entity: 'periods',
        id: records.length + 1,
        label: `${p.from} – ${p.to}`,
        part: Math.min(sent, rule.count),
        whole: rule.count,
        note: TYPICAL_PERIOD,
        params: { sent, required: rule.count },
      });
    }
  return rate('typical-cases', records);
}

/**
 * 执法人员在岗率 (officers-on-duty): for each officer marked 在岗 in the roster, the working days of the period (the
 * work calendar: holidays and 调休) less the working days away on an absence of a kind that takes him off post, over
 * the working days. Excluded: officers not 在岗 (待核实: the roster keeps today's post, not the post on each day).
 */
function onDutyIndicator(s: EnforcementSnapshot): EnforcementValue {
  const days = countWorkdays(s.calendar, s.from, s.to).count;
  const away = absentWorkdays(
    s.absences
      .filter((a) => !a.withdrawnAt && s.rules.offPostKinds.includes(a.kind))
      .map((a) => ({ officerId: a.officerId, kind: a.kind, from: a.from, to: a.to })),
    s.calendar,
    s.from,
    s.to,
  ).byOfficer;
  const officers = [...s.officers].sort((a, b) => a.id - b.id);
  const rec = (o: RecordOf<'officers'>): DrillRecord => ({ entity: 'officers', id: o.id, label: o.name });
  return rate(
    'officers-on-duty',
    officers
      .filter((o) => o.onDuty)
      .map((o) => {
        const off = Object.values(away.get(o.id) ?? {}).reduce((n, k) => n + (k ?? 0), 0);
        return { ...rec(o), part: days - off, whole: days };
      }),
    officers.filter((o) => !o.onDuty).map((o) => ({ ...rec(o), why: WHY.offDuty })),
  );
}
