import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import { capacity } from '../../../../shared/domain/plans/capacity.ts';
import { absentWorkdays } from '../../../../shared/domain/plans/availability.ts';
import type { AbsenceKind } from '../../../../shared/base/vocabulary.ts';
import { classifyAll } from '../../../../shared/domain/plans/classify.ts';
import { canonicalJson } from '../../../../shared/domain/plans/draw.ts';
import { unitLevel } from '../../../../shared/domain/typical-case.ts';
import { countWorkdays } from '../../../../shared/domain/workdays.ts';
import type { Plan, PlanSnapshot } from '../../../../shared/api/channels/plans.ts';
import type { PlanInputs } from '../../../../shared/entities/plan.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import type { DB, PlansTable } from '../../db/schema.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import { accidentDays } from '../enterprises/accidents.ts';
import { planRulesOf, planSubjects } from './repository.ts';

const DEFAULT_MARGIN = 0.1;

/** The ledger sorted for a plan, as the rules in force say today. */
export async function classification(core: CoreState, cr: RuleContext) {
  const db = core.store.db;
  const { rules, own } = planRulesOf(core, cr.settings);
  const subjects = await planSubjects(db, await accidentDays(db));
  const { rows, summary } = classifyAll(
    subjects.map((s) => s.subject),
    rules,
    { level: unitLevel(unitOf(cr).regionCode), today: cr.today },
  );
  return { rules, own, rows: rows.map((r, i) => ({ ...subjects[i].shown, ...r })), summary };
}

const onDuty = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('officers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('onDuty', '=', 1)
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** What a new plan starts from: the officers on duty, nothing else entered, two person-days a visit, a tenth kept free. */
const defaults = (officers: number): PlanInputs => ({
  officers: Math.max(1, officers),
  otherEnforcement: {},
  nonEnforcement: {},
  perVisit: { key: 2, random: 2 },
  margin: DEFAULT_MARGIN,
  note: '',
});

/** The year's plan as it stands: computed live from the record while drafted, as approved afterwards. */
export async function planOf(core: CoreState, cr: RuleContext, year: number): Promise<Plan> {
  const db = core.store.db;
  const row = await db.selectFrom('plans').selectAll().where('year', '=', year).executeTakeFirst();
  const officersOnDuty = await onDuty(db);
  const away = await db
    .selectFrom('officerAbsences')
    .select(['officerId', 'kind', 'fromDate', 'toDate'])
    .where('withdrawnAt', 'is', null)
    .where('toDate', '>=', `${year}-01-01`)
    .where('fromDate', '<=', `${year}-12-31`)
    .execute();
  const recordedAway: Plan['recordedAway'] = {};
  for (const kinds of absentWorkdays(
    away.map((a) => ({ officerId: a.officerId, kind: a.kind as AbsenceKind, from: a.fromDate, to: a.toDate })),
    cr.cal,
    `${year}-01-01`,
    `${year}-12-31`,
  ).byOfficer.values())
    for (const [k, n] of Object.entries(kinds) as [AbsenceKind, number][]) recordedAway[k] = (recordedAway[k] ?? 0) + n;
  const common = {
    year,
    recordedAway,
    filingDue: `${year}-01-31`,
    officersOnDuty,
    snapshotSha256: row?.snapshotSha256 ?? null,
    approvedOn: row?.approvedOn ?? null,
    approvalRef: row?.approvalRef ?? null,
    approvedBy: row?.approvedBy ?? null,
    filedOn: row?.filedOn ?? null,
    filingRef: row?.filingRef ?? null,
    filedBy: row?.filedBy ?? null,
  };
  if (row?.snapshotJson) {
    const s = JSON.parse(row.snapshotJson) as PlanSnapshot;
    return {
      ...common,
      status: row.status as Plan['status'],
      version: row.version,
      inputs: s.inputs,
      statutoryWorkdays: s.statutoryWorkdays,
      calendarMissing: false,
      demand: demandOf(s.rows, s.strata),
      strata: s.strata,
      capacity: s.capacity,
      blockers: [],
      rulesVersion: s.rulesVersion,
    };
  }
  const inputs = row ? (JSON.parse(row.inputsJson) as PlanInputs) : defaults(officersOnDuty);
  const live = await draft(core, cr, year, inputs);
  return {
    ...common,
    status: row ? 'draft' : 'none',
    version: row?.version ?? null,
    inputs,
    statutoryWorkdays: live.statutoryWorkdays,
    calendarMissing: live.calendarMissing,
    demand: demandOf(live.snapshot.rows, live.snapshot.strata),
    strata: live.snapshot.strata,
    capacity: live.snapshot.capacity,
    blockers: live.blockers,
    rulesVersion: live.snapshot.rulesVersion,
  };
}

function demandOf(rows: PlanSnapshot['rows'], strata: PlanSnapshot['strata']): Plan['demand'] {
  const key = rows.filter((r) => r.track === 'key');
  return {
    keyEnterprises: key.length,
    keyVisits: key.reduce((n, r) => n + r.visits, 0),
    randomEnterprises: rows.filter((r) => r.track === 'random').length,
    randomVisits: strata.reduce((n, s) => n + s.quota, 0),
  };
}

/** The plan as it would be approved now, with what stands in the way. */
async function draft(core: CoreState, cr: RuleContext, year: number, inputs: PlanInputs) {
  const { rules, rows, summary } = await classification(core, cr);
  const days = countWorkdays(cr.cal, `${year}-01-01`, `${year}-12-31`);
  const randomVisits = summary.strata.reduce((n, s) => n + s.quota, 0);
  const cap = capacity({
    statutoryWorkdays: days.count,
    officers: inputs.officers,
    otherEnforcement: inputs.otherEnforcement,
    nonEnforcement: inputs.nonEnforcement,
    demand: {
      key: { visits: summary.keyVisits, personDays: inputs.perVisit.key },
      random: { visits: randomVisits, personDays: inputs.perVisit.random },
    },
    margin: inputs.margin,
  });
  const blockers: Plan['blockers'] = [];
  // The year's working days are a guess until its calendar is imported: a plan is not approved on a guess.
  if (days.uncertain) blockers.push({ key: 'plans.blockers.calendarMissing', params: { year } });
  if (!cap.feasible)
    blockers.push({ key: 'plans.blockers.demandExceedsSupply', params: { need: cap.need.total, usable: cap.usable } });
  const snapshot: PlanSnapshot = {
    classifiedOn: cr.today,
    rulesVersion: rules.version,
    statutoryWorkdays: days.count,
    rows: rows
      .filter((r) => r.track === 'key' || r.track === 'random')
      .map((r) => ({
        enterpriseId: r.enterpriseId,
        name: r.name,
        uscc: r.uscc,
        township: r.township,
        track: r.track,
        visits: r.visits,
        stratum: r.stratum?.id ?? null,
        stratumName: r.stratum?.name ?? null,
        ratio: r.stratum?.ratio ?? null,
        cap: r.cap?.cap ?? null,
        capName: r.cap?.name ?? null,
      })),
    strata: summary.strata,
    capacity: cap,
    inputs,
    capExempt: rules.capExempt,
  };
  return { snapshot, blockers, statutoryWorkdays: days.count, calendarMissing: days.uncertain };
}

const refuse = (key: string, path: string, params?: Record<string, string | number>) => {
  throw new AppError('VALIDATION', { issues: [{ path: [path], key, ...(params ? { params } : {}) }] });
};

/** A plan is drafted for last year (late), this year, or next year (drafted in December). */
function checkYear(cr: RuleContext, year: number) {
  const now = Number(cr.today.slice(0, 4));
  if (year < now - 1 || year > now + 1) refuse('plans.blockers.year', 'year', { from: now - 1, to: now + 1 });
}

async function current(db: Kysely<DB>, year: number): Promise<Selectable<PlansTable> | undefined> {
  return db.selectFrom('plans').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function savePlan(
  core: CoreState,
  cr: RuleContext,
  actor: AuditActor,
  input: { year: number; inputs: PlanInputs; version: number | null },
): Promise<Plan> {
  checkYear(cr, input.year);
  await core.tx(async (trx) => {
    const row = await current(trx, input.year);
    if ((row?.version ?? null) !== input.version) throw new AppError('STALE_VERSION');
    if (row && row.status !== 'draft') refuse('plans.blockers.approved', 'year');
    const at = core.now().toISOString();
    const inputsJson = JSON.stringify(input.inputs);
    if (row)
      await trx
        .updateTable('plans')
        .set({ inputsJson, updatedAt: at, version: row.version + 1 })
        .where('id', '=', row.id)
        .execute();
    else
      await trx
        .insertInto('plans')
        .values({
          year: input.year,
          status: 'draft',
          inputsJson,
          createdAt: at,
          createdBy: actor.userName,
          updatedAt: at,
        })
        .execute();
    core.record(actor, {
      action: 'plans:save',
      entityType: 'plan',
      entityId: String(input.year),
      before: row ? JSON.parse(row.inputsJson) : null,
      after: input.inputs,
    });
  });
  return planOf(core, cr, input.year);
}

/**
 * Approval by the 本级人民政府, entered: refused while the plan needs more days than it has (留有余地 kept) or the
 * year's calendar is missing. What it was approved on is frozen with its SHA-256.
 */
export async function approvePlan(
  core: CoreState,
  cr: RuleContext,
  actor: AuditActor,
  input: { year: number; version: number; approvedOn: string; approvalRef: string },
): Promise<Plan> {
  if (input.approvedOn > cr.today) refuse('validation.notInFuture', 'approvedOn', { today: cr.today });
  // A plan is approved in the year before it or in its own, never long before.
  if (input.approvedOn < `${input.year - 1}-01-01`)
    refuse('plans.blockers.approvedTooEarly', 'approvedOn', { from: `${input.year - 1}-01-01` });
  const row = await current(core.store.db, input.year);
  if (!row || row.version !== input.version) throw new AppError('STALE_VERSION');
  if (row.status !== 'draft') refuse('plans.blockers.approved', 'year');
  const live = await draft(core, cr, input.year, JSON.parse(row.inputsJson) as PlanInputs);
  if (live.blockers.length)
    throw new AppError('VALIDATION', { issues: live.blockers.map((b) => ({ path: ['year'], ...b })) });
  const snapshotJson = JSON.stringify(live.snapshot);
  // Over the canonical JSON (keys sorted), so a receiving system in any language can compute it again.
  const snapshotSha256 = createHash('sha256').update(canonicalJson(live.snapshot)).digest('hex');
  await core.tx(async (trx) => {
    const changed = await trx
      .updateTable('plans')
      .set({
        status: 'approved',
        snapshotJson,
        snapshotSha256,
        approvedOn: input.approvedOn,
        approvalRef: input.approvalRef,
        approvedBy: actor.userName,
        updatedAt: core.now().toISOString(),
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION');
    core.record(actor, {
      action: 'plans:approve',
      entityType: 'plan',
      entityId: String(input.year),
      after: { approvedOn: input.approvedOn, approvalRef: input.approvalRef, snapshotSha256 },
    });
  });
  return planOf(core, cr, input.year);
}

/** 报市局备案: once approved, on or after that day. */
export async function filePlan(
  core: CoreState,
  cr: RuleContext,
  actor: AuditActor,
  input: { year: number; version: number; filedOn: string; filingRef: string },
): Promise<Plan> {
  if (input.filedOn > cr.today) refuse('validation.notInFuture', 'filedOn', { today: cr.today });
  await core.tx(async (trx) => {
    const row = await current(trx, input.year);
    if (!row || row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status !== 'approved') refuse('plans.blockers.notApproved', 'year');
    if (input.filedOn < row.approvedOn!)
      refuse('plans.blockers.filedBeforeApproved', 'filedOn', { on: row.approvedOn! });
    await trx
      .updateTable('plans')
      .set({
        status: 'filed',
        filedOn: input.filedOn,
        filingRef: input.filingRef || null,
        filedBy: actor.userName,
        updatedAt: core.now().toISOString(),
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    core.record(actor, {
      action: 'plans:file',
      entityType: 'plan',
      entityId: String(input.year),
      after: { filedOn: input.filedOn, filingRef: input.filingRef || null },
    });
  });
  return planOf(core, cr, input.year);
}

/** The plan with its enterprises, as it would print: the approved snapshot, or the draft as it stands today. */
export async function planForPrint(core: CoreState, cr: RuleContext, year: number) {
  const plan = await planOf(core, cr, year);
  const row = await current(core.store.db, year);
  const rows = row?.snapshotJson
    ? (JSON.parse(row.snapshotJson) as PlanSnapshot).rows
    : (await draft(core, cr, year, plan.inputs)).snapshot.rows;
  return { plan, rows };
}
