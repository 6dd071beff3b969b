import { type Kysely, type Selectable, sql } from 'kysely';
import { AppError } from '../../../../shared/base/errors.ts';
import type { IssuedReport, ReportBases, ReportView } from '../../../../shared/api/channels/reports.ts';
import { canonicalJson } from '../../../../shared/domain/plans/draw.ts';
import { pdfPageCount } from '../../../../shared/domain/case-file.ts';
import { reportText } from '../../../../shared/domain/indicators/report-text.ts';
import { sha256, storeFile } from '../../files.ts';
import { unitOf } from '../../rules.ts';
import { reportPdf } from './document.ts';
import {
  BREAKDOWN_IDS,
  type Breakdown,
  BREAKDOWNS,
  breakdownFigures,
  groupsOf,
  SECTOR_IDS,
  narrow,
} from '../../../../shared/domain/indicators/breakdown.ts';
import { enteredOn } from '../../../../shared/domain/indicators/completeness.ts';
import {
  ENFORCEMENT_VERSION,
  enforcementIndicators,
  type EnforcementSnapshot,
} from '../../../../shared/domain/indicators/enforcement.ts';
import {
  baseSlot,
  monthsOf,
  type Period,
  periodKind,
  previousPeriod,
  sameLastYear,
  yearToDate,
} from '../../../../shared/domain/indicators/periods.ts';
import {
  assembleFigures,
  type EnteredBase,
  FIGURE_GROUPS,
  monthly,
  SHARE_IDS,
  TREND_IDS,
} from '../../../../shared/domain/indicators/report.ts';
import type { IndicatorValue } from '../../../../shared/domain/indicators/values.ts';
import { once } from '../../../../shared/domain/indicators/memo.ts';
import { rulesFor } from '../../../../shared/domain/typical-case.ts';
import type { ReportRules } from '../../../../shared/entities/report-rules.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import type { DB, ReportsTable } from '../../db/schema.ts';
import type { RuleContext } from '../../rules.ts';
import { completenessOf } from '../exports/completeness.ts';
import { type PackageData, readPackageData } from '../exports/records.ts';
import type { Store } from '../../db/open.ts';

export const reportRulesOf = (core: CoreState, cr: RuleContext): { rules: ReportRules; own: boolean } =>
  cr.settings.reportRules
    ? { rules: cr.settings.reportRules, own: true }
    : { rules: core.knowledge.reportRules, own: false };

type Records = Omit<EnforcementSnapshot, 'from' | 'to'>;

/**
 * The records the figures are counted from: those an upload package holds (the same reader), so a figure never
 * disagrees with what was reported; with the work calendar and the rules that are data. Read once per state of the
 * database: kept until anything is written to it, through this connection (total_changes) or another (data_version).
 */
const readCache = new WeakMap<Store, { key: string; data: Promise<PackageData> }>();
async function changeMark(store: Store): Promise<string> {
  const { rows } = await sql<{ n: number }>`SELECT total_changes() AS n`.execute(store.db);
  return `${store.raw.pragma('data_version', { simple: true }) as number}:${rows[0].n}`;
}
async function packageData(store: Store): Promise<PackageData> {
  const key = await changeMark(store);
  const hit = readCache.get(store);
  if (hit?.key === key) return hit.data;
  const data = readPackageData(store.db);
  readCache.set(store, { key, data });
  // A failed read is not kept.
  data.catch(() => readCache.delete(store));
  return data;
}

async function recordsOf(
  core: CoreState,
  cr: RuleContext,
): Promise<{ records: Records; rules: ReportRules; read: PackageData }> {
  const read = await packageData(core.store);
  const { records } = read;
  const { rules } = reportRulesOf(core, cr);
  return {
    rules,
    read,
    records: {
      enterprises: records.enterprises,
      inspections: records.inspections,
      hazards: records.hazards,
      cases: records.cases,
      caseEvents: records.caseEvents,
      documents: records.documents,
      officers: records.officers,
      absences: records.absences,
      typicalCases: records.typicalCases,
      plans: records.plans,
      draws: records.draws,
      calendar: cr.cal,
      rules: {
        offPostKinds: rules.offPostKinds,
        typicalSchedule: cr.unit ? rulesFor(core.knowledge.typicalCases.schedule, cr.unit.regionCode) : [],
      },
    },
  };
}

/**
 * 录入率 as 数据上报 counts it (the pre-upload check reviews each case file of the period): kept per state of the
 * database, period and settings, like the records.
 */
const completenessCache = new WeakMap<Store, Map<string, Promise<IndicatorValue[]>>>();
async function completenessFor(core: CoreState, cr: RuleContext, period: Period): Promise<IndicatorValue[]> {
  const key = `${await changeMark(core.store)}|${period.from}|${period.to}|${JSON.stringify(cr.settings)}|${cr.today}`;
  let byKey = completenessCache.get(core.store);
  if (!byKey) completenessCache.set(core.store, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const made = packageData(core.store)
    .then((data) => completenessOf(core, cr, period, data))
    .then(completenessValues);
  // A few periods at once (the screen moving between quarters); older states of the database are dropped.
  for (const k of [...byKey.keys()])
    if (!k.startsWith(key.slice(0, key.indexOf('|') + 1)) || byKey.size > 8) byKey.delete(k);
  byKey.set(key, made);
  made.catch(() => byKey.delete(key));
  return made;
}

/**
 * The first day the desk holds a record of work for: its first inspection begun, case entered, document dated or case
 * step recorded (a case entered in October may have been filed in August).
 */
function recordedFrom(r: Records): string | null {
  // Live records only: a withdrawn inspection or a draft mistyped years back is no sign of work recorded then.
  const days = [
    ...r.inspections.filter((i) => i.status !== 'withdrawn').map((i) => i.startedAt.slice(0, 10)),
    ...r.cases.map(enteredOn),
    ...r.documents.filter((d) => d.status === 'issued').map((d) => d.documentDate),
    ...r.caseEvents.map((e) => (e.event as { date?: string }).date),
  ].filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d));
  return days.length ? days.reduce((a, b) => (a < b ? a : b)) : null;
}

async function enteredFor(db: Kysely<DB>, p: Period): Promise<Map<string, EnteredBase>> {
  const slot = baseSlot(p);
  if (!slot) return new Map();
  const rows = await db
    .selectFrom('reportBases')
    .selectAll()
    .where('year', '=', slot.year)
    .where('quarter', '=', slot.quarter)
    .execute();
  return new Map(
    rows.map((r) => [r.indicator, { value: r.value, enteredBy: r.enteredBy, enteredAt: r.enteredAt, note: r.note }]),
  );
}

/** 录入率: the completeness figures of 数据上报, as the report shows them (a ratio with the records short of it). */
const completenessValues = (c: Awaited<ReturnType<typeof completenessOf>>): IndicatorValue[] =>
  c.indicators.map((v) => ({
    id: v.id,
    version: v.version,
    kind: 'ratio',
    numerator: v.numerator,
    denominator: v.denominator,
    percent: v.percent,
    records: [],
    short: v.short,
    excluded: v.excluded,
  }));

/**
 * A breakdown's groups, and the first day recorded, kept with the read of the record they were made from.
 */
const groupsFor = (by: Breakdown, read: PackageData, records: Records, rules: ReportRules) =>
  once(read, `groups:${by}:${JSON.stringify(rules.sectors)}`, () => groupsOf(by, records, rules.sectors));

const COMPLETENESS_IDS = ['inspections-complete', 'cases-complete'];

const at = (s: Records, p: Period) => enforcementIndicators({ ...s, ...p });

export async function figuresOf(core: CoreState, cr: RuleContext, period: Period): Promise<ReportView> {
  const { records, rules, read } = await recordsOf(core, cr);
  const previous = previousPeriod(period);
  const lastYear = sameLastYear(period);
  const completeness = await completenessFor(core, cr, period);
  const entered = await enteredFor(core.store.db, lastYear);
  const first = once(read, 'recordedFrom', () => recordedFrom(records));
  const current = at(records, period);
  // The year to the period's end: what annual targets are held to, and this year's trend.
  const ytd = at(records, yearToDate(period));
  const figures = assembleFigures({
    to: period.to,
    current: [...current, ...completeness],
    previous: { period: previous, values: at(records, previous) },
    lastYear: { period: lastYear, values: at(records, lastYear) },
    yearToDate: ytd,
    entered,
    targets: rules.targets,
    recordedFrom: first,
    asOf: cr.today,
  });

  // The trend from two years' lists, each record on its month (monthly): this year to the period's end or today,
  // both from the desk's first record.
  const year = Number(period.to.slice(0, 4));
  const months = monthsOf(year);
  const lastMonths = monthsOf(year - 1);
  const thisYear = ytd;
  const before = at(records, { from: lastMonths[0].from, to: lastMonths[11].to });
  const figuresBy: Partial<Record<Breakdown, ReturnType<typeof breakdownFigures>>> = {};
  const breakdowns = Object.fromEntries(
    BREAKDOWNS.map((by) => [
      by,
      {
        ids: [...BREAKDOWN_IDS],
        rows: groupsFor(by, read, records, rules).map((g, _, groups) => {
          const values = (figuresBy[by] ??= breakdownFigures(
            current,
            { ...records, ...period },
            by,
            groups,
            by === 'sector' ? SECTOR_IDS : BREAKDOWN_IDS,
          )).get(g.key)!;
          const sector = by === 'sector' ? sectorName(rules, g.key) : null;
          return {
            key: g.key,
            label: sector?.name ?? g.label,
            labelEn: sector?.nameEn ?? null,
            parent: g.parent,
            values,
          };
        }),
      },
    ]),
  ) as ReportView['breakdowns'];
  return {
    period: { ...period, kind: periodKind(period) },
    previous,
    lastYear,
    versions: { enforcement: ENFORCEMENT_VERSION, rules: rules.version },
    figures,
    trend: {
      months: monthsOf(year).map((m) => m.month.slice(5)),
      series: TREND_IDS.map((id) => {
        // A month not begun yet, or wholly before the desk's first record, has no figure (not a 0).
        const end = period.to < cr.today ? period.to : cr.today;
        const unrecorded = (m: Period) => first === null || m.to < first;
        const now = monthly(
          thisYear.find((v) => v.id === id)!,
          months,
        );
        const then = monthly(
          before.find((v) => v.id === id)!,
          lastMonths,
        );
        return {
          id,
          thisYear: now.map((v, i) => (unrecorded(months[i]) || months[i].from > end ? null : v)),
          lastYear: then.map((v, i) => (unrecorded(lastMonths[i]) ? null : v)),
        };
      }),
    },
    breakdowns,
    recordedFrom: first,
    asOf: cr.today,
    enteredCount: entered.size,
  };
}

/** A sector row's name: the sector's, a sub-sector's, or (key `trade/`) the sector's own with no sub-sector. */
function sectorName(rules: ReportRules, key: string): { name: string; nameEn: string } | null {
  const [id, sub] = key.split('/');
  const sector = rules.sectors.find((s) => s.id === id);
  if (!sector) return null;
  if (sub === undefined) return { name: sector.name, nameEn: sector.nameEn };
  const s = sector.subsectors.find((x) => x.id === sub);
  return s
    ? { name: s.name, nameEn: s.nameEn }
    : { name: `${sector.name}（其他）`, nameEn: `${sector.nameEn} (other)` };
}

export async function drillOf(
  core: CoreState,
  cr: RuleContext,
  input: { from: string; to: string; indicator: string; group?: { by: Breakdown; key: string } },
): Promise<IndicatorValue> {
  const period = { from: input.from, to: input.to };
  if (COMPLETENESS_IDS.includes(input.indicator) && !input.group) {
    const found = (await completenessFor(core, cr, period)).find((v) => v.id === input.indicator);
    if (found) return found;
  }
  const { records, rules, read } = await recordsOf(core, cr);
  let snapshot: EnforcementSnapshot = { ...records, ...period };
  if (input.group) {
    const g = groupsFor(input.group.by, read, records, rules).find((x) => x.key === input.group!.key);
    if (!g) throw new AppError('NOT_FOUND', { entity: 'group', id: input.group.key });
    snapshot = narrow(snapshot, g);
  }
  const value = enforcementIndicators(snapshot).find((v) => v.id === input.indicator);
  if (!value) throw new AppError('NOT_FOUND', { entity: 'indicator', id: input.indicator });
  return value;
}

/** Every figure of the report, which an admin may enter for a year the desk did not record. */
const BASE_INDICATORS = FIGURE_GROUPS.flatMap((g) => [...g.figures]);

export async function basesOf(db: Kysely<DB>, year: number): Promise<ReportBases> {
  const rows = await db
    .selectFrom('reportBases')
    .selectAll()
    .where('year', '=', year)
    .orderBy('quarter')
    .orderBy('indicator')
    .execute();
  return {
    year,
    indicators: BASE_INDICATORS,
    rows: rows.map((r) => ({
      quarter: r.quarter,
      indicator: r.indicator,
      value: r.value,
      enteredBy: r.enteredBy,
      enteredAt: r.enteredAt,
      note: r.note,
    })),
  };
}

/**
 * An admin's entry of base figures: only for a quarter or year that began before the desk's first record (figures
 * it holds whole are counted, never typed a second time), and only figures of the report.
 */
export async function saveBases(
  core: CoreState,
  cr: RuleContext,
  actor: AuditActor,
  input: { year: number; quarter: number; values: Record<string, number | null>; note: string },
): Promise<ReportBases> {
  for (const id of Object.keys(input.values))
    if (!BASE_INDICATORS.includes(id as never))
      throw new AppError('VALIDATION', { issues: [{ path: ['values', id], key: 'reports.rules.unknownIndicator' }] });
  const { records, read } = await recordsOf(core, cr);
  const first = once(read, 'recordedFrom', () => recordedFrom(records));
  for (const [id, value] of Object.entries(input.values))
    if (value !== null && SHARE_IDS.includes(id as never) && value > 100)
      throw new AppError('VALIDATION', { issues: [{ path: ['values', id], key: 'reports.rules.shareOver100' }] });
  // A period the desk recorded from its first day is counted, never entered; one it began within may be. A period
  // not begun has no figure to enter.
  const slotFrom = `${input.year}-${String(input.quarter === 0 ? 1 : input.quarter * 3 - 2).padStart(2, '0')}-01`;
  if (slotFrom > cr.today)
    throw new AppError('VALIDATION', { issues: [{ path: ['year'], key: 'reports.rules.notBegun' }] });
  if (first !== null && slotFrom >= first)
    throw new AppError('VALIDATION', {
      issues: [{ path: ['year'], key: 'reports.rules.recordedAlready', params: { from: first } }],
    });
  await core.tx(async (trx) => {
    const before = await trx
      .selectFrom('reportBases')
      .selectAll()
      .where('year', '=', input.year)
      .where('quarter', '=', input.quarter)
      .execute();
    const now = core.now().toISOString();
    for (const [indicator, value] of Object.entries(input.values)) {
      await trx
        .deleteFrom('reportBases')
        .where('year', '=', input.year)
        .where('quarter', '=', input.quarter)
        .where('indicator', '=', indicator)
        .execute();
      if (value !== null)
        await trx
          .insertInto('reportBases')
          .values({
            year: input.year,
            quarter: input.quarter,
            indicator,
            value,
            note: input.note,
            enteredBy: actor.userName,
            enteredAt: now,
          })
          .execute();
    }
    core.record(actor, {
      action: 'reports:bases-save',
      entityType: 'report-base',
      entityId: `${input.year}-${input.quarter}`,
      before: Object.fromEntries(before.map((r) => [r.indicator, r.value])),
      after: input.values,
    });
  });
  return basesOf(core.store.db, input.year);
}

/** A report as issued: what the list shows of it. */
export function toIssued(row: Selectable<ReportsTable>): IssuedReport {
  return {
    id: row.id,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    reportDate: row.reportDate,
    title: row.title,
    dataSha256: row.dataSha256,
    pdfSha256: row.pdfSha256,
    pages: row.pageCount,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
  };
}

/**
 * The report of a period as of a day: the figures counted as the record stands, with that day as today (targets,
 * the trend's last month, what is overdue), their SHA-256 and the PDF. Nothing in it reads the clock: the same
 * record, period and day give the same bytes, on any machine.
 */
export async function reportOf(core: CoreState, cr: RuleContext, input: Period & { date: string }) {
  if (input.date > cr.today)
    throw new AppError('VALIDATION', { issues: [{ path: ['date'], key: 'reports.rules.dateFuture' }] });
  if (input.date < input.from)
    throw new AppError('VALIDATION', { issues: [{ path: ['date'], key: 'reports.rules.dateBeforePeriod' }] });
  const asOf: RuleContext = { ...cr, today: input.date };
  const view = await figuresOf(core, asOf, { from: input.from, to: input.to });
  const json = canonicalJson(view);
  const dataSha256 = sha256(Buffer.from(json));
  const pdf = await reportPdf(core, asOf, view, dataSha256);
  return {
    view,
    json,
    dataSha256,
    pdf,
    title: reportText(view, core.knowledge.reportDocument, unitOf(cr), dataSha256).title,
  };
}

/** Issued: the figures and the PDF kept as they are, whatever is recorded later (the next report shows it). */
export async function issueReport(
  core: CoreState,
  cr: RuleContext,
  actor: AuditActor,
  input: Period & { date: string },
): Promise<IssuedReport> {
  const made = await reportOf(core, cr, input);
  const pdfSha256 = storeFile(core.dataDir, made.pdf);
  const id = await core.tx(async (trx) => {
    const row = await trx
      .insertInto('reports')
      .values({
        periodFrom: input.from,
        periodTo: input.to,
        reportDate: input.date,
        title: made.title,
        viewJson: made.json,
        dataSha256: made.dataSha256,
        pdfSha256,
        pageCount: pdfPageCount(made.pdf),
        issuedAt: core.now().toISOString(),
        issuedBy: actor.userName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    core.record(actor, {
      action: 'reports:issue',
      entityType: 'report',
      entityId: row.id,
      after: { ...input, dataSha256: made.dataSha256, pdfSha256 },
    });
    return row.id;
  });
  return toIssued(await issuedRow(core.store.db, id));
}

export async function issuedRow(db: Kysely<DB>, id: number): Promise<Selectable<ReportsTable>> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'report', id });
  return row;
}
