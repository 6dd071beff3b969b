import { describe, expect, it } from 'vitest';
import {
  ENFORCEMENT_IDS,
  enforcementIndicators,
  type EnforcementId,
  type EnforcementSnapshot,
  type EnforcementValue,
} from '../../../shared/domain/indicators/enforcement.ts';
import type { RecordOf } from '../../../shared/entities/exports/records.ts';
import { buildCalendar } from '../../../shared/domain/workdays.ts';
import { monthly, SHARE_IDS, TREND_IDS } from '../../../shared/domain/indicators/report.ts';
import { monthsOf } from '../../../shared/domain/indicators/periods.ts';
import { figureOf } from '../../../shared/domain/indicators/values.ts';
import {
  BREAKDOWN_IDS,
  BREAKDOWNS,
  SECTOR_IDS,
  breakdownFigures,
  groupsOf,
  narrow,
} from '../../../shared/domain/indicators/breakdown.ts';
import { reportRules } from '../../../shared/entities/report-rules.ts';
import fs from 'node:fs';
import path from 'node:path';

const enterprise = (id: number, name: string, withdrawnAt: string | null = null) =>
  ({ id, name, status: withdrawnAt ? 'withdrawn' : 'active', withdrawnAt }) as RecordOf<'enterprises'>;
const inspection = (
  id: number,
  enterpriseId: number,
  kind: string,
  startedAt: string,
  status = 'active',
  drawId: number | null = null,
) => ({ id, enterpriseId, kind, startedAt, status, drawId }) as RecordOf<'inspections'>;
const hazard = (
  id: number,
  inspectionId: number,
  enterpriseId: number,
  level: 'general' | 'major',
  deadline: string | null,
  status: 'open' | 'rectified' | 'not-rectified',
  more: Partial<RecordOf<'hazards'>> = {},
) =>
  ({
    id,
    inspectionId,
    enterpriseId,
    level,
    deadline,
    status,
    description: `隐患${id}`,
    withdrawnAt: null,
    recheckedAt: null,
    ...more,
  }) as RecordOf<'hazards'>;
const kase = (id: number, enterpriseId: number, procedure: string, source: string, createdAt: string) =>
  ({ id, enterpriseId, procedure, source, createdAt, caseNo: `应急罚〔2026〕${id}号` }) as RecordOf<'cases'>;
let eventId = 0;
const event = (caseId: number, e: Record<string, unknown>) =>
  ({ id: ++eventId, caseId, event: e, scan: null, enteredAt: '', enteredBy: '' }) as RecordOf<'caseEvents'>;
/** A 立案审批表 signed by two 承办人 on `handlers`, the 审核人 and the 审批人 on `approve` (or not yet, when null). */
const filing = (caseId: number, handlers: string, approve: string | null) => [
  event(caseId, { kind: 'approval', stage: 'filing', role: 'handler', name: '王一', date: handlers }),
  event(caseId, { kind: 'approval', stage: 'filing', role: 'handler', name: '李二', date: handlers }),
  ...(approve
    ? [
        event(caseId, { kind: 'approval', stage: 'filing', role: 'review', name: '赵三', date: approve }),
        event(caseId, { kind: 'approval', stage: 'filing', role: 'approve', name: '钱四', date: approve }),
      ]
    : []),
];
const decision = (
  id: number,
  caseId: number,
  type: string,
  status: 'draft' | 'issued' | 'voided',
  documentDate: string,
  fields: Record<string, unknown>,
  supersedesId: number | null = null,
) =>
  ({
    id,
    caseId,
    type,
    status,
    documentDate,
    fields,
    supersedesId,
    numberText: status === 'draft' ? null : `决字〔2026〕${id}号`,
    issuedAt: null,
  }) as unknown as RecordOf<'documents'>;

// Q1 2026. Enterprises: 1 东林化工, 2 西山矿业, 3 南岭烟花 (注销 in May, after its visit), 4 北河机械.
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const Q2 = { from: '2026-04-01', to: '2026-06-30' };

// Case 6's first 立案 approval (2025-12-28) was retracted and signed again on 2026-01-03.
const c6 = filing(6, '2025-12-27', '2025-12-28');
const retract = event(6, { kind: 'retract', date: '2025-12-29', eventId: c6[3].id, reason: '审批日期有误' });
const c6again = event(6, { kind: 'approval', stage: 'filing', role: 'approve', name: '钱四', date: '2026-01-03' });
// Case 5's 立案 approval (02-03) was retracted and not signed again: not filed.
const c5 = filing(5, '2026-02-02', '2026-02-03');
const c5retract = event(5, { kind: 'retract', date: '2026-02-04', eventId: c5[3].id, reason: '证据不足，暂缓立案' });

// Fines paid: case 2 in March; case 1 in April, and a March payment of case 1 entered by mistake and retracted.
const paid2 = event(2, { kind: 'payment', date: '2026-03-01', party: 'unit', amount: 180000, receiptNo: 'R-0301' });
const paid1 = event(1, { kind: 'payment', date: '2026-04-20', party: 'unit', amount: 30000, receiptNo: '' });
const wrong = event(1, { kind: 'payment', date: '2026-03-31', party: 'unit', amount: 100, receiptNo: '' });
const wrongOut = event(1, { kind: 'retract', date: '2026-04-01', eventId: wrong.id, reason: '误录' });
// Case 4: 提请关闭 in May.
const closure = event(4, { kind: 'closure-request', date: '2026-05-06', government: '某县人民政府', note: '' });

const officer = (id: number, name: string, onDuty: boolean) => ({ id, name, onDuty }) as RecordOf<'officers'>;
const absence = (
  id: number,
  officerId: number,
  kind: string,
  from: string,
  to: string,
  withdrawnAt: string | null = null,
) => ({ id, officerId, kind, from, to, withdrawnAt }) as RecordOf<'absences'>;
const typical = (id: number, status: 'draft' | 'final' | 'sent', sentOn: string | null) =>
  ({ id, caseId: 2, status, sentOn }) as RecordOf<'typicalCases'>;

const snapshot: Omit<EnforcementSnapshot, 'from' | 'to'> = {
  enterprises: [
    enterprise(1, '东林化工'),
    enterprise(2, '西山矿业'),
    enterprise(3, '南岭烟花', '2026-05-10T02:00:00.000Z'),
    enterprise(4, '北河机械'),
  ],
  inspections: [
    inspection(1, 1, 'plan', '2026-01-10T09:00'),
    inspection(2, 2, 'random', '2026-02-03T09:00', 'active', 1),
    inspection(3, 1, 'recheck', '2026-02-20T09:00'),
    inspection(4, 3, 'random', '2026-03-05T09:00', 'active', 1),
    inspection(5, 4, 'special', '2026-03-10T09:00', 'withdrawn'),
    inspection(6, 2, 'plan', '2026-03-31T17:00'),
    inspection(7, 4, 'plan', '2025-12-30T09:00'),
    inspection(8, 4, 'random', '2026-04-01T08:00'),
  ],
  hazards: [
    hazard(1, 1, 1, 'general', '2026-02-10', 'rectified', { recheckInspectionId: 3, recheckedAt: '2026-02-20T09:30' }),
    // Re-checked late: due 03-20, found rectified on 04-15, after the quarter.
    hazard(2, 1, 1, 'major', '2026-03-20', 'rectified', { recheckedAt: '2026-04-15T10:00' }),
    hazard(3, 2, 2, 'general', '2026-03-25', 'open'),
    // Extended from 03-15 to 04-20: due in Q2.
    hazard(4, 2, 2, 'major', '2026-04-20', 'open'),
    // Put right on the spot: no deadline.
    hazard(5, 4, 3, 'general', null, 'rectified'),
    hazard(6, 4, 3, 'general', '2026-03-30', 'open', { withdrawnAt: '2026-03-06T01:00:00.000Z' }),
    // Found on the withdrawn inspection 5.
    hazard(7, 5, 4, 'major', '2026-03-28', 'open'),
    // Found in December 2025, due in January, found not rectified.
    hazard(8, 7, 4, 'general', '2026-01-15', 'not-rectified'),
    hazard(9, 6, 2, 'general', '2026-04-30', 'open'),
  ],
  cases: [
    kase(1, 1, 'ordinary', 'inspection', '2026-03-20T02:00:00.000Z'),
    kase(2, 2, 'ordinary', 'accident', '2026-01-05T02:00:00.000Z'),
    kase(3, 3, 'summary', 'inspection', '2026-03-05T03:00:00.000Z'),
    kase(4, 1, 'ordinary', 'inspection', '2026-03-30T01:00:00.000Z'),
    kase(5, 4, 'ordinary', 'complaint', '2026-02-01T01:00:00.000Z'),
    kase(6, 2, 'ordinary', 'complaint', '2025-12-20T01:00:00.000Z'),
  ],
  caseEvents: [
    ...filing(1, '2026-03-25', '2026-03-27'),
    ...filing(2, '2026-01-06', '2026-01-08'),
    ...filing(4, '2026-03-31', '2026-04-01'),
    ...c5,
    c5retract,
    ...c6,
    retract,
    c6again,
    paid2,
    paid1,
    wrong,
    wrongOut,
    closure,
  ],
  documents: [
    // Case 1, filed in Q1, decided in Q2: the unit and its 主要负责人.
    decision(1, 1, 'penalty-decision-unit', 'issued', '2026-04-10', {
      party: 'unit',
      totalFine: 30000,
      violations: [
        { penalty: '罚款人民币叁万元，责令停产停业整顿', penaltyProvision: '《中华人民共和国安全生产法》第一百零二条' },
      ],
    }),
    decision(2, 1, 'penalty-decision-person', 'issued', '2026-04-10', { party: 0, partyName: '张三', totalFine: 8000 }),
    // Case 2 (事故): decided 02-20, corrected on 04-02 (200,000 → 180,000); a first attempt voided.
    decision(3, 2, 'penalty-decision-unit', 'issued', '2026-02-20', { totalFine: 200000 }),
    decision(4, 2, 'penalty-decision-unit', 'issued', '2026-04-02', { totalFine: 180000 }, 3),
    decision(5, 3, 'summary-penalty-unit', 'issued', '2026-03-05', { fine: 3000 }),
    decision(6, 2, 'penalty-decision-unit', 'voided', '2026-02-18', { totalFine: 200000 }),
    // A warning: a decision that fines nothing.
    decision(7, 6, 'penalty-decision-unit', 'issued', '2026-03-15', { totalFine: 0 }),
    decision(8, 1, 'penalty-decision-unit', 'draft', '2026-03-30', {
      totalFine: 30000,
      violations: [{ penalty: '责令停产停业整顿', penaltyProvision: '' }],
    }),
    // Case 6 in July: 按日连续处罚 of a party that refused to correct.
    decision(9, 6, 'penalty-decision-unit', 'issued', '2026-07-10', {
      totalFine: 10000,
      violations: [{ penalty: '罚款人民币壹万元', penaltyProvision: '《中华人民共和国安全生产法》第一百一十二条' }],
    }),
    // Case 5 sent to the police in March; a first letter voided.
    decision(10, 5, 'transfer-letter', 'issued', '2026-03-12', {}),
    decision(11, 5, 'transfer-letter', 'voided', '2026-03-11', {}),
  ],
  officers: [officer(1, '王一', true), officer(2, '李二', true), officer(3, '赵三', false)],
  absences: [
    absence(1, 1, 'sick', '2026-02-02', '2026-02-06'),
    // Training does not take an officer off post under the rules below.
    absence(2, 1, 'training', '2026-03-09', '2026-03-10'),
    absence(3, 2, 'leave', '2026-03-30', '2026-04-03'),
    absence(4, 2, 'leave', '2026-01-12', '2026-01-16', '2026-01-10T00:00:00.000Z'),
  ],
  typicalCases: [typical(1, 'sent', '2026-02-10'), typical(2, 'final', null), typical(3, 'sent', '2026-05-05')],
  plans: [
    {
      id: 1,
      year: 2026,
      status: 'approved',
      snapshot: {
        rows: [
          { track: 'key', enterpriseId: 1, name: '东林化工', township: '城关镇', visits: 2 },
          { track: 'key', enterpriseId: 2, name: '西山矿业', township: '城关镇', visits: 1 },
          { track: 'random', enterpriseId: 3, name: '南岭烟花', township: '城关镇', visits: 0 },
          { track: 'key', enterpriseId: 4, name: '北河机械', township: '城关镇', visits: 1 },
        ],
        strata: [{ quota: 3 }],
      },
    } as unknown as RecordOf<'plans'>,
  ],
  draws: [
    {
      id: 1,
      planYear: 2026,
      label: '2026年第一季度双随机抽查',
      drawnAt: '2026-01-20T02:00:00.000Z',
      result: {
        picks: [
          { enterpriseId: 2, name: '西山矿业', officerIds: [1, 2] },
          { enterpriseId: 3, name: '南岭烟花', officerIds: [1, 2] },
        ],
      },
    } as unknown as RecordOf<'draws'>,
  ],
  // A calendar of its own: 1–2 January are holidays, Sunday 4 January a 调休 working day.
  calendar: buildCalendar([
    { year: 2026, holidays: ['2026-01-01', '2026-01-02'], workdays: ['2026-01-04'], source: 'test' },
  ]),
  rules: {
    offPostKinds: ['leave', 'sick', 'secondment', 'other'],
    typicalSchedule: [
      {
        id: 'county',
        name: '县级每两个月',
        nameEn: 'every two months',
        basis: '应急厅函〔2021〕92号',
        level: 'county',
        regions: [],
        months: 2,
        firstMonth: 1,
        count: 1,
        uncertain: false,
      },
    ],
  },
};

const run = (period: { from: string; to: string }) => {
  const values = enforcementIndicators({ ...period, ...snapshot });
  return (id: EnforcementId) => values.find((v) => v.id === id)!;
};
const ids = (v: EnforcementValue) => v.records.map((r) => r.id);
const short = (v: EnforcementValue) => (v.kind === 'ratio' ? v.short.map((r) => r.id) : null);
const out = (v: EnforcementValue) => v.excluded.map((r) => `${r.entity}:${r.id}:${r.why.split('.').at(-1)}`);

describe('执法统计指标 (hand-counted)', () => {
  const q1 = run(Q1);
  const q2 = run(Q2);

  it('gives every indicator of the dictionary, in order, versioned', () => {
    const all = enforcementIndicators({ ...Q1, ...snapshot });
    // The shares of a whole (a base entered for one is held to 100%), and only those (处罚率 can pass 100%).
    expect(all.filter((v) => v.kind === 'ratio' || v.kind === 'rate').map((v) => v.id)).toEqual(
      SHARE_IDS.filter((id) => !id.endsWith('-complete')),
    );
    expect(all.map((v) => v.id)).toEqual([...ENFORCEMENT_IDS]);
    expect(new Set(all.map((v) => v.version))).toEqual(new Set(['2026.1']));
  });

  it('counts 检查次数 and 检查企业数, a 复查 as a 家次, without the withdrawn inspection', () => {
    // Q1 inspections 1,2,3(复查),4,6 (6 begun 03-31 17:00); 5 withdrawn; 7 in Dec 2025, 8 in April.
    expect(q1('inspections')).toMatchObject({ kind: 'count', value: 5 });
    expect(ids(q1('inspections'))).toEqual([1, 2, 3, 4, 6]);
    expect(q1('inspections').records[0].label).toBe('东林化工 2026-01-10');
    expect(out(q1('inspections'))).toEqual(['inspections:5:withdrawn']);
    // Enterprises 1, 2, 3 (3 注销 in May still counts: the visit was made); 4's only Q1 visit was withdrawn.
    expect(q1('enterprises-inspected')).toMatchObject({ value: 3 });
    expect(q1('enterprises-inspected').records).toEqual([
      { entity: 'enterprises', id: 1, label: '东林化工' },
      { entity: 'enterprises', id: 2, label: '西山矿业' },
      { entity: 'enterprises', id: 3, label: '南岭烟花' },
    ]);
    expect(out(q1('enterprises-inspected'))).toEqual(['inspections:5:withdrawn']);
    // Q2: inspection 8 only.
    expect(q2('inspections')).toMatchObject({ value: 1 });
    expect(q2('enterprises-inspected')).toMatchObject({ value: 1 });
  });

  it('takes the 双随机 share over the 家次', () => {
    // Random: 2 and 4 of the five → 2/5.
    expect(q1('random-share')).toMatchObject({ kind: 'ratio', numerator: 2, denominator: 5, percent: 40 });
    expect(ids(q1('random-share'))).toEqual([2, 4]);
    expect(short(q1('random-share'))).toEqual([1, 3, 6]);
    expect(q2('random-share')).toMatchObject({ numerator: 1, denominator: 1, percent: 100 });
  });

  it('counts the hazards found on the inspections of the period, leaving out the withdrawn', () => {
    // Found on Q1 inspections: 1,2,3,4,5,6,7,9; 6 withdrawn, 7 on withdrawn inspection 5 → 1,2,3,4,5,9.
    expect(q1('hazards')).toMatchObject({ value: 6 });
    expect(ids(q1('hazards'))).toEqual([1, 2, 3, 4, 5, 9]);
    expect(out(q1('hazards'))).toEqual(['hazards:6:withdrawn', 'hazards:7:inspectionWithdrawn']);
    // 重大: 2 and 4; 7 is major but its inspection was withdrawn.
    expect(q1('major-hazards')).toMatchObject({ value: 2 });
    expect(ids(q1('major-hazards'))).toEqual([2, 4]);
    expect(out(q1('major-hazards'))).toEqual(['hazards:7:inspectionWithdrawn']);
  });

  it('takes the 整改率 over the hazards due in the period, a late 复查 counting', () => {
    // Due in Q1: 1 (02-10), 2 (03-20), 3 (03-25), 6 (withdrawn), 7 (withdrawn inspection), 8 (01-15, found in 2025).
    // Rectified: 1, and 2 re-checked on 04-15 → 2/4; short 3 (open), 8 (not rectified). 5 has no deadline.
    const v = q1('hazards-rectified');
    expect(v).toMatchObject({ kind: 'ratio', numerator: 2, denominator: 4, percent: 50 });
    expect(ids(v)).toEqual([1, 2]);
    expect(short(v)).toEqual([3, 8]);
    expect(out(v)).toEqual(['hazards:6:withdrawn', 'hazards:7:inspectionWithdrawn', 'hazards:5:noDeadline']);
    // Q2: 4 (extended to 04-20) and 9 (04-30), both open → 0/2.
    expect(q2('hazards-rectified')).toMatchObject({ numerator: 0, denominator: 2, percent: 0 });
  });

  it('counts 立案 by the day the 立案审批表 was approved', () => {
    // Q1: 1 (03-27), 2 (01-08), 6 (re-approved 01-03 after the 2025-12-28 approval was retracted).
    // Entered in Q1 but not counted: 3 简易程序, 4 approved 04-01, 5 whose approval was retracted.
    expect(q1('cases-filed')).toMatchObject({ value: 3 });
    expect(ids(q1('cases-filed'))).toEqual([1, 2, 6]);
    expect(q1('cases-filed').records[0].label).toBe('应急罚〔2026〕1号 东林化工');
    expect(out(q1('cases-filed'))).toEqual(['cases:3:summaryProcedure', 'cases:4:filedOutside', 'cases:5:notFiled']);
    // Q2: case 4.
    expect(ids(q2('cases-filed'))).toEqual([4]);
  });

  it('counts decisions by the date they bear, a corrected one once on its first date', () => {
    // Q1: 4 (corrects 3, dated 02-20), 5 (当场), 7 (warning) — all to units. Left out: 3 corrected, 6 voided, 8 draft.
    expect(q1('decisions')).toMatchObject({ value: 3 });
    expect(ids(q1('decisions'))).toEqual([4, 5, 7]);
    expect(q1('decisions').records[0].label).toBe('决字〔2026〕4号 西山矿业');
    expect(out(q1('decisions'))).toEqual(['documents:3:corrected', 'documents:6:voided', 'documents:8:draft']);
    expect(q1('decisions-unit')).toMatchObject({ value: 3 });
    expect(q1('decisions-person')).toMatchObject({ value: 0 });
    // Q2: case 1 (filed in Q1) decided for the unit (1) and 张三 (2); 4 is dated by the Q1 decision it corrects.
    expect(ids(q2('decisions'))).toEqual([1, 2]);
    expect(out(q2('decisions'))).toEqual(['documents:4:correctsEarlier']);
    expect(ids(q2('decisions-unit'))).toEqual([1]);
    expect(q2('decisions-person').records).toEqual([
      { entity: 'documents', id: 2, label: '决字〔2026〕2号 张三', on: '2026-04-10' },
    ]);
    // The correction of 04-02 counts on the day of the decision it corrects.
    expect(q1('decisions').records[0].on).toBe('2026-02-20');
    expect(out(q2('decisions-person'))).toEqual([]);
  });

  it('sums the fines decided, 日常监管 and 事故 apart', () => {
    // Q1: 4 → 180,000 (事故, as corrected) + 5 → 3,000 = 183,000; 7 fines nothing.
    expect(q1('fines')).toMatchObject({ kind: 'sum', value: 183000 });
    expect(q1('fines').records.map((r) => [r.id, (r as { amount: number }).amount])).toEqual([
      [4, 180000],
      [5, 3000],
    ]);
    expect(out(q1('fines'))).toEqual([
      'documents:3:corrected',
      'documents:6:voided',
      'documents:8:draft',
      'documents:7:noFine',
    ]);
    expect(q1('fines-routine')).toMatchObject({ value: 3000 });
    expect(out(q1('fines-routine'))).toEqual(['documents:8:draft', 'documents:7:noFine']);
    expect(q1('fines-accident')).toMatchObject({ value: 180000 });
    expect(out(q1('fines-accident'))).toEqual(['documents:3:corrected', 'documents:6:voided']);
    // Q2: 1 → 30,000 + 2 → 8,000.
    expect(q2('fines')).toMatchObject({ value: 38000 });
    expect(q2('fines-accident')).toMatchObject({ value: 0 });
  });

  it('takes 重点覆盖率 and 计划完成率 from the approved plan as they stood on the period’s last day', () => {
    // 重点 1 (2 visits), 2 (1), 4 (1). By 03-31: 计划检查 1 (ent. 1) and 6 (ent. 2, 03-31 17:00); 4's only plan
    // visit was in 2025 → 2 of 3 covered.
    const cover = q1('key-coverage');
    expect(cover).toMatchObject({ kind: 'ratio', numerator: 2, denominator: 3, percent: 66.7 });
    expect(ids(cover)).toEqual([1, 2]);
    expect(short(cover)).toEqual([4]);
    // Done: ent. 1 1 of 2, ent. 2 1 of 1, ent. 4 0 of 1; picks 2 and 3 of the draw inspected under it; quota 3, one
    // place not drawn → 4 of 7.
    const done = q1('plan-completion');
    expect(done).toMatchObject({ kind: 'rate', numerator: 4, denominator: 7, percent: 57.1 });
    expect(
      done.records.map((r) => [r.entity, r.id, (r as { part: number }).part, (r as { whole: number }).whole]),
    ).toEqual([
      ['enterprises', 1, 1, 2],
      ['enterprises', 2, 1, 1],
      ['enterprises', 4, 0, 1],
      ['enterprises', 2, 1, 1],
      ['enterprises', 3, 1, 1],
      ['plans', 1, 0, 1],
    ]);
    expect(done.records[3].label).toBe('西山矿业（2026年第一季度双随机抽查）');
    // No plan for 2025: no figure, and why.
    const y2025 = run({ from: '2025-01-01', to: '2025-12-31' });
    expect(y2025('key-coverage')).toMatchObject({ unavailable: 'indicators.unavailable.noPlan', percent: null });
    expect(y2025('plan-completion').unavailable).toBe('indicators.unavailable.noPlan');
  });

  it('takes 处罚率 over the 家次 and 案均罚款 over the decisions', () => {
    // Q1: 3 decisions / 5 家次; Q2: 2 / 1 (case 1 filed in Q1 decided in Q2).
    expect(q1('penalty-rate')).toMatchObject({ kind: 'quotient', numerator: 3, denominator: 5, percent: 60 });
    expect(q2('penalty-rate')).toMatchObject({ numerator: 2, denominator: 1, percent: 200 });
    // Q1: (180,000 + 3,000 + 0) / 3; Q2: (30,000 + 8,000) / 2.
    expect(q1('average-fine')).toMatchObject({ kind: 'mean', value: 61000, total: 183000 });
    expect(q2('average-fine')).toMatchObject({ value: 19000 });
    expect(run({ from: '2024-01-01', to: '2024-03-31' })('average-fine')).toMatchObject({ value: null });
  });

  it('sums the fines collected by the day paid, without a retracted payment', () => {
    expect(q1('fines-collected')).toMatchObject({ kind: 'sum', value: 180000 });
    expect(q1('fines-collected').records).toEqual([
      { entity: 'cases', id: 2, label: '应急罚〔2026〕2号 2026-03-01 R-0301', amount: 180000 },
    ]);
    expect(out(q1('fines-collected'))).toEqual(['cases:1:retracted']);
    expect(q2('fines-collected')).toMatchObject({ value: 30000 });
  });

  it('counts 停产停业, 提请关闭, 按日连续处罚 and 移送 from what was issued and recorded', () => {
    expect(ids(q2('suspensions'))).toEqual([1]);
    expect(ids(q1('suspensions'))).toEqual([]);
    expect(out(q1('suspensions'))).toEqual(['documents:8:draft']);
    expect(ids(q2('closures'))).toEqual([4]);
    expect(q2('closures').records[0].label).toBe('应急罚〔2026〕4号 2026-05-06 某县人民政府');
    const q3 = run({ from: '2026-07-01', to: '2026-09-30' });
    expect(ids(q3('daily-penalties'))).toEqual([9]);
    expect(ids(q2('daily-penalties'))).toEqual([]);
    expect(q1('transfers')).toMatchObject({ value: 1 });
    expect(q1('transfers').records).toEqual([{ entity: 'documents', id: 10, label: '决字〔2026〕10号 北河机械' }]);
    expect(out(q1('transfers'))).toEqual(['documents:11:voided']);
  });

  it('counts 典型案例 sent against the periods of the schedule that end in the period', () => {
    // Q1 holds the end of January–February (sent 02-10); March–April ends in Q2, with May–June.
    const v1 = q1('typical-cases');
    expect(v1).toMatchObject({ kind: 'rate', numerator: 1, denominator: 1, percent: 100 });
    expect(v1.records.map((r) => r.label)).toEqual(['2026-01-01 – 2026-02-28']);
    const v2 = q2('typical-cases');
    expect(v2).toMatchObject({ numerator: 1, denominator: 2, percent: 50 });
    expect(v2.records.map((r) => [r.label, (r as { params?: unknown }).params])).toEqual([
      ['2026-03-01 – 2026-04-30', { sent: 0, required: 1 }],
      ['2026-05-01 – 2026-06-30', { sent: 1, required: 1 }],
    ]);
  });

  it('takes 在岗率 over the working days of the calendar, leaving out the kinds that keep an officer at post', () => {
    // Q1: 64 weekdays − 2 holidays + 1 调休 = 63. 王一 sick 5 days (training not counted), 李二 on leave 03-30…31
    // (its withdrawn January leave does not count) → (58 + 61) / 126.
    const v = q1('officers-on-duty');
    expect(v).toMatchObject({ kind: 'rate', numerator: 119, denominator: 126, percent: 94.4 });
    expect(v.records.map((r) => [r.label, (r as { part: number }).part])).toEqual([
      ['王一', 58],
      ['李二', 61],
    ]);
    expect(out(v)).toEqual(['officers:3:offDuty']);
    // Q2: 65 working days; 李二 away 04-01…03.
    expect(q2('officers-on-duty')).toMatchObject({ numerator: 127, denominator: 130, percent: 97.7 });
  });

  it('makes every figure its drill-down list', () => {
    for (const period of [Q1, Q2, { from: '2025-01-01', to: '2025-12-31' }])
      for (const v of enforcementIndicators({ ...period, ...snapshot })) {
        if (v.kind === 'count') expect(v.value).toBe(v.records.length);
        if (v.kind === 'sum') expect(v.value).toBe(v.records.reduce((s, r) => s + r.amount, 0));
        if (v.kind === 'ratio') {
          expect(v.numerator).toBe(v.records.length);
          expect(v.denominator).toBe(v.records.length + v.short.length);
        }
        if (v.kind === 'quotient') expect([v.numerator, v.denominator]).toEqual([v.records.length, v.of.length]);
        if (v.kind === 'mean') expect(v.total).toBe(v.records.reduce((s, r) => s + r.amount, 0));
        if (v.kind === 'rate') {
          expect(v.numerator).toBe(v.records.reduce((s, r) => s + r.part, 0));
          expect(v.denominator).toBe(v.records.reduce((s, r) => s + r.whole, 0));
        }
      }
  });

  it('gives the trend’s figures month by month from the year’s lists, as counting each month apart would', () => {
    const months = monthsOf(2026);
    const year = enforcementIndicators({ from: '2026-01-01', to: '2026-12-31', ...snapshot });
    for (const id of TREND_IDS) {
      const apart = months.map((m) => figureOf(enforcementIndicators({ ...m, ...snapshot }).find((v) => v.id === id)!));
      expect([
        id,
        monthly(
          year.find((v) => v.id === id)!,
          months,
        ),
      ]).toEqual([id, apart]);
    }
    // Hand-counted: inspections Jan 1, Feb 2, Mar 2 (5 withdrawn), Apr 1; fines Feb 180,000 (as corrected), Mar 3,000.
    expect(
      monthly(
        year.find((v) => v.id === 'inspections')!,
        months,
      ).slice(0, 5),
    ).toEqual([1, 2, 2, 1, 0]);
    expect(
      monthly(
        year.find((v) => v.id === 'fines')!,
        months,
      ).slice(1, 4),
    ).toEqual([180000, 3000, 38000]);
  });

  it('splits the figures by sector, township and officer as counting each group apart would', () => {
    const sectors = reportRules.parse(
      JSON.parse(
        fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/report-rules.json'), 'utf8'),
      ),
    ).sectors;
    const kinds = [
      [['hazchem'], '2614', '南坝镇'],
      [['mine'], '1012', '东乡街道'],
      [['fireworks'], '5199', '南坝镇'],
      [['industry'], '3391', ''],
    ] as const;
    const people = {
      ...snapshot,
      enterprises: snapshot.enterprises.map((e, i) => ({
        ...e,
        categories: [...kinds[i][0]],
        industryCode: kinds[i][1],
        township: kinds[i][2],
      })),
      inspections: snapshot.inspections.map((i) => ({ ...i, officerIds: i.id % 2 ? [1, 2] : [2, 3] })),
      cases: snapshot.cases.map((c) => ({ ...c, handlerIds: c.id % 2 ? [1] : [2, 3] })),
    };
    for (const period of [Q1, Q2, { from: '2026-01-01', to: '2026-12-31' }])
      for (const by of BREAKDOWNS) {
        const s = { ...period, ...people };
        const groups = groupsOf(by, s, sectors);
        const ids = by === 'sector' ? SECTOR_IDS : BREAKDOWN_IDS;
        const figures = breakdownFigures(enforcementIndicators(s), s, by, groups, ids);
        for (const g of groups) {
          const apart = enforcementIndicators(narrow(s, g));
          expect([by, g.key, figures.get(g.key)]).toEqual([
            by,
            g.key,
            Object.fromEntries(ids.map((id) => [id, figureOf(apart.find((v) => v.id === id)!)])),
          ]);
        }
      }
    // Hand-counted, Q1: 南坝镇 holds 东林化工 (inspections 1, 3) and 南岭烟花 (4); 李二 (2) was on 1, 2, 3, 4, 6.
    const s = { ...Q1, ...people };
    const towns = groupsOf('township', s, sectors);
    expect(breakdownFigures(enforcementIndicators(s), s, 'township', towns).get('南坝镇')).toMatchObject({
      'enterprises-inspected': 2,
      inspections: 3,
    });
    const officers = groupsOf('officer', { ...s, officers: [{ id: 2, name: '李二' }] as never }, sectors);
    expect(breakdownFigures(enforcementIndicators(s), s, 'officer', officers).get('2')).toMatchObject({
      inspections: 5,
    });
  });

  it('says nothing rather than 0% when nothing is counted', () => {
    const none = run({ from: '2024-01-01', to: '2024-03-31' });
    expect(none('random-share')).toMatchObject({ numerator: 0, denominator: 0, percent: null });
    expect(none('hazards-rectified')).toMatchObject({ percent: null });
  });
});
