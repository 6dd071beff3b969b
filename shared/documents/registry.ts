import type { DocumentTemplate } from './template.ts';
import { inspectionRecord } from './types/inspection-record.ts';

/** Every document type that has a template; the catalogue (knowledge file) names and numbers them. */
export const TEMPLATES: Record<string, DocumentTemplate> = {
  [inspectionRecord.type]: inspectionRecord as unknown as DocumentTemplate,
};
