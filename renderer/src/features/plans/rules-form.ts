import type { ValidationIssue } from '../../../../shared/base/errors.ts';
import { type PlanCondition, type PlanRules, planRules } from '../../../../shared/entities/plan-rules.ts';

/**
 * The 分类分级 rules as the editor's form holds them, and back. Pure (no i18n, no antd) so the conversions and the
 * placing of the core's issues are tested without a screen (tests/unit/renderer/plan-rules-form.test.ts).
 */

type Path = (string | number)[];

/** The three lists whose rows carry an id the user never types. */
export type RuleListName = 'key' | 'strata' | 'caps';

/** A new row's id: its list's letter and the first number free in that list (s-1, s-2…); bundled ids are kept. */
const ID_PREFIX: Record<RuleListName, string> = { key: 'k-', strata: 's-', caps: 'c-' };

export function newRuleId(list: RuleListName, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${ID_PREFIX[list]}${n}`)) n++;
  return `${ID_PREFIX[list]}${n}`;
}

// A product or quotient of decimals picks up binary noise (0.07 × 100 = 7.000000000000001, 14.3 / 100 =
// 0.14300000000000002); 15 significant digits is below that noise and above any share a unit would write.
const decimal = (x: number): number => Number(x.toPrecision(15));

/** 0.125 → 12.5: the share as the admin types it. */
export const percentOf = (ratio: number): number => decimal(ratio * 100);
/** 12.5 → 0.125: the share as the rules store it. */
export const ratioOf = (percent: number): number => decimal(percent / 100);

const shape = planRules.shape;
const bound = (schema: { minValue: number | null; maxValue: number | null }) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
});
const ratioBounds = bound(shape.strata.element.shape.ratio);

/** The numbers' bounds, read from the schema the core checks with, so the form refuses exactly what the core would. */
export const BOUNDS = {
  percent: { min: percentOf(ratioBounds.min), max: percentOf(ratioBounds.max) },
  cap: bound(shape.caps.element.shape.cap),
  accidentWithinYears: bound(shape.extraVisit.shape.accidentWithinYears),
  majorHazardWithinYears: bound(shape.extraVisit.shape.majorHazardWithinYears),
  accidentFreeYears: bound(shape.relief.shape.accidentFreeYears),
  rotationDraws: bound(shape.rotationDraws),
} as const;
export type NumberField = keyof typeof BOUNDS;

/** The texts' longest, from the same schema. */
export const MAX_LENGTH = {
  name: shape.strata.element.shape.name.maxLength ?? 60,
  version: shape.version.maxLength ?? 40,
  source: shape.source.maxLength ?? 2000,
  note: shape.note.maxLength ?? 4000,
} as const;

export interface KeyRow {
  id: string;
  name: string;
  when: PlanCondition;
}
/** A row's number is empty while a new row waits for it; the form requires it before anything is sent. */
export interface StratumRow extends KeyRow {
  /** The share drawn a year, in per cent (the rules keep a fraction). */
  percent: number | null;
}
export interface CapRow extends KeyRow {
  cap: number | null;
}

/** The form's values: the rules, with each stratum's share in per cent. */
export interface RulesFormValues {
  version: string;
  source: string;
  note: string;
  key: KeyRow[];
  extraVisit: PlanRules['extraVisit'];
  relief: PlanRules['relief'];
  strata: StratumRow[];
  rotationDraws: number;
  caps: CapRow[];
  capExempt: PlanRules['capExempt'];
}

/** A condition without the lists left empty: an emptied select means "any", which the rules say by leaving it out. */
export function cleanCondition(when: PlanCondition | undefined): PlanCondition {
  return Object.fromEntries(
    Object.entries(when ?? {}).filter(([, v]) => Array.isArray(v) && v.length > 0),
  ) as PlanCondition;
}

export const isOpenCondition = (when: PlanCondition | undefined): boolean =>
  Object.keys(cleanCondition(when)).length === 0;

export function toForm(rules: PlanRules): RulesFormValues {
  return {
    version: rules.version,
    source: rules.source,
    note: rules.note,
    key: rules.key.map((r) => ({ id: r.id, name: r.name, when: r.when })),
    extraVisit: { ...rules.extraVisit, creditStatuses: [...rules.extraVisit.creditStatuses] },
    relief: { ...rules.relief, standardizationGrades: [...rules.relief.standardizationGrades] },
    strata: rules.strata.map((s) => ({ id: s.id, name: s.name, when: s.when, percent: percentOf(s.ratio) })),
    rotationDraws: rules.rotationDraws,
    caps: rules.caps.map((c) => ({ id: c.id, name: c.name, when: c.when, cap: c.cap })),
    capExempt: [...rules.capExempt],
  };
}

function filled(n: number | null): number {
  if (n === null) throw new Error('A rule sent with its number empty: the form validates before it converts.');
  return n;
}

/**
 * The whole rules object for settings:update. The last stratum and the last cap are the catch-alls the schema
 * requires: the editor shows their condition as fixed, and it is sent empty whatever the store holds.
 */
export function fromForm(v: RulesFormValues): PlanRules {
  const rows = <T extends KeyRow>(list: T[]) =>
    list.map((r, i) => ({ ...r, name: r.name.trim(), when: i === list.length - 1 ? {} : cleanCondition(r.when) }));
  return {
    version: v.version.trim(),
    source: v.source,
    note: v.note,
    key: v.key.map((r) => ({ id: r.id, name: r.name.trim(), when: cleanCondition(r.when) })),
    extraVisit: { ...v.extraVisit },
    relief: { ...v.relief },
    strata: rows(v.strata).map(({ percent, ...s }) => ({ ...s, ratio: ratioOf(filled(percent)) })),
    rotationDraws: v.rotationDraws,
    caps: rows(v.caps).map((c) => ({ ...c, cap: filled(c.cap) })),
    capExempt: [...v.capExempt],
  };
}

/**
 * A version for changed rules: today's date, numbered on when the rules already carry today's (2026-11-25,
 * 2026-11-25-2…). An approved plan records the version it was decided on, so two sets of rules should never share one.
 */
export function suggestVersion(current: string, today: string): string {
  if (current === today) return `${today}-2`;
  const n = new RegExp(`^${today}-(\\d+)$`).exec(current)?.[1];
  return n ? `${today}-${Number(n) + 1}` : today;
}

/** The form fields that hold a number, by their last path segment. */
const NUMBER_FIELDS = new Set<string>(Object.keys(BOUNDS));
const RANGE_KEYS = new Set(['validation.tooShort', 'validation.tooLong', 'validation.invalidType']);

/** A field's message for a number out of its bounds: the bounds, where the schema's own words say only too big. */
export function rangeIssue(field: NumberField): { key: string; params: Record<string, unknown> } {
  return field === 'percent'
    ? { key: 'plans.rulesEditor.percentRange', params: BOUNDS.percent }
    : { key: 'plans.rulesEditor.range', params: BOUNDS[field] };
}

export interface PlacedIssues {
  /** Issues under a field of the form, by the field's name. */
  fields: { name: Path; issues: ValidationIssue[] }[];
  /** Issues no field of the form holds: shown above the form. */
  rest: ValidationIssue[];
}

/**
 * The core's issues on settings:update (['planRules', 'strata', 3, 'when']) under the editor's fields: the
 * planRules prefix dropped, a stratum's ratio is its per-cent field, and an issue below a field (a condition's
 * list) or on a part with no field of its own (the fixed last row) goes to the nearest field above it that the
 * form has — a list's own errors among them.
 */
export function placeIssues(issues: readonly ValidationIssue[], registered: readonly Path[]): PlacedIssues {
  const known = new Set(registered.map((p) => JSON.stringify(p)));
  const byName = new Map<string, { name: Path; issues: ValidationIssue[] }>();
  const rest: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.path[0] !== 'planRules' || issue.path.length < 2) {
      rest.push(issue);
      continue;
    }
    const path = issue.path.slice(1);
    if (path[0] === 'strata' && path[2] === 'ratio') path[2] = 'percent';
    let name: Path | null = null;
    for (let n = path.length; n > 0 && !name; n--)
      if (known.has(JSON.stringify(path.slice(0, n)))) name = path.slice(0, n);
    if (!name) {
      rest.push(issue);
      continue;
    }
    const last = String(name.at(-1));
    const said =
      name.length === path.length && NUMBER_FIELDS.has(last) && RANGE_KEYS.has(issue.key)
        ? { ...issue, ...rangeIssue(last as NumberField) }
        : issue;
    const id = JSON.stringify(name);
    if (!byName.has(id)) byName.set(id, { name, issues: [] });
    byName.get(id)!.issues.push(said);
  }
  return { fields: [...byName.values()], rest };
}
