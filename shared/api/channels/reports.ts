import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import type { ReportRules } from '../../entities/report-rules.ts';
import { BREAKDOWNS, type Breakdown } from '../../domain/indicators/breakdown.ts';
import type { Period, PeriodKind } from '../../domain/indicators/periods.ts';
import type { EnteredBase, ReportFigure } from '../../domain/indicators/report.ts';
import type { IndicatorValue } from '../../domain/indicators/values.ts';
import { channel } from './channel.ts';

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: 'reports.rules.periodOrder', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 6 * 366 * 86_400_000, {
    error: 'reports.rules.periodTooLong',
    path: ['to'],
  });
const indicatorId = z.string().regex(/^[a-z][a-z-]{0,39}$/);

/** One row of a breakdown: a sector (and its sub-sectors), a township, an officer, with the breakdown's figures. */
export interface BreakdownRow {
  key: string;
  /** The township or officer as recorded; a sector's name from the rules, in Chinese and English. */
  label: string;
  labelEn: string | null;
  parent: string | null;
  values: Record<string, number | null>;
}

export interface ReportView {
  period: Period & { kind: PeriodKind };
  previous: Period;
  lastYear: Period;
  /** The dictionaries' versions the figures were counted by. */
  versions: { enforcement: string; rules: string };
  figures: ReportFigure[];
  /** Month by month, this year and last: TREND_IDS, null for months after the period or before the desk's records. */
  trend: { months: string[]; series: { id: string; thisYear: (number | null)[]; lastYear: (number | null)[] }[] };
  breakdowns: Record<Breakdown, { ids: string[]; rows: BreakdownRow[] }>;
  /** The first day the desk holds records for: comparisons before it need figures entered by an admin. */
  recordedFrom: string | null;
  /** The figures entered for the comparison period, when any were. */
  enteredCount: number;
}

/** A year's entered base figures: by quarter (1–4) and the whole year (0), each indicator's value. */
export interface ReportBases {
  year: number;
  /** What can be entered: every figure of the report. */
  indicators: string[];
  rows: ({ quarter: number; indicator: string } & EnteredBase)[];
}

/** 统计报表 (issue 21): the supervisor's figures over a period, explained to the last record. */
export const reportChannels = {
  'reports:figures': channel<ReportView>()({ input: period, access: 'cases.read' }),
  /** One figure's records: those it counts, those short of it, those it leaves out and why; of a breakdown's row. */
  'reports:drill': channel<IndicatorValue>()({
    input: z.object({
      from: isoDate,
      to: isoDate,
      indicator: indicatorId,
      group: z.object({ by: z.enum(BREAKDOWNS), key: z.string().max(100) }).optional(),
    }),
    access: 'cases.read',
  }),
  'reports:bases': channel<ReportBases>()({
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    access: 'cases.read',
  }),
  /** An admin enters a year's base figures (a value null clears it). */
  'reports:bases-save': channel<ReportBases>()({
    input: z.object({
      year: z.number().int().min(2000).max(2100),
      quarter: z.number().int().min(0).max(4),
      values: z.record(indicatorId, z.number().min(0).max(100_000_000_000).nullable()),
      note: z.string().trim().max(500).default(''),
    }),
    access: 'settings.manage',
  }),
  'reports:rules': channel<{ rules: ReportRules; own: boolean }>()({
    input: z.object({}).default({}),
    access: 'cases.read',
  }),
};
export type { Breakdown };
