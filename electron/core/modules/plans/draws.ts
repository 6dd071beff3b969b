import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/base/errors.ts';
import {
  DRAW_FORMAT,
  DRAW_VERSION,
  type DrawInput,
  type DrawRecord,
  DrawRefused,
  type DrawResult,
  poolHash,
  resultHash,
  runDraw,
  type Sha256,
  type StratumQuota,
  strataQuotas,
} from '../../../../shared/domain/plans/draw.ts';
import type { InspectorLeftOut, PlanSnapshot } from '../../../../shared/api/channels/plans.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { Kysely } from 'kysely';
import type { CoreState } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import type { RuleContext } from '../../rules.ts';
import { planRulesOf } from './repository.ts';
import { capExemptOf, cappedVisits } from './standing.ts';

export const sha256: Sha256 = (b) => new Uint8Array(createHash('sha256').update(b).digest());

const refuse = (key: string, path: string, params?: Record<string, string | number>) => {
  throw new AppError('VALIDATION', { issues: [{ path: [path], key, ...(params ? { params } : {}) }] });
};

/**
 * The draw's input as the record stands now: the approved plan's sampled enterprises with their visits this year and
 * their caps (those drawn earlier this year covered), the officers certified today and not away, the pairs of the
 * last draws. Shown and published with its hash before the witness gives a value.
 */
export async function drawPool(
  core: CoreState,
  cr: RuleContext,
  db: Kysely<DB>,
  year: number,
  label: string,
): Promise<{ input: DrawInput; poolSha256: string; quotas: StratumQuota[]; inspectorsLeftOut: InspectorLeftOut[] }> {
  const plan = await db.selectFrom('plans').selectAll().where('year', '=', year).executeTakeFirst();
  if (!plan?.snapshotJson) refuse('plans.draw.notApproved', 'year', { year });
  const snapshot = JSON.parse(plan!.snapshotJson!) as PlanSnapshot;
  const visits = await cappedVisits(db, year, capExemptOf(core, cr, snapshot));
  const earlier = await db.selectFrom('draws').select(['planYear', 'resultJson']).orderBy('id', 'desc').execute();
  const thisYear = earlier
    .filter((d) => d.planYear === year)
    .flatMap((d) => (JSON.parse(d.resultJson) as DrawResult).picks);
  const covered = new Set(thisYear.map((p) => p.enterpriseId));
  const { rules } = planRulesOf(core, cr.settings);
  const recentPairs = earlier
    .slice(0, rules.rotationDraws)
    .flatMap((d) => (JSON.parse(d.resultJson) as DrawResult).picks)
    .map((p) => ({ enterpriseId: p.enterpriseId, officerIds: p.officerIds }));

  const away = new Set(
    (
      await db
        .selectFrom('officerAbsences')
        .select('officerId')
        .where('withdrawnAt', 'is', null)
        .where('fromDate', '<=', cr.today)
        .where('toDate', '>=', cr.today)
        .execute()
    ).map((a) => a.officerId),
  );
  const inspectors: DrawInput['inspectors'] = [];
  const inspectorsLeftOut: InspectorLeftOut[] = [];
  for (const o of await db.selectFrom('officers').selectAll().orderBy('id').execute()) {
    const reason = !o.onDuty
      ? 'offDuty'
      : o.certValidFrom > cr.today || o.certValidTo < cr.today
        ? 'certificate'
        : away.has(o.id)
          ? 'away'
          : null;
    if (reason) inspectorsLeftOut.push({ officerId: o.id, name: o.name, reason });
    else inspectors.push({ officerId: o.id, name: o.name });
  }
  // 回避 (行政处罚法 第四十三条): an officer whose withdrawal from a case against an enterprise was granted (and not
  // retracted) is not sent to inspect it. The case names the officer as entered: every officer of that name is meant.
  const events = await db
    .selectFrom('caseEvents')
    .innerJoin('cases', 'cases.id', 'caseEvents.caseId')
    .select(['caseEvents.id', 'caseEvents.kind', 'cases.enterpriseId', 'caseEvents.dataJson'])
    .where('caseEvents.kind', 'in', ['recusal', 'retract'])
    .execute();
  const retracted = new Set(
    events.filter((e) => e.kind === 'retract').map((e) => (JSON.parse(e.dataJson) as { eventId: number }).eventId),
  );
  const sampled = new Set(snapshot.rows.filter((r) => r.track === 'random').map((r) => r.enterpriseId));
  const conflicts = new Map<string, { enterpriseId: number; officerId: number }>();
  for (const e of events) {
    const recusal = JSON.parse(e.dataJson) as { officer: string; granted: boolean };
    if (e.kind !== 'recusal' || retracted.has(e.id) || !recusal.granted || !sampled.has(e.enterpriseId)) continue;
    for (const o of inspectors.filter((i) => i.name === recusal.officer))
      conflicts.set(`${e.enterpriseId}:${o.officerId}`, { enterpriseId: e.enterpriseId, officerId: o.officerId });
  }
  // Said when the pool is shown, not after the witness has given a value: an enterprise no pair could go to.
  for (const r of snapshot.rows.filter((x) => x.track === 'random')) {
    const barred = [...conflicts.values()].filter((c) => c.enterpriseId === r.enterpriseId).length;
    if (inspectors.length >= 2 && inspectors.length - barred < 2)
      refuse('plans.draw.conflictsLeaveTooFew', 'year', { name: r.name });
  }
  const input: DrawInput = {
    format: DRAW_FORMAT,
    version: DRAW_VERSION,
    year,
    label,
    strata: snapshot.strata.map((s) => ({
      id: s.id,
      name: s.name,
      ratio: s.ratio,
      drawnBefore: thisYear.filter((p) => p.stratum === s.id).length,
    })),
    pool: snapshot.rows
      .filter((r) => r.track === 'random' && r.stratum)
      .map((r) => ({
        enterpriseId: r.enterpriseId,
        name: r.name,
        stratum: r.stratum!,
        visits: visits.get(r.enterpriseId) ?? 0,
        cap: r.cap ?? 1,
        covered: covered.has(r.enterpriseId),
      })),
    inspectors,
    recentPairs,
    conflicts: [...conflicts.values()],
  };
  return { input, poolSha256: poolHash(input, sha256), quotas: strataQuotas(input), inspectorsLeftOut };
}

export function toDrawRecord(r: {
  id: number;
  planYear: number;
  label: string;
  inputJson: string;
  witnessValue: string;
  witnessName: string;
  operator: string;
  drawnAt: string;
  resultJson: string;
  resultSha256: string;
}): DrawRecord {
  return {
    format: 'desk-draw-record',
    id: r.id,
    planYear: r.planYear,
    label: r.label,
    input: JSON.parse(r.inputJson) as DrawInput,
    witnessValue: r.witnessValue,
    witnessName: r.witnessName,
    operator: r.operator,
    drawnAt: r.drawnAt,
    result: JSON.parse(r.resultJson) as DrawResult,
    resultSha256: r.resultSha256,
  };
}

/**
 * The draw: only on the pool that was published (its hash given back), with a witness other than the operator and a
 * value long enough not to be guessed ahead. Kept whole as drawn.
 */
export async function draw(
  core: CoreState,
  cr: RuleContext,
  actor: AuditActor,
  input: { year: number; label: string; poolSha256: string; witnessName: string; witnessValue: string },
): Promise<DrawRecord> {
  if (input.witnessName === actor.userName) refuse('plans.draw.witnessIsOperator', 'witnessName');
  // The pool read, checked and drawn on in one transaction: two draws sent at once cannot both pass the check.
  const row = await core.tx(async (trx) => {
    const { input: pool, poolSha256 } = await drawPool(core, cr, trx, input.year, input.label);
    // The record moved since the pool was shown: what the witness saw is not what would be drawn.
    if (poolSha256 !== input.poolSha256) refuse('plans.draw.poolChanged', 'poolSha256');
    let result: DrawResult;
    try {
      result = runDraw(pool, input.witnessValue, sha256);
    } catch (e) {
      if (e instanceof DrawRefused) refuse(e.key, 'year');
      throw e;
    }
    const resultSha256 = resultHash(result!, sha256);
    const made = await trx
      .insertInto('draws')
      .values({
        planYear: input.year,
        label: input.label,
        inputJson: JSON.stringify(pool),
        poolSha256,
        witnessValue: input.witnessValue,
        witnessName: input.witnessName,
        operator: actor.userName,
        drawnAt: core.now().toISOString(),
        resultJson: JSON.stringify(result!),
        resultSha256,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    core.record(actor, {
      action: 'plans:draw',
      entityType: 'draw',
      entityId: made.id,
      after: {
        label: input.label,
        poolSha256,
        witnessName: input.witnessName,
        resultSha256,
        picks: result!.picks.length,
      },
    });
    return made;
  });
  return toDrawRecord(row);
}
