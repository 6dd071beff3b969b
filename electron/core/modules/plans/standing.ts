import type { Kysely } from 'kysely';
import type { InspectionKind } from '../../../../shared/base/vocabulary.ts';
import type { PlanSnapshot } from '../../../../shared/api/channels/plans.ts';
import {
  type PlanProgress,
  type PlanStanding,
  planProgress,
  planTargets,
  type ProgressDraw,
  progressDraw,
} from '../../../../shared/domain/plans/standing.ts';
import type { CoreState } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import type { RuleContext } from '../../rules.ts';
import { planRulesOf, planSubjects } from './repository.ts';
import { matches } from '../../../../shared/domain/plans/classify.ts';
import { chinaClock } from '../../../../shared/domain/dates.ts';

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

async function approvedSnapshot(db: Kysely<DB>, year: number): Promise<PlanSnapshot | null> {
  const row = await db.selectFrom('plans').select('snapshotJson').where('year', '=', year).executeTakeFirst();
  return row?.snapshotJson ? (JSON.parse(row.snapshotJson) as PlanSnapshot) : null;
}

async function yearDraws(db: Kysely<DB>, from: number, to = from): Promise<ProgressDraw[]> {
  const rows = await db
    .selectFrom('draws')
    .select(['id', 'label', 'drawnAt', 'resultJson'])
    .where('planYear', '>=', from)
    .where('planYear', '<=', to)
    .orderBy('id')
    .execute();
  return rows.map((d) => progressDraw({ ...d, result: JSON.parse(d.resultJson) }));
}

/** The kinds the caps do not count, as the year's plan was approved on (the rules in force for a plan before that). */
export function capExemptOf(core: CoreState, cr: RuleContext, snapshot: PlanSnapshot | null): InspectionKind[] {
  return (snapshot?.capExempt ?? planRulesOf(core, cr.settings).rules.capExempt) as InspectionKind[];
}

/**
 * Inspections of each enterprise in the year that its cap counts (国办发〔2024〕54号): active ones of a kind not
 * exempt. The draw's pool and the check at recording read the same count.
 */
export async function cappedVisits(
  db: Kysely<DB>,
  year: number,
  exempt: readonly InspectionKind[],
  opts: { enterpriseId?: number; except?: number } = {},
): Promise<Map<number, number>> {
  const [from, to] = yearRange(year);
  let q = db
    .selectFrom('inspections')
    .select(['enterpriseId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .where('startedAt', '>=', from)
    .where('startedAt', '<', to)
    .groupBy('enterpriseId');
  if (exempt.length) q = q.where('kind', 'not in', [...exempt]);
  if (opts.enterpriseId !== undefined) q = q.where('enterpriseId', '=', opts.enterpriseId);
  if (opts.except !== undefined) q = q.where('id', '!=', opts.except);
  return new Map((await q.execute()).map((r) => [r.enterpriseId, Number(r.n)]));
}

/**
 * The cap of an enterprise the approved plan does not list (added to the ledger since, or sampled by no stratum): the
 * first of the rules' caps its classification matches — the caps' last row matches every enterprise.
 */
async function capOutsidePlan(core: CoreState, cr: RuleContext, db: Kysely<DB>, enterpriseId: number) {
  const [found] = await planSubjects(db, new Map(), enterpriseId);
  if (!found || found.subject.status !== 'active') return null;
  return planRulesOf(core, cr.settings).rules.caps.find((c) => matches(c.when, found.subject)) ?? null;
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
  const snapshot = await approvedSnapshot(db, year);
  const capExempt = capExemptOf(core, cr, snapshot);
  const row = snapshot?.rows.find((r) => r.enterpriseId === enterpriseId) ?? null;
  const counted = (await cappedVisits(db, year, capExempt, { enterpriseId, except })).get(enterpriseId) ?? 0;
  // A draw made late in a year may be inspected early in the next.
  const draws = (await yearDraws(db, year - 1, year))
    .filter((d) => d.picks.some((p) => p.enterpriseId === enterpriseId))
    .map(({ id, label, drawnAt }) => ({
      id,
      label,
      drawnAt,
      drawnOn: chinaClock(drawnAt)?.date ?? drawnAt.slice(0, 10),
    }));
  const outside = snapshot && !row ? await capOutsidePlan(core, cr, db, enterpriseId) : null;
  return {
    year,
    plan: snapshot
      ? row
        ? { track: row.track, visits: row.visits, cap: row.cap, capName: row.capName ?? null }
        : { track: null, visits: 0, cap: outside?.cap ?? null, capName: outside?.name ?? null }
      : null,
    counted,
    capExempt,
    draws,
  };
}

/** The year's plan carried out so far; null while the year has no approved plan. */
export async function progressOf(db: Kysely<DB>, year: number): Promise<PlanProgress | null> {
  const snapshot = await approvedSnapshot(db, year);
  if (!snapshot) return null;
  const [from, to] = yearRange(year);
  const draws = await yearDraws(db, year);
  const drawIds = draws.map((d) => d.id);
  const inspections = await db
    .selectFrom('inspections')
    .select(['id', 'enterpriseId', 'kind', 'drawId', 'startedAt'])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.and([eb('startedAt', '>=', from), eb('startedAt', '<', to)]),
        ...(drawIds.length ? [eb('drawId', 'in', drawIds)] : []),
      ]),
    )
    .execute();
  const { keyRows, randomQuota } = planTargets(snapshot);
  return planProgress(
    year,
    keyRows,
    randomQuota,
    draws,
    inspections.map((i) => ({ ...i, kind: i.kind as InspectionKind })),
  );
}
