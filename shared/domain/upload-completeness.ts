import type { PackageProblem } from '../entities/export-package.ts';
import type { RecordOf } from '../entities/exports/records.ts';
import type { ReviewFinding } from '../entities/review.ts';
import { DECISION_TYPES } from './case-procedure.ts';

/**
 * 上报前检查: what the province counts as complete (录入率, 线上办案率), checked before a package leaves. Unlike a malformed
 * record, each of these may be let through with a reason (a record kept on paper before the app, say), which goes
 * into the manifest and the audit log.
 *
 * - every inspection made by two officers at least, with its 现场检查记录 (a 复查 with its 整改复查意见书) issued;
 * - every decision served;
 * - every case without a veto finding of the review, its required documents issued and printed as recorded.
 */

/** The review's checks whose findings keep a case from leaving; any veto it hits does too. */
export const BLOCKING_CHECKS = ['required-documents', 'printed-as-recorded'] as const;

export interface CompletenessInput {
  inspections: RecordOf<'inspections'>[];
  documents: RecordOf<'documents'>[];
  services: RecordOf<'services'>[];
  /** Each case's review findings (machine checks), by case id. */
  findings: Map<number, ReviewFinding[]>;
}

/** A blocker as the user may let it through: the same subject is named in the override. */
const incomplete = (
  entity: string,
  id: number,
  rule: string,
  key: string,
  params?: Record<string, string | number>,
): PackageProblem => ({
  code: 'incomplete',
  path: `data/${entity}.jsonl`,
  record: { entity, id },
  subject: `${entity}:${id}:${rule}`,
  key,
  ...(params ? { params } : {}),
});

export function completenessProblems(input: CompletenessInput): PackageProblem[] {
  const out: PackageProblem[] = [];
  // Issued and not corrected by another issued one; an inspection's own documents (not a case's) by inspection.
  const corrected = new Set(
    input.documents.filter((x) => x.status === 'issued' && x.supersedesId !== null).map((x) => x.supersedesId),
  );
  const live = input.documents.filter((d) => d.status === 'issued' && !corrected.has(d.id));
  const ownTypes = new Map<number, Set<string>>();
  for (const d of live)
    if (d.inspectionId !== null && d.caseId === null)
      ownTypes.set(d.inspectionId, (ownTypes.get(d.inspectionId) ?? new Set()).add(d.type));
  for (const i of input.inspections) {
    if (i.status === 'withdrawn') continue;
    if ((i.officerIds ?? []).length < 2)
      out.push(incomplete('inspections', i.id, 'two-officers', 'exports.incomplete.twoOfficers'));
    const own = i.kind === 'recheck' ? 'recheck-opinion' : 'inspection-record';
    if (!ownTypes.get(i.id)?.has(own))
      out.push(incomplete('inspections', i.id, 'record', 'exports.incomplete.noRecord'));
  }
  const served = new Set(input.services.map((s) => s.documentId));
  for (const d of live)
    if (DECISION_TYPES.includes(d.type) && !served.has(d.id))
      out.push(incomplete('documents', d.id, 'served', 'exports.incomplete.notServed', { number: d.numberText ?? '' }));
  for (const [caseId, findings] of [...input.findings].sort(([a], [b]) => a - b))
    for (const f of findings) {
      if (f.overruled) continue;
      if (f.vetoId || (BLOCKING_CHECKS as readonly string[]).includes(f.check))
        out.push(incomplete('cases', caseId, f.id, f.key, f.params));
    }
  // A check a standard counts twice (under a veto and an item) is one blocker, let through once.
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.subject!) && seen.add(p.subject!));
}
