import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { addWorkdays, endOfNaturalPeriod, type WorkCalendar } from '../../../../shared/domain/workdays.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { Hazard } from '../../../../shared/entities/hazard.ts';
import type { DB, HazardsTable } from '../../db/schema.ts';
import type { Knowledge } from '../../knowledge.ts';
import type { RuleContext } from '../../rules.ts';

type Row = Selectable<HazardsTable> & { enterpriseName: string };

/** The re-inspection date: N days after the deadline (natural days moved off rest days, or working days). */
function recheckDue(
  cal: WorkCalendar,
  deadline: string,
  s: Pick<Settings, 'recheckWithinDays' | 'recheckDaysAreWorkdays'>,
) {
  return s.recheckDaysAreWorkdays
    ? addWorkdays(cal, deadline, s.recheckWithinDays)
    : endOfNaturalPeriod(cal, deadline, s.recheckWithinDays);
}

export async function toHazards(
  db: Kysely<DB>,
  knowledge: Knowledge,
  rows: Row[],
  rules: Pick<RuleContext, 'cal' | 'settings'>,
): Promise<Hazard[]> {
  if (!rows.length) return [];
  const { cal, settings } = rules;
  const extensions = await db
    .selectFrom('hazardExtensions')
    .selectAll()
    .where(
      'hazardId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const due = r.deadline ? recheckDue(cal, r.deadline, settings) : null;
    const found = r.criteriaItemId ? knowledge.checklistItems.get(r.criteriaItemId) : undefined;
    return {
      id: r.id,
      inspectionId: r.inspectionId,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      description: r.description,
      location: r.location,
      level: r.level as Hazard['level'],
      criteriaItemId: r.criteriaItemId,
      legalBasis: r.legalBasis,
      deadline: r.deadline,
      photos: JSON.parse(r.photosJson),
      status: r.status as Hazard['status'],
      recheckInspectionId: r.recheckInspectionId,
      recheckedAt: r.recheckedAt,
      recheckNote: r.recheckNote,
      recheckDue: due?.date ?? null,
      recheckDueUncertain: due?.uncertain ?? false,
      version: r.version,
      criteria: found
        ? {
            article: found.item.article,
            text: found.item.text,
            checklist: found.checklist.name,
            criminalRisk: found.item.criminalRisk,
            uncertain: found.item.uncertain || found.checklist.uncertain,
          }
        : null,
      extensions: extensions
        .filter((e) => e.hazardId === r.id)
        .map((e) => ({
          requestedOn: e.requestedOn,
          requestedUntil: e.requestedUntil,
          reason: e.reason,
          decision: e.decision as 'approved' | 'rejected',
          previousDeadline: e.previousDeadline,
          decidedAt: e.decidedAt,
          decidedBy: e.decidedBy,
        })),
    };
  });
}

export const selectHazards = (db: Kysely<DB>) =>
  db
    .selectFrom('hazards')
    .innerJoin('enterprises', 'enterprises.id', 'hazards.enterpriseId')
    .selectAll('hazards')
    .select('enterprises.name as enterpriseName')
    .where('hazards.withdrawnAt', 'is', null);

export async function hazardById(
  db: Kysely<DB>,
  knowledge: Knowledge,
  id: number,
  rules: Pick<RuleContext, 'cal' | 'settings'>,
): Promise<Hazard> {
  const row = await selectHazards(db).where('hazards.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'hazard', id });
  return (await toHazards(db, knowledge, [row], rules))[0];
}

export async function listHazards(
  db: Kysely<DB>,
  knowledge: Knowledge,
  rules: Pick<RuleContext, 'cal' | 'settings'>,
  filter: { inspectionId?: number; enterpriseId?: number; status?: Hazard['status'] },
): Promise<Hazard[]> {
  let q = selectHazards(db);
  if (filter.inspectionId) q = q.where('hazards.inspectionId', '=', filter.inspectionId);
  if (filter.enterpriseId) q = q.where('hazards.enterpriseId', '=', filter.enterpriseId);
  if (filter.status) q = q.where('hazards.status', '=', filter.status);
  return toHazards(db, knowledge, await q.orderBy('hazards.id').execute(), rules);
}
