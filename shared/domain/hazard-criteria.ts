import type { ChecklistItem } from '../entities/checklist.ts';

/**
 * What a 重大事故隐患判定标准 item decides for a hazard found under it: the grade (重大 where the item says so) and the
 * suggested legal basis (the provision violated and the one that sets the penalty). The hazard dialog fills both the
 * moment the item is picked, and the core applies the same on saving, so what the officer saw is what is kept.
 */
export function criteriaBasis(item: Pick<ChecklistItem, 'violatedProvision' | 'penaltyProvision'>): string {
  return [
    item.violatedProvision && `违反${item.violatedProvision}`,
    item.penaltyProvision && `依据${item.penaltyProvision}`,
  ]
    .filter(Boolean)
    .join('，');
}

/** The hazard's fields with the item applied: 重大 where the item makes it so; the officer's own basis is kept. */
export function withCriteria<F extends { level: 'general' | 'major'; legalBasis: string }>(
  item: Pick<ChecklistItem, 'major' | 'violatedProvision' | 'penaltyProvision'>,
  fields: F,
): F {
  return {
    ...fields,
    level: item.major ? 'major' : fields.level,
    legalBasis: fields.legalBasis || criteriaBasis(item),
  };
}
