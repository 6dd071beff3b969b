import { z } from 'zod';
import { id, isoDate } from './common.ts';

/**
 * 典型执法案例: a decided case written up for the ministry (应急厅函〔2021〕92号). Its field list and the reporting
 * schedule are data (resources/knowledge/typical-cases.json): the ministry's template was not found, so a province
 * changes the fields there. A field either comes from the file (read-only, always as the file stands until the write-up
 * is finalised), is drafted from the file and edited, or is written by the clerk.
 */

/** What the file can give a field: the core computes each from the case, never from what was typed. */
export const TYPICAL_CASE_SOURCES = [
  'title',
  'agency',
  'decisionNumber',
  'decisionDate',
  'partyName',
  'partyCode',
  'industry',
  'region',
  'inspectionDate',
  'violated',
  'basis',
  'penalty',
  'suspension',
  'transferred',
  'majorHazard',
  'summary',
  'result',
  'reasoning',
  'rectification',
  'contact',
  'phone',
] as const;
export type TypicalCaseSource = (typeof TYPICAL_CASE_SOURCES)[number];

export const typicalCaseField = z
  .object({
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
    label: z.string().min(1).max(40),
    labelEn: z.string().min(1).max(80),
    /** From the file, read-only. */
    from: z.enum(TYPICAL_CASE_SOURCES).optional(),
    /** Drafted from the file once, then the clerk's. */
    draft: z.enum(TYPICAL_CASE_SOURCES).optional(),
    /** A line of the information table, or a section of the text (案情概况, 处理结果…). */
    input: z.enum(['text', 'textarea']).default('text'),
    max: z.number().int().min(1).max(20_000).default(500),
    required: z.boolean().default(false),
  })
  .strict()
  .refine((f) => !(f.from && f.draft), { error: 'a field is from the file or drafted, not both' });
export type TypicalCaseField = z.output<typeof typicalCaseField>;

/** GB/T 2260: a code ending 0000 is a province, 00 a city (地级), anything else a county (县级). */
export const unitLevels = ['county', 'city', 'province'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const scheduleRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(60),
    nameEn: z.string().min(1).max(100),
    basis: z.string().min(1).max(200),
    level: z.enum(unitLevels),
    /** Periods of this many months, the first beginning in `firstMonth` (12: December to January). */
    months: z
      .number()
      .int()
      .refine((m) => [1, 2, 3, 4, 6, 12].includes(m), {
        error: 'a period divides the year: 1, 2, 3, 4, 6 or 12 months',
      }),
    firstMonth: z.number().int().min(1).max(12),
    /** Cases to send within each period. */
    count: z.number().int().min(1).max(20),
    /** Region code prefixes a local rule applies to (5117: 达州); empty for a national rule. */
    regions: z.array(z.string().regex(/^\d{2,6}$/)).max(100),
    /** The due day (the period's last day) was not found in the source. */
    uncertain: z.boolean().default(false),
  })
  .strict();
export type ScheduleRule = z.output<typeof scheduleRule>;

export const typicalCaseCatalogue = z
  .object({
    version: z.string().min(1),
    source: z.string(),
    note: z.string(),
    fields: z
      .array(typicalCaseField)
      .min(1)
      .max(60)
      .refine((fs) => fs.some((f) => f.id === 'title'), { error: 'a title field is required' })
      .refine((fs) => new Set(fs.map((f) => f.id)).size === fs.length, { error: 'field ids are unique' }),
    schedule: z.array(scheduleRule).max(40),
  })
  .strict();
export type TypicalCaseCatalogue = z.output<typeof typicalCaseCatalogue>;

export const typicalCaseStatus = z.enum(['draft', 'final', 'sent']);
export type TypicalCaseStatus = z.output<typeof typicalCaseStatus>;

/** A write-up as the screens show it: every field's value (those from the file as the file stands, while a draft). */
export interface TypicalCase {
  id: number;
  caseId: number;
  caseNo: string;
  enterpriseName: string;
  status: TypicalCaseStatus;
  /** The field list it was written with (the knowledge file's version). */
  templateVersion: string;
  fields: TypicalCaseField[];
  values: Record<string, string>;
  /** Fields a required value is missing from: finalising is refused until they are filled. */
  missing: string[];
  /**
   * Drafted fields the clerk changed whose draft the file has since changed, each with what the file drafts now:
   * redrafted or confirmed before it is finalised.
   */
  stale: Record<string, string>;
  /** What the file drafts now for each drafted field (a draft's only): the basis a change on the screen is made on. */
  drafts: Record<string, string>;
  pdf: { sha256: string; pages: number | null } | null;
  finalAt: string | null;
  finalBy: string | null;
  sent: { on: string; by: string; note: string | null } | null;
  /** The last package made of it, with its digests. */
  package: { name: string; sha256: string; sm3: string; at: string } | null;
  createdAt: string;
  createdBy: string;
  version: number;
}

/** One period of a schedule rule, and how far the unit is in it. */
export interface SchedulePeriod {
  rule: string;
  name: string;
  nameEn: string;
  basis: string;
  uncertain: boolean;
  from: string;
  to: string;
  /** The day it is due: the period's last day. */
  due: string;
  required: number;
  sent: number;
  status: 'met' | 'due' | 'missed';
}

/** A decided case that may be written up, or why not. */
export interface TypicalCandidate {
  caseId: number;
  caseNo: string;
  enterpriseName: string;
  cause: string;
  decidedOn: string;
  totalFine: number;
  /** The write-up made of it, if any. */
  typicalCaseId: number | null;
  /** Why it does not qualify (a translation key), or null when it does. */
  refusal: string | null;
}

export interface TypicalOverview {
  level: UnitLevel;
  periods: SchedulePeriod[];
  candidates: TypicalCandidate[];
  records: Omit<TypicalCase, 'fields' | 'values' | 'missing' | 'stale' | 'drafts'>[];
  /** The title of each write-up, beside the list's rows. */
  titles: Record<number, string>;
}

export const typicalCaseSave = z.object({
  id,
  version: z.number().int(),
  values: z.record(z.string().max(40), z.string().max(20_000)),
  /**
   * For each drafted field the clerk changed, replaced or kept on this screen, the draft the screen showed (`drafts`
   * of what was read): the clerk's text is held against it, so a file that moved on since is still caught.
   */
  basis: z.record(z.string().max(40), z.string().max(20_000)).default({}),
});

export const typicalCaseSent = z.object({
  id,
  version: z.number().int(),
  on: isoDate,
  note: z.string().trim().max(500, { error: 'validation.tooLong' }).default(''),
});
