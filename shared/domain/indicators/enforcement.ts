import { z } from 'zod';
import { chinaClock } from '../dates.ts';
import { approval, DECISION_TYPES } from '../case-procedure.ts';
import { enteredOn } from './completeness.ts';
import { caseEvent, legacyCaseEvent, type CaseEvent, type StoredCaseEventData } from '../../entities/case.ts';
import type { RecordOf } from '../../entities/exports/records.ts';

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
  'hazards',
  'major-hazards',
  'hazards-rectified',
  'cases-filed',
  'decisions',
  'decisions-unit',
  'decisions-person',
  'fines',
  'fines-routine',
  'fines-accident',
] as const;
export type EnforcementId = (typeof ENFORCEMENT_IDS)[number];

export interface DrillRecord {
  entity: 'enterprises' | 'inspections' | 'hazards' | 'cases' | 'documents';
  id: number;
  /** How the user knows it: the enterprise and the day, the 案号, the 文号. */
  label: string;
}
/** A record of the period the indicator leaves out, with why (an `indicators.excluded.*` translation key). */
export type ExcludedRecord = DrillRecord & { why: string };
/** A decision as the fines count it: its fine in 元 (whole yuan, as the decision states it). */
export type AmountRecord = DrillRecord & { amount: number };

interface Base {
  id: EnforcementId;
  version: string;
  excluded: readonly ExcludedRecord[];
}
export interface CountValue extends Base {
  kind: 'count';
  value: number;
  records: readonly DrillRecord[];
}
export interface SumValue extends Base {
  kind: 'sum';
  /** 元, whole yuan. */
  value: number;
  records: readonly AmountRecord[];
}
export interface RatioValue extends Base {
  kind: 'ratio';
  numerator: number;
  denominator: number;
  /** Per cent to one decimal, or null when nothing is counted. */
  percent: number | null;
  /** The records that meet the definition (the numerator). */
  records: readonly DrillRecord[];
  /** The records of the denominator that do not (for 隐患整改率: the hazards not, or not yet, rectified). */
  short: readonly DrillRecord[];
}
export type EnforcementValue = CountValue | SumValue | RatioValue;

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
}

// The only constructors of a value: the figure is taken from the list, never counted apart.
const count = (id: EnforcementId, records: DrillRecord[], excluded: ExcludedRecord[]): CountValue => ({
  id,
  version: ENFORCEMENT_VERSION,
  kind: 'count',
  value: records.length,
  records,
  excluded,
});
const sum = (id: EnforcementId, records: AmountRecord[], excluded: ExcludedRecord[]): SumValue => ({
  id,
  version: ENFORCEMENT_VERSION,
  kind: 'sum',
  value: records.reduce((s, r) => s + r.amount, 0),
  records,
  excluded,
});
const ratio = (
  id: EnforcementId,
  all: DrillRecord[],
  meets: (r: DrillRecord) => boolean,
  excluded: ExcludedRecord[],
): RatioValue => {
  const records = all.filter(meets);
  const short = all.filter((r) => !meets(r));
  return {
    id,
    version: ENFORCEMENT_VERSION,
    kind: 'ratio',
    numerator: records.length,
    denominator: all.length,
    percent: all.length ? Math.round((records.length / all.length) * 1000) / 10 : null,
    records,
    short,
    excluded,
  };
};

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
} as const;

const storedEvent = z.union([caseEvent, legacyCaseEvent]);

/** A case's events as the procedure reads them: defaults filled in, and those a later 'retract' took back marked. */
function caseEventsOf(records: RecordOf<'caseEvents'>[]): Map<number, CaseEvent[]> {
  const retracted = new Map<number, { reason: string; by: string }>();
  const out = new Map<number, CaseEvent[]>();
  const rows = records
    .map((r) => {
      const parsed = storedEvent.safeParse(r.event);
      return { r, data: parsed.success ? parsed.data : (r.event as StoredCaseEventData) };
    })
    .sort((a, b) => a.r.id - b.r.id);
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
  const name = new Map(s.enterprises.map((e) => [e.id, e.name]));
  const enterpriseName = (id: number) => name.get(id) ?? '';
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

  // Inspections.
  const inspectionById = new Map(s.inspections.map((i) => [i.id, i]));
  const inspectionRec = (i: RecordOf<'inspections'>): DrillRecord => ({
    entity: 'inspections',
    id: i.id,
    label: join(enterpriseName(i.enterpriseId), i.startedAt.slice(0, 10)),
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
  /** Why a hazard is left out of every count, or null. */
  const hazardOut = (h: RecordOf<'hazards'>): string | null =>
    h.withdrawnAt
      ? WHY.withdrawn
      : inspectionById.get(h.inspectionId)?.status === 'withdrawn'
        ? WHY.inspectionWithdrawn
        : null;
  const hazards = [...s.hazards].sort((a, b) => a.id - b.id);
  const found = hazards.filter((h) => within(inspectionById.get(h.inspectionId)?.startedAt.slice(0, 10) ?? null));
  const foundIn = found.filter((h) => !hazardOut(h));
  const foundOut = found.filter((h) => hazardOut(h)).map((h) => ({ ...hazardRec(h), why: hazardOut(h)! }));
  const majorIds = new Set(found.filter((h) => h.level === 'major').map((h) => h.id));
  const due = hazards.filter((h) => within(h.deadline ?? null));
  const rectified = new Set(due.filter((h) => h.status === 'rectified').map((h) => h.id));

  // Cases.
  const events = caseEventsOf(s.caseEvents);
  const caseById = new Map(s.cases.map((c) => [c.id, c]));
  const caseRec = (c: RecordOf<'cases'>): DrillRecord => ({
    entity: 'cases',
    id: c.id,
    label: join(c.caseNo, enterpriseName(c.enterpriseId)),
  });
  const filed: DrillRecord[] = [];
  const notFiled: ExcludedRecord[] = [];
  for (const c of [...s.cases].sort((a, b) => a.id - b.id)) {
    const on = c.procedure === 'summary' ? null : approval(events.get(c.id) ?? [], 'filing').date;
    if (within(on)) filed.push(caseRec(c));
    else if (within(enteredOn(c)))
      notFiled.push({
        ...caseRec(c),
        why: c.procedure === 'summary' ? WHY.summaryProcedure : on ? WHY.filedOutside : WHY.notFiled,
      });
  }

  // Decisions: each counted by the one in force, dated by the first of its corrections.
  const docById = new Map(s.documents.map((d) => [d.id, d]));
  const correctedBy = new Map(
    s.documents.filter((d) => d.status === 'issued' && d.supersedesId !== null).map((d) => [d.supersedesId!, d.id]),
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
  for (const d of [...s.documents].sort((a, b) => a.id - b.id)) {
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
  const decisionRecs = decisions.map(decisionRec);
  const fined = decisions.filter((d) => fineOf(d) > 0).map((d) => ({ ...decisionRec(d), amount: fineOf(d) }));
  const finesOut = [
    ...decisionsOut,
    ...decisions.filter((d) => fineOf(d) <= 0).map((d) => ({ ...decisionRec(d), why: WHY.noFine })),
  ];

  return [
    count('enterprises-inspected', enterprises, withdrawnVisits),
    count('inspections', visitRecs, withdrawnVisits),
    ratio('random-share', visitRecs, (r) => random.has(r.id), withdrawnVisits),
    count('hazards', foundIn.map(hazardRec), foundOut),
    count(
      'major-hazards',
      foundIn.filter((h) => majorIds.has(h.id)).map(hazardRec),
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
  ];
}
