import type { Kysely, Selectable } from 'kysely';
import { AppError, validationError } from '../../../../shared/base/errors.ts';
import { draftNumber, formatDocumentNumber, numberSeries } from '../../../../shared/domain/document-number.ts';
import { pdfPageCount } from '../../../../shared/domain/case-file.ts';
import { preInvestigationIssues, recusalIssues } from '../../../../shared/domain/case-measures.ts';
import type { Content } from 'pdfmake/interfaces.js';
import { type DocumentSpec, type FontSet, keepSigningWithText } from '../../../../shared/documents/layout.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import { documentDateOf, TEMPLATES } from '../../../../shared/documents/registry.ts';
import type { DocumentTemplate, PrefillSource } from '../../../../shared/documents/template.ts';
import type { DocumentType } from '../../../../shared/entities/document.ts';
import type { CaseDetail, PartyKey } from '../../../../shared/entities/case.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import type { DB, DocumentsTable } from '../../db/schema.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { loadFontSet } from '../../documents/fonts.ts';
import { storeFile } from '../../files.ts';
import { findById as findEnterprise, toEnterprise } from '../enterprises/repository.ts';
import { findInspection } from '../inspections/repository.ts';
import { listHazards } from '../hazards/repository.ts';
import { roster } from '../officers/repository.ts';
import { caseDetail, finedAtFirst, hazardsFinedElsewhere } from '../cases/repository.ts';
import { type RuleContext, unitOf } from '../../rules.ts';

export type DocumentRow = Selectable<DocumentsTable>;

export function typeOf(core: CoreState, type: string): { type: DocumentType; template: DocumentTemplate } {
  const t = core.catalogue.byId.get(type);
  const template = TEMPLATES[type];
  if (!t || !template)
    throw new AppError('VALIDATION', { issues: [{ path: ['type'], key: 'validation.document.unknownType' }] });
  return { type: t, template };
}

/** Everything a template may draw on: the unit, the enterprise, the inspection, the roster. */
export async function prefillSource(
  core: CoreState,
  db: Kysely<DB>,
  rc: RuleContext,
  refs: { enterpriseId: number | null; inspectionId: number | null; caseId?: number | null; party?: PartyKey },
  /** The case as the caller already loaded it in this call (the review's snapshot), not read again. */
  loaded?: CaseDetail,
): Promise<PrefillSource> {
  const unit = unitOf(rc);
  const detail = refs.caseId
    ? loaded?.id === refs.caseId
      ? loaded
      : await caseDetail(core, db, refs.caseId, rc)
    : null;
  const inspection = refs.inspectionId ? await findInspection(db, refs.inspectionId) : null;
  if (refs.inspectionId && !inspection)
    throw new AppError('NOT_FOUND', { entity: 'inspection', id: refs.inspectionId });
  const enterpriseId = inspection?.enterpriseId ?? refs.enterpriseId;
  const enterpriseRow = enterpriseId ? await findEnterprise(db, enterpriseId) : undefined;
  const officers = await roster(db, rc);
  // A 复查 works on the hazards and the order of the inspection it re-checks.
  const hazardSource = inspection?.recheckOf ?? inspection?.id ?? null;
  const hazards = hazardSource ? await listHazards(db, core.knowledge, rc, { inspectionId: hazardSource }) : [];
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
          .select(['id', 'type', 'numberText', 'fieldsJson'])
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
    const party = (JSON.parse(d.fieldsJson) as { party?: unknown }).party;
    return {
      type: d.type,
      name: t?.name ?? d.type,
      numberText: d.numberText!,
      party: typeof party === 'number' ? party : ('unit' as const),
      internal: t?.internal ?? false,
      service: s
        ? {
            method: s.method,
            servedOn: s.servedAt.slice(0, 10),
            place: s.place,
            refused: s.refused === 1,
            witness: s.witness,
            officers: (JSON.parse(s.officerIdsJson) as number[])
              .map((i) => officers.find((o) => o.id === i)?.name ?? '')
              .filter(Boolean),
          }
        : null,
    };
  });
  return {
    today: rc.today,
    unit,
    enterprise: enterpriseRow ? toEnterprise(enterpriseRow, core.knowledge) : null,
    inspection,
    roster: officers,
    hazards,
    issued,
    originalOrder:
      order && orderFields ? { numberText: order.numberText!, date: orderFields.date, items: orderFields.items } : null,
    case: detail
      ? {
          detail,
          periods: rc.periods,
          cal: rc.cal,
          rules: rc.rules,
          settings: rc.settings,
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
  rc: RuleContext,
  t: { type: DocumentType; template: DocumentTemplate },
  fields: Record<string, unknown>,
  opts: {
    numberText: string | null;
    draft: boolean;
    blank?: boolean;
    correction?: { numberText: string | null; reason: string } | null;
  },
): DocumentSpec {
  const unit = unitOf(rc);
  const { documentLayout, fontOverrides } = rc.settings;
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
      ...keepSigningWithText(
        t.template.body(fields as never, { fonts, unit, blank: !!opts.blank, numberText: opts.numberText }),
      ),
    ],
    copiesNote: t.type.copies,
    // The demo county's printouts say so on every page; a draft says it is one.
    watermark: core.workspace === 'demo' ? '演示数据' : opts.draft ? '草　稿' : null,
    continuationLabel: `${t.type.name}（续页）`,
    // A blank form is signed by hand where it was filled in; every filled page carries the line.
    pageSignature: t.template.pageSignature,
    fonts,
  };
}

export async function correctionOf(
  db: Kysely<DB>,
  doc: DocumentRow,
): Promise<{ numberText: string | null; reason: string } | null> {
  if (!doc.supersedesId) return null;
  const old = await db
    .selectFrom('documents')
    .select('numberText')
    .where('id', '=', doc.supersedesId)
    .executeTakeFirst();
  return { numberText: old?.numberText ?? null, reason: doc.correctionReason ?? '' };
}

/** A draft's source: what it was made from, addressed to the party its fields name. */
export function sourceOf(
  core: CoreState,
  db: Kysely<DB>,
  rc: RuleContext,
  doc: DocumentRow,
  fields: unknown,
  loaded?: CaseDetail,
) {
  const party = (fields as { party?: unknown } | null)?.party;
  return prefillSource(
    core,
    db,
    rc,
    {
      enterpriseId: doc.enterpriseId,
      inspectionId: doc.inspectionId,
      caseId: doc.caseId,
      party: party === 'unit' || typeof party === 'number' ? party : undefined,
    },
    loaded,
  );
}

/** The draft's fields with what the record decides laid over them (DocumentTemplate.fromRecord). */
export function withRecord(template: DocumentTemplate, src: PrefillSource, fields: unknown): Record<string, unknown> {
  const raw = (fields ?? {}) as Record<string, unknown>;
  return template.fromRecord ? { ...raw, ...(template.fromRecord(src, raw as never) as Record<string, unknown>) } : raw;
}

/** A draft's fields as they would be issued now: from the record where it decides, as typed elsewhere. */
export async function currentFields(core: CoreState, db: Kysely<DB>, rc: RuleContext, doc: DocumentRow) {
  const t = typeOf(core, doc.type);
  const raw = JSON.parse(doc.fieldsJson) as unknown;
  if (!t.template.fromRecord) return raw as Record<string, unknown>;
  return withRecord(t.template, await sourceOf(core, db, rc, doc, raw), raw);
}

/**
 * What stands in the way of issuing the draft now (the template's checks, the case's, a date to come), with
 * the fields as they would be issued. Nothing is written: the editor asks it, and issuing acts on it.
 */
export async function issueReadiness(core: CoreState, rc: RuleContext, doc: DocumentRow) {
  const db = core.store.db;
  const t = typeOf(core, doc.type);
  const raw = JSON.parse(doc.fieldsJson) as unknown;
  const found = await sourceOf(core, db, rc, doc, raw);
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
  const fields = parseFields(t.template, withRecord(t.template, src, raw));
  const problems = t.template.issueChecks(fields as never, src);
  // 回避 holds for every document of the case, whatever its type.
  if (src.case) problems.push(...recusalIssues(src.case.detail, fields as Record<string, unknown>));
  const date = documentDateOf(doc.type, fields) ?? '';
  // Investigation before 立案 stands on a recorded 先行调查取证.
  if (src.case) problems.push(...preInvestigationIssues(src.case.detail, doc.type, date));
  // One act, one fine: two open cases on one hazard may both have passed their 呈批; the second decision waits.
  if (src.case && doc.caseId && (doc.type === 'penalty-decision-unit' || doc.type === 'summary-penalty-unit')) {
    const detail = src.case.detail;
    const fined = detail.outcome === 'penalty' ? detail.violations.filter(finedAtFirst) : [];
    for (const e of await hazardsFinedElsewhere(
      db,
      doc.caseId,
      detail.enterpriseId,
      fined.map((v) => v.hazardId!),
    ))
      problems.push({ path: ['case'], key: 'cases.rules.hazardFinedElsewhere', params: { caseNo: e.caseNo } });
  }
  // A document cannot bear a date still to come; its number takes the year it is issued in.
  if (date > rc.today) problems.push({ path: ['date'], key: 'documents.rules.dateInFuture', params: { date } });
  return { t, fields, date, issues: problems.map((p) => ({ ...p, path: ['fields', ...p.path] })) };
}

/**
 * Issuing: the checks the template and the case apply, judged by the call's rule context, then a number
 * claimed for the rendered page (claimNumber), the fields stored as issued (the record's where it decides).
 * It runs outside any transaction — rendering takes seconds — and claims the number in one of its own, so it
 * takes no executor.
 */
export async function issue(core: CoreState, rc: RuleContext, doc: DocumentRow, actor: AuditActor): Promise<void> {
  const db = core.store.db;
  const { t, fields, date, issues } = await issueReadiness(core, rc, doc);
  if (issues.length) throw new AppError('DOCUMENT_NOT_ISSUABLE', { issues });
  const correction = await correctionOf(db, doc);
  const render = async (numberText: string | null) => {
    try {
      return await core.render(buildSpec(core, rc, t, fields, { numberText, draft: false, correction }));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('RENDER_FAILED');
    }
  };
  await claimNumber(core, {
    doc,
    date,
    actor,
    render,
    fieldsJson: JSON.stringify(fields),
    numbering: numberingOf(core, rc, t, doc, fields),
  });
}

/**
 * The number issuing would take now, for the clerk to confirm before it is used (another issue may take it first:
 * the one claimed is said when issued); null for a form without a number. A printed number already used is refused.
 */
export function proposedNumber(
  core: CoreState,
  rc: RuleContext,
  t: { type: DocumentType; template: DocumentTemplate },
  doc: DocumentRow,
  fields: Record<string, unknown>,
): string | null {
  return numberingOf(core, rc, t, doc, fields).propose().numberText;
}

/** Where a document's number comes from: the next one of its series, or the one printed on the sheet. */
interface Numbering {
  series: string;
  year: number;
  /** The number to try now (read afresh each attempt); throws when there is none to try. */
  propose(): { serial: number; numberText: string | null };
  /** When another claimed the proposed number first: the refusal, or null to propose again. */
  taken(): AppError | null;
}

function numberingOf(
  core: CoreState,
  rc: RuleContext,
  t: { type: DocumentType; template: DocumentTemplate },
  doc: DocumentRow,
  fields: Record<string, unknown>,
): Numbering {
  const raw = core.store.raw;
  const printed = t.template.preNumbered?.(fields as never);
  if (t.template.preNumbered) {
    /**
     * A pre-numbered form (当场处罚决定书) bears the number printed on the sheet, in a series of its own that
     * spans the years (a print run does not restart in January), so a sheet number is never used twice,
     * whether issued or voided.
     */
    const numberText = printed ?? '';
    const series = `preprinted:${t.type.code ?? t.type.id}`;
    const serial = Number(numberText);
    const used = () =>
      new AppError('DOCUMENT_NOT_ISSUABLE', {
        issues: [{ path: ['fields', 'formNo'], key: 'documents.rules.formNoUsed', params: { formNo: numberText } }],
      });
    return {
      series,
      year: 0,
      propose() {
        if (
          raw.prepare('SELECT 1 FROM document_numbers WHERE series = ? AND year = 0 AND serial = ?').get(series, serial)
        )
          throw used();
        return { serial, numberText };
      },
      taken: used,
    };
  }
  const year = Number(rc.today.slice(0, 4));
  const series = numberSeries(doc.type, t.type.code, rc.settings.numberingScheme, doc.caseId);
  const unit = unitOf(rc);
  // Past the highest number used, and past any floor a restore left (numbers used before it stay unused).
  const next =
    raw.prepare(`SELECT MAX(COALESCE((SELECT MAX(serial) FROM document_numbers WHERE series = @series AND year = @year), 0),
    COALESCE((SELECT floor FROM document_number_floors WHERE series = @series AND year = @year), 0)) + 1 AS n`);
  return {
    series,
    year,
    propose() {
      const serial = (next.get({ series, year }) as { n: number }).n;
      return {
        serial,
        numberText: t.type.code ? formatDocumentNumber(unit.numberPrefix, t.type.code, year, serial) : null,
      };
    },
    taken: () => null,
  };
}

/**
 * The one way a number is claimed: render the page with the proposed number, store it, then in one
 * IMMEDIATE transaction claim the number (UNIQUE), record the PDF's hash and freeze the document. Should
 * another process take the number while this one rendered, the numbering says whether to try the next:
 * numbers are never skipped, never reused.
 */
async function claimNumber(
  core: CoreState,
  opts: {
    doc: DocumentRow;
    date: string;
    actor: AuditActor;
    /** The fields the page was rendered from, stored with it. */
    fieldsJson: string;
    numbering: Numbering;
    render(numberText: string | null): Promise<Buffer>;
  },
): Promise<void> {
  const { doc, date, actor, numbering } = opts;
  const { series, year } = numbering;
  const raw = core.store.raw;
  for (let attempt = 0; attempt < 50; attempt++) {
    const { serial, numberText } = numbering.propose();
    const pdf = await opts.render(numberText);
    const hash = storeFile(core.dataDir, pdf);
    const pages = pdfPageCount(pdf);
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
            pdf_sha256 = ?, page_count = ?, fields_json = ?, document_date = ?, issued_at = ?, issued_by = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND status = 'draft' AND version = ?`,
              )
              .run(
                series,
                year,
                serial,
                numberText,
                hash,
                pages,
                opts.fieldsJson,
                date || null,
                at,
                actor.userName,
                at,
                doc.id,
                doc.version,
              ).changes;
            if (changed !== 1) throw new AppError('STALE_VERSION');
            core.record(actor, {
              action: 'documents:issue',
              entityType: 'document',
              entityId: doc.id,
              // The fields as issued (the record's where it decides), so the audit shows what went out.
              after: { type: doc.type, numberText, pdfSha256: hash, date, fields: JSON.parse(opts.fieldsJson) },
            });
          })
          .immediate();
        return true;
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        // A writer that kept the lock past the wait is no reason to burn numbers (and renders): the caller is told
        // plainly, nothing claimed.
        if (code.startsWith('SQLITE_BUSY')) throw new AppError('DB_BUSY');
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw e;
      }
    });
    if (claimed) return;
    const refusal = numbering.taken();
    if (refusal) throw refusal;
  }
  throw new AppError('RENDER_FAILED', { reason: 'numbering' });
}
