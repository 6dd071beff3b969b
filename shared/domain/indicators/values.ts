/**
 * What an indicator's figure is made of. Every figure is computed from its own list — a count is the list's length,
 * a sum the sum of the list's amounts, a share the two lists' lengths, a rate the sums of its records' parts and
 * wholes — so a figure can always be explained to the last record. The constructors below are the only way to make
 * one.
 */

export interface DrillRecord {
  entity: 'enterprises' | 'inspections' | 'hazards' | 'cases' | 'documents' | 'officers' | 'plans' | 'periods';
  id: number;
  /** How the user knows it: the enterprise and the day, the 案号, the 文号, the officer, the period's days. */
  label: string;
  /**
   * The day it counts on, where the figure dates its records by one (an inspection's start, a hazard's inspection, a
   * case's 立案 approval, a decision's date): a month's figure is the year's list taken on that month's days.
   */
  on?: string;
}
/** A record of the period the indicator leaves out, with why (an `indicators.excluded.*` translation key). */
export type ExcludedRecord = DrillRecord & { why: string };
/** A record with an amount in 元 (whole yuan, as the decision states it or the receipt shows). */
export type AmountRecord = DrillRecord & { amount: number };
/**
 * A record that counts for `part` of `whole` (an officer's days at post of his working days; a 重点 enterprise's
 * visits made of those planned). `note`: a translation key saying what the record stands for when it is not one
 * thing (the 双随机 places not yet drawn), with its params.
 */
export type WeightedRecord = DrillRecord & {
  part: number;
  whole: number;
  note?: string;
  params?: Record<string, string | number>;
};

interface Base<Id extends string> {
  id: Id;
  version: string;
  excluded: readonly ExcludedRecord[];
  /** Why the figure cannot be given for the period (a translation key), e.g. no plan approved for the year. */
  unavailable?: string;
}
export interface CountValue<Id extends string = string> extends Base<Id> {
  kind: 'count';
  value: number;
  records: readonly DrillRecord[];
}
export interface SumValue<Id extends string = string> extends Base<Id> {
  kind: 'sum';
  /** 元, whole yuan. */
  value: number;
  records: readonly AmountRecord[];
}
/** A share of a list: the records that meet the definition over the whole list. */
export interface RatioValue<Id extends string = string> extends Base<Id> {
  kind: 'ratio';
  numerator: number;
  denominator: number;
  /** Per cent to one decimal, or null when nothing is counted. */
  percent: number | null;
  /** The records that meet the definition (the numerator). */
  records: readonly DrillRecord[];
  /** The records of the denominator that do not (for 隐患整改率: the hazards not, or not yet, rectified). */
  short: readonly DrillRecord[];
}
/** One list over another of a different kind (处罚率: decisions over inspections). */
export interface QuotientValue<Id extends string = string> extends Base<Id> {
  kind: 'quotient';
  numerator: number;
  denominator: number;
  percent: number | null;
  records: readonly DrillRecord[];
  /** The denominator's records. */
  of: readonly DrillRecord[];
}
/** The mean amount of a list (案均罚款), 元 rounded to the yuan, or null when the list is empty. */
export interface MeanValue<Id extends string = string> extends Base<Id> {
  kind: 'mean';
  value: number | null;
  total: number;
  records: readonly AmountRecord[];
}
/** Σ parts over Σ wholes of weighted records (在岗率, 计划完成率). */
export interface RateValue<Id extends string = string> extends Base<Id> {
  kind: 'rate';
  numerator: number;
  denominator: number;
  percent: number | null;
  records: readonly WeightedRecord[];
}
export type IndicatorValue<Id extends string = string> =
  CountValue<Id> | SumValue<Id> | RatioValue<Id> | QuotientValue<Id> | MeanValue<Id> | RateValue<Id>;

const percentOf = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

export function valueMakers<Id extends string>(version: string) {
  return {
    count: (id: Id, records: DrillRecord[], excluded: ExcludedRecord[] = []): CountValue<Id> => ({
      id,
      version,
      kind: 'count',
      value: records.length,
      records,
      excluded,
    }),
    sum: (id: Id, records: AmountRecord[], excluded: ExcludedRecord[] = []): SumValue<Id> => ({
      id,
      version,
      kind: 'sum',
      value: records.reduce((s, r) => s + r.amount, 0),
      records,
      excluded,
    }),
    ratio: (
      id: Id,
      all: DrillRecord[],
      meets: (r: DrillRecord) => boolean,
      excluded: ExcludedRecord[] = [],
    ): RatioValue<Id> => {
      const records = all.filter(meets);
      return {
        id,
        version,
        kind: 'ratio',
        numerator: records.length,
        denominator: all.length,
        percent: percentOf(records.length, all.length),
        records,
        short: all.filter((r) => !meets(r)),
        excluded,
      };
    },
    quotient: (
      id: Id,
      records: DrillRecord[],
      of: DrillRecord[],
      excluded: ExcludedRecord[] = [],
    ): QuotientValue<Id> => ({
      id,
      version,
      kind: 'quotient',
      numerator: records.length,
      denominator: of.length,
      percent: percentOf(records.length, of.length),
      records,
      of,
      excluded,
    }),
    mean: (id: Id, records: AmountRecord[], excluded: ExcludedRecord[] = []): MeanValue<Id> => {
      const total = records.reduce((s, r) => s + r.amount, 0);
      return {
        id,
        version,
        kind: 'mean',
        value: records.length ? Math.round(total / records.length) : null,
        total,
        records,
        excluded,
      };
    },
    rate: (id: Id, records: WeightedRecord[], excluded: ExcludedRecord[] = []): RateValue<Id> => {
      const numerator = records.reduce((s, r) => s + r.part, 0);
      const denominator = records.reduce((s, r) => s + r.whole, 0);
      return {
        id,
        version,
        kind: 'rate',
        numerator,
        denominator,
        percent: percentOf(numerator, denominator),
        records,
        excluded,
      };
    },
  };
}

/** The one number a figure shows: a count, an amount in 元, or a share in per cent. Null when it has none. */
export function figureOf(v: IndicatorValue): number | null {
  if (v.unavailable) return null;
  switch (v.kind) {
    case 'count':
    case 'sum':
    case 'mean':
      return v.value;
    default:
      return v.percent;
  }
}

/** Whether the figure is a share in per cent (shown with %, compared by points). */
export const isShare = (kind: IndicatorValue['kind']): boolean =>
  kind === 'ratio' || kind === 'quotient' || kind === 'rate';
