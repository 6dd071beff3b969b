import type { DocumentTemplate } from './template.ts';
import { inspectionPlan } from './types/inspection-plan.ts';
import { inspectionRecord } from './types/inspection-record.ts';
import { onsiteMeasures } from './types/onsite-measures.ts';
import { serviceReceipt } from './types/service-receipt.ts';
import { recheckOpinion } from './types/recheck-opinion.ts';
import { rectificationOrder } from './types/rectification-order.ts';
import { penaltyNotice } from './types/penalty-notice.ts';
import { penaltyDecisionPerson, penaltyDecisionUnit } from './types/penalty-decision.ts';
import { hearingMeetingNotice } from './types/hearing-meeting-notice.ts';
import { transferLetter } from './types/transfer-letter.ts';
import { summaryPenaltyPerson, summaryPenaltyUnit } from './types/summary-penalty.ts';
import { evidenceDisposalDecision, evidencePreservationNotice } from './types/evidence-preservation.ts';
import { enforcementDemand } from './types/enforcement-demand.ts';
import { deferredPaymentLetter } from './types/deferred-payment.ts';
import { hearingRecord, hearingReport } from './types/hearing.ts';
import { evidenceList } from './types/evidence-list.ts';
import { INVESTIGATION_TEMPLATES } from './types/investigation.ts';
import { COERCION_TEMPLATES } from './types/coercion.ts';

/** The date a document bears: what its template says, or its `date` field. */
export function documentDateOf(type: string, fields: Record<string, unknown>): string | null {
  const t = TEMPLATES[type];
  // A draft's fields are whatever was saved so far: a template's reading of them may find what it reads missing.
  let d: unknown;
  try {
    d = t?.documentDate ? t.documentDate(fields as never) : fields.date;
  } catch {
    d = null;
  }
  return typeof d === 'string' && d ? d : null;
}

/** Every document type that has a template; the catalogue (knowledge file) names and numbers them. */
export const TEMPLATES: Record<string, DocumentTemplate> = Object.fromEntries(
  // Each template is typed by its own schema; looked up by type name, they are all just templates.
  [
    inspectionPlan,
    inspectionRecord,
    onsiteMeasures,
    serviceReceipt,
    rectificationOrder,
    recheckOpinion,
    penaltyNotice,
    penaltyDecisionUnit,
    penaltyDecisionPerson,
    hearingMeetingNotice,
    transferLetter,
    summaryPenaltyUnit,
    summaryPenaltyPerson,
    evidencePreservationNotice,
    evidenceDisposalDecision,
    enforcementDemand,
    deferredPaymentLetter,
    hearingRecord,
    hearingReport,
    evidenceList,
  ]
    .map((t) => [t.type, t as unknown as DocumentTemplate])
    .concat([...INVESTIGATION_TEMPLATES, ...COERCION_TEMPLATES].map((t) => [t.type, t])),
);
