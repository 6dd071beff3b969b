import { describe, expect, it } from 'vitest';
import { hearingTriggered, type ProcedureRules } from '../../../shared/domain/case-procedure.ts';
import type { Violation } from '../../../shared/entities/case.ts';
import { DEFAULT_SETTINGS } from '../../../shared/entities/settings.ts';

/** 行政处罚法 第六十三条: 较大数额罚款 and 没收较大数额违法所得 each give the party the right to a hearing. */
const rules = {
  hearingThresholds: DEFAULT_SETTINGS.hearingThresholds,
  legalReviewTriggers: DEFAULT_SETTINGS.legalReviewTriggers,
  collectiveTriggers: DEFAULT_SETTINGS.collectiveTriggers,
  confirmedPeriods: {},
  summaryLimits: DEFAULT_SETTINGS.summaryLimits,
} satisfies ProcedureRules;

const sublet = (over: Partial<Violation>): Violation => ({
  party: 'unit',
  facts: '将仓库出租给不具备安全生产条件的个人',
  evidence: '',
  hazardId: null,
  violatedProvision: '《中华人民共和国安全生产法》第四十九条第一款',
  penaltyItemId: 'aqsc-103-k1',
  penaltyProvision: '',
  stage: 'first',
  benchmarkCircumstance: '',
  circumstanceIds: [],
  tier: 'reduced',
  reasoning: '减轻处罚',
  fine: 10000,
  measures: ['没收违法所得'],
  income: null,
  gains: 80000,
  basisEvidence: '',
  ...over,
});

describe('the right to a hearing', () => {
  it('comes with a large confiscation even when the fine itself is small', () => {
    // The unit's threshold is 30,000 元 by default: a 10,000 元 fine alone would not reach it.
    expect(hearingTriggered({ violations: [sublet({ measures: [], gains: 0 })] }, rules)).toBe(false);
    expect(hearingTriggered({ violations: [sublet({})] }, rules)).toBe(true);
    expect(hearingTriggered({ violations: [sublet({ gains: 29999 })] }, rules)).toBe(false);
    // Judged per party: the unit's confiscation does not give a person the right.
    expect(hearingTriggered({ violations: [sublet({})] }, rules, 0)).toBe(false);
    expect(hearingTriggered({ violations: [sublet({})] }, rules, 'unit')).toBe(true);
  });
});
