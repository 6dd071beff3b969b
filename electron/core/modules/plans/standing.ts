import type { Kysely } from 'kysely';
import type { InspectionKind } from '../../../../shared/base/vocabulary.ts';
import type { PlanSnapshot } from '../../../../shared/api/channels/plans.ts';
import type { DrawResult } from '../../../../shared/domain/plans/draw.ts';
import {
  type PlanProgress,
  type PlanStanding,
  planProgress,
  type ProgressDraw,
} from '../../../../shared/domain/plans/standing.ts';
import type { CoreState } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import type { RuleContext } from '../../rules.ts';
import { planRulesOf } from './repository.ts';

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

async function approvedSnapshot(db: Kysely<DB>, year: number): Promise<PlanSnapshot | null> {
  const row = await db.selectFrom('plans').select('snapshotJson').where('year', '=', year).executeTakeFirst();
  return row?.snapshotJson ? (JSON.parse(row.snapshotJson) as PlanSnapshot) : null;
}

async function yearDraws(db: Kysely<DB>, year: number): Promise<ProgressDraw[]> {
  const rows = await db
    .selectFrom('draws')
    .select(['id', 'label', 'drawnAt', 'resultJson'])
    .where('planYear', '=', year)
    .orderBy('id')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    label: d.label,
    drawnAt: d.drawnAt,
    picks: (JSON.parse(d.resultJson) as DrawResult).picks.map((p) => ({
      enterpriseId: p.enterpriseId,
      name: p.name,
      officerIds: p.officerIds,
    })),
  }));
}

/**
 * Inspections of each enterprise in the year that its cap counts (国办发〔2024〕54号): active ones of a kind the rules in
 * force do not exempt. The draw's pool and the check at recording read the same count.
 */
export async function cappedVisits(
  core: CoreState,
  cr: RuleContext,
  db: Kysely<DB>,
  year: number,
  opts: { enterpriseId?: number; except?: number } = {},
): Promise<Map<number, number>> {
  const { rules } = planRulesOf(core, cr.settings);
  const [from, to] = yearRange(year);
  let q = db
    .selectFrom('inspections')
    .select(['enterpriseId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .where('startedAt', '>=', from)
    .where('startedAt', '<', to)
    .groupBy('enterpriseId');
  if (rules.capExempt.length) q = q.where('kind', 'not in', rules.capExempt);
  if (opts.enterpriseId !== undefined) q = q.where('enterpriseId', '=', opts.enterpriseId);
  if (opts.except !== undefined) q = q.where('id', '!=', opts.except);
  return new Map((await q.execute()).map((r) => [r.enterpriseId, Number(r.n)]));
}

/** An enterprise's place in the approved plan of the year an inspection falls in. */
export async function standingOf(
  core: CoreState,
  cr: RuleContext,
  db: Kysely<DB>,
  enterpriseId: number,
  year: number,
  except?: number,
): Promise<PlanStanding> {
  const { rules } = planRulesOf(core, cr.settings);
  const snapshot = await approvedSnapshot(db, year);
  const row = snapshot?.rows.find((r) => r.enterpriseId === enterpriseId) ?? null;
  const counted = (await cappedVisits(core, cr, db, year, { enterpriseId, except })).get(enterpriseId) ?? 0;
  const draws = snapshot
    ? (await yearDraws(db, year))
        .filter((d) => d.picks.some((p) => p.enterpriseId === enterpriseId))
        .map(({ id, label, drawnAt }) => ({ id, label, drawnAt }))
    : [];
  return {
    year,
    plan: snapshot
      ? { track: row?.track ?? null, visits: row?.visits ?? 0, cap: row?.cap ?? null, capName: row?.capName ?? null }
      : null,
    counted,
    capExempt: rules.capExempt as InspectionKind[],
    draws,
  };
}

/** The year's plan carried out so far; null while the year has no approved plan. */
export async function progressOf(db: Kysely<DB>, year: number): Promise<PlanProgress | null> {
  const snapshot = await approvedSnapshot(db, year);
  if (!snapshot) return null;
  const [from, to] = yearRange(year);
  const inspections = await db
    .selectFrom('inspections')
    .select(['id', 'enterpriseId', 'kind', 'drawId', 'startedAt'])
    .where('status', '=', 'active')
    .where('startedAt', '>=', from)
    .where('startedAt', '<', to)
    .execute();
  return planProgress(
    year,
    snapshot.rows
      .filter((r) => r.track === 'key')
      .map((r) => ({ enterpriseId: r.enterpriseId, name: r.name, township: r.township, visits: r.visits })),
    snapshot.strata.reduce((n, s) => n + s.quota, 0),
    await yearDraws(db, year),
    inspections.map((i) => ({ ...i, kind: i.kind as InspectionKind })),
  );
}
