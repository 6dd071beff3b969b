import { z } from 'zod';
import { RECORD_SCHEMAS, type RecordEntity } from './exports/records.ts';

/**
 * 字段映射: how this app's records map onto a province's template, as data (resources/knowledge/mappings): for each
 * sheet of the template, which table it is filled from, and for each column the field it takes (a path into the
 * record: `name`, `unit.name`, `evidence.name`), the header the province uses, and the code table that turns our
 * values into theirs. No province publishes its interface, so the default mapping is this app's own fields and an
 * example shows how a province's headers and codes are written; a unit adds its province's file beside them.
 */

/** What a sheet is filled from: a data file of the upload package, or the 双公示 records of the decisions. */
export const MAPPED_TABLES = [
  ...(Object.keys(RECORD_SCHEMAS) as RecordEntity[]),
  'publications',
  'randomChecks',
] as const;
export type MappedTable = (typeof MAPPED_TABLES)[number];

export const mappingColumn = z
  .object({
    field: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/),
    header: z.string().min(1).max(100),
    /** Our value → theirs. Every value the field can hold must be in it: an untranslated code never leaves. */
    codes: z.record(z.string(), z.string()).optional(),
    /** How the values of a list are joined in one cell. */
    join: z.string().max(5).default('；'),
  })
  .strict();
export type MappingColumn = z.infer<typeof mappingColumn>;

export const mappingSheet = z
  .object({
    table: z.enum(MAPPED_TABLES),
    /** Excel's limits: 31 characters, none of []:*?/\ */
    sheet: z
      .string()
      .min(1)
      .max(31)
      .regex(/^[^[\]:*?/\\]+$/),
    columns: z.array(mappingColumn).min(1).max(200),
  })
  .strict();
export type MappingSheet = z.infer<typeof mappingSheet>;

export const fieldMapping = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(100),
    version: z.string().min(1).max(40),
    /** Where the template came from, and what is uncertain about it. */
    notes: z.string().max(4000),
    sheets: z.array(mappingSheet).min(1).max(50),
  })
  .strict();
export type FieldMapping = z.infer<typeof fieldMapping>;

export interface MappingSummary {
  id: string;
  name: string;
  version: string;
  notes: string;
  sheets: { table: MappedTable; sheet: string; columns: number }[];
}
