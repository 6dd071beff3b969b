import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accidentGrade } from '../../../shared/domain/accidents.ts';
import { absentWorkdays, absenceOn } from '../../../shared/domain/plans/availability.ts';
import { capacity } from '../../../shared/domain/plans/capacity.ts';
import { byQuarter } from '../../../shared/domain/plans/table.ts';
import { planLinkIssues, planProgress, type PlanStanding } from '../../../shared/domain/plans/standing.ts';
import { classify, classifyAll, type PlanSubject, yearsBefore } from '../../../shared/domain/plans/classify.ts';
import { planRules, type PlanRules } from '../../../shared/entities/plan-rules.ts';
import { buildCalendar } from '../../../shared/domain/workdays.ts';

const RULES = planRules.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/plan-rules.json'), 'utf8'),
  ),
);
const TODAY = '2026-11-22';
const CTX = { level: 'county' as const, today: TODAY };

const subject = (over: Partial<PlanSubject> = {}): PlanSubject => ({
  id: 1,
  status: 'active',
  enforcementLevel: 'county',
  categories: ['industry'],
  standardizationGrade: 'none',
  riskGrade: 'low',
  creditStatus: 'normal',
  knownSince: '2026-01-05',
  accidents: [],
  majorHazards: [],
  ...over,
});

describe('事故等级 (条例第三条): the gravest any one figure reaches, 以上 including the figure', () => {
  it.each([
    [{ deaths: 0, seriousInjuries: 0, directLossYuan: 0 }, 'general'],
    [{ deaths: 2, seriousInjuries: 9, directLossYuan: 9_999_999 }, 'general'],
    [{ deaths: 3, seriousInjuries: 0, directLossYuan: 0 }, 'larger'],
    [{ deaths: 0, seriousInjuries: 10, directLossYuan: 0 }, 'larger'],
    [{ deaths: 0, seriousInjuries: 0, directLossYuan: 10_000_000 }, 'larger'],
    [{ deaths: 9, seriousInjuries: 49, directLossYuan: 49_999_999 }, 'larger'],
    [{ deaths: 10, seriousInjuries: 0, directLossYuan: 0 }, 'major'],
    [{ deaths: 1, seriousInjuries: 50, directLossYuan: 0 }, 'major'],
    [{ deaths: 0, seriousInjuries: 0, directLossYuan: 50_000_000 }, 'major'],
    [{ deaths: 30, seriousInjuries: 0, directLossYuan: 0 }, 'especially'],
    [{ deaths: 0, seriousInjuries: 100, directLossYuan: 0 }, 'especially'],
    [{ deaths: 2, seriousInjuries: 0, directLossYuan: 100_000_000 }, 'especially'],
  ] as const)('%o is %s', (figures, grade) => {
    expect(accidentGrade(figures)).toBe(grade);
  });
});

describe('分类分级 of one enterprise', () => {
  it('puts a high-risk sector on the 重点 list with one visit, and names the rule and the cap', () => {
    const c = classify(subject({ categories: ['hazchem'], standardizationGrade: 'level2' }), RULES, CTX);
    expect(c).toMatchObject({ track: 'key', visits: 1, stratum: null, cap: { id: 'high-risk-2', cap: 4 } });
    expect(c.reasons).toEqual([
      { code: 'keyRule', rule: '高危行业领域' },
      { code: 'reliefNotYetKnown', since: '2026-01-05', years: 3 },
      { code: 'cap', rule: '高危 标准化二级', cap: 4 },
    ]);
  });

  it('gives one more visit for an accident within the look-back, however many grounds there are', () => {
    const c = classify(
      subject({
        categories: ['dust'],
        accidents: ['2026-03-01'],
        majorHazards: ['2026-05-10'],
        creditStatus: 'dishonest',
      }),
      RULES,
      CTX,
    );
    expect(c.track).toBe('key');
    expect(c.visits).toBe(2);
    expect(c.reasons.map((r) => r.code)).toEqual(['keyRule', 'accident', 'majorHazard', 'credit', 'cap']);
  });

  it('reads the look-back to the day: an accident on this day a year ago is no longer within the year', () => {
    const old = classify(subject({ categories: ['dust'], accidents: ['2025-11-22'] }), RULES, CTX);
    expect(old.reasons.some((r) => r.code === 'accident')).toBe(false);
    const recent = classify(subject({ categories: ['dust'], accidents: ['2025-11-23'] }), RULES, CTX);
    expect(recent.reasons).toContainEqual({ code: 'accident', on: '2025-11-23', years: 1 });
    // A day after today (a typing slip the core refuses anyway) counts for nothing.
    const future = classify(subject({ categories: ['dust'], accidents: ['2026-11-23'] }), RULES, CTX);
    expect(future.visits).toBe(1);
  });

  it('moves a 标准化一级 重点 enterprise to sampling, unless it has a ground for one more visit', () => {
    const relieved = classify(subject({ categories: ['metallurgy'], standardizationGrade: 'level1' }), RULES, CTX);
    expect(relieved).toMatchObject({ track: 'random', visits: 0, stratum: { id: 'other', ratio: 0.1 } });
    expect(relieved.reasons).toContainEqual({ code: 'reliefGrade', grade: 'level1' });
    const kept = classify(
      subject({ categories: ['metallurgy'], standardizationGrade: 'level1', accidents: ['2026-10-01'] }),
      RULES,
      CTX,
    );
    expect(kept).toMatchObject({ track: 'key', visits: 2, cap: { id: 'high-risk-1', cap: 2 } });
  });

  it('samples a relieved 重大风险 enterprise with the higher-risk stratum, never the lowest', () => {
    const c = classify(
      subject({ categories: ['hazchem'], riskGrade: 'major', standardizationGrade: 'level1' }),
      RULES,
      CTX,
    );
    expect(c).toMatchObject({ track: 'random', stratum: { id: 'high', ratio: 0.5 } });
  });

  it('counts three years without an accident only where the ledger has known the enterprise that long', () => {
    const known = classify(subject({ categories: ['ammonia'], knownSince: '2023-11-22' }), RULES, CTX);
    expect(known.track).toBe('random');
    expect(known.reasons).toContainEqual({ code: 'reliefAccidentFree', years: 3 });
    const young = classify(subject({ categories: ['ammonia'], knownSince: '2023-11-23' }), RULES, CTX);
    expect(young.track).toBe('key');
    const accident = classify(
      subject({ categories: ['ammonia'], knownSince: '2020-01-01', accidents: ['2024-06-01'] }),
      RULES,
      CTX,
    );
    expect(accident.track).toBe('key');
    expect(accident.reasons.map((r) => r.code)).toEqual(['keyRule', 'cap']);
  });

  it('puts a sampled enterprise with a ground for one more visit on the 重点 list for it', () => {
    const c = classify(subject({ creditStatus: 'dishonest' }), RULES, CTX);
    expect(c).toMatchObject({ track: 'key', visits: 1 });
    expect(c.reasons.map((r) => r.code)).toEqual(['promoted', 'credit', 'cap']);
  });

  it('samples the rest by the first stratum that matches, an enterprise with no risk grade as unknown', () => {
    expect(classify(subject({ riskGrade: 'high' }), RULES, CTX).stratum).toEqual({
      id: 'high',
      name: '重大、较大风险',
      ratio: 0.5,
    });
    expect(classify(subject({ riskGrade: null }), RULES, CTX).stratum?.id).toBe('general');
    expect(classify(subject({ riskGrade: 'low', creditStatus: 'watch' }), RULES, CTX).stratum?.id).toBe('watch');
    expect(classify(subject({ riskGrade: 'low' }), RULES, CTX).stratum?.id).toBe('other');
  });

  it('leaves another level’s enterprise and a withdrawn one out of the plan', () => {
    expect(classify(subject({ enforcementLevel: 'city', categories: ['mine'] }), RULES, CTX)).toMatchObject({
      track: 'elsewhere',
      visits: 0,
      reasons: [{ code: 'otherLevel', level: 'city' }],
    });
    expect(classify(subject({ status: 'withdrawn' }), RULES, CTX).track).toBe('withdrawn');
  });

  it('never plans more visits than the cap, and says so', () => {
    const tight: PlanRules = { ...RULES, caps: [{ id: 'one', name: '每年一次', when: {}, cap: 1 }] };
    const c = classify(subject({ categories: ['mine'], accidents: ['2026-10-01'] }), tight, CTX);
    expect(c.visits).toBe(1);
    expect(c.reasons).toContainEqual({ code: 'capped', wanted: 2, cap: 1 });
  });

  it('counts the ledger: 重点 and their visits, each stratum with its quota rounded up', () => {
    const subjects = [
      subject({ id: 1, categories: ['mine'] }),
      subject({ id: 2, categories: ['mine'], accidents: ['2026-01-10'] }),
      ...[3, 4, 5].map((id) => subject({ id, riskGrade: 'high' })),
      subject({ id: 6, riskGrade: 'general' }),
      subject({ id: 7, enforcementLevel: 'province' }),
      subject({ id: 8, status: 'withdrawn' }),
    ];
    const { summary } = classifyAll(subjects, RULES, CTX);
    expect(summary).toMatchObject({ key: 2, keyVisits: 3, random: 4, elsewhere: 1, withdrawn: 1 });
    expect(summary.strata).toEqual([
      { id: 'high', name: '重大、较大风险', ratio: 0.5, enterprises: 3, quota: 2 },
      { id: 'watch', name: '重点关注', ratio: 0.5, enterprises: 0, quota: 0 },
      { id: 'general', name: '一般风险', ratio: 0.2, enterprises: 1, quota: 1 },
      { id: 'other', name: '低风险及其他', ratio: 0.1, enterprises: 0, quota: 0 },
    ]);
  });
});

describe('the rules as data', () => {
  it('ends strata and caps with a rule for every enterprise, and gives each rule its own id', () => {
    const broken = {
      ...RULES,
      strata: [RULES.strata[0]],
      caps: [...RULES.caps, RULES.caps[0]],
    };
    const result = planRules.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['strata.0.when', 'plans.rules.lastMatchesAll'],
      ['caps.8.when', 'plans.rules.lastMatchesAll'],
      ['caps.8.id', 'plans.rules.idTwice'],
    ]);
  });

  it('falls back a year from 29 February to the 28th', () => {
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
    expect(yearsBefore('2026-11-22', 3)).toBe('2023-11-22');
  });
});

describe('officers away', () => {
  const cal = buildCalendar([
    {
      year: 2026,
      source: 'test',
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-27', '2026-10-10'],
    },
  ] as never);

  it('counts working days away by kind, a day two absences share once, within the stretch asked', () => {
    const absences = [
      { officerId: 1, kind: 'leave' as const, from: '2026-09-28', to: '2026-10-09' },
      { officerId: 1, kind: 'training' as const, from: '2026-10-08', to: '2026-10-12' },
      { officerId: 2, kind: 'sick' as const, from: '2026-09-01', to: '2026-09-30' },
    ];
    const { byOfficer, uncoveredYears } = absentWorkdays(absences, cal, '2026-09-27', '2026-10-31');
    // 9-28..30 (3), 10-08, 10-09 (2): the holidays and the weekend are not working days.
    expect(byOfficer.get(1)).toEqual({ leave: 5, training: 2 });
    // 9-27 (调休 Sunday), 9-28..30.
    expect(byOfficer.get(2)).toEqual({ sick: 4 });
    expect(uncoveredYears).toEqual([]);
    expect(absentWorkdays(absences, cal, '2027-01-01', '2027-01-31').byOfficer.get(1)).toEqual({});
  });

  it('says who is away on a day', () => {
    const absences = [{ officerId: 3, kind: 'secondment' as const, from: '2026-11-01', to: '2026-11-30' }];
    expect(absenceOn(absences, 3, TODAY)?.kind).toBe('secondment');
    expect(absenceOn(absences, 3, '2026-12-01')).toBeUndefined();
    expect(absenceOn(absences, 4, TODAY)).toBeUndefined();
  });
});

describe('监督检查工作日测算 on the two published examples, with figures that agree with each other', () => {
  it('宽城区 2025: 8 officers × 248 days, the shares its plan misprinted (21/71/8) computed as 52.2/27.0/20.9', () => {
    const c = capacity({
      statutoryWorkdays: 248,
      officers: 8,
      // The plan gives the sums only: 1,035 other enforcement, 535 non-enforcement days.
      otherEnforcement: { supervision: 1035 },
      nonEnforcement: { duty: 535 },
      demand: { key: { visits: 120, personDays: 2 }, random: { visits: 80, personDays: 2 } },
      margin: 0,
    });
    expect(c).toMatchObject({ total: 1984, other: 1035, non: 535, inspection: 414 });
    expect(c.shares).toEqual({ other: 52.2, non: 27, inspection: 20.9 });
    expect(c).toMatchObject({ need: { key: 240, random: 160, total: 400 }, usable: 414, feasible: true, shortBy: 0 });
  });

  it('a 2019 city plan: (365 − 104 − 14) × 22 = 5,434, less 2,469 and 1,994 is 971 (its printed 2,649 a slip)', () => {
    const c = capacity({
      statutoryWorkdays: 365 - 104 - 14,
      officers: 22,
      otherEnforcement: { supervision: 1000, licensing: 469, accidents: 1000 },
      nonEnforcement: { duty: 994, sick: 500, leave: 500 },
      // 重点 632 and 一般 339 person-days, as the plan split its 971.
      demand: { key: { visits: 316, personDays: 2 }, random: { visits: 113, personDays: 3 } },
      margin: 0,
    });
    expect(c).toMatchObject({ total: 5434, other: 2469, non: 1994, inspection: 971 });
    expect(c.need).toEqual({ key: 632, random: 339, total: 971 });
    expect(c.feasible).toBe(true);
  });

  it('keeps whole days after the margin as a person counts them: 90 × 70% is 63', () => {
    const c = capacity({
      statutoryWorkdays: 90,
      officers: 1,
      otherEnforcement: {},
      nonEnforcement: {},
      demand: { key: { visits: 21, personDays: 3 }, random: { visits: 0, personDays: 2 } },
      margin: 0.3,
    });
    expect(c).toMatchObject({ usable: 63, feasible: true });
  });

  it('keeps room (留有余地): the same plan with a tenth kept free is short, and says by how much', () => {
    const c = capacity({
      statutoryWorkdays: 247,
      officers: 22,
      otherEnforcement: { supervision: 2469 },
      nonEnforcement: { duty: 1994 },
      demand: { key: { visits: 316, personDays: 2 }, random: { visits: 113, personDays: 3 } },
      margin: 0.1,
    });
    // 971 × 0.9 = 873.9: 873 whole days usable, 98 short.
    expect(c).toMatchObject({ usable: 873, feasible: false, shortBy: 98 });
  });

  it('never makes usable days out of a year the other work already fills', () => {
    const c = capacity({
      statutoryWorkdays: 250,
      officers: 2,
      otherEnforcement: { assigned: 400 },
      nonEnforcement: { leave: 200 },
      demand: { key: { visits: 0, personDays: 2 }, random: { visits: 0, personDays: 2 } },
      margin: 0.1,
    });
    expect(c).toMatchObject({ total: 500, inspection: -100, usable: 0, feasible: true, shares: { inspection: -20 } });
  });
});

describe('the plan’s table', () => {
  it('spreads visits over the quarters evenly, the odd ones early', () => {
    expect(byQuarter(0)).toEqual([0, 0, 0, 0]);
    expect(byQuarter(3)).toEqual([1, 1, 1, 0]);
    expect(byQuarter(5)).toEqual([2, 1, 1, 1]);
    expect(byQuarter(58)).toEqual([15, 15, 14, 14]);
  });
});

describe('an inspection against the year’s plan', () => {
  const standing = (over: Partial<PlanStanding> = {}): PlanStanding => ({
    year: 2026,
    plan: { track: 'key', visits: 1, cap: 2, capName: '高危 标准化一级' },
    counted: 0,
    capExempt: ['complaint', 'assigned', 'accident', 'recheck'],
    draws: [{ id: 7, label: '第四季度', drawnAt: '2026-10-08T01:00:00.000Z', drawnOn: '2026-10-08' }],
    ...over,
  });
  const link = (kind: Parameters<typeof planLinkIssues>[0]['kind'], more = {}) => ({
    kind,
    startedAt: '2026-11-20T09:30',
    drawId: null,
    recheckOf: null,
    unplannedReason: '',
    ...more,
  });
  const keys = (l: ReturnType<typeof link>, s = standing()) => planLinkIssues(l, s).map((i) => i.key);

  it('is free while the year has no approved plan, but a draw it names must have picked it, before the visit', () => {
    const none = standing({ plan: null, counted: 40 });
    expect(keys(link('random'), none)).toEqual([]);
    expect(keys(link('recheck'), none)).toEqual([]);
    expect(keys(link('random', { drawId: 8 }), none)).toEqual(['inspection.plan.notDrawn']);
    expect(planLinkIssues(link('random', { drawId: 7, startedAt: '2026-10-07T16:00' }), none)).toEqual([
      { path: ['startedAt'], key: 'inspection.plan.beforeDraw', params: { date: '2026-10-08' } },
    ]);
    expect(keys(link('random', { drawId: 7, startedAt: '2026-10-08T08:00' }), none)).toEqual([]);
  });
  it('as a 计划检查 only on the 重点 list; as a 双随机抽查 only with a draw that picked it', () => {
    expect(keys(link('plan'))).toEqual([]);
    expect(keys(link('plan'), standing({ plan: { track: 'random', visits: 0, cap: 6, capName: null } }))).toEqual([
      'inspection.plan.notOnKeyList',
    ]);
    expect(keys(link('random'))).toEqual(['inspection.plan.drawRequired']);
    expect(keys(link('random'), standing({ draws: [] }))).toEqual(['inspection.plan.notDrawn']);
    expect(keys(link('random', { drawId: 8 }))).toEqual(['inspection.plan.notDrawn']);
    expect(keys(link('random', { drawId: 7 }))).toEqual([]);
  });
  it('outside the plan with a reason of two characters at least; a 复查 has its original', () => {
    expect(keys(link('special', { unplannedReason: ' 专' }))).toEqual(['inspection.plan.reasonRequired']);
    expect(keys(link('special', { unplannedReason: '专项' }))).toEqual([]);
    expect(keys(link('recheck', { recheckOf: 3 }))).toEqual([]);
    // Chosen by hand with no original it would skip both the reason and the cap.
    expect(keys(link('recheck'))).toEqual(['inspection.plan.recheckWithoutOriginal']);
  });
  it('up to the cap and not one more, the kinds it exempts aside', () => {
    expect(keys(link('plan'), standing({ counted: 1 }))).toEqual([]);
    const over = planLinkIssues(link('plan'), standing({ counted: 2 }));
    expect(over).toEqual([
      {
        path: ['kind'],
        key: 'inspection.plan.overCap',
        params: { year: 2026, cap: 2, rule: '高危 标准化一级', counted: 2 },
      },
    ]);
    expect(keys(link('complaint', { unplannedReason: '举报' }), standing({ counted: 9 }))).toEqual([]);
    expect(keys(link('recheck', { recheckOf: 3 }), standing({ counted: 9 }))).toEqual([]);
  });
});

describe('the plan’s progress', () => {
  const inspection = (id: number, enterpriseId: number, kind: 'plan' | 'random' | 'complaint', more = {}) => ({
    id,
    enterpriseId,
    kind,
    drawId: null,
    startedAt: '2026-05-01T09:00',
    ...more,
  });
  it('counts 重点 visits up to those planned, draws inspected under their own draw, the rest as 计划外', () => {
    const p = planProgress(
      2026,
      [
        { enterpriseId: 1, name: '甲', township: '东乡', visits: 2 },
        { enterpriseId: 2, name: '乙', township: '南坝', visits: 1 },
      ],
      3,
      [
        { id: 5, label: '一', drawnAt: '', picks: [{ enterpriseId: 3, name: '丙', officerIds: [1, 2] }] },
        { id: 6, label: '二', drawnAt: '', picks: [{ enterpriseId: 4, name: '丁', officerIds: [1, 3] }] },
      ],
      [
        inspection(1, 1, 'plan'),
        inspection(2, 1, 'plan'),
        inspection(3, 1, 'plan'),
        inspection(4, 2, 'complaint'),
        inspection(5, 3, 'random', { drawId: 5 }),
        // Drawn by draw 6, inspected under draw 5: not this pick.
        inspection(6, 4, 'random', { drawId: 5 }),
        inspection(7, 2, 'plan', { startedAt: '2025-12-30T09:00' }),
        // Draw 6's pick, visited the next January: inspected all the same.
        inspection(8, 4, 'random', { drawId: 6, startedAt: '2027-01-05T09:00' }),
      ],
    );
    expect(p.key).toEqual({
      enterprises: 2,
      covered: 1,
      visitsPlanned: 3,
      visitsDone: 2,
      // 甲's three 计划检查 count up to its two planned.
      rows: [
        { enterpriseId: 1, name: '甲', township: '东乡', visits: 2, done: 2 },
        { enterpriseId: 2, name: '乙', township: '南坝', visits: 1, done: 0 },
      ],
      notCovered: [{ enterpriseId: 2, name: '乙', township: '南坝', visits: 1, otherInspections: 1 }],
    });
    expect(p.random).toMatchObject({ quota: 3, drawn: 2, inspected: 2, pending: [] });
    expect(p.unplanned).toEqual({ total: 1, byKind: { complaint: 1 } });
    expect(p).toMatchObject({ done: 4, planned: 6 });
  });
});
