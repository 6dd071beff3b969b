import { describe, expect, it } from 'vitest';
import {
  ENFORCEMENT_IDS,
  enforcementIndicators,
  type EnforcementId,
  type EnforcementSnapshot,
  type EnforcementValue,
} from '../../../shared/domain/indicators/enforcement.ts';
import type { RecordOf } from '../../../shared/entities/exports/records.ts';

const enterprise = (id: number, name: string, withdrawnAt: string | null = null) =>
  ({ id, name, status: withdrawnAt ? 'withdrawn' : 'active', withdrawnAt }) as RecordOf<'enterprises'>;
const inspection = (id: number, enterpriseId: number, kind: string, startedAt: string, status = 'active') =>
  ({ id, enterpriseId, kind, startedAt, status }) as RecordOf<'inspections'>;
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

const snapshot: Omit<EnforcementSnapshot, 'from' | 'to'> = {
  enterprises: [
    enterprise(1, '东林化工'),
    enterprise(2, '西山矿业'),
    enterprise(3, '南岭烟花', '2026-05-10T02:00:00.000Z'),
    enterprise(4, '北河机械'),
  ],
  inspections: [
    inspection(1, 1, 'plan', '2026-01-10T09:00'),
    inspection(2, 2, 'random', '2026-02-03T09:00'),
    inspection(3, 1, 'recheck', '2026-02-20T09:00'),
    inspection(4, 3, 'random', '2026-03-05T09:00'),
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
  ],
  documents: [
    // Case 1, filed in Q1, decided in Q2: the unit and its 主要负责人.
    decision(1, 1, 'penalty-decision-unit', 'issued', '2026-04-10', { party: 'unit', totalFine: 30000 }),
    decision(2, 1, 'penalty-decision-person', 'issued', '2026-04-10', { party: 0, partyName: '张三', totalFine: 8000 }),
    // Case 2 (事故): decided 02-20, corrected on 04-02 (200,000 → 180,000); a first attempt voided.
    decision(3, 2, 'penalty-decision-unit', 'issued', '2026-02-20', { totalFine: 200000 }),
    decision(4, 2, 'penalty-decision-unit', 'issued', '2026-04-02', { totalFine: 180000 }, 3),
    decision(5, 3, 'summary-penalty-unit', 'issued', '2026-03-05', { fine: 3000 }),
    decision(6, 2, 'penalty-decision-unit', 'voided', '2026-02-18', { totalFine: 200000 }),
    // A warning: a decision that fines nothing.
    decision(7, 6, 'penalty-decision-unit', 'issued', '2026-03-15', { totalFine: 0 }),
    decision(8, 1, 'penalty-decision-unit', 'draft', '2026-03-30', { totalFine: 30000 }),
  ],
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
    expect(q2('decisions-person').records).toEqual([{ entity: 'documents', id: 2, label: '决字〔2026〕2号 张三' }]);
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

  it('makes every figure its drill-down list', () => {
    for (const period of [Q1, Q2, { from: '2025-01-01', to: '2025-12-31' }])
      for (const v of enforcementIndicators({ ...period, ...snapshot })) {
        if (v.kind === 'count') expect(v.value).toBe(v.records.length);
        if (v.kind === 'sum') expect(v.value).toBe(v.records.reduce((s, r) => s + r.amount, 0));
        if (v.kind === 'ratio') {
          expect(v.numerator).toBe(v.records.length);
          expect(v.denominator).toBe(v.records.length + v.short.length);
        }
      }
  });

  it('says nothing rather than 0% when nothing is counted', () => {
    const none = run({ from: '2024-01-01', to: '2024-03-31' });
    expect(none('random-share')).toMatchObject({ numerator: 0, denominator: 0, percent: null });
    expect(none('hazards-rectified')).toMatchObject({ percent: null });
  });
});
