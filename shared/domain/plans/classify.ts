import type {
  CreditStatus,
  EnforcementLevel,
  RiskGrade,
  StandardizationGrade,
  SupervisionCategory,
} from '../../base/vocabulary.ts';
import type { PlanCondition, PlanRules } from '../../entities/plan-rules.ts';
import { yearQuota } from './draw.ts';

/** An enterprise as the plan reads it: the ledger's classification axes and its dated history. */
export interface PlanSubject {
  id: number;
  status: 'active' | 'withdrawn';
  enforcementLevel: EnforcementLevel;
  categories: SupervisionCategory[];
  standardizationGrade: StandardizationGrade;
  riskGrade: RiskGrade | null;
  creditStatus: CreditStatus;
  /** The day the ledger began to know it: "years without an accident" count only from here. */
  knownSince: string;
  /** Days of its accidents still on record (withdrawn ones left out). */
  accidents: string[];
  /** Days its 重大事故隐患 were found. */
  majorHazards: string[];
}

/** Why an enterprise landed where it did, each said by the screen in the user's language. */
export type PlanReason =
  | { code: 'withdrawn' }
  | { code: 'otherLevel'; level: EnforcementLevel }
  | { code: 'keyRule'; rule: string }
  | { code: 'accident'; on: string; years: number }
  | { code: 'majorHazard'; on: string; years: number }
  | { code: 'credit'; status: CreditStatus }
  | { code: 'promoted' }
  | { code: 'reliefGrade'; grade: StandardizationGrade }
  | { code: 'reliefAccidentFree'; years: number }
  | { code: 'reliefNotYetKnown'; since: string; years: number }
  | { code: 'stratum'; rule: string; ratio: number }
  | { code: 'cap'; rule: string; cap: number }
  | { code: 'capped'; wanted: number; cap: number };

export type PlanTrack = 'key' | 'random' | 'elsewhere' | 'withdrawn';

export interface Classification {
  enterpriseId: number;
  track: PlanTrack;
  /** Full-coverage visits a year (重点: one, and one more on a 应急〔2021〕23号 ground, within the cap); 0 when sampled. */
  visits: number;
  stratum: { id: string; name: string; ratio: number } | null;
  cap: { id: string; name: string; cap: number } | null;
  reasons: PlanReason[];
}

/** The same month and day `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export function matches(c: PlanCondition, s: PlanSubject): boolean {
  if (c.categories && !c.categories.some((x) => s.categories.includes(x))) return false;
  if (c.standardizationGrades && !c.standardizationGrades.includes(s.standardizationGrade)) return false;
  if (c.riskGrades && !c.riskGrades.includes(s.riskGrade ?? 'unknown')) return false;
  if (c.creditStatuses && !c.creditStatuses.includes(s.creditStatus)) return false;
  return true;
}

const latestWithin = (days: string[], today: string, years: number) =>
  years > 0
    ? days
        .filter((d) => d <= today && d > yearsBefore(today, years))
        .sort()
        .at(-1)
    : undefined;

/**
 * 分类分级 of one enterprise for the plan of the unit at `level`, as the rules say, on `today`. Pure: the same
 * enterprise, rules and day give the same answer with the same reasons.
 */
export function classify(
  s: PlanSubject,
  rules: PlanRules,
  ctx: { level: EnforcementLevel; today: string },
): Classification {
  const none = { enterpriseId: s.id, visits: 0, stratum: null, cap: null };
  if (s.status === 'withdrawn') return { ...none, track: 'withdrawn', reasons: [{ code: 'withdrawn' }] };
  // One enterprise, one level's list (应急〔2021〕23号): another level's enterprise is not in this plan.
  if (s.enforcementLevel !== ctx.level)
    return { ...none, track: 'elsewhere', reasons: [{ code: 'otherLevel', level: s.enforcementLevel }] };

  const reasons: PlanReason[] = [];
  const keyRules = rules.key.filter((r) => matches(r.when, s));
  for (const r of keyRules) reasons.push({ code: 'keyRule', rule: r.name });

  const extra: PlanReason[] = [];
  const { accidentWithinYears, majorHazardWithinYears, creditStatuses } = rules.extraVisit;
  const accident = latestWithin(s.accidents, ctx.today, accidentWithinYears);
  if (accident) extra.push({ code: 'accident', on: accident, years: accidentWithinYears });
  const hazard = latestWithin(s.majorHazards, ctx.today, majorHazardWithinYears);
  if (hazard) extra.push({ code: 'majorHazard', on: hazard, years: majorHazardWithinYears });
  if (creditStatuses.includes(s.creditStatus)) extra.push({ code: 'credit', status: s.creditStatus });

  let key = keyRules.length > 0;
  // A 重点 enterprise with none of the extra grounds may move to sampling: 标准化 grade, or years without an accident
  // that the ledger has known it for.
  if (key && !extra.length) {
    const { standardizationGrades, accidentFreeYears } = rules.relief;
    if (standardizationGrades.includes(s.standardizationGrade)) {
      reasons.push({ code: 'reliefGrade', grade: s.standardizationGrade });
      key = false;
    } else if (accidentFreeYears > 0 && !latestWithin(s.accidents, ctx.today, accidentFreeYears)) {
      const from = yearsBefore(ctx.today, accidentFreeYears);
      if (s.knownSince <= from) {
        reasons.push({ code: 'reliefAccidentFree', years: accidentFreeYears });
        key = false;
      } else reasons.push({ code: 'reliefNotYetKnown', since: s.knownSince, years: accidentFreeYears });
    }
  }
  // Sampled otherwise, an enterprise with a ground for one more visit is inspected for it: it joins the 重点 list.
  if (!key && extra.length) {
    key = true;
    reasons.push({ code: 'promoted' });
  }
  reasons.push(...extra);

  const capRule = rules.caps.find((r) => matches(r.when, s))!;
  const cap = { id: capRule.id, name: capRule.name, cap: capRule.cap };
  reasons.push({ code: 'cap', rule: cap.name, cap: cap.cap });
  if (!key) {
    const st = rules.strata.find((r) => matches(r.when, s))!;
    reasons.push({ code: 'stratum', rule: st.name, ratio: st.ratio });
    return { ...none, track: 'random', stratum: { id: st.id, name: st.name, ratio: st.ratio }, cap, reasons };
  }
  // One more visit however many grounds there are; one visit for an enterprise on the list for them alone.
  const wanted = keyRules.length && extra.length ? 2 : 1;
  const visits = Math.min(wanted, cap.cap);
  if (wanted > cap.cap) reasons.push({ code: 'capped', wanted, cap: cap.cap });
  return { ...none, track: 'key', visits, cap, reasons };
}

/** The whole ledger's classification, with the counts the plan's tables start from. */
export function classifyAll(
  subjects: PlanSubject[],
  rules: PlanRules,
  ctx: { level: EnforcementLevel; today: string },
) {
  const rows = subjects.map((s) => classify(s, rules, ctx));
  const count = (track: PlanTrack) => rows.filter((r) => r.track === track).length;
  const strata = rules.strata.map((st) => {
    const n = rows.filter((r) => r.stratum?.id === st.id).length;
    return { id: st.id, name: st.name, ratio: st.ratio, enterprises: n, quota: yearQuota(n, st.ratio) };
  });
  return {
    rows,
    summary: {
      key: count('key'),
      keyVisits: rows.reduce((n, r) => n + r.visits, 0),
      random: count('random'),
      elsewhere: count('elsewhere'),
      withdrawn: count('withdrawn'),
      strata,
    },
  };
}
