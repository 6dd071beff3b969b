import type { Kysely } from 'kysely';
import type { ReviewSnapshot } from '../../../../shared/domain/review/checks.ts';
import type { CaseDetail, CaseDocument } from '../../../../shared/entities/case.ts';
import type { CoreState } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import {
  caseDetail,
  closureWindowOf,
  finedAtFirst,
  hazardsFinedElsewhere,
  servicesOf,
  toCaseDocument,
} from '../cases/repository.ts';
import { listHazards } from '../hazards/repository.ts';
import { roster } from '../officers/repository.ts';
import { inspectionAndRechecks } from '../inspections/repository.ts';
import { sourceOf, typeOf } from '../documents/service.ts';
import type { PrefillSource } from '../../../../shared/documents/template.ts';
import { issued } from '../../../../shared/domain/case-procedure.ts';

/**
 * 案卷评查: the core gathers a case file into a snapshot (the case as the case page shows it, the
 * roster, the periods and calendar) and runs the pure review over it with the standard in force.
 */
export async function reviewSnapshot(
  core: CoreState,
  db: Kysely<DB>,
  id: number,
  cr: RuleContext,
): Promise<ReviewSnapshot> {
  const [detail, officers] = await Promise.all([caseDetail(core, db, id, cr), roster(db, cr)]);
  const { periods, penalties, penaltyLaw, benchmarks } = core.knowledge;
  const unit = unitOf(cr);
  // Discovered: the inspection the case came from, the file's first record, or its 立案, whichever came first.
  const inspected = detail.inspectionId
    ? (
        await db.selectFrom('inspections').select('startedAt').where('id', '=', detail.inspectionId).executeTakeFirst()
      )?.startedAt.slice(0, 10)
    : undefined;
  const discoveredOn =
    [inspected, detail.filedOn, ...detail.documents.filter((d) => d.status === 'issued').map((d) => d.date)]
      .filter((x): x is string => !!x)
      .sort()[0] ?? cr.today;
  const hazards = detail.inspectionId
    ? await listHazards(db, core.knowledge, cr, { inspectionId: detail.inspectionId })
    : [];
  const inspectionDocuments = await inspectionDocumentsOf(core, db, detail.inspectionId);
  const asRecorded = await recordedContent(core, db, cr, detail);
  // The days of the unit's own decisions in this file, earliest first (第一百一十三条 and one act, one fine read them).
  const decided = issued(detail, 'penalty-decision-unit', 'summary-penalty-unit')
    .map((d) => d.date ?? '')
    .filter(Boolean)
    .sort();
  return {
    detail,
    roster: officers,
    periods,
    cal: cr.cal,
    rules: cr.rules,
    penalties,
    penaltyLaw,
    benchmarks,
    discoveredOn,
    hazards,
    inspectionDocuments,
    today: cr.today,
    remedy: { reviewAgency: unit.reviewAgency, court: unit.court },
    asRecorded,
    // Up to the file's own last decision (none: before any penalty, so nothing it completed).
    closure: await closureWindowOf(db, detail.enterpriseId, decided.at(-1) ?? '0000-00-00'),
    // The fine that came second (by the decisions' dates) is the one fined twice.
    finedElsewhere:
      detail.outcome === 'penalty'
        ? await hazardsFinedElsewhere(
            db,
            id,
            detail.enterpriseId,
            detail.violations.filter(finedAtFirst).map((v) => v.hazardId!),
            decided[0],
          )
        : [],
  };
}

/**
 * What the record gives each issued document's legal content now (DocumentTemplate.fromRecord over the document's
 * own fields), by document id: the review compares it with what was printed. One source per addressee.
 */
async function recordedContent(
  core: CoreState,
  db: Kysely<DB>,
  cr: RuleContext,
  detail: CaseDetail,
): Promise<Record<number, Record<string, unknown>>> {
  const { documents } = detail;
  const templateOf = (type: string) => (core.catalogue.byId.has(type) ? typeOf(core, type).template : undefined);
  const live = documents.filter((d) => d.status === 'issued' && !d.superseded && templateOf(d.type)?.fromRecord);
  if (!live.length) return {};
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where(
      'id',
      'in',
      live.map((d) => d.id),
    )
    .execute();
  // A 呈批 revised after a hearing (a lighter penalty) leaves what was issued before it printing what was proposed
  // then: that is compared with nothing, and what was issued since with the 呈批 as revised.
  const revisedAt =
    (
      await db
        .selectFrom('caseEvents')
        .select((eb) => eb.fn.max('enteredAt').as('at'))
        .where('caseId', '=', rows[0].caseId ?? -1)
        .where('kind', '=', 'disposal-revised')
        .executeTakeFirst()
    )?.at ?? '';
  const sources = new Map<string, Promise<PrefillSource>>();
  const out: Record<number, Record<string, unknown>> = {};
  for (const row of rows.filter((r) => !revisedAt || (r.issuedAt ?? '') > revisedAt)) {
    const d = live.find((x) => x.id === row.id)!;
    const key = JSON.stringify([row.enterpriseId, row.inspectionId, row.caseId, d.fields.party ?? 'unit']);
    if (!sources.has(key)) sources.set(key, sourceOf(core, db, cr, row, d.fields, detail));
    const src = asOf(await sources.get(key)!, d.date ?? cr.today);
    out[row.id] = templateOf(d.type)!.fromRecord!(src, d.fields as never) as Record<string, unknown>;
  }
  return out;
}

/**
 * The record as it stood on the day a document was made: what was recorded, issued or served later is left out (a
 * 批准书 states what was unpaid then, a 催告书 the 加处罚款 reached on its date, a 送达回执 what had been served).
 */
function asOf(src: PrefillSource, day: string): PrefillSource {
  return {
    ...src,
    today: day,
    issued: src.issued.map((x) => (x.service && x.service.servedOn > day ? { ...x, service: null } : x)),
    case: src.case && {
      ...src.case,
      detail: {
        ...src.case.detail,
        events: src.case.detail.events.filter((e) => e.data.date <= day),
        documents: src.case.detail.documents.filter((d) => !d.date || d.date <= day),
      },
    },
  };
}

/**
 * The documents issued at the inspection a case came from and at its 复查s, as frozen and as served: the file's
 * first papers (检查记录, 整改指令书, and the 复查意见书 that proves a hazard was not put right).
 */
async function inspectionDocumentsOf(
  core: CoreState,
  db: Kysely<DB>,
  inspectionId: number | null,
): Promise<CaseDocument[]> {
  if (!inspectionId) return [];
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('inspectionId', 'in', await inspectionAndRechecks(db, inspectionId))
    .where('caseId', 'is', null)
    .where('status', '=', 'issued')
    .orderBy('id')
    .execute();
  const services = await servicesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((d) => toCaseDocument(d, rows, services, (t) => core.catalogue.byId.get(t)?.name ?? t));
}
