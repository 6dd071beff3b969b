import { describe, expect, it } from 'vitest';
import { completenessProblems } from '../../../shared/domain/upload-completeness.ts';
import type { RecordOf } from '../../../shared/entities/exports/records.ts';
import type { ReviewFinding } from '../../../shared/entities/review.ts';

const inspection = (id: number, more: Partial<RecordOf<'inspections'>> = {}) =>
  ({ id, kind: 'plan', status: 'active', officerIds: [1, 2], ...more }) as RecordOf<'inspections'>;
const doc = (id: number, type: string, more: Partial<RecordOf<'documents'>> = {}) =>
  ({
    id,
    type,
    status: 'issued',
    inspectionId: null,
    caseId: null,
    supersedesId: null,
    numberText: `N${id}`,
    ...more,
  }) as RecordOf<'documents'>;
const finding = (more: Partial<ReviewFinding>) =>
  ({
    id: 'f',
    check: 'benchmark-band',
    key: 'review.hints.x',
    vetoId: null,
    overruled: null,
    ...more,
  }) as ReviewFinding;
const subjects = (input: Partial<Parameters<typeof completenessProblems>[0]>) =>
  completenessProblems({ inspections: [], documents: [], services: [], findings: new Map(), ...input }).map(
    (p) => p.subject,
  );

describe('上报前检查: complete as the province counts it', () => {
  it('wants each inspection made by two officers, with its record issued (a 复查 its opinion)', () => {
    expect(subjects({ inspections: [inspection(1, { officerIds: [1] })] })).toEqual([
      'inspections:1:two-officers',
      'inspections:1:record',
    ]);
    expect(
      subjects({ inspections: [inspection(1)], documents: [doc(5, 'inspection-record', { inspectionId: 1 })] }),
    ).toEqual([]);
    expect(
      subjects({
        inspections: [inspection(2, { kind: 'recheck' })],
        documents: [doc(6, 'recheck-opinion', { inspectionId: 2 })],
      }),
    ).toEqual([]);
    // A 复查's own paper is its 整改复查意见书: a 现场检查记录 alone does not make it complete.
    expect(
      subjects({
        inspections: [inspection(2, { kind: 'recheck' })],
        documents: [doc(6, 'inspection-record', { inspectionId: 2 })],
      }),
    ).toEqual(['inspections:2:record']);
    // A draft or a voided record counts for nothing; a withdrawn inspection is not counted.
    expect(
      subjects({
        inspections: [inspection(1)],
        documents: [doc(5, 'inspection-record', { inspectionId: 1, status: 'draft' })],
      }),
    ).toEqual(['inspections:1:record']);
    expect(subjects({ inspections: [inspection(1, { status: 'withdrawn' })] })).toEqual([]);
  });

  it('wants every decision served', () => {
    const decision = doc(7, 'penalty-decision-unit', { caseId: 3 });
    expect(subjects({ documents: [decision] })).toEqual(['documents:7:served']);
    expect(subjects({ documents: [decision], services: [{ documentId: 7 } as RecordOf<'services'>] })).toEqual([]);
  });

  it('holds a case back for a veto or a required document missing, not for a deduction, nor a finding overruled', () => {
    const findings = new Map([
      [
        3,
        [
          finding({ id: 'a', check: 'required-documents' }),
          finding({ id: 'b', vetoId: 'v1', check: 'limitation' }),
          finding({ id: 'c' }),
        ],
      ],
      [4, [finding({ id: 'd', check: 'required-documents', overruled: '纸质卷宗已补' })]],
    ]);
    expect(subjects({ findings })).toEqual(['cases:3:a', 'cases:3:b']);
    // The same finding counted under a veto and an item is one blocker.
    const twice = new Map([
      [
        5,
        [
          finding({ id: 'e', check: 'required-documents' }),
          finding({ id: 'e', vetoId: 'v2', check: 'required-documents' }),
        ],
      ],
    ]);
    expect(subjects({ findings: twice })).toEqual(['cases:5:e']);
  });
});
