import type { DocumentTemplate } from './template.ts';
import { inspectionRecord } from './types/inspection-record.ts';
import { recheckOpinion } from './types/recheck-opinion.ts';
import { rectificationOrder } from './types/rectification-order.ts';

/** Every document type that has a template; the catalogue (knowledge file) names and numbers them. */
export const TEMPLATES: Record<string, DocumentTemplate> = {
  [inspectionRecord.type]: inspectionRecord as unknown as DocumentTemplate,
  [rectificationOrder.type]: rectificationOrder as unknown as DocumentTemplate,
  [recheckOpinion.type]: recheckOpinion as unknown as DocumentTemplate,
};
