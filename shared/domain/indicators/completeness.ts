import { chinaDate } from '../dates.ts';
import type { PackageProblem } from '../../entities/export-package.ts';
import type { RecordOf } from '../../entities/exports/records.ts';

/**
 * 录入与上报完整率: the first indicators, each a pure function over a period's records with its written definition
 * (口径), the records it counts and those it leaves out with why. The reports (统计报表) extend this folder with the
 * supervisor's figures; the upload packages' pre-upload check (upload-completeness.ts) says what "complete" is, so a
 * figure here never disagrees with what a package would hold back.
 */

export const COMPLETENESS_VERSION = '2026.1';

export type CompletenessId = 'inspections-complete' | 'cases-complete' | 'reported';

export interface IndicatorRecord {
  entity: 'inspections' | 'cases';
  id: number;
  /** How the user knows it: the enterprise and the day, or the 案号. */
  label: string;
}

export interface IndicatorValue {
  id: CompletenessId;
  version: string;
  numerator: number;
  denominator: number;
  /** The share in per cent to one decimal, or null when nothing is counted. */
  percent: number | null;
  /** The records counted in the denominator that do not meet the definition, for a list that opens each. */
  short: IndicatorRecord[];
  /** Records of the period left out of the denominator, each with why (a translation key). */
  excluded: (IndicatorRecord & { why: string })[];
}

export interface CompletenessInput {
  from: string;
  to: string;
  enterprises: RecordOf<'enterprises'>[];
  inspections: RecordOf<'inspections'>[];
  cases: RecordOf<'cases'>[];
  documents: RecordOf<'documents'>[];
  /** The pre-upload check's problems of the record (upload-completeness.ts). */
  problems: PackageProblem[];
  /** Records as last accepted by the province (entity:id), unchanged since with every record that completes them. */
  reported: Set<string>;
}

/** The day a case was entered in the app, as China counts it: what 案件录入完整率 dates a case by. */
export const enteredOn = (c: { createdAt: string }) => chinaDate(new Date(c.createdAt));

const percent = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/**
 * - 检查录入完整率: inspections begun in the period (not withdrawn) with two officers and their 现场检查记录 (a 复查: its
 *   整改复查意见书) issued, over those inspections.
 * - 案件录入完整率: cases entered in the period (the day the case was created in the app) whose every issued decision is
 *   served and whose file has no veto finding nor required document missing, over those cases.
 * - 已上报率: those inspections and cases held, as they now stand with their documents, service, hazards, events and
 *   review, in the package the province last accepted, over them.
 */
export function completenessIndicators(input: CompletenessInput): IndicatorValue[] {
  const within = (day: string) => day >= input.from && day <= input.to;
  const name = new Map(input.enterprises.map((e) => [e.id, e.name]));
  const held = new Set(input.problems.filter((p) => p.record).map((p) => `${p.record!.entity}:${p.record!.id}`));
  const inspections: IndicatorRecord[] = [];
  const excluded: IndicatorValue['excluded'] = [];
  for (const i of input.inspections) {
    if (!within(i.startedAt.slice(0, 10))) continue;
    const r: IndicatorRecord = {
      entity: 'inspections',
      id: i.id,
      label: `${name.get(i.enterpriseId) ?? ''} ${i.startedAt.slice(0, 10)}`,
    };
    if (i.status === 'withdrawn') excluded.push({ ...r, why: 'indicators.excluded.withdrawn' });
    else inspections.push(r);
  }
  const cases: IndicatorRecord[] = input.cases
    .filter((c) => within(enteredOn(c)))
    .map((c) => ({ entity: 'cases', id: c.id, label: `${c.caseNo} ${name.get(c.enterpriseId) ?? ''}` }));
  // A case is held back by its own findings and by a decision of its not served.
  const caseOf = new Map(input.documents.map((d) => [d.id, d.caseId]));
  for (const p of input.problems)
    if (p.record?.entity === 'documents' && caseOf.get(p.record.id)) held.add(`cases:${caseOf.get(p.record.id)}`);
  const value = (id: CompletenessId, all: IndicatorRecord[], ok: (r: IndicatorRecord) => boolean): IndicatorValue => {
    const short = all.filter((r) => !ok(r));
    const n = all.length - short.length;
    return {
      id,
      version: COMPLETENESS_VERSION,
      numerator: n,
      denominator: all.length,
      percent: percent(n, all.length),
      short,
      excluded: id === 'cases-complete' ? [] : excluded,
    };
  };
  return [
    value('inspections-complete', inspections, (r) => !held.has(`inspections:${r.id}`)),
    value('cases-complete', cases, (r) => !held.has(`cases:${r.id}`)),
    value('reported', [...inspections, ...cases], (r) => input.reported.has(`${r.entity}:${r.id}`)),
  ];
}

/** The calendar quarter a day falls in: 2026-11-22 → 2026-10-01 … 2026-12-31. */
export function quarterOf(day: string): { from: string; to: string; year: number; quarter: number } {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(first + 2)}-${last}`, year, quarter };
}
