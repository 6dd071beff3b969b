import type { CaseEvent, CaseEventKind, StoredCaseEventData } from '../entities/case.ts';
import type { Permission } from '../base/roles.ts';

/**
 * Who may record each kind of case event — and therefore who may take one back. A retraction
 * unmakes the record, so it is held to the same permission as making it: otherwise a clerk could
 * withdraw the legal reviewer's failing 法制审核 opinion and let an earlier passing one decide the
 * case again. The contract's channels, the core's refusal and the case page all read this one
 * table, so none of them can disagree with the others.
 */
interface Recorder {
  permission: Permission;
  /** The rule a refused retraction names (a cases.rules.* key, worded in both locales). */
  retractRule: string;
}

/** Entered by whoever runs the case, through cases:record. */
const CASE_STAFF = {
  permission: 'cases.write',
  retractRule: 'cases.rules.retractCaseRecord',
} as const satisfies Recorder;

/** Total over the kinds: a new kind does not compile until someone decides who records it. */
const RECORDERS: Record<StoredCaseEventData['kind'], Recorder> = {
  // 立案/呈批/结案 are signed on the paper form by the 承办人, 审核人 and 审批人 themselves; the app
  // holds a transcription with the scan, which the case staff enter for them, row by row.
  approval: CASE_STAFF,
  // 行政处罚法 第五十八条: the opinion is the legal reviewer's own, never the case handler's.
  'legal-review': { permission: 'cases.review', retractRule: 'cases.rules.retractLegalReview' },
  'collective-discussion': CASE_STAFF,
  statement: CASE_STAFF,
  'hearing-request': CASE_STAFF,
  hearing: CASE_STAFF,
  'transfer-answer': CASE_STAFF,
  payment: CASE_STAFF,
  'summary-filed': CASE_STAFF,
  'court-application': CASE_STAFF,
  'cash-handed-in': CASE_STAFF,
  recusal: CASE_STAFF,
  // The head's approval is on paper; the case staff transcribe it with its scan.
  'pre-investigation': CASE_STAFF,
  // The head's decision not to transfer is on paper (kept on file with its reasons); the case staff transcribe it.
  'transfer-assessment': CASE_STAFF,
  // The request goes to the government on paper; the case staff record it with its scan.
  'closure-request': CASE_STAFF,
  'refused-correction': CASE_STAFF,
  corrected: CASE_STAFF,
  // Written by the core when an approved 呈批 is changed (cases:save-disposal, itself cases.write).
  'disposal-revised': CASE_STAFF,
  publication: CASE_STAFF,
  'publication-withdrawn': CASE_STAFF,
  archive: CASE_STAFF,
  remedy: CASE_STAFF,
  enforcement: CASE_STAFF,
  borrow: CASE_STAFF,
  // A retraction is held to what it takes back (permissionToRetract); this row covers only a retraction taken back.
  retract: CASE_STAFF,
  // Legacy kinds (files of earlier versions): entered by the case staff through cases:record, and taken back by them.
  deferral: CASE_STAFF,
  demand: CASE_STAFF,
};

/** The permission of cases:record, the channel of every kind that is not role-bound. */
export const CASE_RECORD_PERMISSION: Permission = CASE_STAFF.permission;

export function permissionToRecord(kind: StoredCaseEventData['kind']): Permission {
  return RECORDERS[kind].permission;
}

/** Taking an event back needs exactly what recording it needed. */
export function permissionToRetract(event: Pick<CaseEvent, 'data'>): Permission {
  return permissionToRecord(event.data.kind);
}

/** Kinds that not everyone who runs a case may record: each has a channel of its own, guarded by its permission. */
export const ROLE_BOUND_KINDS: readonly CaseEventKind[] = (Object.keys(RECORDERS) as CaseEventKind[]).filter(
  (kind) => RECORDERS[kind].permission !== CASE_RECORD_PERMISSION,
);

/** The rule that stops these permissions taking the event back, or null when they may. */
export function retractRefusal(permissions: readonly Permission[], event: Pick<CaseEvent, 'data'>): string | null {
  const recorder = RECORDERS[event.data.kind];
  return permissions.includes(recorder.permission) ? null : recorder.retractRule;
}

export function mayRetract(permissions: readonly Permission[], event: Pick<CaseEvent, 'data'>): boolean {
  return retractRefusal(permissions, event) === null;
}
