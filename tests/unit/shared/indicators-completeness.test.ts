import { describe, expect, it } from 'vitest';
import { completenessIndicators, quarterOf } from '../../../shared/domain/indicators/completeness.ts';
import type { PackageProblem } from '../../../shared/entities/export-package.ts';
import type { RecordOf } from '../../../shared/entities/exports/records.ts';

const enterprise = { id: 1, name: '东林化工' } as RecordOf<'enterprises'>;
const inspection = (id: number, startedAt: string, status = 'active') =>
  ({ id, enterpriseId: 1, startedAt, status }) as RecordOf<'inspections'>;
const kase = (id: number, createdAt: string) =>
  ({ id, enterpriseId: 1, caseNo: `2026-000${id}`, createdAt }) as RecordOf<'cases'>;
const problem = (entity: string, id: number): PackageProblem => ({
  code: 'incomplete',
  path: `data/${entity}.jsonl`,
  record: { entity, id },
  subject: `${entity}:${id}:x`,
});

describe('录入与上报完整率 (hand-counted)', () => {
  // Q4 2026: inspections 1–4 begun in it (3 withdrawn), 5 before it; cases 1–2 entered in it (UTC stamps: 1 is
  // 2026-10-01 in China), 3 before it.
  const input = {
    from: '2026-10-01',
    to: '2026-12-31',
    enterprises: [enterprise],
    inspections: [
      inspection(1, '2026-10-09T09:00'),
      inspection(2, '2026-11-20T09:00'),
      inspection(3, '2026-11-21T09:00', 'withdrawn'),
      inspection(4, '2026-12-31T16:00'),
      inspection(5, '2026-09-30T09:00'),
    ],
    cases: [
      kase(1, '2026-09-30T16:30:00.000Z'),
      kase(2, '2026-11-02T01:00:00.000Z'),
      kase(3, '2026-09-30T15:00:00.000Z'),
    ],
    documents: [{ id: 9, caseId: 2 }] as RecordOf<'documents'>[],
    // Inspection 2 has no record; case 2's decision (document 9) is not served; inspection 5 is out of the period.
    problems: [problem('inspections', 2), problem('documents', 9), problem('inspections', 5)],
    reported: new Set(['inspections:1', 'inspections:2', 'cases:1', 'inspections:5']),
  };
  const [inspections, cases, reported] = completenessIndicators(input);

  it('counts the inspections begun in the period, leaving out the withdrawn with why', () => {
    expect(inspections).toMatchObject({ numerator: 2, denominator: 3, percent: 66.7 });
    expect(inspections.short).toEqual([{ entity: 'inspections', id: 2, label: '东林化工 2026-11-20' }]);
    expect(inspections.excluded).toEqual([
      { entity: 'inspections', id: 3, label: '东林化工 2026-11-21', why: 'indicators.excluded.withdrawn' },
    ]);
  });

  it('holds a case back by a decision of its not served, and dates a case by its China day', () => {
    expect(cases).toMatchObject({ numerator: 1, denominator: 2, percent: 50 });
    expect(cases.short.map((r) => r.id)).toEqual([2]);
  });

  it('counts as reported what the accepted package holds as it now stands', () => {
    expect(reported).toMatchObject({ numerator: 3, denominator: 5, percent: 60 });
    expect(reported.short.map((r) => `${r.entity}:${r.id}`)).toEqual(['inspections:4', 'cases:2']);
  });

  it('says nothing rather than 0% or 100% when nothing is counted', () => {
    const none = completenessIndicators({ ...input, from: '2025-01-01', to: '2025-03-31' });
    expect(none.map((v) => v.percent)).toEqual([null, null, null]);
  });

  it('finds the calendar quarter of a day', () => {
    expect(quarterOf('2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31', year: 2026, quarter: 4 });
    expect(quarterOf('2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-03-31', year: 2028, quarter: 1 });
    expect(quarterOf('2026-06-30')).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
  });
});
