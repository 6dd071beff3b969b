import type { FormInstance } from 'antd';
import { AppError } from '../../../shared/base/errors.ts';
import { tKey } from '../i18n.ts';

/** The message a person reads for any failure; stacks and internals never reach the screen. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) {
    const details = (error.details ?? {}) as Record<string, unknown>;
    // Reasons arrive as translation keys of their own (importFile.*, dataPackage.*, calendar.importErrors.*).
    const reasonText = typeof details.reason === 'string' ? tKey(details.reason, details) : '';
    const issues = error.details?.issues;
    if (error.code === 'VALIDATION' && issues?.length) return issues.map((i) => tKey(i.key, i.params)).join('；');
    return tKey(error.messageKey, { ...details, reasonText });
  }
  return tKey('errors.INTERNAL');
}

/** Issues about a whole record (a case's procedure, an event as such) rather than one of its fields. */
const RECORD_LEVEL = new Set(['case', 'event']);

/**
 * Puts each validation issue under its field (paths inside `within`, e.g. ['event'], lose that
 * prefix); returns true when every issue found a field, so the caller shows the rest otherwise.
 */
export function showFieldErrors(form: FormInstance, error: unknown, within: string[] = []): boolean {
  if (!(error instanceof AppError) || !error.details?.issues?.length) return false;
  const fields = error.details.issues
    .map((i) => ({ ...i, path: within.every((p, k) => i.path[k] === p) ? i.path.slice(within.length) : i.path }))
    .filter((i) => i.path.length > 0 && !(i.path.length === 1 && RECORD_LEVEL.has(String(i.path[0]))))
    .map((i) => ({ name: i.path as (string | number)[], errors: [tKey(i.key, i.params)] }));
  form.setFields(fields);
  return fields.length === error.details.issues.length;
}
