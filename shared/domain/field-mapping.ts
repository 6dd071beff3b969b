import { RANDOM_CHECK_FIELDS } from './plans/publication.ts';
import type { z } from 'zod';
import { RECORD_SCHEMAS } from '../entities/exports/records.ts';
import type { FieldMapping, MappedTable, MappingSheet } from '../entities/field-mapping.ts';
import { PUBLICATION_FIELDS } from './publication.ts';

/**
 * Fills a province's template from the record (field-mapping.ts): each column's field read by its path, lists
 * joined, every value put through the column's code table. A value the table lacks is reported, never passed on
 * as our own code: the province would read it as something else or nothing.
 */

export type Cell = string | number;

export interface UnmappedCode {
  sheet: string;
  header: string;
  value: string;
}

export interface MappedSheet {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

/**
 * The values a path reaches in a record: through objects, and over every element of a list. Through a list every
 * element keeps its place (an empty one as ''), so two columns of the same list line up item by item.
 */
function valuesAt(record: unknown, path: string[]): unknown[] {
  let values: unknown[] = [record];
  let listed = false;
  for (const key of path)
    values = values.flatMap((v) => {
      if (v === null || v === undefined || v === '') return listed ? [''] : [];
      const next = (v as Record<string, unknown>)[key];
      if (Array.isArray(next)) {
        listed = true;
        return next;
      }
      return [next];
    });
  return listed
    ? values.map((v) => (v === null || v === undefined ? '' : v))
    : values.filter((v) => v !== null && v !== undefined && v !== '');
}

const text = (v: unknown) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

export function mapSheet(sheet: MappingSheet, records: readonly unknown[], unmapped: UnmappedCode[]): MappedSheet {
  const rows = records.map((r) =>
    sheet.columns.map((c): Cell => {
      const values = valuesAt(r, c.field.split('.'));
      if (!c.codes) {
        if (values.length === 1 && typeof values[0] === 'number') return values[0];
        return values.map((v) => (typeof v === 'boolean' ? (v ? '是' : '否') : text(v))).join(c.join);
      }
      return values
        .map((v) => {
          if (v === '') return '';
          const code = Object.hasOwn(c.codes!, text(v)) ? c.codes![text(v)] : undefined;
          if (code === undefined) {
            if (!unmapped.some((u) => u.sheet === sheet.sheet && u.header === c.header && u.value === text(v)))
              unmapped.push({ sheet: sheet.sheet, header: c.header, value: text(v) });
            return text(v);
          }
          return code;
        })
        .join(c.join);
    }),
  );
  return { sheet: sheet.sheet, headers: sheet.columns.map((c) => c.header), rows };
}

/** The zod type under optional, nullable, default and array wrappers, for walking a path. */
function inner(t: z.ZodType): z.ZodType {
  let s = t as unknown as {
    _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType } };
  };
  for (;;) {
    const d = s._zod.def;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(d.type) && d.innerType)
      s = d.innerType as never;
    else if (d.type === 'array' && d.element) s = d.element as never;
    else if (d.type === 'pipe' && d.in) s = d.in as never;
    else return s as unknown as z.ZodType;
  }
}

/** What a field's path leads to in a table's schema: null when the table has no such field. */
function fieldType(table: MappedTable, path: string[]): z.ZodType | null {
  if (table === 'publications')
    return path.length === 1 && (PUBLICATION_FIELDS as readonly string[]).includes(path[0])
      ? (RECORD_SCHEMAS.enterprises.shape.name as unknown as z.ZodType)
      : null;
  if (table === 'randomChecks')
    return path.length === 1 && (RANDOM_CHECK_FIELDS as readonly string[]).includes(path[0])
      ? (RECORD_SCHEMAS.enterprises.shape.name as unknown as z.ZodType)
      : null;
  let t: z.ZodType = RECORD_SCHEMAS[table];
  for (const key of path) {
    const d = (
      inner(t) as unknown as {
        _zod: { def: { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType } };
      }
    )._zod.def;
    // A record keyed by what a knowledge file names (a 典型案例's fields by the field list's ids): any key, one type.
    if (d.type === 'record' && d.valueType) {
      t = d.valueType;
      continue;
    }
    if (d.type !== 'object' || !d.shape?.[key]) return null;
    t = d.shape[key];
  }
  return t;
}

/**
 * What is wrong with a mapping file beyond its shape: a field no record has, a field that is a whole object (it
 * names nothing a cell can hold), and an enumerated field whose code table leaves one of its values out.
 */
export function mappingProblems(m: FieldMapping): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  for (const s of m.sheets) {
    if (names.has(s.sheet)) out.push(`${s.sheet}: sheet twice`);
    names.add(s.sheet);
    for (const c of s.columns) {
      const t = fieldType(s.table, c.field.split('.'));
      if (!t) {
        out.push(`${s.sheet}.${c.header}: no field ${s.table}.${c.field}`);
        continue;
      }
      const d = (inner(t) as unknown as { _zod: { def: { type: string; entries?: Record<string, string> } } })._zod.def;
      if (d.type === 'object' || d.type === 'record')
        out.push(`${s.sheet}.${c.header}: ${c.field} is an object; name one of its fields`);
      if (c.codes && d.type === 'enum' && d.entries)
        for (const v of Object.values(d.entries))
          if (!(v in c.codes)) out.push(`${s.sheet}.${c.header}: no code for ${v}`);
      if (c.codes && d.type === 'boolean')
        for (const v of ['true', 'false']) if (!(v in c.codes)) out.push(`${s.sheet}.${c.header}: no code for ${v}`);
    }
  }
  return out;
}
