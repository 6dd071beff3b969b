import type { NonEnforcementDay, OtherEnforcementDay } from '../../base/vocabulary.ts';

/**
 * 监督检查工作日测算, the working-day method of the 2017 编制办法 as county plans apply it:
 *   总法定工作日 = 国家法定工作日 × 纳入执法的人员数
 *   监督检查工作日 = 总法定工作日 − 其他执法工作日 − 非执法工作日, split into 重点 and 一般
 * against what the planned visits need (visits × person-days each). Every figure and share is computed here, never
 * typed: the published examples print shares that do not match their own figures.
 */
export interface CapacityInput {
  /** Working days of the year by the calendar (法定工作日). */
  statutoryWorkdays: number;
  /** Officers counted in (纳入执法的人员数). */
  officers: number;
  /** Person-days for each other kind of enforcement work. */
  otherEnforcement: Partial<Record<OtherEnforcementDay, number>>;
  nonEnforcement: Partial<Record<NonEnforcementDay, number>>;
  /** Planned visits and what each takes, in person-days (two officers for a day: 2). */
  demand: { key: { visits: number; personDays: number }; random: { visits: number; personDays: number } };
  /** Share of the inspection days kept free (留有余地), 0–0.5. */
  margin: number;
}

export interface Capacity {
  total: number;
  other: number;
  non: number;
  /** 监督检查工作日: what is left for inspections (negative when the other work already exceeds the year). */
  inspection: number;
  /** Shares of the total, in per cent to one decimal: they add up to 100 with rounding. */
  shares: { other: number; non: number; inspection: number };
  /** Person-days the planned visits need: 重点, 双随机, both. */
  need: { key: number; random: number; total: number };
  /** The inspection days usable after the margin. */
  usable: number;
  /** need ≤ usable: a plan that needs more cannot be approved. */
  feasible: boolean;
  /** How many person-days are short (0 when feasible). */
  shortBy: number;
}

const sum = (o: Partial<Record<string, number>>) => Object.values(o).reduce((n: number, v) => n + (v ?? 0), 0);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export function capacity(input: CapacityInput): Capacity {
  const total = input.statutoryWorkdays * input.officers;
  const other = sum(input.otherEnforcement);
  const non = sum(input.nonEnforcement);
  const inspection = total - other - non;
  // Person-days a visit are whole or halves (entities/plan.ts): these products are exact.
  const key = input.demand.key.visits * input.demand.key.personDays;
  const random = input.demand.random.visits * input.demand.random.personDays;
  const need = { key, random, total: key + random };
  // Whole person-days: the margin is kept, never rounded away.
  // The product rounded to nine places first: 90 × (1 − 0.3) is 62.99999999999999 in floating point, not 63.
  const usable = Math.max(0, Math.floor(Number((inspection * (1 - input.margin)).toFixed(9))));
  return {
    total,
    other,
    non,
    inspection,
    shares: { other: share(other, total), non: share(non, total), inspection: share(inspection, total) },
    need,
    usable,
    feasible: need.total <= usable,
    shortBy: Math.max(0, need.total - usable),
  };
}
