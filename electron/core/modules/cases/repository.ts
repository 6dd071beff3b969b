import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import {
  type CaseRecord,
  caseDeadlines,
  caseStage,
  closingIssues,
  collectiveRequired,
  decisionIssues,
  decisionOf,
  disposalRevisable,
  filedOn,
  hearingTriggered,
  lateSurcharges,
  legalReviewReasons,
  issued,
  live,
  noticeIssues,
  noticeOf,
  partiesPenalised,
  closureWindow,
  summaryDecisionIssues,
  totalFine,
  violationsOf,
} from '../../../../shared/domain/case-procedure.ts';
import { nextStep } from '../../../../shared/domain/case-next.ts';
import { dailyPenalties, measureDeadlines, recusedOfficers } from '../../../../shared/domain/case-measures.ts';
import { documentDateOf } from '../../../../shared/documents/registry.ts';
import type {
  CaseDeadline,
  CaseDetail,
  CaseDocument,
  CaseEvent,
  CrimeRisk,
  StoredCaseEventData,
  CaseSummary,
  Party,
  PersonParty,
  Violation,
} from '../../../../shared/entities/case.ts';
import type { CoreState } from '../../context.ts';
import type { CasesTable, DB } from '../../db/schema.ts';
import type { RuleContext } from '../../rules.ts';

export type CaseRow = Selectable<CasesTable>;

/** An archived file is read-only: its documents are not voided, served, corrected or rescanned either. */
export async function refuseIfArchived(db: Kysely<DB>, caseId: number | null): Promise<void> {
  if (!caseId) return;
  const archived = await db
    .selectFrom('caseEvents')
    .select('id')
    .where('caseId', '=', caseId)
    .where('kind', '=', 'archive')
    .executeTakeFirst();
  if (archived) throw new AppError('VALIDATION', { issues: [{ path: ['case'], key: 'cases.rules.archived' }] });
}

export async function caseRow(db: Kysely<DB>, id: number): Promise<CaseRow> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'case', id });
  return row;
}

/** The events, documents and handler names of many cases in three queries. */
async function related(db: Kysely<DB>, rows: CaseRow[]) {
  const ids = rows.map((r) => r.id);
  const [events, docs, officers] = await Promise.all([
    db.selectFrom('caseEvents').selectAll().where('caseId', 'in', ids).orderBy('id').execute(),
    db.selectFrom('documents').selectAll().where('caseId', 'in', ids).orderBy('id').execute(),
    db.selectFrom('officers').select(['id', 'name']).execute(),
  ]);
  const services = await servicesOf(
    db,
    docs.map((d) => d.id),
  );
  const hazardIds = [
    ...new Set(
      rows.flatMap((r) =>
        (JSON.parse(r.violationsJson) as Violation[]).flatMap((v) => (v.hazardId === null ? [] : [v.hazardId])),
      ),
    ),
  ];
  const hazards = hazardIds.length
    ? await db.selectFrom('hazards').select(['id', 'criteriaItemId']).where('id', 'in', hazardIds).execute()
    : [];
  return {
    events,
    docs,
    officers: new Map(officers.map((o) => [o.id, o.name])),
    services,
    criteria: new Map(hazards.map((h) => [h.id, h.criteriaItemId])),
  };
}

/**
 * The violations that may amount to 危险作业罪: the penalty item punishes such an act (its 项 of 第一百三十四条之一), or
 * the hazard the violation stands on matched a criterion marked so.
 */
function crimeRisksOf(
  knowledge: CoreState['knowledge'],
  violations: Violation[],
  criteria: Map<number, string | null>,
): CrimeRisk[] {
  return violations.flatMap((v, i): CrimeRisk[] => {
    const item = knowledge.penalties.find((p) => p.id === v.penaltyItemId);
    if (item?.crimeSituation) return [{ violation: i, situation: item.crimeSituation, marker: item.article }];
    const criterion = v.hazardId === null ? undefined : knowledge.checklistItems.get(criteria.get(v.hazardId) ?? '');
    return criterion?.item.criminalRisk
      ? [{ violation: i, situation: null, marker: `${criterion.checklist.name}${criterion.item.article}` }]
      : [];
  });
}

/** When each of these documents was served, earliest first. */
export async function servicesOf(db: Kysely<DB>, documentIds: number[]) {
  return documentIds.length
    ? db
        .selectFrom('documentServices')
        .select(['documentId', 'servedAt'])
        .where('documentId', 'in', documentIds)
        .orderBy('servedAt')
        .execute()
    : [];
}

/** A document as a case file reads it: its fields as frozen, the date it bears, when it was first served. */
export function toCaseDocument(
  d: Selectable<DB['documents']>,
  all: Selectable<DB['documents']>[],
  services: { documentId: number; servedAt: string }[],
  catalogueName: (t: string) => string,
): CaseDocument {
  const fields = JSON.parse(d.fieldsJson) as Record<string, unknown>;
  const servedAt = services.find((s) => s.documentId === d.id)?.servedAt ?? null;
  return {
    id: d.id,
    type: d.type,
    typeName: catalogueName(d.type),
    status: d.status as CaseDocument['status'],
    numberText: d.numberText,
    pages: d.pageCount,
    date: documentDateOf(d.type, fields),
    servedOn: servedAt?.slice(0, 10) ?? null,
    servedAt,
    fields,
    superseded: all.some((x) => x.supersedesId === d.id && x.status === 'issued'),
  };
}

function toEvents(rows: Selectable<DB['caseEvents']>[]): CaseEvent[] {
  const retractions = new Map<number, { reason: string; by: string }>();
  for (const r of rows) {
    const data = JSON.parse(r.dataJson) as StoredCaseEventData;
    if (data.kind === 'retract') retractions.set(data.eventId, { reason: data.reason, by: r.enteredBy });
  }
  return rows.map((r) => ({
    id: r.id,
    data: JSON.parse(r.dataJson) as StoredCaseEventData,
    scanName: r.scanName,
    scanSha256: r.scanSha256,
    enteredAt: r.enteredAt,
    enteredBy: r.enteredBy,
    retracted: retractions.get(r.id) ?? null,
  }));
}

function toRecord(
  row: CaseRow,
  rel: Awaited<ReturnType<typeof related>>,
  catalogueName: (t: string) => string,
  knowledge: CoreState['knowledge'],
): CaseRecord {
  const documents: CaseDocument[] = rel.docs
    .filter((d) => d.caseId === row.id)
    .map((d) => toCaseDocument(d, rel.docs, rel.services, catalogueName));
  const handlerIds = JSON.parse(row.handlerIdsJson) as number[];
  const violations = JSON.parse(row.violationsJson) as Violation[];
  return {
    procedure: row.procedure as CaseRecord['procedure'],
    outcome: row.outcome as CaseRecord['outcome'],
    violationDate: row.violationDate,
    complex: row.complex === 1,
    suspectedCrime: row.suspectedCrime === 1,
    handlerNames: handlerIds.map((i) => rel.officers.get(i) ?? String(i)),
    persons: JSON.parse(row.personsJson) as PersonParty[],
    violations,
    events: toEvents(rel.events.filter((e) => e.caseId === row.id)),
    documents,
    crimeRisks: crimeRisksOf(knowledge, violations, rel.criteria),
  };
}

function summaryOf(row: CaseRow, rec: CaseRecord, enterpriseName: string): CaseSummary {
  return {
    id: row.id,
    caseNo: row.caseNo,
    enterpriseId: row.enterpriseId,
    enterpriseName,
    cause: row.cause,
    source: row.source as CaseSummary['source'],
    procedure: rec.procedure,
    stage: caseStage(rec),
    outcome: rec.outcome,
    filedOn: filedOn(rec),
    // What the case fines: nothing when it was decided not to penalise or to transfer.
    totalFine: rec.outcome === 'penalty' ? totalFine(rec.violations) : 0,
    handlerNames: rec.handlerNames,
    createdAt: row.createdAt,
    version: row.version,
  };
}

async function enterpriseNames(db: Kysely<DB>, rows: CaseRow[]): Promise<Map<number, string>> {
  const list = await db
    .selectFrom('enterprises')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      rows.map((r) => r.enterpriseId),
    )
    .execute();
  return new Map(list.map((e) => [e.id, e.name]));
}

export async function caseSummaries(
  core: CoreState,
  db: Kysely<DB>,
  rows: CaseRow[],
): Promise<{ summary: CaseSummary; record: CaseRecord }[]> {
  if (!rows.length) return [];
  const [rel, names] = await Promise.all([related(db, rows), enterpriseNames(db, rows)]);
  const name = (t: string) => core.catalogue.byId.get(t)?.name ?? t;
  return rows.map((row) => {
    const record = toRecord(row, rel, name, core.knowledge);
    return { summary: summaryOf(row, record, names.get(row.enterpriseId) ?? ''), record };
  });
}

/** Every 归档号 given so far (one per file, never reused). */
export async function archiveNumbers(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('caseEvents').select('dataJson').where('kind', '=', 'archive').execute();
  return rows.map((r) => (JSON.parse(r.dataJson) as { archiveNo: string }).archiveNo);
}

/** The next 归档号 of the year: YYYY-NNNN, past the highest used. */
export async function nextArchiveNo(db: Kysely<DB>, today: string): Promise<string> {
  const year = today.slice(0, 4);
  const used = (await archiveNumbers(db)).filter((n) => n.startsWith(`${year}-`)).map((n) => Number(n.slice(5)));
  return `${year}-${String(Math.max(0, ...used) + 1).padStart(4, '0')}`;
}

/**
 * The hazards among `hazardIds` another case of the enterprise already fined the unit for at the first stage (a
 * decision issued on a violation standing on it, with a fine): one act is not fined twice (行政处罚法 第二十九条). What
 * follows it on the same hazard — 逾期未改正, 拒不改正, a transfer — is another act and is not counted.
 */
export async function hazardsFinedElsewhere(
  db: Kysely<DB>,
  caseId: number,
  enterpriseId: number,
  hazardIds: number[],
  /** Only decisions dated before this day (the review asks about fines before the case's own). */
  before?: string,
): Promise<{ hazardId: number; caseNo: string }[]> {
  if (!hazardIds.length) return [];
  const decided = await db
    .selectFrom('cases')
    .innerJoin('documents', 'documents.caseId', 'cases.id')
    .select(['cases.caseNo', 'cases.violationsJson', 'documents.fieldsJson'])
    .where('cases.enterpriseId', '=', enterpriseId)
    .where('cases.id', '!=', caseId)
    .where('cases.outcome', '=', 'penalty')
    .where('documents.type', 'in', ['penalty-decision-unit', 'summary-penalty-unit'])
    .where('documents.status', '=', 'issued')
    .execute();
  const dated = decided.filter(
    (c) => !before || String((JSON.parse(c.fieldsJson) as { date?: unknown }).date ?? '') < before,
  );
  return [...new Map(dated.map((c) => [c.caseNo, c])).values()].flatMap((c) =>
    (JSON.parse(c.violationsJson) as Violation[])
      .filter((v) => finedAtFirst(v) && hazardIds.includes(v.hazardId!))
      .map((v) => ({ hazardId: v.hazardId!, caseNo: c.caseNo })),
  );
}

/** A violation of the unit on a hazard, fined at the first stage: what a second fine for the same hazard repeats. */
export const finedAtFirst = (v: Violation): boolean =>
  v.party === 'unit' && v.hazardId !== null && v.stage === 'first' && v.fine > 0;

/**
 * 第一百一十三条第（一）项 for the enterprise: the latest window of its penalties (the unit's own decisions, a corrected one
 * counted once) that holds three in 180 days or four in a year — up to `until` (a decision's day, for the review of that
 * file) — where a major hazard had been found by the window's last day; with whether the 提请关闭 was recorded since
 * (on any of its cases), or null.
 */
export async function closureWindowOf(
  db: Kysely<DB>,
  enterpriseId: number,
  until?: string,
): Promise<(NonNullable<CaseDetail['closurePrompt']> & { requested: boolean }) | null> {
  const decisions = await db
    .selectFrom('documents')
    .select(['id', 'fieldsJson', 'supersedesId'])
    .where('enterpriseId', '=', enterpriseId)
    .where('type', 'in', ['penalty-decision-unit', 'summary-penalty-unit'])
    .where('status', '=', 'issued')
    .execute();
  const replaced = new Set(decisions.map((d) => d.supersedesId));
  const dates = decisions
    .filter((d) => !replaced.has(d.id))
    .map((d) => String((JSON.parse(d.fieldsJson) as { date?: string }).date ?? ''))
    .filter((d) => d && (!until || d <= until));
  const w = closureWindow(dates);
  if (!w) return null;
  const major = await db
    .selectFrom('hazards')
    .innerJoin('inspections', 'inspections.id', 'hazards.inspectionId')
    .select('hazards.id')
    .where('hazards.enterpriseId', '=', enterpriseId)
    .where('hazards.level', '=', 'major')
    .where('hazards.withdrawnAt', 'is', null)
    .where('inspections.startedAt', '<=', `${w.to}T23:59`)
    .executeTakeFirst();
  if (!major) return null;
  const requests = await db
    .selectFrom('caseEvents')
    .innerJoin('cases', 'cases.id', 'caseEvents.caseId')
    .select(['caseEvents.id', 'caseEvents.caseId', 'caseEvents.kind', 'caseEvents.dataJson'])
    .where('cases.enterpriseId', '=', enterpriseId)
    .where('caseEvents.kind', 'in', ['closure-request', 'retract'])
    .execute();
  const retracted = new Set(
    requests.filter((r) => r.kind === 'retract').map((r) => (JSON.parse(r.dataJson) as { eventId: number }).eventId),
  );
  const requested = requests.some(
    (r) =>
      r.kind === 'closure-request' && !retracted.has(r.id) && (JSON.parse(r.dataJson) as { date: string }).date >= w.to,
  );
  return { ...w, requested };
}

/**
 * The 提请关闭 the case page asks for: on the case whose decision completed the window, until the request is recorded
 * (on any of the enterprise's cases, dated on or after it).
 */
async function closurePromptOf(
  db: Kysely<DB>,
  enterpriseId: number,
  record: CaseRecord,
): Promise<CaseDetail['closurePrompt']> {
  const own = issued(record, 'penalty-decision-unit', 'summary-penalty-unit').map((d) => d.date ?? '');
  if (!own.length) return null;
  const w = await closureWindowOf(db, enterpriseId);
  if (!w || w.requested || !own.includes(w.to)) return null;
  const { requested: _requested, ...window } = w;
  return window;
}

/** Every deadline of the case: the procedure's, then those of its investigation and coercive measures. */
export function deadlinesOf(core: CoreState, record: CaseRecord, cr: RuleContext): CaseDeadline[] {
  const ctx = { today: cr.today, periods: core.knowledge.periods, cal: cr.cal, rules: cr.rules };
  return [...caseDeadlines(record, ctx), ...measureDeadlines(record, ctx)];
}

export async function caseDetail(core: CoreState, db: Kysely<DB>, id: number, cr: RuleContext): Promise<CaseDetail> {
  const row = await caseRow(db, id);
  const [{ summary, record }] = await caseSummaries(core, db, [row]);
  const deadlines = deadlinesOf(core, record, cr);
  const blockers: CaseDetail['blockers'] = [];
  const stage = summary.stage;
  const add = (step: string, issues: { key: string; params?: Record<string, unknown> }[]) =>
    issues.forEach((i) => {
      // Parties share most blockers (the 呈批 not approved): each is said once.
      if (!blockers.some((b) => b.key === i.key && JSON.stringify(b.params) === JSON.stringify(i.params)))
        blockers.push({ step, key: i.key, params: i.params });
    });
  // What stops the next step today, party by party, as the issue checks would say it.
  for (const party of partiesPenalised(record)) {
    const fine = totalFine(violationsOf(record, party));
    if (stage === 'notice' && !noticeOf(record, party))
      add('notice', noticeIssues(record, { party, date: cr.today, hearingRights: true }, cr.rules));
    if (stage === 'decision' && !decisionOf(record, party)) {
      add(
        'decision',
        record.procedure === 'summary'
          ? summaryDecisionIssues(record, { party, fine, cashOnTheSpot: false, hardToPayLater: false }, cr.rules)
          : decisionIssues(
              record,
              { party, date: cr.today, totalFine: fine },
              { periods: core.knowledge.periods, cal: cr.cal, rules: cr.rules },
            ),
      );
    }
  }
  if (stage === 'transfer' || stage === 'execution' || stage === 'closing') add('closing', closingIssues(record));
  const recused = recusedOfficers(record);
  // 回避: the 负责人 must name another 承办人 before the case goes on.
  for (const name of record.handlerNames.filter((n) => recused.includes(n)))
    add('handlers', [{ key: 'cases.rules.recusedHandler', params: { name } }]);
  return {
    ...summary,
    escalationId: row.escalationId,
    inspectionId: row.inspectionId,
    sourceNote: row.sourceNote,
    facts: row.facts,
    violationDate: row.violationDate,
    handlerIds: JSON.parse(row.handlerIdsJson) as number[],
    complex: record.complex,
    suspectedCrime: record.suspectedCrime,
    unit: JSON.parse(row.unitJson) as Party,
    persons: record.persons,
    violations: record.violations,
    events: record.events,
    documents: record.documents,
    crimeRisks: record.crimeRisks,
    deadlines,
    triggers: {
      hearing: hearingTriggered(record, cr.rules),
      legalReview: legalReviewReasons(record, cr.rules),
      collectiveDiscussion: collectiveRequired(record, cr.rules),
    },
    blockers,
    next: nextStep(record, blockers, cr.today),
    closurePrompt: await closurePromptOf(db, row.enterpriseId, record),
    surcharges: lateSurcharges(record, deadlines, cr.today),
    dailyPenalties: dailyPenalties(record, cr.today),
    recused,
    disposalRevisable: disposalRevisable(record),
    paid: live(record.events, 'payment').reduce((s, p) => s + p.amount, 0),
    archived: stage === 'archived',
    nextArchiveNo: stage === 'closed' ? await nextArchiveNo(db, cr.today) : null,
  };
}
