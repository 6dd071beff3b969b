import type { ReportSector } from '../../entities/report-rules.ts';
import type { RecordOf } from '../../entities/exports/records.ts';
import type { EnforcementId, EnforcementSnapshot } from './enforcement.ts';
import { once } from './memo.ts';
import type { AmountRecord, CountValue, DrillRecord, IndicatorValue, RatioValue, SumValue } from './values.ts';

export const BREAKDOWNS = ['sector', 'township', 'officer'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The figures a breakdown shows: those that split by enterprise or officer (a plan's quota does not). */
export const BREAKDOWN_IDS = [
  'enterprises-inspected',
  'inspections',
  'hazards',
  'major-hazards',
  'hazards-rectified',
  'cases-filed',
  'decisions',
  'fines',
] as const satisfies readonly EnforcementId[];

/**
 * The sectors' figures the 统计调查制度's base tables ask for (检查, 隐患, 处罚, 罚款 by sector): the breakdown's, and the
 * orders, closures and transfers, the fines by 日常监管 and 事故, and those collected.
 */
export const SECTOR_IDS = [
  ...BREAKDOWN_IDS,
  'suspensions',
  'closures',
  'transfers',
  'fines-routine',
  'fines-accident',
  'fines-collected',
] as const satisfies readonly EnforcementId[];

/** The sector an enterprise is counted under, the first matching its categories, and its sub-sector by industry. */
export function sectorOf(
  e: Pick<RecordOf<'enterprises'>, 'categories' | 'industryCode'>,
  sectors: readonly ReportSector[],
): { sector: string; subsector: string | null } | null {
  const categories = (e.categories ?? []) as string[];
  const sector = sectors.find((s) => s.categories.some((c) => categories.includes(c)));
  if (!sector) return null;
  const division = (e.industryCode ?? '').slice(0, 2);
  const sub = sector.subsectors.find((x) => x.divisions.includes(division));
  return {
    sector: sector.id,
    subsector: sub ? `${sector.id}/${sub.id}` : sector.subsectors.length ? `${sector.id}/` : null,
  };
}

/**
 * One row of a breakdown: its key (a sector id, `trade/machinery` for a sub-sector, `trade/` for the sector's
 * enterprises no sub-sector takes, `` for none; the township as written; the officer's id), and what it takes.
 */
export interface BreakdownGroup {
  key: string;
  /** The township or officer's name; a sector's is translated from the rules by the screen. */
  label: string;
  /** A sub-sector row, shown under its sector. */
  parent: string | null;
  enterprises?: ReadonlySet<number>;
  officerId?: number;
}

export function groupsOf(
  by: Breakdown,
  s: Pick<EnforcementSnapshot, 'enterprises' | 'officers'>,
  sectors: readonly ReportSector[],
): BreakdownGroup[] {
  if (by === 'officer')
    return [...s.officers]
      .sort((a, b) => a.id - b.id)
      .map((o) => ({ key: String(o.id), label: o.name, parent: null, officerId: o.id }));
  const buckets = new Map<string, Set<number>>();
  const add = (key: string, id: number) => {
    const set = buckets.get(key) ?? new Set<number>();
    set.add(id);
    buckets.set(key, set);
  };
  for (const e of s.enterprises) {
    if (by === 'township') {
      add(e.township ?? '', e.id);
      continue;
    }
    const at = sectorOf(e, sectors);
    add(at?.sector ?? '', e.id);
    if (at?.subsector) add(at.subsector, e.id);
  }
  if (by === 'township')
    return [...buckets]
      .sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : a[0].localeCompare(b[0], 'zh-CN')))
      .map(([key, enterprises]) => ({ key, label: key, parent: null, enterprises }));
  // Sectors in the rules' order, each followed by its sub-sectors; then the enterprises no sector takes.
  const order = sectors.flatMap((x) => [
    x.id,
    ...x.subsectors.map((u) => `${x.id}/${u.id}`),
    ...(x.subsectors.length ? [`${x.id}/`] : []),
  ]);
  return [...order, '']
    .filter((key) => buckets.has(key))
    .map((key) => ({
      key,
      label: key,
      parent: key.includes('/') ? key.split('/')[0] : null,
      enterprises: buckets.get(key)!,
    }));
}

/** The records by enterprise, officer and case, built once for all the groups of a breakdown. */
export interface SnapshotIndex {
  inspectionsByEnterprise: Map<number, RecordOf<'inspections'>[]>;
  inspectionsByOfficer: Map<number, RecordOf<'inspections'>[]>;
  hazardsByInspection: Map<number, RecordOf<'hazards'>[]>;
  casesByEnterprise: Map<number, RecordOf<'cases'>[]>;
  casesByOfficer: Map<number, RecordOf<'cases'>[]>;
  eventsByCase: Map<number, RecordOf<'caseEvents'>[]>;
  documentsByCase: Map<number, RecordOf<'documents'>[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexOf(s: EnforcementSnapshot): SnapshotIndex {
  const index: SnapshotIndex = {
    inspectionsByEnterprise: new Map(),
    inspectionsByOfficer: new Map(),
    hazardsByInspection: new Map(),
    casesByEnterprise: new Map(),
    casesByOfficer: new Map(),
    eventsByCase: new Map(),
    documentsByCase: new Map(),
  };
  for (const i of s.inspections) {
    push(index.inspectionsByEnterprise, i.enterpriseId, i);
    for (const o of new Set(i.officerIds as number[])) push(index.inspectionsByOfficer, o, i);
  }
  for (const h of s.hazards) push(index.hazardsByInspection, h.inspectionId, h);
  for (const c of s.cases) {
    push(index.casesByEnterprise, c.enterpriseId, c);
    for (const o of new Set(c.handlerIds as number[])) push(index.casesByOfficer, o, c);
  }
  for (const e of s.caseEvents) push(index.eventsByCase, e.caseId, e);
  for (const d of s.documents) if (d.caseId !== null) push(index.documentsByCase, d.caseId, d);
  return index;
}

/**
 * The records of one group: an enterprise group's inspections, hazards and cases with their events and documents; an
 * officer's inspections (he took part in) with their hazards, and the cases he handles. Plans, draws and write-ups
 * do not split, and are left out.
 */
export function narrow(
  s: EnforcementSnapshot,
  g: BreakdownGroup,
  index: SnapshotIndex = indexOf(s),
): EnforcementSnapshot {
  const officer = g.officerId;
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  const inspections = (
    officer !== undefined
      ? (index.inspectionsByOfficer.get(officer) ?? [])
      : [...g.enterprises!].flatMap((e) => index.inspectionsByEnterprise.get(e) ?? [])
  ).sort(byId);
  const cases = (
    officer !== undefined
      ? (index.casesByOfficer.get(officer) ?? [])
      : [...g.enterprises!].flatMap((e) => index.casesByEnterprise.get(e) ?? [])
  ).sort(byId);
  return {
    ...s,
    inspections,
    hazards: inspections.flatMap((i) => index.hazardsByInspection.get(i.id) ?? []),
    cases,
    caseEvents: cases.flatMap((c) => index.eventsByCase.get(c.id) ?? []),
    documents: cases.flatMap((c) => index.documentsByCase.get(c.id) ?? []),
    officers: officer !== undefined ? s.officers.filter((o) => o.id === officer) : [],
    absences: officer !== undefined ? s.absences.filter((a) => a.officerId === officer) : [],
    plans: [],
    draws: [],
    typicalCases: [],
  };
}

/**
 * A breakdown's figures from the period's own lists: each record of BREAKDOWN_IDS' figures given to the groups it
 * belongs to (its enterprise's sector or township; the officers of its inspection or case). The same figures as
 * counting each group's records apart (narrow, which a group's drill-down uses; a test holds the two together),
 * without counting the whole record once per group.
 */
export function breakdownFigures(
  values: readonly IndicatorValue[],
  s: EnforcementSnapshot,
  by: Breakdown,
  groups: readonly BreakdownGroup[],
  /** BREAKDOWN_IDS, or for the sectors of the printed tables SECTOR_IDS; counts and sums besides these two shares. */
  ids: readonly string[] = BREAKDOWN_IDS,
): Map<string, Record<string, number | null>> {
  const inspection = once(s.inspections, 'byId', () => new Map(s.inspections.map((i) => [i.id, i])));
  const hazard = once(s.hazards, 'byId', () => new Map(s.hazards.map((h) => [h.id, h])));
  const kase = once(s.cases, 'byId', () => new Map(s.cases.map((c) => [c.id, c])));
  const document = once(s.documents, 'byId', () => new Map(s.documents.map((d) => [d.id, d])));
  const keysOfEnterprise = new Map<number, string[]>();
  for (const g of groups)
    for (const e of g.enterprises ?? []) keysOfEnterprise.set(e, [...(keysOfEnterprise.get(e) ?? []), g.key]);
  const officerKeys = (ids: unknown) => [...new Set(ids as number[])].map(String);
  /** The groups a record of a figure's list belongs to. */
  const keysOf = (r: DrillRecord): string[] => {
    const viaCase = (caseId: number | null | undefined) => {
      const c = caseId == null ? undefined : kase.get(caseId);
      if (!c) return [];
      return by === 'officer' ? officerKeys(c.handlerIds) : (keysOfEnterprise.get(c.enterpriseId) ?? []);
    };
    const viaInspection = (id: number | undefined) => {
      const i = id === undefined ? undefined : inspection.get(id);
      if (!i) return [];
      return by === 'officer' ? officerKeys(i.officerIds) : (keysOfEnterprise.get(i.enterpriseId) ?? []);
    };
    switch (r.entity) {
      case 'inspections':
        return viaInspection(r.id);
      case 'hazards':
        return viaInspection(hazard.get(r.id)?.inspectionId);
      case 'cases':
        return viaCase(r.id);
      case 'documents':
        return viaCase(document.get(r.id)?.caseId);
      default:
        return [];
    }
  };
  const tally = (list: readonly DrillRecord[], weigh: (r: DrillRecord) => number = () => 1) => {
    const out = new Map<string, number>();
    for (const r of list) for (const k of keysOf(r)) out.set(k, (out.get(k) ?? 0) + weigh(r));
    return out;
  };
  const find = (id: string) => values.find((v) => v.id === id)!;
  const inspections = find('inspections') as CountValue;
  // 检查企业数 of a group: the distinct enterprises of its visits.
  const enterprises = new Map<string, Set<number>>();
  for (const r of inspections.records)
    for (const k of keysOf(r))
      enterprises.set(k, (enterprises.get(k) ?? new Set()).add(inspection.get(r.id)!.enterpriseId));
  const rectified = find('hazards-rectified') as RatioValue;
  const met = tally(rectified.records);
  const due = tally([...rectified.records, ...rectified.short]);
  // Every other figure asked for is a count or a sum of its own list, split as the list is.
  const split = new Map(
    ids
      .filter((id) => id !== 'enterprises-inspected' && id !== 'hazards-rectified')
      .map((id) => {
        const v = find(id) as CountValue | SumValue;
        return [id, v.kind === 'sum' ? tally(v.records, (r) => (r as AmountRecord).amount) : tally(v.records)] as const;
      }),
  );
  return new Map(
    groups.map((g) => {
      const n = met.get(g.key) ?? 0;
      const d = due.get(g.key) ?? 0;
      const values: Record<string, number | null> = {};
      for (const id of ids)
        values[id] =
          id === 'enterprises-inspected'
            ? (enterprises.get(g.key)?.size ?? 0)
            : id === 'hazards-rectified'
              ? d
                ? Math.round((n / d) * 1000) / 10
                : null
              : (split.get(id)!.get(g.key) ?? 0);
      return [g.key, values];
    }),
  );
}
