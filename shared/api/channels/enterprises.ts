import { z } from 'zod';
import {
  CREDIT_STATUSES,
  ENFORCEMENT_LEVELS,
  RISK_GRADES,
  SUPERVISION_CATEGORIES,
  keysOf,
} from '../../base/vocabulary.ts';
import { id } from '../../entities/common.ts';
import { type Enterprise, type EnterpriseListItem, enterpriseInput } from '../../entities/enterprise.ts';
import { fileUpload } from '../../entities/file.ts';
import { type Accident, accidentInput } from '../../entities/accident.ts';
import { channel } from './channel.ts';
import { byId, expectedVersion, type FileDownload, none, type Page, paging, reason, versioned } from './fragments.ts';

/** 一企一档: the enterprise ledger, its history, and the Excel import and export. */
export interface ImportRowError {
  row: number;
  column: string;
  reason: string;
  params?: Record<string, unknown>;
  value?: string;
}
export interface ImportPreview {
  importId: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
  warnings: ImportRowError[];
}

export interface EnterpriseHistoryEntry {
  seq: number;
  at: string;
  userName: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

const searchInput = z.object({
  query: z.string().trim().max(100).default(''),
  township: z.string().trim().max(50).optional(),
  category: z.enum(keysOf(SUPERVISION_CATEGORIES)).optional(),
  enforcementLevel: z.enum(keysOf(ENFORCEMENT_LEVELS)).optional(),
  riskGrade: z.enum(keysOf(RISK_GRADES)).optional(),
  creditStatus: z.enum(keysOf(CREDIT_STATUSES)).optional(),
  status: z.enum(['active', 'withdrawn', 'all']).default('active'),
  ...paging(),
});

export const enterpriseChannels = {
  'enterprises:search': channel<Page<EnterpriseListItem>>()({
    input: searchInput.default(searchInput.parse({})),
    access: 'ledger.read',
  }),
  'enterprises:get': channel<Enterprise>()({ input: byId, access: 'ledger.read' }),
  'enterprises:history': channel<EnterpriseHistoryEntry[]>()({ input: byId, access: 'ledger.read' }),
  'enterprises:townships': channel<string[]>()({ input: none, access: 'ledger.read' }),
  'enterprises:create': channel<Enterprise>()({ input: enterpriseInput, access: 'ledger.write' }),
  'enterprises:update': channel<Enterprise>()({
    input: z.object({ id, version: expectedVersion, enterprise: enterpriseInput }),
    access: 'ledger.write',
  }),
  'enterprises:withdraw': channel<Enterprise>()({
    input: z.object({ id, version: expectedVersion, reason }),
    access: 'ledger.write',
  }),
  'enterprises:reinstate': channel<Enterprise>()({
    input: versioned,
    access: 'ledger.write',
  }),
  /** Its accidents, newest first, withdrawn ones too (the grade computed from the figures). */
  'enterprises:accidents': channel<Accident[]>()({ input: z.object({ enterpriseId: id }), access: 'ledger.read' }),
  'enterprises:add-accident': channel<Accident>()({ input: accidentInput, access: 'ledger.write' }),
  /** Withdrawn with a reason (entered in error), never deleted: a plan may have read it. */
  'enterprises:withdraw-accident': channel<Accident>()({ input: z.object({ id, reason }), access: 'ledger.write' }),
  'enterprises:import-template': channel<FileDownload>()({ input: none, access: 'ledger.import' }),
  'enterprises:import-preview': channel<ImportPreview>()({
    input: z.object({ file: fileUpload }),
    access: 'ledger.import',
  }),
  'enterprises:import-commit': channel<{ created: number }>()({
    input: z.object({ importId: z.string().min(1) }),
    access: 'ledger.import',
  }),
  'enterprises:export': channel<FileDownload>()({
    input: z.object({ includeWithdrawn: z.boolean().default(false) }).default({ includeWithdrawn: false }),
    access: 'ledger.export',
  }),
} as const;
