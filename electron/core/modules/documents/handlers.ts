import { type Kysely, sql } from 'kysely';
import { documentDateOf } from '../../../../shared/documents/registry.ts';
import { tooLongIn } from '../../../../shared/documents/limits.ts';
import { missingGlyphs } from '../../documents/glyphs.ts';
import { AppError, type ValidationIssue } from '../../../../shared/base/errors.ts';
import type { DocumentDetail, DocumentSummary } from '../../../../shared/entities/document.ts';
import { assertVersion, type CoreState, type HandlerGroup } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { readFile, storeFile } from '../../files.ts';
import { download } from '../files.ts';
import { caseRow, refuseIfArchived } from '../cases/repository.ts';
import {
  buildSpec,
  correctionOf,
  currentFields,
  type DocumentRow,
  fontSetFor,
  issue,
  issueReadiness,
  parseFields,
  prefillSource,
  proposedNumber,
  sourceOf,
  typeOf,
  withRecord,
} from './service.ts';
import type { RuleContext } from '../../rules.ts';

async function rowOrThrow(db: Kysely<DB>, id: number): Promise<DocumentRow> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'document', id });
  return row;
}

async function summaries(core: CoreState, db: Kysely<DB>, rows: DocumentRow[]): Promise<DocumentSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [enterprises, successors, services] = await Promise.all([
    db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        rows.map((r) => r.enterpriseId ?? 0),
      )
      .execute(),
    db.selectFrom('documents').select(['id', 'supersedesId']).where('supersedesId', 'in', ids).execute(),
    db.selectFrom('documentServices').select('documentId').distinct().where('documentId', 'in', ids).execute(),
  ]);
  const names = new Map(enterprises.map((e) => [e.id, e.name]));
  const successor = new Map(successors.map((s) => [s.supersedesId!, s.id]));
  const served = new Set(services.map((s) => s.documentId));
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    typeName: core.catalogue.byId.get(r.type)?.name ?? r.type,
    status: r.status as DocumentSummary['status'],
    numberText: r.numberText,
    date: r.documentDate,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null,
    inspectionId: r.inspectionId,
    caseId: r.caseId,
    issuedAt: r.issuedAt,
    issuedBy: r.issuedBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    supersedesId: r.supersedesId,
    supersededById: successor.get(r.id) ?? null,
    served: served.has(r.id),
    hasScan: !!r.scanSha256,
  }));
}

/** A document as the editor shows it: a draft with what the record decides as it stands now. */
async function detail(core: CoreState, db: Kysely<DB>, id: number, rc?: RuleContext): Promise<DocumentDetail> {
  const row = await rowOrThrow(db, id);
  const [summary] = await summaries(core, db, [row]);
  const fields = rc && row.status === 'draft' ? await currentFields(core, db, rc, row) : JSON.parse(row.fieldsJson);
  const services = await db
    .selectFrom('documentServices')
    .selectAll()
    .where('documentId', '=', id)
    .orderBy('id')
    .execute();
  const officers = new Map(
    (await db.selectFrom('officers').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
  );
  return {
    ...summary,
    fields,
    correctionReason: row.correctionReason,
    voidReason: row.voidReason,
    pdfSha256: row.pdfSha256,
    scanName: row.scanName,
    services: services.map((s) => ({
      id: s.id,
      method: s.method,
      servedAt: s.servedAt,
      place: s.place,
      recipient: s.recipient,
      refused: s.refused === 1,
      witness: s.witness,
      officerNames: (JSON.parse(s.officerIdsJson) as number[]).map((i) => officers.get(i) ?? String(i)),
      note: s.note,
      createdAt: s.createdAt,
      createdBy: s.createdBy,
    })),
  };
}

function requireStatus(row: DocumentRow, status: DocumentRow['status']): void {
  if (row.status !== status)
    throw new AppError(status === 'draft' ? 'DOCUMENT_FROZEN' : 'DOCUMENT_NOT_ISSUED', { status: row.status });
}

export const documentHandlers: HandlerGroup<'documents'> = {
  async 'documents:catalogue'(_input, { core }) {
    return core.catalogue.types;
  },
  async 'documents:list'(
    { inspectionId, caseId, enterpriseId, status, type, from, to, sort, order, page, pageSize },
    { core },
  ) {
    let q = core.store.db.selectFrom('documents');
    // An inspection's own documents: those of a case opened from it are the case's, listed on the case.
    if (inspectionId) q = q.where('inspectionId', '=', inspectionId).where('caseId', 'is', null);
    if (caseId) q = q.where('caseId', '=', caseId);
    if (enterpriseId) q = q.where('enterpriseId', '=', enterpriseId);
    if (status) q = q.where('status', '=', status);
    if (type) q = q.where('type', '=', type);
    // By the date the document bears: a draft not dated yet falls outside any range.
    if (from) q = q.where('documentDate', '>=', from);
    if (to) q = q.where('documentDate', '<=', to);
    // Undated drafts sort after the dated ones either way: they are not "earliest" or "latest" of anything.
    const ordered =
      sort === 'date'
        ? q
            .orderBy(sql`document_date IS NULL`)
            .orderBy('documentDate', order)
            .orderBy('id', order)
        : q.orderBy('updatedAt', order).orderBy('id', order);
    const [rows, { n }] = await Promise.all([
      ordered
        .selectAll()
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await summaries(core, core.store.db, rows), total: Number(n) };
  },
  async 'documents:get'({ id }, { core, rules }) {
    return detail(core, core.store.db, id, rules);
  },
  async 'documents:check'({ id }, { core, rules }) {
    const row = await rowOrThrow(core.store.db, id);
    requireStatus(row, 'draft');
    const { t, fields, issues } = await issueReadiness(core, rules, row);
    if (issues.length) return { issues, number: null };
    try {
      return { issues, number: proposedNumber(core, rules, t, row, fields as Record<string, unknown>) };
    } catch (e) {
      // A 当场处罚 form's printed number already used: said now, not after the clerk confirmed.
      const listed =
        e instanceof AppError ? (e.details as { issues?: ValidationIssue[] } | undefined)?.issues : undefined;
      if (listed) return { issues: listed, number: null };
      throw e;
    }
  },
  async 'documents:create'({ type, inspectionId, enterpriseId, caseId, party }, { core, actor, rules }) {
    const t = typeOf(core, type);
    // A case's documents take the case's enterprise and inspection; a case-stage form is made within a case.
    const kase = caseId ? await caseRow(core.store.db, caseId) : null;
    if (t.type.stage === 'case' && !kase)
      throw new AppError('VALIDATION', { issues: [{ path: ['caseId'], key: 'cases.rules.notCaseDocument' }] });
    const refs = kase
      ? { enterpriseId: kase.enterpriseId, inspectionId: kase.inspectionId, caseId: kase.id, party }
      : { enterpriseId: enterpriseId ?? null, inspectionId: inspectionId ?? null };
    const src = await prefillSource(core, core.store.db, rules, refs);
    if (src.case?.detail.archived)
      throw new AppError('VALIDATION', { issues: [{ path: ['case'], key: 'cases.rules.archived' }] });
    const fields = withRecord(t.template, src, t.template.prefill(src));
    const at = core.now().toISOString();
    return core.tx(async (trx) => {
      const { id } = await trx
        .insertInto('documents')
        .values({
          type,
          status: 'draft',
          enterpriseId: src.enterprise?.id ?? null,
          inspectionId: refs.inspectionId,
          caseId: kase?.id ?? null,
          fieldsJson: JSON.stringify(fields),
          documentDate: documentDateOf(type, fields),
          createdAt: at,
          createdBy: actor.userName,
          updatedAt: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      core.record(actor, { action: 'documents:create', entityType: 'document', entityId: id, after: { type, fields } });
      return detail(core, trx, id);
    });
  },
  async 'documents:save'({ id, version, fields: typed }, { core, actor, rules }) {
    // What the record decides is laid over what was typed: a read-only field sent changed changes nothing.
    const before = await rowOrThrow(core.store.db, id);
    const t = typeOf(core, before.type);
    const fields = t.template.fromRecord
      ? withRecord(t.template, await sourceOf(core, core.store.db, rules, before, typed), typed)
      : typed;
    return core.tx(async (trx) => {
      const row = await rowOrThrow(trx, id);
      requireStatus(row, 'draft');
      assertVersion(row, version);
      const tooLong = tooLongIn(t.template, fields);
      if (tooLong.length) throw new AppError('VALIDATION', { issues: tooLong });
      await trx
        .updateTable('documents')
        .set({
          fieldsJson: JSON.stringify(fields),
          documentDate: documentDateOf(row.type, fields),
          updatedAt: core.now().toISOString(),
          version: version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .execute();
      core.record(actor, {
        action: 'documents:save',
        entityType: 'document',
        entityId: id,
        before: JSON.parse(row.fieldsJson),
        after: fields,
      });
      return detail(core, trx, id);
    });
  },
  async 'documents:preview'({ id }, { core, rules }) {
    const row = await rowOrThrow(core.store.db, id);
    if (row.status !== 'draft' && row.pdfSha256)
      return download(`${row.numberText ?? row.type}.pdf`, readFile(core.dataDir, row.pdfSha256));
    const t = typeOf(core, row.type);
    const fields = parseFields(t.template, await currentFields(core, core.store.db, rules, row));
    const pdf = await core.render(
      buildSpec(core, rules, t, fields, {
        numberText: null,
        draft: true,
        correction: await correctionOf(core.store.db, row),
      }),
    );
    return download(`${t.type.name}（草稿）.pdf`, pdf);
  },
  async 'documents:issue'({ id, version }, { core, actor, rules }) {
    const row = await rowOrThrow(core.store.db, id);
    requireStatus(row, 'draft');
    assertVersion(row, version);
    await issue(core, rules, row, actor);
    return detail(core, core.store.db, id);
  },
  async 'documents:pdf'({ id }, { core }) {
    const row = await rowOrThrow(core.store.db, id);
    if (!row.pdfSha256) throw new AppError('NOT_FOUND', { entity: 'pdf', id });
    const name = core.catalogue.byId.get(row.type)?.name ?? row.type;
    return download(`${name}_${row.numberText ?? row.id}.pdf`, readFile(core.dataDir, row.pdfSha256));
  },
  async 'documents:void'({ id, reason }, { core, actor }) {
    return core.tx(async (trx) => {
      const row = await rowOrThrow(trx, id);
      requireStatus(row, 'issued');
      await refuseIfArchived(trx, row.caseId);
      await trx
        .updateTable('documents')
        .set({ status: 'voided', voidReason: reason, updatedAt: core.now().toISOString(), version: row.version + 1 })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('documentNumbers')
        .set({ status: 'voided', reason })
        .where('series', '=', row.numberSeries!)
        .where('year', '=', row.numberYear!)
        .where('serial', '=', row.numberSerial!)
        .execute();
      core.record(actor, {
        action: 'documents:void',
        entityType: 'document',
        entityId: id,
        after: { numberText: row.numberText, reason },
      });
      return detail(core, trx, id);
    });
  },
  async 'documents:serve'({ id, service }, { core, actor, rules }) {
    return core.tx(async (trx) => {
      const row = await rowOrThrow(trx, id);
      requireStatus(row, 'issued');
      await refuseIfArchived(trx, row.caseId);
      // Served on or after the day the document bears, and not on a day still to come.
      const day = service.servedAt.slice(0, 10);
      const dated = documentDateOf(row.type, JSON.parse(row.fieldsJson) as Record<string, unknown>);
      if (day > rules.today)
        throw new AppError('VALIDATION', {
          issues: [{ path: ['service', 'servedAt'], key: 'documents.rules.servedInFuture' }],
        });
      if (dated && day < dated)
        throw new AppError('VALIDATION', {
          issues: [{ path: ['service', 'servedAt'], key: 'documents.rules.servedBeforeDate', params: { date: dated } }],
        });
      await trx
        .insertInto('documentServices')
        .values({
          documentId: id,
          method: service.method,
          servedAt: service.servedAt,
          place: service.place,
          recipient: service.recipient,
          refused: service.refused ? 1 : 0,
          witness: service.witness,
          officerIdsJson: JSON.stringify(service.officerIds),
          note: service.note,
          createdAt: core.now().toISOString(),
          createdBy: actor.userName,
        })
        .execute();
      core.record(actor, { action: 'documents:serve', entityType: 'document', entityId: id, after: service });
      return detail(core, trx, id);
    });
  },
  async 'documents:correct'({ id, reason }, { core, actor }) {
    return core.tx(async (trx) => {
      const row = await rowOrThrow(trx, id);
      requireStatus(row, 'issued');
      await refuseIfArchived(trx, row.caseId);
      // One correction per document: a second would leave two drafts each claiming to replace it.
      const existing = await trx.selectFrom('documents').select('id').where('supersedesId', '=', id).executeTakeFirst();
      if (existing) throw new AppError('DOCUMENT_ALREADY_CORRECTED', { id: existing.id });
      const at = core.now().toISOString();
      const { id: newId } = await trx
        .insertInto('documents')
        .values({
          type: row.type,
          status: 'draft',
          enterpriseId: row.enterpriseId,
          inspectionId: row.inspectionId,
          caseId: row.caseId,
          fieldsJson: row.fieldsJson,
          documentDate: row.documentDate,
          supersedesId: id,
          correctionReason: reason,
          createdAt: at,
          createdBy: actor.userName,
          updatedAt: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      core.record(actor, {
        action: 'documents:correct',
        entityType: 'document',
        entityId: newId,
        after: { supersedes: id, numberText: row.numberText, reason },
      });
      return detail(core, trx, newId);
    });
  },
  async 'documents:attach-scan'({ id, file }, { core, actor }) {
    const hash = storeFile(core.dataDir, Buffer.from(file.dataBase64, 'base64'));
    return core.tx(async (trx) => {
      const row = await rowOrThrow(trx, id);
      requireStatus(row, 'issued');
      await refuseIfArchived(trx, row.caseId);
      // The database keeps the first scan too (a trigger); this says so in words.
      if (row.scanSha256 && row.scanSha256 !== hash) throw new AppError('DOCUMENT_SCAN_ATTACHED');
      await trx
        .updateTable('documents')
        .set({ scanSha256: hash, scanName: file.fileName })
        .where('id', '=', id)
        .execute();
      core.record(actor, {
        action: 'documents:attach-scan',
        entityType: 'document',
        entityId: id,
        after: { scanSha256: hash, scanName: file.fileName },
      });
      return detail(core, trx, id);
    });
  },
  async 'documents:missing-glyphs'({ text }, { core, rules }) {
    // The fonts the unit's documents print with: the bundled ones, or those the admin chose.
    return missingGlyphs(fontSetFor(core, rules.settings.fontOverrides), text);
  },
  async 'documents:blank'({ type }, { core, rules }) {
    const t = typeOf(core, type);
    const fields = t.template.prefill(
      await prefillSource(core, core.store.db, rules, { enterpriseId: null, inspectionId: null }),
    ) as Record<string, unknown>;
    const pdf = await core.render(buildSpec(core, rules, t, fields, { numberText: null, draft: false, blank: true }));
    return download(`${t.type.name}（空白）.pdf`, pdf);
  },
};
