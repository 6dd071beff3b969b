import type { z } from 'zod';

/**
 * Every error that crosses the bridge has a stable code and a translation key (`errors.<code>`);
 * stacks stay in the core's log. Adding a code here without a message in every locale fails the
 * typecheck (see shared/i18n/resources.ts).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SESSION_LOCKED',
  'AUTH_BAD_CREDENTIALS',
  'AUTH_THROTTLED',
  'AUTH_BAD_RECOVERY_CODE',
  'AUTH_WRONG_PASSWORD',
  'SETUP_DONE',
  'SETUP_REQUIRED',
  'NOT_FOUND',
  'STALE_VERSION',
  'USCC_DUPLICATE',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'IMPORT_BAD_FILE',
  'IMPORT_NOT_FOUND',
  'IMPORT_HAS_ERRORS',
  'IMPORT_TOO_LARGE',
  'DEMO_EXPORT_REFUSED',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'DB_IN_USE',
  'DB_REPLACING',
  'WORK_UNDER_WAY',
  'WORKSPACE_CLOSED',
  /** The folder was set up but its database file is gone: restore it from a backup (never recreated empty). */
  'DB_MISSING',
  /** Another process kept the database's write lock past every bounded wait (electron/core/db/write.ts). */
  'DB_BUSY',
  /** A long-running job (electron/core/jobs) stopped at the user's request; what it was still to commit was not written. */
  'JOB_CANCELLED',
  'MIGRATION_FAILED',
  'BACKUP_NOT_FOUND',
  'BACKUP_CORRUPT',
  /** A file offered for restore that is not a complete backup of a database this app set up (electron/core/db/snapshot.ts). */
  'BACKUP_NOT_OURS',
  'DATA_PACKAGE_BAD',
  'CALENDAR_BAD_FILE',
  'CHECKLIST_BAD_FILE',
  'BENCHMARK_BAD_FILE',
  'DOCUMENT_GLYPH_MISSING',
  'DOCUMENT_NOT_ISSUABLE',
  'DOCUMENT_FROZEN',
  'DOCUMENT_NOT_ISSUED',
  'DOCUMENT_SCAN_ATTACHED',
  'DOCUMENT_ALREADY_CORRECTED',
  /** A role taking back a case event it could not have recorded (shared/domain/case-permissions.ts). */
  'CASE_RETRACT_FORBIDDEN',
  'RENDER_FAILED',
  /** An upload package whose records would fail the receiving system's check: nothing is written (details.problems). */
  'EXPORT_BLOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ValidationIssue {
  /** Field path, e.g. ['contacts', 0, 'phone'], the address the UI focuses. */
  path: (string | number)[];
  /** Translation key of the message. */
  key: string;
  params?: Record<string, unknown>;
}

export interface ErrorPayload {
  code: ErrorCode;
  messageKey: `errors.${ErrorCode}`;
  details?: { issues?: ValidationIssue[] } & Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorPayload['details'];
  constructor(code: ErrorCode, details?: ErrorPayload['details']) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get messageKey(): `errors.${ErrorCode}` {
    return `errors.${this.code}`;
  }
  toPayload(): ErrorPayload {
    return { code: this.code, messageKey: this.messageKey, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isErrorPayload(x: unknown): x is ErrorPayload {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ErrorPayload).code === 'string' &&
    typeof (x as ErrorPayload).messageKey === 'string'
  );
}

const ZOD_CODE_KEYS: Record<string, string> = {
  invalid_type: 'validation.invalidType',
  too_small: 'validation.tooShort',
  too_big: 'validation.tooLong',
  invalid_value: 'validation.invalidOption',
  invalid_format: 'validation.format',
  unrecognized_keys: 'validation.unknownField',
};

/**
 * Our own messages are already keys (`validation.*`, `review.standard.*`…: dotted words, no spaces);
 * zod's built-in ones are sentences, mapped by code.
 */
const OWN_KEY = /^[a-z][A-Za-z]*(\.[\w-]+)+$/;
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const own = typeof issue.message === 'string' && OWN_KEY.test(issue.message);
    let key = own ? issue.message : (ZOD_CODE_KEYS[issue.code] ?? 'validation.invalid');
    let params = (issue as { params?: Record<string, unknown> }).params;
    // Text too long says its limit (内容太长 alone leaves the user guessing how much to cut).
    const { origin, maximum } = issue as { origin?: string; maximum?: unknown };
    if (issue.code === 'too_big' && origin === 'string' && key === 'validation.tooLong' && maximum !== undefined) {
      key = 'validation.tooLongMax';
      params = { ...params, max: Number(maximum) };
    }
    if (issue.code === 'too_big' && origin === 'array' && key === 'validation.tooLong' && maximum !== undefined) {
      key = 'validation.tooManyMax';
      params = { ...params, max: Number(maximum) };
    }
    return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), key, ...(params ? { params } : {}) };
  });
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('VALIDATION', { issues: issuesFromZod(error) });
}
