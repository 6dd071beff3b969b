import { z } from 'zod';
import { issuesFromZod, type ValidationIssue } from '../base/errors.ts';
import type { DocumentForm } from './form.ts';

/**
 * How much a draft may hold. A draft is saved as it is typed, complete or not, and every save is kept in the audit log,
 * which is never reclaimed: a field without a limit let a few saves grow the database by hundreds of megabytes. The
 * contract bounds any draft of any type (DRAFT_LIMITS); each field's own limit is its template's (the longest text
 * that prints well), checked on every save (`tooLongIn`) and shown in the form as it is typed (`maxLengthAt`).
 */
export const DRAFT_LIMITS = {
  /** One text: at least the longest any template's field takes (a 陈述申辩 summary: 40,000). */
  chars: 50_000,
  /** Rows or paragraphs in one field. */
  items: 500,
  fields: 100,
  /** The whole draft, in characters of JSON: a 询问笔录 of 200 questions and answers at their limits takes 2,000,000. */
  json: 2_500_000,
} as const;

/** Where a draft holds more than any draft may: each text, each list, the fields, the whole. */
function draftIssues(fields: Record<string, unknown>): ValidationIssue[] {
  if (Object.keys(fields).length > DRAFT_LIMITS.fields)
    return [{ path: [], key: 'validation.tooManyFields', params: { max: DRAFT_LIMITS.fields } }];
  const issues: ValidationIssue[] = [];
  // Depth is bounded before any channel's schema runs (base/plain-data.ts).
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string' && v.length > DRAFT_LIMITS.chars)
      issues.push({ path, key: 'validation.tooLongMax', params: { max: DRAFT_LIMITS.chars } });
    else if (Array.isArray(v)) {
      if (v.length > DRAFT_LIMITS.items)
        issues.push({ path, key: 'validation.tooManyMax', params: { max: DRAFT_LIMITS.items } });
      else v.forEach((x, i) => walk(x, [...path, i]));
    } else if (v && typeof v === 'object') {
      if (Object.keys(v).length > DRAFT_LIMITS.fields)
        issues.push({ path, key: 'validation.tooManyFields', params: { max: DRAFT_LIMITS.fields } });
      else for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    }
  };
  walk(fields, []);
  if (!issues.length && JSON.stringify(fields).length > DRAFT_LIMITS.json)
    issues.push({ path: [], key: 'validation.draftTooLarge', params: { max: DRAFT_LIMITS.json } });
  return issues;
}

/** The fields of a draft as documents:save takes them. */
export const draftFields = z.record(z.string().max(64), z.unknown()).superRefine((fields, ctx) => {
  for (const i of draftIssues(fields)) ctx.addIssue({ code: 'custom', path: i.path, message: i.key, params: i.params });
});

/** The schema inside optional, default, pipe and the like: what the value itself must be. */
function bare(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 16; i++) {
    const def = (s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) break;
    s = next;
  }
  return s;
}

/**
 * The most characters the text at `path` takes (['findings'], ['items', 'text'] for a column of rows, ['paragraphs']
 * for each paragraph of a list): its template's limit, or the one every draft has where the template sets none.
 */
export function maxLengthAt(schema: z.ZodType, path: string[]): number {
  return ownMaxLength(schema, path) ?? DRAFT_LIMITS.chars;
}
function ownMaxLength(schema: z.ZodType, path: string[]): number | undefined {
  let s = bare(schema);
  for (const key of path) {
    if (s instanceof z.ZodObject) s = bare(s.shape[key] as z.ZodType);
    else return undefined;
    if (s instanceof z.ZodArray) s = bare(s.element as z.ZodType);
  }
  if (s instanceof z.ZodArray) s = bare(s.element as z.ZodType);
  return s instanceof z.ZodString && s.maxLength !== null ? s.maxLength : undefined;
}

/** The most rows the list at `path` takes (['officers'], ['items']): its template's limit, or the one every draft has. */
export function maxItemsAt(schema: z.ZodType, path: string[]): number {
  let s = bare(schema);
  for (const key of path) {
    if (!(s instanceof z.ZodObject)) return DRAFT_LIMITS.items;
    s = bare(s.shape[key] as z.ZodType);
  }
  if (!(s instanceof z.ZodArray)) return DRAFT_LIMITS.items;
  const checks = (
    (s as unknown as { _zod: { def: { checks?: { _zod: { def: Record<string, unknown> } }[] } } })._zod.def.checks ?? []
  ).map((c) => c._zod.def);
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  return typeof max === 'number' ? Math.min(max, DRAFT_LIMITS.items) : DRAFT_LIMITS.items;
}

/** Whether the form shows the value at `path` as the record's (a locked field or a locked column of rows). */
function fromRecord(form: DocumentForm, path: PropertyKey[]): boolean {
  const cell = form.flat().find((c) => c.field === path[0]);
  if (!cell) return false;
  if ('record' in cell && cell.record) return true;
  return cell.input === 'rows' && cell.columns.some((c) => c.record && c.field === path[2]);
}

/**
 * What the clerk typed into a draft that is longer than its template allows — texts only: a draft may be incomplete or
 * still wrong in any other way until it is issued (a list with a row too many among them: the form lets rows be added,
 * and the issue check says which list is too long), and what the record decides is the record's to keep.
 */
export function tooLongIn(template: { fields: z.ZodType; form: DocumentForm }, fields: unknown): ValidationIssue[] {
  const parsed = template.fields.safeParse(fields);
  if (parsed.success) return [];
  const tooBig = parsed.error.issues.filter((i) => {
    const origin = (i as { origin?: string }).origin;
    return i.code === 'too_big' && origin === 'string' && !fromRecord(template.form, i.path);
  });
  return tooBig.length ? issuesFromZod(new z.ZodError(tooBig)).map((i) => ({ ...i, path: ['fields', ...i.path] })) : [];
}
