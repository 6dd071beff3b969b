import type { TFunction } from 'i18next';
import {
  ABSENCE_KINDS,
  ACCIDENT_GRADES,
  APPROVAL_ROLES,
  APPROVAL_STAGES,
  CASE_SOURCES,
  CREDIT_STATUSES,
  ENFORCEMENT_LEVELS,
  INSPECTION_KINDS,
  NON_ENFORCEMENT_DAYS,
  OFFICER_POSTS,
  OTHER_ENFORCEMENT_DAYS,
  PRESENT_ROLES,
  RISK_GRADES,
  SERVICE_METHODS,
  STANDARDIZATION_GRADES,
  SUPERVISION_CATEGORIES,
} from '../../../shared/base/vocabulary.ts';

/** Select options for the closed vocabularies, labelled in the UI language. */
const LISTS = {
  categories: SUPERVISION_CATEGORIES,
  levels: ENFORCEMENT_LEVELS,
  grades: STANDARDIZATION_GRADES,
  risks: RISK_GRADES,
  credit: CREDIT_STATUSES,
  posts: OFFICER_POSTS,
  inspectionKinds: INSPECTION_KINDS,
  presentRoles: PRESENT_ROLES,
  serviceMethods: SERVICE_METHODS,
  caseSources: CASE_SOURCES,
  approvalRoles: APPROVAL_ROLES,
  approvalStages: APPROVAL_STAGES,
  absences: ABSENCE_KINDS,
  accidentGrades: ACCIDENT_GRADES,
  otherEnforcementDays: OTHER_ENFORCEMENT_DAYS,
  nonEnforcementDays: NON_ENFORCEMENT_DAYS,
} as const;
export type VocabList = keyof typeof LISTS;

export function vocabLabel(t: TFunction, list: VocabList, key: string | null | undefined): string {
  return key ? (t(`vocab.${list}.${key}` as never) as string) : '';
}

export function vocabOptions(t: TFunction, list: VocabList): { value: string; label: string }[] {
  return Object.keys(LISTS[list]).map((key) => ({ value: key, label: vocabLabel(t, list, key) }));
}

export const RISK_COLORS: Record<string, string> = { major: 'red', high: 'orange', general: 'gold', low: 'blue' };

/** 条例第三条's four grades, gravest the reddest. */
export const ACCIDENT_GRADE_COLORS: Record<string, string> = {
  especially: 'red',
  major: 'volcano',
  larger: 'orange',
  general: 'gold',
};

/** A document type's name in the UI language; the catalogue's own (Chinese) name where the UI has none. */
export function documentTypeLabel(t: TFunction, type: string, typeName: string): string {
  const key = `cases.documentTypes.${type}`;
  const label = t(key as never) as string;
  return label === key ? typeName : label;
}
