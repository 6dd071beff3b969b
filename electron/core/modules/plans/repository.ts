import type { Kysely } from 'kysely';
import type {
  CreditStatus,
  EnforcementLevel,
  RiskGrade,
  StandardizationGrade,
  SupervisionCategory,
} from '../../../../shared/base/vocabulary.ts';
import { chinaDate } from '../../../../shared/domain/dates.ts';
import type { PlanSubject } from '../../../../shared/domain/plans/classify.ts';
import type { PlanRules } from '../../../../shared/entities/plan-rules.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { CoreState } from '../../context.ts';
import type { DB } from '../../db/schema.ts';

/** The unit's own 分类分级 where an admin set it, else the bundled 示例. */
export const planRulesOf = (core: CoreState, settings: Settings): { rules: PlanRules; own: boolean } =>
  settings.planRules ? { rules: settings.planRules, own: true } : { rules: core.knowledge.planRules, own: false };

/** Every enterprise of the ledger (or only one) as the plan reads it, in the ledger's order, with what the screen shows of it. */
export async function planSubjects(db: Kysely<DB>, accidents: Map<number, string[]>, only?: number) {
  let enterprises = db.selectFrom('enterprises').selectAll().orderBy('id');
  if (only !== undefined) enterprises = enterprises.where('id', '=', only);
  const rows = await enterprises.execute();
  let hazards = db
    .selectFrom('hazards')
    .innerJoin('inspections', 'inspections.id', 'hazards.inspectionId')
    .select(['hazards.enterpriseId', 'inspections.startedAt'])
    .where('hazards.level', '=', 'major')
    .where('hazards.withdrawnAt', 'is', null)
    .where('inspections.withdrawnAt', 'is', null);
  if (only !== undefined) hazards = hazards.where('hazards.enterpriseId', '=', only);
  const majors = await hazards.execute();
  const majorDays = new Map<number, string[]>();
  for (const h of majors)
    majorDays.set(h.enterpriseId, [...(majorDays.get(h.enterpriseId) ?? []), h.startedAt.slice(0, 10)]);
  return rows.map((r) => {
    const categories = JSON.parse(r.categoriesJson) as SupervisionCategory[];
    const subject: PlanSubject = {
      id: r.id,
      status: r.status as PlanSubject['status'],
      enforcementLevel: r.enforcementLevel as EnforcementLevel,
      categories,
      standardizationGrade: r.standardizationGrade as StandardizationGrade,
      riskGrade: (r.riskGrade as RiskGrade | null) ?? null,
      creditStatus: r.creditStatus as CreditStatus,
      knownSince: chinaDate(new Date(r.createdAt)),
      accidents: accidents.get(r.id) ?? [],
      majorHazards: majorDays.get(r.id) ?? [],
    };
    return {
      subject,
      shown: {
        name: r.name,
        uscc: r.uscc,
        township: r.township,
        categories,
        standardizationGrade: subject.standardizationGrade,
        riskGrade: subject.riskGrade,
        creditStatus: subject.creditStatus,
      },
    };
  });
}
