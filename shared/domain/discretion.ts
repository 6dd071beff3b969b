import type { ValidationIssue } from '../base/errors.ts';
import type { BenchmarkEntry, DiscretionBenchmark, DiscretionTier, ViolationStage } from '../entities/discretion.ts';
import { CONFISCATION, type FineRange, type PenaltyItem } from '../entities/penalty-article.ts';

/**
 * The discretion helper (行政处罚法 第三十二、三十三条; 应急管理部令第12号): from the circumstances
 * recorded in the case it proposes a tier and a fine band, and it refuses an amount outside the
 * statutory range. Pure: the benchmark and the penalty item come in as data.
 */
export type PartyKind = 'unit' | 'person';
export interface Band {
  min: number;
  max: number;
}

/** What some articles measure the fine by: the person's 上一年年收入, the unit's 违法所得 (元). */
export interface FineFacts {
  income?: number | null;
  gains?: number | null;
}

/**
 * The statutory range for the party at this stage; "处…以下" has no floor (0). Null: the article sets no
 * fine here, or sets it by the person's income and none is recorded (basisMissing says so).
 * - 违法所得 at or above the article's threshold: minTimes–maxTimes times it; below it, or none, the fixed range.
 * - A share of 上一年年收入: the percentages of it, in whole yuan (a share that falls between two yuan
 *   allows the nearest; a range keeps inside its bounds).
 */
export function statutoryRange(
  item: PenaltyItem,
  party: PartyKind,
  stage: ViolationStage,
  facts: FineFacts = {},
): Band | null {
  if (stage === 'first' && party === 'unit' && item.unitGains && (facts.gains ?? 0) >= item.unitGains.threshold) {
    const gains = facts.gains!;
    return { min: Math.ceil(gains * item.unitGains.minTimes), max: Math.floor(gains * item.unitGains.maxTimes) };
  }
  if (stage === 'first' && party === 'person' && item.personIncome) {
    if (facts.income === null || facts.income === undefined) return null;
    const lo = (facts.income * item.personIncome.minPercent) / 100;
    const hi = (facts.income * item.personIncome.maxPercent) / 100;
    const min = Math.ceil(lo - 1e-9);
    const max = Math.floor(hi + 1e-9);
    return min <= max ? { min, max } : { min: Math.round(lo), max: Math.round(lo) };
  }
  const r: FineRange =
    stage === 'first'
      ? party === 'unit'
        ? item.unitFine
        : item.personFine
      : party === 'unit'
        ? (item.overdue?.unitFine ?? null)
        : (item.overdue?.personFine ?? null);
  if (!r || r.max === null) return null;
  return { min: r.min ?? 0, max: r.max };
}

/**
 * The fact the range is measured by and the case has not recorded: the person's 上一年年收入, or the unit's
 * 违法所得 (0 when the investigation found none: the article's fixed range then applies, but "not
 * established" is no ground for it).
 */
export function basisMissing(
  item: PenaltyItem,
  party: PartyKind,
  stage: ViolationStage,
  facts: FineFacts,
): 'income' | 'gains' | null {
  if (stage !== 'first') return null;
  if (party === 'person' && item.personIncome && (facts.income ?? null) === null) return 'income';
  if (party === 'unit' && item.unitGains && (facts.gains ?? null) === null) return 'gains';
  return null;
}

/**
 * 没收违法所得 where the article orders it (第九十二条第二款, 第一百零三条): ordered whenever the case found
 * 违法所得, and only then (there is nothing to confiscate, and an order without an amount cannot be enforced).
 */
export function confiscationIssues(
  item: PenaltyItem,
  v: { gains?: number | null; measures: string[] },
  path: (string | number)[],
): ValidationIssue[] {
  const ordered = v.measures.includes(CONFISCATION);
  if (item.confiscation && (v.gains ?? 0) > 0 && !ordered) return [{ path, key: 'cases.rules.confiscationRequired' }];
  if (ordered && !((v.gains ?? 0) > 0)) return [{ path, key: 'cases.rules.confiscationWithoutGains' }];
  return [];
}

export interface Proposal {
  tier: DiscretionTier;
  /** The band the amount should fall in; null for 不予处罚/首违不罚 or where the article sets no fine at this stage. */
  band: Band | null;
  statutory: Band | null;
  /** How the band was found: a benchmark row, or the statutory range divided into thirds. */
  from: 'benchmark' | 'statutory-thirds' | 'none';
  /** The legal basis of each circumstance that moved the tier. */
  bases: string[];
  /** The benchmark is an example, or a circumstance's source is marked 待核实. */
  uncertain: boolean;
}

const thirds = (r: Band, part: 0 | 1 | 2): Band => {
  const step = (r.max - r.min) / 3;
  return { min: Math.round(r.min + step * part), max: Math.round(r.min + step * (part + 1)) };
};

/**
 * 不予处罚 beats everything; 首违不罚 is offered (the officer may still fine); 从轻 and 从重 together
 * cancel to 一般, as the reasoning must then weigh them. 从轻 takes the lower half of the band, 从重
 * the upper half; 减轻 goes below the statutory minimum and needs a 第三十二条 circumstance.
 */
export function proposeDiscretion(args: {
  item: PenaltyItem;
  party: PartyKind;
  stage: ViolationStage;
  benchmark: DiscretionBenchmark | null;
  entry: BenchmarkEntry | null;
  circumstanceIds: string[];
  reduce?: boolean;
  facts?: FineFacts;
}): Proposal {
  const { item, party, stage, benchmark, entry } = args;
  const chosen = (benchmark?.circumstances ?? []).filter((c) => args.circumstanceIds.includes(c.id));
  const statutory = statutoryRange(item, party, stage, args.facts);
  const uncertain = !!benchmark?.example || chosen.some((c) => c.uncertain);
  const bases = [...new Set(chosen.map((c) => c.basis))];
  const has = (effect: string) => chosen.some((c) => c.effect === effect);
  if (has('no-penalty')) return { tier: 'no-penalty', band: null, statutory, from: 'none', bases, uncertain };
  if (has('may-waive')) return { tier: 'waived', band: null, statutory, from: 'none', bases, uncertain };
  const fromEntry = entry ? (party === 'unit' ? entry.unitFine : entry.personFine) : null;
  const base: Band | null =
    fromEntry && fromEntry.max !== null
      ? { min: fromEntry.min ?? 0, max: fromEntry.max }
      : statutory
        ? thirds(statutory, 1)
        : null;
  const from = fromEntry && fromEntry.max !== null ? 'benchmark' : statutory ? 'statutory-thirds' : 'none';
  const lighter = has('lighter') || has('reduce');
  const heavier = has('heavier');
  if (!base) return { tier: 'general', band: null, statutory, from, bases, uncertain };
  if (lighter && args.reduce && statutory && statutory.min > 0)
    return { tier: 'reduced', band: { min: 0, max: statutory.min }, statutory, from, bases, uncertain };
  const mid = Math.round((base.min + base.max) / 2);
  if (lighter && !heavier) {
    return {
      tier: 'lighter',
      band: from === 'benchmark' ? { min: base.min, max: mid } : statutory ? thirds(statutory, 0) : base,
      statutory,
      from,
      bases,
      uncertain,
    };
  }
  if (heavier && !lighter) {
    return {
      tier: 'heavier',
      band: from === 'benchmark' ? { min: mid, max: base.max } : statutory ? thirds(statutory, 2) : base,
      statutory,
      from,
      bases,
      uncertain,
    };
  }
  return { tier: 'general', band: base, statutory, from, bases, uncertain };
}

/**
 * An amount the case may propose: never above the statutory maximum, below the minimum only as
 * 减轻 (第三十二条), nothing for 不予处罚/首违不罚, and a fine only where the article sets one.
 */
export function amountIssues(args: {
  tier: DiscretionTier;
  amount: number;
  statutory: Band | null;
  path: (string | number)[];
  mitigated?: boolean;
  /** The fact the statutory range is measured by and the case lacks (basisMissing). */
  missing?: 'income' | 'gains' | null;
}): ValidationIssue[] {
  const { tier, amount, statutory, path } = args;
  if (tier === 'no-penalty' || tier === 'waived')
    return amount > 0 ? [{ path, key: 'cases.rules.noFineWhenNotPenalised' }] : [];
  // 减轻 needs a 第三十二条 ground recorded in the case, not just the tier chosen.
  if (tier === 'reduced' && !args.mitigated)
    return [{ path: [...path.slice(0, -1), 'tier'], key: 'cases.rules.reducedNeedsGround' }];
  // A fine measured by income or gains can be neither checked nor left out (these fines are mandatory) until the
  // fact is recorded.
  if (args.missing) return [{ path: [...path.slice(0, -1), args.missing], key: `cases.rules.${args.missing}Required` }];
  // No fine where the article sets none is a measure-only penalty; where it sets one, 0 is below its floor.
  if (amount === 0 && (!statutory || statutory.min === 0 || tier === 'reduced')) return [];
  if (!statutory) return [{ path, key: 'cases.rules.noStatutoryFine' }];
  if (amount > statutory.max) return [{ path, key: 'cases.rules.aboveStatutoryMax', params: { max: statutory.max } }];
  if (amount < statutory.min && tier !== 'reduced')
    return [{ path, key: 'cases.rules.belowStatutoryMin', params: { min: statutory.min } }];
  return [];
}

/** The benchmark in force on a day (the violation's), preferring an imported one over the example. */
export function benchmarkInForce(list: DiscretionBenchmark[], on: string): DiscretionBenchmark | null {
  const live = list.filter((b) => b.effectiveFrom <= on && (!b.effectiveTo || on <= b.effectiveTo));
  return live.find((b) => !b.example) ?? live[0] ?? null;
}
