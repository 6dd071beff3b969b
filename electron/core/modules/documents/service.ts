import type { Selectable } from 'kysely';
import { AppError, validationError } from '../../../../shared/base/errors.ts';
import { draftNumber, formatDocumentNumber, numberSeries } from '../../../../shared/domain/document-number.ts';
import { recusalIssues } from '../../../../shared/domain/case-measures.ts';
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentSpec, FontSet } from '../../../../shared/documents/layout.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { UnitProfile } from '../../../../shared/entities/unit.ts';
import { documentDateOf, TEMPLATES } from '../../../../shared/documents/registry.ts';
import type { DocumentTemplate, PrefillSource } from '../../../../shared/documents/template.ts';
import type { DocumentType } from '../../../../shared/entities/document.ts';
import type { PartyKey } from '../../../../shared/entities/case.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import type { DocumentsTable } from '../../db/schema.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { loadFontSet } from '../../documents/fonts.ts';
import { storeFile } from '../../files.ts';
import { readSettings } from '../settings/repository.ts';
import { findById as findEnterprise, toEnterprise } from '../enterprises/repository.ts';
import { findInspection } from '../inspections/handlers.ts';
import { listHazards } from '../hazards/handlers.ts';
import { toOfficer } from '../officers/handlers.ts';
import { getUnit } from '../unit/repository.ts';
import { caseDetail, caseRules } from '../cases/repository.ts';

export type DocumentRow = Selectable<DocumentsTable>;

export function typeOf(core: CoreState, type: string): { type: DocumentType; template: DocumentTemplate } {
  const t = core.catalogue.byId.get(type);
  const template = TEMPLATES[type];
  if (!t || !template)
    throw new AppError('VALIDATION', { issues: [{ path: ['type'], key: 'validation.document.unknownType' }] });
  return { type: t, template };
}

/** The unit profile and the settings every page needs, read once per request. */
export interface PageContext {
  unit: UnitProfile;
  settings: Settings;
}
export async function pageContext(core: CoreState): Promise<PageContext> {
  const [unit, settings] = await Promise.all([getUnit(core.store.db), readSettings(core.store.db)]);
  if (!unit) throw new AppError('SETUP_REQUIRED');
  return { unit, settings };
}

/** Everything a template may draw on: the unit, the enterprise, the inspection, the roster. */
export async function prefillSource(
  core: CoreState,
  page: PageContext,
  refs: { enterpriseId: number | null; inspectionId: number | null; caseId?: number | null; party?: PartyKey },
): Promise<PrefillSource> {
  const db = core.store.db;
  const {
    unit,
    settings: { certExpiryWarningDays },
  } = page;
  const cr = refs.caseId ? await caseRules(core) : null;
  const detail = refs.caseId && cr ? await caseDetail(core, db, refs.caseId, cr) : null;
  const inspection = refs.inspectionId ? await findInspection(db, refs.inspectionId) : null;
  if (refs.inspectionId && !inspection)
    throw new AppError('NOT_FOUND', { entity: 'inspection', id: refs.inspectionId });
  const enterpriseId = inspection?.enterpriseId ?? refs.enterpriseId;
  const enterpriseRow = enterpriseId ? await findEnterprise(db, enterpriseId) : undefined;
  const roster = (await db.selectFrom('officers').selectAll().execute()).map((r) =>
    toOfficer(r, core.today(), certExpiryWarningDays),
  );
  // A 复查 works on the hazards and the order of the inspection it re-checks.
  const hazardSource = inspection?.recheckOf ?? inspection?.id ?? null;
  const hazards = hazardSource ? await listHazards(core, { inspectionId: hazardSource }) : [];
  const order = hazardSource
    ? await db
        .selectFrom('documents')
        .select(['numberText', 'fieldsJson'])
        .where('inspectionId', '=', hazardSource)
        .where('type', '=', 'rectification-order')
        .where('status', '=', 'issued')
        .orderBy('id', 'desc')
        .executeTakeFirst()
    : undefined;
  const orderFields = order
    ? (JSON.parse(order.fieldsJson) as { date: string; items: { text: string; deadline: string }[] })
    : null;
  // A case's 送达回执 lists the case's documents; an inspection's, the inspection's.
  const issuedRows =
    refs.caseId || inspection
      ? await db
          .selectFrom('documents')
          .select(['id', 'type', 'numberText'])
          .where(refs.caseId ? 'caseId' : 'inspectionId', '=', refs.caseId ?? inspection!.id)
          .where('status', '=', 'issued')
          .where('numberText', 'is not', null)
          .orderBy('id')
          .execute()
      : [];
  const services = issuedRows.length
    ? await db
        .selectFrom('documentServices')
        .selectAll()
        .where(
          'documentId',
          'in',
          issuedRows.map((d) => d.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const issued = issuedRows.map((d) => {
    const t = core.catalogue.byId.get(d.type);
    const s = services.filter((x) => x.documentId === d.id).at(-1);
    return {
      type: d.type,
      name: t?.name ?? d.type,
      numberText: d.numberText!,
      internal: t?.internal ?? false,
      service: s
        ? {
            method: s.method,
            servedOn: s.servedAt.slice(0, 10),
            place: s.place,
            refused: s.refused === 1,
            witness: s.witness,
            officers: (JSON.parse(s.officerIdsJson) as number[])
              .map((i) => roster.find((o) => o.id === i)?.name ?? '')
              .filter(Boolean),
          }
        : null,
    };
  });
  return {
    today: core.today(),
    unit,
    enterprise: enterpriseRow ? toEnterprise(enterpriseRow, core.knowledge) : null,
    inspection,
    roster,
    hazards,
    issued,
    originalOrder:
      order && orderFields ? { numberText: order.numberText!, date: orderFields.date, items: orderFields.items } : null,
    case:
      detail && cr
        ? {
            detail,
            periods: core.knowledge.periods,
            cal: cr.cal,
            rules: cr.rules,
            settings: cr.settings,
            party: refs.party ?? 'unit',
          }
        : null,
  };
}

/** The font set with an admin's installed fonts, built once per distinct choice rather than per render. */
const overriddenFonts = new Map<string, FontSet>();
export function fontSetFor(core: CoreState, overrides: Settings['fontOverrides']): FontSet {
  if (!Object.keys(overrides).length) return core.fonts;
  const key = `${core.resourcesDir}|${JSON.stringify(overrides)}`;
  let set = overriddenFonts.get(key);
  if (!set) overriddenFonts.set(key, (set = loadFontSet(core.resourcesDir, overrides)));
  return set;
}

/** Fields a template accepts, or a VALIDATION error whose paths point into the document's fields. */
export function parseFields(template: DocumentTemplate, fields: unknown): Record<string, unknown> {
  const parsed = template.fields.safeParse(fields);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data as Record<string, unknown>;
}

/** The page as it will print: header, title, number (or the blanks of a draft), body, copies note. */
export function buildSpec(
  core: CoreState,
  page: PageContext,
  t: { type: DocumentType; template: DocumentTemplate },
  fields: Record<string, unknown>,
  opts: {
    numberText: string | null;
    draft: boolean;
    blank?: boolean;
    correction?: { numberText: string | null; reason: string } | null;
  },
): DocumentSpec {
  const {
    unit,
    settings: { documentLayout, fontOverrides },
  } = page;
  const fonts = fontSetFor(core, fontOverrides);
  // Named checks first: a clerk's field, or the unit profile an admin typed, rather than "the template".
  checkFieldGlyphs(fonts, unit, ['unit']);
  if (!opts.blank) checkFieldGlyphs(fonts, fields, ['fields']);
  // A pre-numbered sheet carries its printed number where the others carry the assigned one.
  const preNumber = t.template.preNumbered?.(fields as never);
  const numberLine = t.template.preNumbered
    ? `No. ${preNumber || '　　　　'}`
    : t.type.code
      ? (opts.numberText ?? draftNumber(unit.numberPrefix, t.type.code))
      : '';
  return {
    geometry: documentLayout,
    header: `${unit.agencyName}${core.catalogue.header}`,
    title: t.type.name,
    numberLine,
    content: [
      // A correction says on paper which document it replaces and why.
      ...(opts.correction
        ? [
            {
              text: `本文书更正${opts.correction.numberText ?? '原文书'}，原文书同时作废。更正原因：${opts.correction.reason}`,
              fontSize: 11,
              margin: [0, 0, 0, 6],
            } as Content,
          ]
        : []),
      ...t.template.body(fields as never, { fonts, unit, blank: !!opts.blank }),
    ],
    copiesNote: t.type.copies,
    // The demo county's printouts say so on every page; a draft says it is one.
    watermark: core.workspace === 'demo' ? '演示数据' : opts.draft ? '草　稿' : null,
    continuationLabel: `${t.type.name}（续页）`,
    fonts,
  };
}

export async function correctionOf(
  core: CoreState,
  doc: DocumentRow,
): Promise<{ numberText: string | null; reason: string } | null> {
  if (!doc.supersedesId) return null;
  const old = await core.store.db
    .selectFrom('documents')
    .select('numberText')
    .where('id', '=', doc.supersedesId)
    .executeTakeFirst();
  return { numberText: old?.numberText ?? null, reason: doc.correctionReason ?? '' };
}

/**
 * Issuing: render with the next free number, then in one IMMEDIATE transaction claim the number
 * (UNIQUE), store the PDF hash and freeze the document. If another process took the number while
 * this one rendered, take the next and render again: numbers are never skipped, never reused.
 */
export async function issue(core: CoreState, doc: DocumentRow, actor: AuditActor): Promise<void> {
  const t = typeOf(core, doc.type);
  const page = await pageContext(core);
  const found = await prefillSource(core, page, {
    enterpriseId: doc.enterpriseId,
    inspectionId: doc.inspectionId,
    caseId: doc.caseId,
  });
  // A correction is checked against the case as it will stand: without the document it replaces.
  const src =
    found.case && doc.supersedesId
      ? {
          ...found,
          case: {
            ...found.case,
            detail: {
              ...found.case.detail,
              documents: found.case.detail.documents.filter((d) => d.id !== doc.supersedesId),
            },
          },
        }
      : found;
  if (src.case?.detail.archived)
    throw new AppError('VALIDATION', { issues: [{ path: ['case'], key: 'cases.rules.archived' }] });
  const fields = parseFields(t.template, JSON.parse(doc.fieldsJson));
  const problems = t.template.issueChecks(fields as never, src);
  // 回避 holds for every document of the case, whatever its type.
  if (src.case) problems.push(...recusalIssues(src.case.detail, fields as Record<string, unknown>));
  const date = documentDateOf(doc.type, fields) ?? '';
  // A document cannot bear a date still to come; its number takes the year it is issued in.
  if (date > core.today()) problems.push({ path: ['date'], key: 'documents.rules.dateInFuture', params: { date } });
  if (problems.length)
    throw new AppError('DOCUMENT_NOT_ISSUABLE', {
      issues: problems.map((p) => ({ ...p, path: ['fields', ...p.path] })),
    });
  const correction = await correctionOf(core, doc);
  if (t.template.preNumbered)
    return issuePreNumbered(core, page, t, doc, fields, t.template.preNumbered(fields as never), {
      actor,
      date,
      correction,
    });
  const year = Number(core.today().slice(0, 4));
  const series = numberSeries(doc.type, t.type.code, page.settings.numberingScheme, doc.caseId);
  const raw = core.store.raw;
  // Past the highest number used, and past any floor a restore left (numbers used before it stay unused).
  const next =
    raw.prepare(`SELECT MAX(COALESCE((SELECT MAX(serial) FROM document_numbers WHERE series = @series AND year = @year), 0),
    COALESCE((SELECT floor FROM document_number_floors WHERE series = @series AND year = @year), 0)) + 1 AS n`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const serial = (next.get({ series, year }) as { n: number }).n;
    const numberText = t.type.code ? formatDocumentNumber(src.unit.numberPrefix, t.type.code, year, serial) : null;
    let pdf: Buffer;
    try {
      pdf = await core.render(buildSpec(core, page, t, fields, { numberText, draft: false, correction }));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('RENDER_FAILED');
    }
    const hash = storeFile(core.dataDir, pdf);
    const at = core.now().toISOString();
    // Holding kysely's connection keeps other requests of this process out of the transaction.
    const claimed = await core.store.db.connection().execute(async () => {
      try {
        raw
          .transaction(() => {
            raw
              .prepare(
                `INSERT INTO document_numbers (series, year, serial, document_id, status, assigned_at, assigned_by) VALUES (?, ?, ?, ?, 'used', ?, ?)`,
              )
              .run(series, year, serial, doc.id, at, actor.userName);
            const changed = raw
              .prepare(
                `UPDATE documents SET status = 'issued', number_series = ?, number_year = ?, number_serial = ?, number_text = ?,
            pdf_sha256 = ?, issued_at = ?, issued_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'draft' AND version = ?`,
              )
              .run(series, year, serial, numberText, hash, at, actor.userName, at, doc.id, doc.version).changes;
            if (changed !== 1) throw new AppError('STALE_VERSION');
            core.record(actor, {
              action: 'documents:issue',
              entityType: 'document',
              entityId: doc.id,
              after: { type: doc.type, numberText, pdfSha256: hash, date },
            });
          })
          .immediate();
        return true;
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        // Taken by another process meanwhile: try the next number. A writer that kept the lock past the wait is no
        // reason to burn numbers (and renders): the caller is told plainly, nothing claimed.
        if (code.startsWith('SQLITE_BUSY')) throw new AppError('DB_BUSY');
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw e;
      }
    });
    if (claimed) return;
  }
  throw new AppError('RENDER_FAILED', { reason: 'numbering' });
}

/**
 * A pre-numbered form (当场处罚决定书) bears the number printed on the sheet. It is claimed like an
 * assigned number, in a series of its own that spans the years (a print run does not restart in
 * January), so the database refuses a sheet number used twice, whether issued or voided.
 */
async function issuePreNumbered(
  core: CoreState,
  page: PageContext,
  t: { type: DocumentType; template: DocumentTemplate },
  doc: DocumentRow,
  fields: Record<string, unknown>,
  numberText: string,
  opts: { actor: AuditActor; date: string; correction: { numberText: string | null; reason: string } | null },
): Promise<void> {
  const series = `preprinted:${t.type.code ?? t.type.id}`;
  const serial = Number(numberText);
  const raw = core.store.raw;
  const refuse = () =>
    new AppError('DOCUMENT_NOT_ISSUABLE', {
      issues: [{ path: ['fields', 'formNo'], key: 'documents.rules.formNoUsed', params: { formNo: numberText } }],
    });
  if (raw.prepare('SELECT 1 FROM document_numbers WHERE series = ? AND year = 0 AND serial = ?').get(series, serial))
    throw refuse();
  let pdf: Buffer;
  try {
    pdf = await core.render(
      buildSpec(core, page, t, fields, { numberText, draft: false, correction: opts.correction }),
    );
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('RENDER_FAILED');
  }
  const hash = storeFile(core.dataDir, pdf);
  const at = core.now().toISOString();
  await core.store.db.connection().execute(async () => {
    try {
      raw
        .transaction(() => {
          raw
            .prepare(
              `INSERT INTO document_numbers (series, year, serial, document_id, status, assigned_at, assigned_by) VALUES (?, 0, ?, ?, 'used', ?, ?)`,
            )
            .run(series, serial, doc.id, at, opts.actor.userName);
          const changed = raw
            .prepare(
              `UPDATE documents SET status = 'issued', number_series = ?, number_year = 0, number_serial = ?, number_text = ?, pdf_sha256 = ?,
          issued_at = ?, issued_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'draft' AND version = ?`,
            )
            .run(series, serial, numberText, hash, at, opts.actor.userName, at, doc.id, doc.version).changes;
          if (changed !== 1) throw new AppError('STALE_VERSION');
          core.record(opts.actor, {
            action: 'documents:issue',
            entityType: 'document',
            entityId: doc.id,
            after: { type: doc.type, numberText, pdfSha256: hash, date: opts.date },
          });
        })
        .immediate();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw refuse();
      throw e;
    }
  });
}
