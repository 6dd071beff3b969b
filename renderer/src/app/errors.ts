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
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  within: string[] = [],
  { scroll = true }: { scroll?: boolean } = {},
): boolean {
  if (!(error instanceof AppError) || !error.details?.issues?.length) return false;
  const fields = error.details.issues
    .map((i) => ({ ...i, path: within.every((p, k) => i.path[k] === p) ? i.path.slice(within.length) : i.path }))
    .filter((i) => i.path.length > 0 && !(i.path.length === 1 && RECORD_LEVEL.has(String(i.path[0]))))
    .map((i) => ({ name: i.path as (string | number)[], errors: [tKey(i.key, i.params)] }));
  form.setFields(fields);
  // The first refused field brought into view: in a long form it may sit above or below what is on screen.
  if (fields.length && scroll) form.scrollToField(fields[0].name, { block: 'center' });
  return fields.length === error.details.issues.length;
}

/** Every path a Form's changedValues reaches (['violations', 0, 'fine'] for one fine typed in a list), with its prefixes. */
function changedPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((v, i) => (v === undefined ? [] : changedPaths(v, [...at, i])))];
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    Object.getPrototypeOf(value) === Object.prototype
  )
    return [...here, ...Object.entries(value).flatMap(([k, v]) => changedPaths(v, [...at, k]))];
  return here;
}

/**
 * For a Form's onValuesChange: an error the core put under a field (showFieldErrors) goes as soon as the user changes
 * that field — a fixed amount no longer sits above "罚款超过法定上限". The core judges it again on the next save.
 */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) => {
    const touched = changedPaths(changed).filter((name) => form.getFieldError(name as never).length > 0);
    if (touched.length) form.setFields(touched.map((name) => ({ name: name as never, errors: [] })));
  };
}
