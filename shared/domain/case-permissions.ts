import type { CaseEvent, CaseEventKind, StoredCaseEventData } from '../entities/case.ts';
import type { Permission } from '../base/roles.ts';
import type { APPROVAL_ROLES } from '../base/vocabulary.ts';

type ApprovalRole = keyof typeof APPROVAL_ROLES;

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
  // 立案/呈批/结案 are signed on the paper form; each row is recorded by whom its role allows (APPROVAL_ROWS).
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

/**
 * The rows of an approval form: the 承办人 sign their own (the case staff record them); the 审核 row is the
 * 审核人's and the 审批 row the 负责人's, so a clerk never records either — a form the handlers could complete
 * alone would approve nothing.
 */
const APPROVAL_ROWS: Record<ApprovalRole, Recorder> = {
  handler: CASE_STAFF,
  review: { permission: 'cases.review', retractRule: 'cases.rules.retractReviewSign' },
  approve: { permission: 'cases.approve', retractRule: 'cases.rules.retractApproveSign' },
};

/** What is recorded: the kind, and for an approval signature its row. */
type Recorded = { kind: StoredCaseEventData['kind']; role?: ApprovalRole };

function recorderOf(data: Recorded): Recorder {
  return data.kind === 'approval' && data.role ? APPROVAL_ROWS[data.role] : RECORDERS[data.kind];
}

/** The permission of cases:record, the channel of every kind without one of its own. */
export const CASE_RECORD_PERMISSION: Permission = CASE_STAFF.permission;

export function permissionToRecord(data: Recorded): Permission {
  return recorderOf(data).permission;
}

/** Taking an event back needs exactly what recording it needed. */
export function permissionToRetract(event: Pick<CaseEvent, 'data'>): Permission {
  return permissionToRecord(event.data);
}

/**
 * Kinds with a channel of their own, guarded row by row: the 法制审核 opinion (the legal reviewer's alone) and the
 * approval signatures (cases:sign, each row by its own role). cases:record refuses them.
 */
export const OWN_CHANNEL_KINDS: readonly CaseEventKind[] = ['legal-review', 'approval'];

/** What not everyone who runs a case may record, each with the permission it needs. */
export const ROLE_BOUND_RECORDS: readonly Recorded[] = [
  { kind: 'legal-review' },
  { kind: 'approval', role: 'review' },
  { kind: 'approval', role: 'approve' },
];

/** May these permissions record this row of an approval form? */
export function maySign(permissions: readonly Permission[], role: ApprovalRole): boolean {
  return permissions.includes(APPROVAL_ROWS[role].permission);
}

/** The rule that stops these permissions taking the event back, or null when they may. */
export function retractRefusal(permissions: readonly Permission[], event: Pick<CaseEvent, 'data'>): string | null {
  const recorder = recorderOf(event.data);
  return permissions.includes(recorder.permission) ? null : recorder.retractRule;
}

export function mayRetract(permissions: readonly Permission[], event: Pick<CaseEvent, 'data'>): boolean {
  return retractRefusal(permissions, event) === null;
}
