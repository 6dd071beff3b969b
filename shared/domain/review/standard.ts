import type { ReviewStandard } from '../../entities/review-standard.ts';

/* What the app checks of a review standard (the data: entities/review-standard.ts) before it is used. */

/** Every check a standard names, each known to the app: what an import is checked against. */
export function unknownChecks(s: ReviewStandard, known: ReadonlySet<string>): string[] {
  const named = [...s.vetoes.flatMap((v) => v.checks), ...s.sections.flatMap((x) => x.items.flatMap((i) => i.checks))];
  return [...new Set(named.filter((c) => !known.has(c)))];
}

/** Document types the standard's required documents name that the app does not make: they could never be found. */
export function unknownDocumentTypes(s: ReviewStandard, known: ReadonlySet<string>): string[] {
  return [...new Set(s.requiredDocuments.flatMap((r) => r.anyOf).filter((t) => !known.has(t)))];
}

/**
 * Grades listed best first, each cut-off below the one before. Checked when a standard is brought in
 * (not in the schema: one stored before this rule must not block an unrelated save of the settings).
 */
export function gradesInOrder(s: Pick<ReviewStandard, 'grades'>): boolean {
  return s.grades.every((g, i) => i === 0 || g.min < s.grades[i - 1].min);
}
