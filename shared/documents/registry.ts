import type { DocumentTemplate } from './template.ts';
import { inspectionPlan } from './types/inspection-plan.ts';
import { inspectionRecord } from './types/inspection-record.ts';
import { onsiteMeasures } from './types/onsite-measures.ts';
import { serviceReceipt } from './types/service-receipt.ts';
import { recheckOpinion } from './types/recheck-opinion.ts';
import { rectificationOrder } from './types/rectification-order.ts';

/** Every document type that has a template; the catalogue (knowledge file) names and numbers them. */
export const TEMPLATES: Record<string, DocumentTemplate> = {
  [inspectionPlan.type]: inspectionPlan as unknown as DocumentTemplate,
  [inspectionRecord.type]: inspectionRecord as unknown as DocumentTemplate,
  [onsiteMeasures.type]: onsiteMeasures as unknown as DocumentTemplate,
  [serviceReceipt.type]: serviceReceipt as unknown as DocumentTemplate,
  [rectificationOrder.type]: rectificationOrder as unknown as DocumentTemplate,
  [recheckOpinion.type]: recheckOpinion as unknown as DocumentTemplate,
};
