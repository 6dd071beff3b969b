/**
 * The plan's table as county plans print it (序号, 检查事项, 实施依据, 检查对象, 检查内容, 检查方式, 频次和上限, 时间安排,
 * 承办机构, 是否联合检查): one row for the 重点 list, one per 双随机 stratum, each with its visits spread over the
 * quarters. The wording is the knowledge file's; every number is the plan's.
 */
export interface PlanWording {
  key: { item: string; basis: string; content: string; method: string; frequency: string };
  random: { item: string; basis: string; content: string; method: string; frequency: string };
  joint: string;
}

export interface PlanTableRow {
  no: number;
  item: string;
  basis: string;
  objects: string;
  content: string;
  method: string;
  frequency: string;
  /** Visits planned in each quarter. */
  quarters: [number, number, number, number];
  agency: string;
  joint: string;
}

/** n visits over four quarters, evenly, the odd ones in the earlier quarters (so the 重点 list is done by December). */
export function byQuarter(n: number): [number, number, number, number] {
  const base = Math.floor(n / 4);
  const rest = n % 4;
  return [0, 1, 2, 3].map((q) => base + (q < rest ? 1 : 0)) as [number, number, number, number];
}

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

export function planTable(
  plan: {
    demand: { keyEnterprises: number; keyVisits: number };
    strata: { name: string; ratio: number; enterprises: number; quota: number }[];
  },
  wording: PlanWording,
  agency: string,
): PlanTableRow[] {
  const rows: PlanTableRow[] = [];
  const push = (r: Omit<PlanTableRow, 'no'>) => rows.push({ no: rows.length + 1, ...r });
  if (plan.demand.keyEnterprises > 0)
    push({
      ...wording.key,
      objects: `重点检查企业${plan.demand.keyEnterprises}家（名单附后），全年检查${plan.demand.keyVisits}家次`,
      quarters: byQuarter(plan.demand.keyVisits),
      agency,
      joint: wording.joint,
    });
  for (const s of plan.strata.filter((x) => x.enterprises > 0))
    push({
      ...wording.random,
      item: `${wording.random.item}（${s.name}）`,
      objects: `“双随机”抽查对象名录库${s.enterprises}家，抽查比例${percent(s.ratio)}，抽查${s.quota}家`,
      quarters: byQuarter(s.quota),
      agency,
      joint: wording.joint,
    });
  return rows;
}
