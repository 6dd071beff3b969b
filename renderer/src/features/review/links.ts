import type { ReviewFinding } from '../../../../shared/entities/review.ts';

/** Where a finding is fixed: its document at the field, the inspection it came from, or the case. */
export function findingLink(f: ReviewFinding, caseId: number): string {
  if (f.address.documentId) return `/documents/${f.address.documentId}?field=${f.address.path.join('.')}`;
  return f.address.path[0] === 'inspection' ? `/inspections/${f.address.path[1]}` : `/cases/${caseId}`;
}
