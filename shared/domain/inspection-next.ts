import type { DocumentStatus } from '../entities/document.ts';

/**
 * 下一步 on an inspection: the one thing its paper trail waits for, read from what is recorded (its documents and
 * the hazards found), in the order the squad works — the 现场检查记录 signed on site, the 责令限期整改指令书 for the
 * hazards with a deadline, each decision served on the enterprise, then the 复查 within its period; on a 复查, each
 * hazard's result and then the 整改复查意见书.
 */

/** The inspection documents that decide something for the enterprise and are served on it (送达), with a 回执. */
export const SERVED_ON_ENTERPRISE = ['rectification-order', 'onsite-measures', 'recheck-opinion'] as const;

export interface InspectionDocumentFacts {
  id: number;
  type: string;
  status: DocumentStatus;
  served: boolean;
  /** A correction replaces it: the correction is the one that counts. */
  supersededById: number | null;
}

export interface HazardFacts {
  status: 'open' | 'rectified' | 'not-rectified';
  deadline: string | null;
  recheckDue: string | null;
}

export type InspectionAction =
  | { kind: 'document'; type: string }
  | { kind: 'open-document'; documentId: number }
  | { kind: 'schedule-recheck' }
  | { kind: 'hazards' }
  | { kind: 'open-inspection'; inspectionId: number }
  | { kind: 'escalations' };

export interface InspectionStep {
  /** An inspection.next.* key; `params` fill it in. */
  key: string;
  params?: Record<string, string>;
  /** None where the step waits for time to pass (the deadline to run out). */
  action: InspectionAction | null;
}

export function inspectionNextStep(facts: {
  recheck: boolean;
  documents: InspectionDocumentFacts[];
  /** The hazards this inspection found; on a 复查, those of the inspection it re-checks. */
  hazards: HazardFacts[];
  /** The latest 复查 of this inspection, once one is recorded: its results are entered there. */
  recheckId?: number | null;
  today: string;
}): InspectionStep {
  const live = facts.documents.filter((d) => d.status !== 'voided' && d.supersededById === null);
  const step = (type: string, make: string, issue: string): InspectionStep | null => {
    const doc = live.find((d) => d.type === type);
    if (!doc) return { key: make, action: { kind: 'document', type } };
    if (doc.status === 'draft') return { key: issue, action: { kind: 'open-document', documentId: doc.id } };
    return null;
  };
  const open = facts.hazards.filter((h) => h.status === 'open');

  if (!facts.recheck) {
    const record = step('inspection-record', 'inspection.next.makeRecord', 'inspection.next.issueRecord');
    if (record) return record;
    if (open.some((h) => h.deadline)) {
      const order = step('rectification-order', 'inspection.next.makeOrder', 'inspection.next.issueOrder');
      if (order) return order;
    }
  } else {
    if (open.length)
      return { key: 'inspection.next.recordRecheck', params: { count: `${open.length}` }, action: { kind: 'hazards' } };
    if (facts.hazards.length) {
      const opinion = step('recheck-opinion', 'inspection.next.makeOpinion', 'inspection.next.issueOpinion');
      if (opinion) return opinion;
    }
  }

  const unserved = live.find(
    (d) => d.status === 'issued' && !d.served && (SERVED_ON_ENTERPRISE as readonly string[]).includes(d.type),
  );
  if (unserved)
    return {
      key: 'inspection.next.serve',
      params: { type: unserved.type },
      action: { kind: 'open-document', documentId: unserved.id },
    };

  if (!facts.recheck) {
    const waiting = open
      .filter((h) => h.deadline && h.recheckDue)
      .sort((a, b) => a.recheckDue!.localeCompare(b.recheckDue!));
    const first = waiting[0];
    // A 复查 already made: the results wait there, not a second one.
    if (first && facts.recheckId)
      return { key: 'inspection.next.openRecheck', action: { kind: 'open-inspection', inspectionId: facts.recheckId } };
    if (first) {
      if (first.recheckDue! < facts.today)
        return {
          key: 'inspection.next.recheckLate',
          params: { due: first.recheckDue! },
          action: { kind: 'schedule-recheck' },
        };
      if (first.deadline! <= facts.today)
        return {
          key: 'inspection.next.recheckNow',
          params: { due: first.recheckDue! },
          action: { kind: 'schedule-recheck' },
        };
      return {
        key: 'inspection.next.awaitDeadline',
        params: { deadline: first.deadline!, due: first.recheckDue! },
        action: null,
      };
    }
  }
  // Not put right at the 复查: the case to open waits among the workbench's escalations (the core raised it).
  if (facts.recheck && facts.hazards.some((h) => h.status === 'not-rectified'))
    return { key: 'inspection.next.notRectified', action: { kind: 'escalations' } };
  return { key: 'inspection.next.done', action: null };
}
