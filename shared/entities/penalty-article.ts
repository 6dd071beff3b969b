import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * A penalty item of the 安全生产法 (第九十条–第一百一十九条) as knowledge: what it covers, the provision
 * usually violated, the fine ranges for the unit and for persons (in 元, whole numbers), the measures
 * that come with it, and what follows when the party does not correct in time.
 */
export const fineRange = z
  .object({ min: z.number().int().min(0).nullable(), max: z.number().int().positive().nullable() })
  .nullable();

/** The measure 第九十二条第二款 and 第一百零三条 order beside the fine, as the forms print it. */
export const CONFISCATION = '没收违法所得';

/** The clause that makes an item a possible crime, in the statute's words (安全生产法 第九十条–第一百一十一条). */
export const CRIMINAL_CLAUSE = '构成犯罪的，依照刑法有关规定追究刑事责任';

/**
 * 第九十二条第二款, 第一百零三条: with 违法所得 of `threshold` 元 or more, the unit is fined `minTimes` to
 * `maxTimes` times it (beside the confiscation); with none, or less, the fixed `unitFine` applies.
 */
export const gainsMultiple = z.object({
  threshold: z.number().int().positive(),
  minTimes: z.number().positive(),
  maxTimes: z.number().positive(),
});

/** 第九十五条, 第九十六条, 第一百一十条: a person's fine as a share of their 上一年年收入, in percent. */
export const incomeShare = z.object({
  minPercent: z.number().min(0).max(100),
  maxPercent: z.number().min(0).max(100),
});

export const penaltyItem = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The 处罚依据 down to 款/项, as cited in documents: 第九十七条第（一）项. */
    article: z.string().regex(/^第.+条/),
    /**
     * The statute's own words this item stands on: the 款 (with the article's opening words and this 项,
     * where it has 项), transcribed verbatim. Whether the item may be a crime is read from it.
     */
    text: z.string().min(10),
    covers: z.string().min(4),
    violatedProvision: z.string().nullable(),
    unitFine: fineRange,
    personFine: fineRange,
    /** Who "personFine" applies to: 直接负责的主管人员和其他直接责任人员, 主要负责人… */
    personDescription: z.string().default(''),
    /** At the first stage, the unit's fine by its 违法所得 (the fixed unitFine applies below the threshold). */
    unitGains: gainsMultiple.nullable().default(null),
    /** At the first stage, the person's fine as a share of 上一年年收入 (personFine is null then). */
    personIncome: incomeShare.nullable().default(null),
    /** The article orders 没收违法所得. */
    confiscation: z.boolean().default(false),
    measures: z.array(z.string()).default([]),
    whenOverdue: z.string().default(''),
    /** The ranges when the party did not correct in time (or refused), where the article sets them; null where unknown here. */
    overdue: z.object({ unitFine: fineRange, personFine: fineRange }).nullable().default(null),
    /**
     * The situation of 危险作业罪 (刑法 第一百三十四条之一第（一）至（三）项) the act this item punishes amounts to, where
     * it does in itself: the case must be assessed for transfer to the police before it is decided (行刑衔接).
     */
    crimeSituation: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .nullable()
      .default(null),
    uncertain: z.boolean().default(false),
    note: z.string().default(''),
  })
  .transform((item) => ({ ...item, criminal: item.text.includes(CRIMINAL_CLAUSE) }));

export const penaltyCatalogue = z.object({
  law: z.string(),
  version: z.string(),
  effectiveFrom: isoDate,
  source: z.string(),
  items: z.array(penaltyItem).min(1),
});
export type PenaltyItem = z.output<typeof penaltyItem>;
export type FineRange = z.output<typeof fineRange>;
