import { describe, expect, it } from 'vitest';
import {
  type HazardFacts,
  type InspectionDocumentFacts,
  inspectionNextStep,
} from '../../../shared/domain/inspection-next.ts';

const TODAY = '2026-11-25';
const doc = (
  id: number,
  type: string,
  status: InspectionDocumentFacts['status'],
  more: Partial<InspectionDocumentFacts> = {},
) => ({
  id,
  type,
  status,
  served: false,
  supersededById: null,
  ...more,
});
const hazard = (deadline: string | null, recheckDue: string | null, status: HazardFacts['status'] = 'open') => ({
  status,
  deadline,
  recheckDue,
});
const next = (documents: InspectionDocumentFacts[], hazards: HazardFacts[], recheck = false) =>
  inspectionNextStep({ recheck, documents, hazards, today: TODAY });

describe('下一步 on an inspection', () => {
  const record = doc(1, 'inspection-record', 'issued');
  const late = hazard('2026-12-10', '2026-12-20');

  it('asks for the 现场检查记录 first, reopening a draft already begun', () => {
    expect(next([], [late])).toEqual({
      key: 'inspection.next.makeRecord',
      action: { kind: 'document', type: 'inspection-record' },
    });
    expect(next([doc(4, 'inspection-record', 'draft')], [])).toEqual({
      key: 'inspection.next.issueRecord',
      action: { kind: 'open-document', documentId: 4 },
    });
    // A voided record counts for nothing.
    expect(next([doc(4, 'inspection-record', 'voided')], []).key).toBe('inspection.next.makeRecord');
  });

  it('then the 责令限期整改指令书 for hazards with a deadline, served on the enterprise', () => {
    expect(next([record], [late]).key).toBe('inspection.next.makeOrder');
    // Fixed on the spot (no deadline): no order needed.
    expect(next([record], [hazard(null, null)]).key).toBe('inspection.next.done');
    expect(next([record, doc(2, 'rectification-order', 'draft')], [late])).toMatchObject({
      key: 'inspection.next.issueOrder',
      action: { kind: 'open-document', documentId: 2 },
    });
    expect(next([record, doc(2, 'rectification-order', 'issued')], [late])).toEqual({
      key: 'inspection.next.serve',
      params: { type: 'rectification-order' },
      action: { kind: 'open-document', documentId: 2 },
    });
    // The record itself is signed on site, never served.
    expect(next([record], []).key).toBe('inspection.next.done');
    // A corrected order: its correction is the one to issue and serve.
    const corrected = doc(2, 'rectification-order', 'issued', { served: true, supersededById: 3 });
    expect(next([record, corrected, doc(3, 'rectification-order', 'draft')], [late])).toMatchObject({
      key: 'inspection.next.issueOrder',
      action: { documentId: 3 },
    });
  });

  it('waits for the deadline, then asks for the 复查 within its period, and says when it is late', () => {
    const served = [record, doc(2, 'rectification-order', 'issued', { served: true })];
    expect(next(served, [late, hazard('2026-12-01', '2026-12-11')])).toEqual({
      key: 'inspection.next.awaitDeadline',
      params: { deadline: '2026-12-01', due: '2026-12-11' },
      action: null,
    });
    expect(next(served, [hazard('2026-11-25', '2026-12-05')])).toMatchObject({
      key: 'inspection.next.recheckNow',
      params: { due: '2026-12-05' },
      action: { kind: 'schedule-recheck' },
    });
    expect(next(served, [hazard('2026-11-10', '2026-11-20')])).toMatchObject({
      key: 'inspection.next.recheckLate',
      params: { due: '2026-11-20' },
    });
    // A 复查 already made: its results are entered there, no second one is offered.
    expect(
      inspectionNextStep({
        recheck: false,
        documents: served,
        hazards: [hazard('2026-11-10', '2026-11-20')],
        recheckId: 9,
        today: TODAY,
      }),
    ).toEqual({ key: 'inspection.next.openRecheck', action: { kind: 'open-inspection', inspectionId: 9 } });
    // Once re-checked, nothing waits.
    expect(next(served, [hazard('2026-11-10', '2026-11-20', 'rectified')]).key).toBe('inspection.next.done');
  });

  it('on a 复查: each hazard’s result, then the 整改复查意见书, served; not put right leads to the case', () => {
    const original = [hazard('2026-11-10', '2026-11-20'), hazard('2026-11-10', '2026-11-20')];
    expect(next([], original, true)).toEqual({
      key: 'inspection.next.recordRecheck',
      params: { count: '2' },
      action: { kind: 'hazards' },
    });
    const judged = [
      hazard('2026-11-10', '2026-11-20', 'rectified'),
      hazard('2026-11-10', '2026-11-20', 'not-rectified'),
    ];
    expect(next([], judged, true).key).toBe('inspection.next.makeOpinion');
    expect(next([doc(5, 'recheck-opinion', 'issued')], judged, true).key).toBe('inspection.next.serve');
    expect(next([doc(5, 'recheck-opinion', 'issued', { served: true })], judged, true)).toEqual({
      key: 'inspection.next.notRectified',
      action: { kind: 'escalations' },
    });
    expect(
      next(
        [doc(5, 'recheck-opinion', 'issued', { served: true })],
        [hazard('2026-11-10', '2026-11-20', 'rectified')],
        true,
      ).key,
    ).toBe('inspection.next.done');
  });
});
