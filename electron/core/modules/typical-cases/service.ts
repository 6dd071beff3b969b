import fs from 'node:fs';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import { AppError, type ValidationIssue } from '../../../../shared/base/errors.ts';
import { DECISION_TYPES, issued } from '../../../../shared/domain/case-procedure.ts';
import { chinaDate } from '../../../../shared/domain/dates.ts';
import { lookupIndustry } from '../../../../shared/domain/industry.ts';
import { DATA_FILES, PackageIndex, TYPICAL_CASE_ELSEWHERE } from '../../../../shared/domain/package-checks.ts';
import {
  editIssues,
  missingFields,
  refusalOf,
  staleFields,
  rulesFor,
  schedulePeriods,
  sourceValues,
  type TypicalCaseFacts,
  unitLevel,
  valuesOf,
} from '../../../../shared/domain/typical-case.ts';
import type { ReviewDecisions } from '../../../../shared/domain/review/review.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageProblem,
} from '../../../../shared/entities/export-package.ts';
import { RECORD_SCHEMAS, type RecordEntity } from '../../../../shared/entities/exports/records.ts';
import type {
  TypicalCandidate,
  TypicalCase,
  TypicalCaseField,
  TypicalOverview,
} from '../../../../shared/entities/typical-case.ts';
import type { ExportSummary } from '../../../../shared/api/channels/exports.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import type { DB, TypicalCasesTable } from '../../db/schema.ts';
import { filePath, readFile, storeFile } from '../../files.ts';
import type { RuleContext } from '../../rules.ts';
import { caseDetail, caseSummaries } from '../cases/repository.ts';
import { exportsDir, freeName, recordHead, releaseName, underIntent } from '../exports/service.ts';
import { type PackageSource, StoredFileChanged, writePackage } from '../exports/package.ts';
import { readPackageData } from '../exports/records.ts';
import { listHazards } from '../hazards/repository.ts';
import { runReview } from '../review/run.ts';
import { getUnit } from '../unit/repository.ts';
import { typicalCasePdf } from './report.ts';
import { pdfPageCount } from '../../../../shared/domain/case-file.ts';

/**
 * 典型执法案例: a decided case written up for the ministry, drafted from the file, edited by the clerk, finalised to a
 * PDF through the document engine, marked as sent on the day it went, and packed with the case's issued documents.
 */

type Row = Selectable<TypicalCasesTable>;

const invalid = (issues: ValidationIssue[]) => new AppError('VALIDATION', { issues });
const refuse = (key: string, path = 'id', params?: Record<string, string | number>) =>
  invalid([{ path: [path], key, ...(params ? { params } : {}) }]);

/** What the file says for the write-up, gathered from the case as the case page shows it. */
export async function factsOf(core: CoreState, db: Kysely<DB>, rules: RuleContext, caseId: number) {
  const detail = await caseDetail(core, db, caseId, rules);
  const enterprise = await db
    .selectFrom('enterprises')
    .select(['industryCode', 'township'])
    .where('id', '=', detail.enterpriseId)
    .executeTakeFirstOrThrow();
  const inspection = detail.inspectionId
    ? await db.selectFrom('inspections').select('startedAt').where('id', '=', detail.inspectionId).executeTakeFirst()
    : undefined;
  const hazards = detail.inspectionId
    ? await listHazards(db, core.knowledge, rules, { inspectionId: detail.inspectionId })
    : [];
  const industry = lookupIndustry(core.knowledge.industryIndex, enterprise.industryCode);
  const decisions = detail.documents
    .filter((d) => d.status === 'issued' && !d.superseded && DECISION_TYPES.includes(d.type))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id)
    .map((d) => ({
      numberText: d.numberText ?? '',
      date: d.date ?? '',
      party: (d.fields.party === undefined || d.fields.party === 'unit' ? 'unit' : Number(d.fields.party)) as
        'unit' | number,
    }));
  // The hazards this case fined, not every hazard the inspection found: another may have been dealt with elsewhere.
  const fined = new Set(detail.violations.flatMap((v) => (v.hazardId === null ? [] : [v.hazardId])));
  const live = hazards.filter((h) => fined.has(h.id));
  const facts: TypicalCaseFacts = {
    agency: rules.unit?.agencyName ?? '',
    phone: rules.unit?.phone ?? '',
    cause: detail.cause,
    unit: detail.unit,
    persons: detail.persons,
    violations: detail.violations,
    decisions,
    industry: {
      code: enterprise.industryCode,
      name: industry.status === 'known' ? industry.name : industry.status === 'unlisted' ? industry.divisionName : '',
    },
    region: { code: rules.unit?.regionCode ?? '', township: enterprise.township },
    inspectionDate: inspection?.startedAt.slice(0, 10) ?? null,
    majorHazards: [
      ...new Set(
        live
          .filter((h) => h.level === 'major' && h.criteria)
          .map((h) => `${h.criteria!.checklist}${h.criteria!.article}：${h.criteria!.text}`),
      ),
    ],
    hazards: {
      open: live.filter((h) => h.status === 'open').length,
      rectified: live.filter((h) => h.status === 'rectified').length,
      notRectified: live.filter((h) => h.status === 'not-rectified').length,
    },
    transferred: detail.outcome === 'transfer' || issued(detail, 'transfer-letter').length > 0,
    handlerNames: detail.handlerNames,
  };
  return { detail, facts, sources: sourceValues(facts) };
}

/** Whether a case file's review, with the decisions its legal reviewer last signed, has a veto now. */
async function vetoed(core: CoreState, db: Kysely<DB>, rules: RuleContext, caseId: number): Promise<boolean> {
  const signed = await db
    .selectFrom('caseReviews')
    .select('decisionsJson')
    .where('caseId', '=', caseId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const decisions = signed ? (JSON.parse(signed.decisionsJson) as ReviewDecisions) : { judgements: {}, overruled: {} };
  return (await runReview(core, rules, caseId, decisions)).result.vetoed;
}

/** Why a case may not be written up (decided by this unit, 结案, its review without a veto), or null. */
async function refusalFor(core: CoreState, db: Kysely<DB>, rules: RuleContext, caseId: number) {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'case', id: caseId });
  const [{ summary, record }] = await caseSummaries(core, db, [row]);
  const facts = {
    outcome: summary.outcome,
    procedure: summary.procedure,
    decided: issued(record, ...DECISION_TYPES).length > 0,
    closed: summary.stage === 'closed' || summary.stage === 'archived',
  };
  // The review only when nothing else refuses: it is the costly part.
  return (
    refusalOf({ ...facts, vetoed: null }) ?? refusalOf({ ...facts, vetoed: await vetoed(core, db, rules, caseId) })
  );
}

async function rowOf(db: Kysely<DB>, id: number): Promise<Row> {
  const row = await db.selectFrom('typicalCases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'typicalCase', id });
  return row;
}

const stored = (row: Row) => JSON.parse(row.fieldsJson) as Record<string, string>;
const draftsOf = (row: Row) => JSON.parse(row.draftsJson) as Record<string, string>;

/** A write-up as the screen shows it: a draft's fields as the file drafts them now, unless the clerk changed them. */
export async function getTypicalCase(core: CoreState, rules: RuleContext, id: number): Promise<TypicalCase> {
  const db = core.store.db;
  const row = await rowOf(db, id);
  const current = core.knowledge.typicalCases.fields;
  const { detail, sources } = await factsOf(core, db, rules, row.caseId);
  const draft = row.status === 'draft';
  const kept = stored(row);
  const drafts = draftsOf(row);
  // A final one shows what it froze, a field since taken off the list included.
  const fields: TypicalCaseField[] = draft
    ? current
    : [
        ...current,
        ...Object.keys(kept)
          .filter((k) => !current.some((f) => f.id === k))
          .map((k) => ({ id: k, label: k, labelEn: k, input: 'text' as const, max: 20_000, required: false })),
      ];
  const values = valuesOf(fields, kept, drafts, draft ? sources : null);
  return {
    ...summaryOf(row, detail.caseNo, detail.enterpriseName),
    fields,
    values,
    missing: draft ? missingFields(fields, values) : [],
    drafts: draft ? draftedNow(fields, sources) : {},
    stale: draft
      ? Object.fromEntries(
          staleFields(fields, kept, drafts, sources).map((f) => [f, sources[fields.find((x) => x.id === f)!.draft!]]),
        )
      : {},
  };
}

function summaryOf(row: Row, caseNo: string, enterpriseName: string): TypicalOverview['records'][number] {
  return {
    id: row.id,
    caseId: row.caseId,
    caseNo,
    enterpriseName,
    status: row.status as TypicalCase['status'],
    templateVersion: row.templateVersion,
    pdf: row.pdfSha256 ? { sha256: row.pdfSha256, pages: row.pageCount } : null,
    finalAt: row.finalAt,
    finalBy: row.finalBy,
    sent: row.sentOn ? { on: row.sentOn, by: row.sentBy ?? '', note: row.sentNote } : null,
    package:
      row.packageName && row.packageSha256 && row.packageSm3 && row.packagedAt
        ? { name: row.packageName, sha256: row.packageSha256, sm3: row.packageSm3, at: row.packagedAt }
        : null,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    version: row.version,
  };
}

/** The drafts the file gives now, by drafted field. */
const draftedNow = (fields: TypicalCaseField[], sources: Record<string, string>) =>
  Object.fromEntries(fields.filter((f) => f.draft).map((f) => [f.id, sources[f.draft!]]));

/** Drafts a write-up of a decided case: the drafted fields follow the file until the clerk changes them. */
export async function createTypicalCase(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  caseId: number,
): Promise<TypicalCase> {
  const db = core.store.db;
  const refusal = await refusalFor(core, db, rules, caseId);
  if (refusal) throw refuse(refusal, 'caseId');
  const { fields, version } = core.knowledge.typicalCases;
  const { sources } = await factsOf(core, db, rules, caseId);
  const drafts = draftedNow(fields, sources);
  const at = core.now().toISOString();
  const id = await core.tx(async (trx) => {
    const taken = await trx.selectFrom('typicalCases').select('id').where('caseId', '=', caseId).executeTakeFirst();
    if (taken) throw refuse('typicalCases.rules.exists', 'caseId');
    const row = await trx
      .insertInto('typicalCases')
      .values({
        caseId,
        templateVersion: version,
        fieldsJson: '{}',
        draftsJson: JSON.stringify(drafts),
        status: 'draft',
        createdAt: at,
        createdBy: actor.userName,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    core.record(actor, {
      action: 'typical:create',
      entityType: 'typicalCase',
      entityId: row.id,
      after: { caseId, drafts },
    });
    return row.id;
  });
  return getTypicalCase(core, rules, id);
}

/**
 * Saves what the clerk wrote: never a field from the file, which the file alone changes. A drafted field left as the
 * file drafts it keeps following the file; one changed is the clerk's, against the draft it was changed from.
 */
export async function saveTypicalCase(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  input: { id: number; version: number; values: Record<string, string>; basis: Record<string, string> },
): Promise<TypicalCase> {
  const { fields } = core.knowledge.typicalCases;
  const issues = editIssues(fields, input.values);
  if (issues.length) throw invalid(issues);
  const { caseId } = await rowOf(core.store.db, input.id);
  const { sources } = await factsOf(core, core.store.db, rules, caseId);
  const now = draftedNow(fields, sources);
  await core.tx(async (trx) => {
    const row = await rowOf(trx, input.id);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status !== 'draft') throw refuse('typicalCases.rules.notDraft');
    const before = stored(row);
    const after = { ...before };
    const drafts = draftsOf(row);
    for (const [k, raw] of Object.entries(input.values)) {
      const v = raw.trim();
      after[k] = v;
      if (!Object.hasOwn(now, k)) continue;
      // As the file drafts it now: following the file again. Changed (or kept) on the screen: held against the draft
      // the screen showed, so a file that moved on since is still caught. Never drafted before: against today's.
      if (v === now[k]) drafts[k] = now[k];
      else if (Object.hasOwn(input.basis, k)) drafts[k] = input.basis[k];
      else if (!Object.hasOwn(drafts, k)) drafts[k] = now[k];
    }
    await trx
      .updateTable('typicalCases')
      .set({
        fieldsJson: JSON.stringify(after),
        draftsJson: JSON.stringify(drafts),
        updatedAt: core.now().toISOString(),
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    core.record(actor, {
      action: 'typical:save',
      entityType: 'typicalCase',
      entityId: row.id,
      before,
      after,
    });
  });
  return getTypicalCase(core, rules, input.id);
}

/** The page as it will print; a draft says it is one. */
export async function previewTypicalCase(core: CoreState, rules: RuleContext, id: number): Promise<Buffer> {
  const t = await getTypicalCase(core, rules, id);
  if (t.pdf && t.status !== 'draft') return readFile(core.dataDir, t.pdf.sha256);
  return typicalCasePdf(core, rules, t.fields, t.values, { draft: true });
}

/**
 * Finalises a write-up: every required field filled, no changed draft the file has moved under, the case still
 * qualifying; the fields frozen in as they stand, the PDF rendered and kept.
 */
export async function finalizeTypicalCase(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  input: { id: number; version: number },
): Promise<TypicalCase> {
  const db = core.store.db;
  const t = await getTypicalCase(core, rules, input.id);
  if (t.version !== input.version) throw new AppError('STALE_VERSION');
  if (t.status !== 'draft') throw refuse('typicalCases.rules.notDraft');
  const problems: ValidationIssue[] = [
    ...t.missing.map((f) => ({ path: ['values', f], key: 'validation.required' })),
    ...Object.keys(t.stale).map((f) => ({ path: ['values', f], key: 'typicalCases.rules.fileChanged' })),
  ];
  if (problems.length) throw invalid(problems);
  const refusal = await refusalFor(core, db, rules, t.caseId);
  if (refusal) throw refuse(refusal, 'caseId');
  const { version } = core.knowledge.typicalCases;
  const pdf = await typicalCasePdf(core, rules, t.fields, t.values, { draft: false });
  const hash = storeFile(core.dataDir, pdf);
  await core.tx(async (trx) => {
    const at = core.now().toISOString();
    const changed = await trx
      .updateTable('typicalCases')
      .set({
        status: 'final',
        templateVersion: version,
        fieldsJson: JSON.stringify(t.values),
        // Reopened, a field left as drafted follows the file again; one the clerk changed stays theirs. The drafts of
        // the same reading of the file as the values frozen, never a second one.
        draftsJson: JSON.stringify(t.drafts),
        pdfSha256: hash,
        pageCount: pdfPageCount(pdf),
        finalAt: at,
        finalBy: actor.userName,
        updatedAt: at,
        version: t.version + 1,
      })
      .where('id', '=', t.id)
      .where('version', '=', t.version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION');
    core.record(actor, {
      action: 'typical:finalize',
      entityType: 'typicalCase',
      entityId: t.id,
      after: { pdfSha256: hash, fields: t.values },
    });
  });
  return getTypicalCase(core, rules, t.id);
}

/** Back to a draft, before it was sent: the fields from the file follow the file again, and a package made goes. */
export async function reopenTypicalCase(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  input: { id: number; version: number },
): Promise<TypicalCase> {
  const { fields } = core.knowledge.typicalCases;
  await core.tx(async (trx) => {
    const row = await rowOf(trx, input.id);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status !== 'final')
      throw refuse(row.status === 'sent' ? 'typicalCases.rules.sent' : 'typicalCases.rules.notFinal');
    // The clerk's text stays; what came from the file is read from it again.
    const kept = Object.fromEntries(Object.entries(stored(row)).filter(([k]) => !fields.find((f) => f.id === k)?.from));
    await trx
      .updateTable('typicalCases')
      .set({
        status: 'draft',
        fieldsJson: JSON.stringify(kept),
        pdfSha256: null,
        pageCount: null,
        finalAt: null,
        finalBy: null,
        // A package of the page that is no more is no package of this write-up.
        packageName: null,
        packageSha256: null,
        packageSm3: null,
        packagedAt: null,
        updatedAt: core.now().toISOString(),
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    core.record(actor, { action: 'typical:reopen', entityType: 'typicalCase', entityId: row.id });
  });
  return getTypicalCase(core, rules, input.id);
}

/**
 * Marks a finalised write-up as sent to the ministry, on the day it went (not after today, not before it was final),
 * as the version the clerk sent: one reopened and finalised again since is not the one that went.
 */
export async function markTypicalCaseSent(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  input: { id: number; version: number; on: string; note: string },
): Promise<TypicalCase> {
  await core.tx(async (trx) => {
    const row = await rowOf(trx, input.id);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status === 'sent') throw refuse('typicalCases.rules.sent');
    if (row.status !== 'final') throw refuse('typicalCases.rules.notFinal');
    if (input.on > rules.today) throw refuse('typicalCases.rules.sentInFuture', 'on');
    const finalOn = chinaDate(new Date(row.finalAt!));
    if (input.on < finalOn) throw refuse('typicalCases.rules.sentBeforeFinal', 'on', { final: finalOn });
    await trx
      .updateTable('typicalCases')
      .set({
        status: 'sent',
        sentOn: input.on,
        sentBy: actor.userName,
        sentNote: input.note || null,
        updatedAt: core.now().toISOString(),
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    core.record(actor, {
      action: 'typical:sent',
      entityType: 'typicalCase',
      entityId: row.id,
      after: { on: input.on, note: input.note || null },
    });
  });
  return getTypicalCase(core, rules, input.id);
}

/** The finalised PDF. */
export async function typicalCaseFile(core: CoreState, id: number): Promise<{ name: string; pdf: Buffer }> {
  const row = await rowOf(core.store.db, id);
  if (!row.pdfSha256) throw refuse('typicalCases.rules.notFinal');
  const c = await core.store.db.selectFrom('cases').select('caseNo').where('id', '=', row.caseId).executeTakeFirst();
  return { name: `典型案例-${safe(c?.caseNo ?? String(row.caseId))}.pdf`, pdf: readFile(core.dataDir, row.pdfSha256) };
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

/** How many decided cases the overview reviews for a veto, newest first: enough to choose from, quick to open. */
const CANDIDATES_REVIEWED = 12;

/** What is due under each rule binding the unit, what was sent, and the decided cases that would qualify. */
export async function typicalOverview(core: CoreState, rules: RuleContext): Promise<TypicalOverview> {
  const db = core.store.db;
  const regionCode = rules.unit?.regionCode ?? '';
  const rows = await db.selectFrom('typicalCases').selectAll().orderBy('id', 'desc').execute();
  const cases = await db
    .selectFrom('cases')
    .selectAll()
    .where('outcome', '=', 'penalty')
    .orderBy('id', 'desc')
    .execute();
  const all = await caseSummaries(core, db, cases);
  const byCase = new Map(all.map((c) => [c.summary.id, c]));
  const writeUps = new Map(rows.map((r) => [r.caseId, r.id]));
  // Decided and closed first, newest decision first; only those are reviewed (for a veto), a dozen at most.
  const decided = all
    .map(({ summary, record }) => {
      const decisions = issued(record, ...DECISION_TYPES)
        .map((d) => d.date ?? '')
        .sort();
      return { summary, record, decidedOn: decisions.at(-1) ?? '' };
    })
    .filter((c) => c.decidedOn)
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.summary.id - a.summary.id);
  const candidates: TypicalCandidate[] = [];
  let reviewed = 0;
  for (const c of decided) {
    if (candidates.length >= CANDIDATES_REVIEWED * 2) break;
    const facts = {
      outcome: c.summary.outcome,
      procedure: c.summary.procedure,
      decided: true,
      closed: c.summary.stage === 'closed' || c.summary.stage === 'archived',
    };
    let refusal = refusalOf({ ...facts, vetoed: null });
    if (!refusal && !writeUps.has(c.summary.id)) {
      if (reviewed >= CANDIDATES_REVIEWED) continue;
      reviewed++;
      refusal = refusalOf({ ...facts, vetoed: await vetoed(core, db, rules, c.summary.id) });
    }
    candidates.push({
      caseId: c.summary.id,
      caseNo: c.summary.caseNo,
      enterpriseName: c.summary.enterpriseName,
      cause: c.summary.cause,
      decidedOn: c.decidedOn,
      totalFine: c.summary.totalFine,
      typicalCaseId: writeUps.get(c.summary.id) ?? null,
      refusal,
    });
  }
  const titles: Record<number, string> = {};
  const records = rows.map((r) => {
    const s = byCase.get(r.caseId)?.summary;
    titles[r.id] = stored(r).title ?? '';
    return summaryOf(r, s?.caseNo ?? '', s?.enterpriseName ?? '');
  });
  return {
    level: unitLevel(regionCode),
    periods: schedulePeriods(
      rulesFor(core.knowledge.typicalCases.schedule, regionCode),
      rules.today,
      rows.flatMap((r) => (r.sentOn ? [r.sentOn] : [])),
    ),
    candidates,
    records,
    titles,
  };
}

/**
 * A package of one write-up: its record and PDF with the case it writes up — the case, its enterprise, its handlers,
 * its events, documents (with their PDFs), services and reviews — verifiable as any package (references to records it
 * does not carry, such as the inspection, are left to the full package).
 */
export async function packageTypicalCase(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  id: number,
): Promise<ExportSummary> {
  const db = core.store.db;
  const row = await rowOf(db, id);
  if (row.status === 'draft') throw refuse('typicalCases.rules.notFinal');
  const unit = await getUnit(db);
  if (!unit) throw invalid([{ path: ['unit'], key: 'exports.rules.noUnit' }]);
  const data = await readPackageData(db);
  const c = data.records.cases.find((x) => x.id === row.caseId)!;
  const docs = new Set(data.records.documents.filter((d) => d.caseId === c.id).map((d) => d.id));
  type Line = { id: number; caseId?: number | null; documentId?: number };
  const keep: Record<RecordEntity, (r: Line) => boolean> = {
    enterprises: (r) => r.id === c.enterpriseId,
    officers: (r) => (c.handlerIds as number[]).includes(r.id),
    inspections: () => false,
    hazards: () => false,
    cases: (r) => r.id === c.id,
    caseEvents: (r) => r.caseId === c.id,
    documents: (r) => docs.has(r.id),
    services: (r) => docs.has(r.documentId!),
    reviews: (r) => r.caseId === c.id,
    typicalCases: (r) => r.id === row.id,
    // The plan's inputs: the full package carries them.
    absences: () => false,
    accidents: () => false,
    plans: () => false,
    draws: () => false,
  };
  const index = new PackageIndex();
  const sources: PackageSource[] = [];
  const counts: Record<string, number> = {};
  const problems: PackageProblem[] = [];
  for (const entity of Object.keys(RECORD_SCHEMAS) as RecordEntity[]) {
    const lines = (data.records[entity] as Line[]).filter(keep[entity]).map((r) => JSON.stringify(r));
    lines.forEach((text, i) => {
      const p = index.line(DATA_FILES[entity], i + 1, text);
      if (p) problems.push(p);
    });
    counts[entity] = lines.length;
    sources.push({ path: DATA_FILES[entity], data: Buffer.from(lines.map((l) => `${l}\n`).join('')) });
  }
  const stored = new Map<string, string>();
  for (const [at, hash] of [...index.named()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!fs.existsSync(filePath(core.dataDir, hash))) problems.push({ code: 'reference-missing' as const, path: at });
    sources.push({ path: at, file: filePath(core.dataDir, hash) });
    stored.set(at, hash);
  }
  // What the receiving side checks, checked here first: the package must pass its own verification.
  const files = new Map<string, { sha256: string }>(Object.values(DATA_FILES).map((p) => [p, { sha256: '' }]));
  for (const [at, hash] of stored) if (fs.existsSync(filePath(core.dataDir, hash))) files.set(at, { sha256: hash });
  problems.push(...index.missing(files, counts, { partial: TYPICAL_CASE_ELSEWHERE }));
  if (problems.length)
    throw new AppError('EXPORT_BLOCKED', { problems: problems.slice(0, 200), count: problems.length });
  const { head, asOf } = await recordHead(db, rules.today);
  const dir = exportsDir(core.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = await freeName(db, dir, `典型案例_${unit.regionCode}_${safe(c.caseNo ?? String(c.id))}_${rules.today}`);
  const target = path.join(dir, name);
  try {
    return await underIntent(target, async () => {
      const { manifest, digests } = await writePackage(
        target,
        sources,
        {
          format: PACKAGE_FORMAT,
          formatVersion: PACKAGE_FORMAT_VERSION,
          kind: 'typical-case',
          unit: { agencyName: unit.agencyName, regionCode: unit.regionCode },
          period: { from: null, to: asOf },
          appVersion: core.version,
          auditHead: head,
          base: null,
          removed: {},
          counts,
          overrides: [],
        },
        { expect: stored },
      ).catch((e: unknown) => {
        // A stored PDF or scan no longer the bytes its record names: said as the file, not as a failure of the app.
        if (e instanceof StoredFileChanged)
          throw new AppError('EXPORT_BLOCKED', { problems: [{ code: 'sha256-mismatch', path: e.path }], count: 1 });
        throw e;
      });
      try {
        await core.tx(async (trx) => {
          // Of the write-up as it was read: one reopened meanwhile is not what this package holds.
          const changed = await trx
            .updateTable('typicalCases')
            .set({
              packageName: name,
              packageSha256: digests.sha256,
              packageSm3: digests.sm3,
              packagedAt: core.now().toISOString(),
            })
            .where('id', '=', row.id)
            .where('version', '=', row.version)
            .where('status', '!=', 'draft')
            .executeTakeFirst();
          if (Number(changed.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION');
          // An export: not a change of the record, so the next package's record head stays where it was.
          core.record(actor, {
            action: 'exports:typical-case',
            entityType: 'typicalCase',
            entityId: row.id,
            after: { name, bytes: digests.bytes, sha256: digests.sha256, sm3: digests.sm3, counts },
          });
        });
      } catch (e) {
        fs.rmSync(target, { force: true });
        throw e;
      }
      return { id: row.id, name, bytes: digests.bytes, sha256: digests.sha256, sm3: digests.sm3, manifest };
    });
  } finally {
    releaseName(target);
  }
}
