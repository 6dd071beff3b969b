import type { FormInstance } from 'antd';
import { AppError } from '../../../shared/api/errors.ts';
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

/** Puts each validation issue under its field; returns true when every issue found a field. */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof AppError) || !error.details?.issues?.length) return false;
  const fields = error.details.issues.filter((i) => i.path.length > 0).map((i) => ({ name: i.path as (string | number)[], errors: [tKey(i.key, i.params)] }));
  form.setFields(fields);
  return fields.length === error.details.issues.length;
}
