import type { Completeness } from '../../../../shared/api/channels/exports.ts';
import { completenessIndicators, enteredOn } from '../../../../shared/domain/indicators/completeness.ts';
import type { CoreState } from '../../context.ts';
import type { RuleContext } from '../../rules.ts';
import { type PackageData, readPackageData } from './records.ts';
import { acceptedBase, digestsOf, incompleteOf, lineDigest } from './service.ts';

/**
 * This squad's 录入/上报 completeness for a period: what the pre-upload check would hold back of the period's
 * inspections and cases, and which of them the province holds as they now stand (in the package last accepted).
 */
export async function completenessOf(
  core: CoreState,
  rules: RuleContext,
  period: { from: string; to: string },
  /** The record as read for a package, when the caller holds it already. */
  read?: PackageData,
): Promise<Completeness> {
  const db = core.store.db;
  const data = read ?? (await readPackageData(db));
  // Only the period's cases are reviewed: the others' findings count for nothing here.
  const cases = new Set(
    data.records.cases.filter((c) => enteredOn(c) >= period.from && enteredOn(c) <= period.to).map((c) => c.id),
  );
  const problems = await incompleteOf(core, rules, data, undefined, cases);
  const base = await acceptedBase(db);
  // Reported: the record, and every record that completes it (its documents and their service, its hazards; a case's
  // events and review), held in the accepted package as they now stand.
  const reported = new Set<string>();
  if (base) {
    const sent = await digestsOf(db, base.id);
    const same = (entity: string, r: { id: number }) => sent.get(`${entity}:${r.id}`) === lineDigest(JSON.stringify(r));
    const changed = new Set<string>();
    const { documents, services, hazards, caseEvents, reviews } = data.records;
    const docOf = new Map(documents.map((d) => [d.id, d]));
    const mark = (key: string | null) => key && changed.add(key);
    const ownerOf = (d: { inspectionId: number | null; caseId: number | null }) =>
      d.caseId !== null ? `cases:${d.caseId}` : d.inspectionId !== null ? `inspections:${d.inspectionId}` : null;
    for (const d of documents) if (!same('documents', d)) mark(ownerOf(d));
    for (const x of services)
      if (!same('services', x) && docOf.has(x.documentId)) mark(ownerOf(docOf.get(x.documentId)!));
    for (const h of hazards) if (!same('hazards', h)) mark(`inspections:${h.inspectionId}`);
    for (const e of caseEvents) if (!same('caseEvents', e)) mark(`cases:${e.caseId}`);
    for (const r of reviews) if (!same('reviews', r)) mark(`cases:${r.caseId}`);
    for (const entity of ['inspections', 'cases'] as const)
      for (const r of data.records[entity])
        if (same(entity, r) && !changed.has(`${entity}:${r.id}`)) reported.add(`${entity}:${r.id}`);
  }
  return {
    ...period,
    base: base ? { name: base.name, acceptedOn: base.acceptedOn! } : null,
    indicators: completenessIndicators({
      ...period,
      enterprises: data.records.enterprises,
      inspections: data.records.inspections,
      cases: data.records.cases,
      documents: data.records.documents,
      problems,
      reported,
    }),
  };
}
