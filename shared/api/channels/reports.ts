import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import type { ReportRules } from '../../entities/report-rules.ts';
import { BREAKDOWNS, type Breakdown } from '../../domain/indicators/breakdown.ts';
import type { BreakdownRow, EnteredBase, ReportView } from '../../domain/indicators/report.ts';
import type { IndicatorValue } from '../../domain/indicators/values.ts';
import { channel } from './channel.ts';
import type { FileDownload } from './fragments.ts';

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: 'reports.rules.periodOrder', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 6 * 366 * 86_400_000, {
    error: 'reports.rules.periodTooLong',
    path: ['to'],
  });
const indicatorId = z.string().regex(/^[a-z][a-z-]{0,39}$/);

/** A year's entered base figures: by quarter (1–4) and the whole year (0), each indicator's value. */
export interface ReportBases {
  year: number;
  /** What can be entered: every figure of the report. */
  indicators: string[];
  rows: ({ quarter: number; indicator: string } & EnteredBase)[];
}

/** A report as issued: kept as made, its figures' and PDF's SHA-256 with it. */
export interface IssuedReport {
  id: number;
  periodFrom: string;
  periodTo: string;
  reportDate: string;
  title: string;
  dataSha256: string;
  pdfSha256: string;
  pages: number | null;
  issuedAt: string;
  issuedBy: string;
}

/** A period and the day the report is dated (its figures counted as of that day). */
const dated = period.and(z.object({ date: isoDate }));

/** 统计报表 (issue 21): the supervisor's figures over a period, explained to the last record. */
export const reportChannels = {
  'reports:figures': channel<ReportView>()({ input: period, access: 'cases.read' }),
  /** One figure's records: those it counts, those short of it, those it leaves out and why; of a breakdown's row. */
  'reports:drill': channel<IndicatorValue>()({
    input: period.and(
      z.object({
        indicator: indicatorId,
        group: z.object({ by: z.enum(BREAKDOWNS), key: z.string().max(100) }).optional(),
      }),
    ),
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
  /** The report of a period as it would print, not kept. */
  'reports:preview': channel<FileDownload>()({ input: dated, access: 'cases.read' }),
  /** The same figures as a workbook (the 统计调查制度's base tables by sector). */
  'reports:xlsx': channel<FileDownload>()({ input: dated, access: 'cases.read' }),
  /** Issued by the squad's leader: kept as made, whatever is recorded later. */
  'reports:issue': channel<IssuedReport>()({ input: dated, access: 'cases.approve' }),
  'reports:issued': channel<IssuedReport[]>()({ input: z.object({}).default({}), access: 'cases.read' }),
  /** An issued report's file: the PDF as issued, or its figures as a workbook. */
  'reports:issued-file': channel<FileDownload>()({
    input: z.object({ id: z.number().int().positive(), format: z.enum(['pdf', 'xlsx']) }),
    access: 'cases.read',
  }),
  'reports:rules': channel<{ rules: ReportRules; own: boolean }>()({
    input: z.object({}).default({}),
    access: 'cases.read',
  }),
};
export type { Breakdown, BreakdownRow, ReportView };
