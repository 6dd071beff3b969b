import { z } from 'zod';
import type { Permission } from '../base/roles.ts';
import { CASE_RECORD_PERMISSION, permissionToRecord } from '../domain/case-permissions.ts';
import type { CalendarYear } from '../domain/workdays.ts';
import type { YearChange } from '../domain/calendar-diff.ts';
import {
  APPROVAL_STAGES,
  CREDIT_STATUSES,
  ENFORCEMENT_LEVELS,
  RISK_GRADES,
  SUPERVISION_CATEGORIES,
  keysOf,
} from '../base/vocabulary.ts';
import { type AuditEntry, type AuditVerifyResult } from '../entities/audit.ts';
import { type BackupInfo } from '../entities/backup.ts';
import { type Settings, settingsChange } from '../entities/settings.ts';
import { type UnitProfile, unitProfile } from '../entities/unit.ts';
import { type User, password, role, userInput, username } from '../entities/user.ts';
import { type Enterprise, type EnterpriseListItem, enterpriseInput } from '../entities/enterprise.ts';
import { type Officer, officerInput } from '../entities/officer.ts';
import { type Inspection, inspectionInput } from '../entities/inspection.ts';
import {
  type Escalation,
  escalationStatus,
  extensionInput,
  type Hazard,
  hazardInput,
  hazardStatus,
  recheckInput,
} from '../entities/hazard.ts';
import type { Checklist } from '../entities/checklist.ts';
import type { StatutoryPeriod } from '../entities/period.ts';
import type { PenaltyItem } from '../entities/penalty-article.ts';
import type { FileOrder } from '../domain/case-file.ts';
import type { PublicationRecord } from '../domain/publication.ts';
import type { ReviewStandard } from '../domain/review/standard.ts';
import type { ReviewResult } from '../domain/review/review.ts';
import {
  type DocumentDetail,
  type DocumentSummary,
  type DocumentType,
  documentStatus,
  serviceInput,
} from '../entities/document.ts';
import { id, isoDate, optionalText, required } from '../entities/common.ts';
import {
  type CaseDeadline,
  type CaseDetail,
  type CaseInput,
  type CaseStage,
  type CaseSummary,
  caseInput,
  disposalInput,
  partyKey,
  recordInput,
} from '../entities/case.ts';
import type { DiscretionBenchmark } from '../entities/discretion.ts';
import { fileUpload } from '../entities/file.ts';
import { reviewDecisions, type SavedReview } from '../entities/review.ts';

/** A case file reviewed: what it is (its handlers, the name of each document), the result and its fingerprint (what is signed). */
export interface ReviewRun {
  caseId: number;
  caseNo: string;
  cause: string;
  partyName: string;
  handlerNames: string[];
  documents: { id: number; typeName: string; numberText: string | null; date: string | null }[];
  result: ReviewResult;
  digest: string;
}

/**
 * The contract: every channel the renderer may call, named `domain:action`, with its zod input,
 * its output type and the permission it needs. The core validates and checks on every call, in
 * every host; the preload and the browser client are generated from this table.
 *
 * Access levels besides the role permissions:
 *   public     – no session (first-run setup, sign-in, recovery, app info)
 *   unlock     – a session that the idle lock has locked (only to unlock it)
 *   signed-in  – any role
 */
export type Access = Permission | 'public' | 'unlock' | 'signed-in';

export interface Channel<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: the output type, for the typed clients. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): Channel<I, O> => spec;
}

const none = z.object({}).strict().default({});

export { fileUpload };
export interface FileDownload {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export interface SessionInfo {
  token: string;
  user: User;
  permissions: Permission[];
  idleLockMinutes: number;
}

export interface AppInfo {
  version: string;
  workspace: 'real' | 'demo';
  needsSetup: boolean;
  unitName: string | null;
  /** uncoveredYears: this year and next, where the holiday schedule is missing (deadlines there are 待核实). */
  calendar: { coveredYears: number[]; uncoveredYears: number[] };
  /** The core's clock (ISO): the screens take "now" from it, so a pinned clock pins them too. */
  now: string;
}

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

export interface CalendarInfo {
  years: {
    year: number;
    source: string;
    importedBy: string | null;
    holidays: number;
    makeUpWorkdays: number;
    workdays: number;
  }[];
  data: CalendarYear[];
  uncoveredCurrentOrNext: number[];
}

/**
 * A holiday-schedule import: applied at once when it adds a year or moves no day of a covered one.
 * Otherwise nothing is written (applied: false) until the same file is sent again with confirm, since
 * a replaced schedule moves every deadline of its year; `changes` are the days that move, per year.
 */
export interface CalendarImportOutcome {
  applied: boolean;
  year: number;
  ignoredDays: string[];
  changes: YearChange[];
  /** A fingerprint of `changes`: a confirmation that names it applies only those changes, not others made meanwhile. */
  basis: string;
}

export interface IndustryEntry {
  code: string;
  name: string;
  level: 'section' | 'division' | 'group' | 'class';
  section: string;
}

const CASE_STAGES = [
  'filing',
  'investigation',
  'disposal',
  'transfer',
  'notice',
  'hearing',
  'decision',
  'execution',
  'closing',
  'closed',
  'archived',
] as const satisfies readonly CaseStage[];

export interface CaseDeadlineRow {
  caseId: number;
  caseNo: string;
  enterpriseName: string;
  cause: string;
  urgency: 'overdue' | 'soon';
  deadline: CaseDeadline;
}

const searchInput = z.object({
  query: z.string().trim().max(100).default(''),
  township: z.string().trim().max(50).optional(),
  category: z.enum(keysOf(SUPERVISION_CATEGORIES)).optional(),
  enforcementLevel: z.enum(keysOf(ENFORCEMENT_LEVELS)).optional(),
  riskGrade: z.enum(keysOf(RISK_GRADES)).optional(),
  creditStatus: z.enum(keysOf(CREDIT_STATUSES)).optional(),
  status: z.enum(['active', 'withdrawn', 'all']).default('active'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const contract = {
  'app:info': channel<AppInfo>()({ input: none, access: 'public' }),

  'setup:initialize': channel<{ recoveryCode: string; session: SessionInfo }>()({
    input: z.object({
      admin: z.object({
        username,
        displayName: z.string().trim().min(1, { error: 'validation.required' }).max(50),
        password,
      }),
      unit: unitProfile,
    }),
    access: 'public',
  }),
  'setup:import-data': channel<{ enterprises: number; users: number }>()({
    input: z.object({ file: fileUpload }),
    access: 'public',
  }),

  'auth:sign-in': channel<SessionInfo>()({
    input: z.object({
      username: z.string().trim().min(1, { error: 'validation.required' }),
      password: z.string().min(1, { error: 'validation.required' }),
    }),
    access: 'public',
  }),
  'auth:unlock': channel<SessionInfo>()({
    input: z.object({ password: z.string().min(1, { error: 'validation.required' }) }),
    access: 'unlock',
  }),
  'auth:recover': channel<{ recoveryCode: string }>()({
    input: z.object({
      username: z.string().trim().min(1),
      recoveryCode: z.string().trim().min(1, { error: 'validation.required' }),
      newPassword: password,
    }),
    access: 'public',
  }),
  'auth:session': channel<SessionInfo>()({ input: none, access: 'signed-in' }),
  'auth:sign-out': channel<{ ok: true }>()({ input: none, access: 'signed-in' }),
  'auth:change-password': channel<{ ok: true }>()({
    input: z.object({ oldPassword: z.string().min(1), newPassword: password }),
    access: 'signed-in',
  }),

  'users:list': channel<User[]>()({ input: none, access: 'users.manage' }),
  'users:create': channel<User>()({ input: userInput, access: 'users.manage' }),
  'users:update': channel<User>()({
    input: z.object({ id, displayName: z.string().trim().min(1).max(50), role, active: z.boolean() }),
    access: 'users.manage',
  }),
  'users:reset-password': channel<{ ok: true }>()({ input: z.object({ id, password }), access: 'users.manage' }),

  'unit:get': channel<UnitProfile | null>()({ input: none, access: 'signed-in' }),
  'unit:update': channel<UnitProfile>()({ input: unitProfile, access: 'unit.manage' }),

  'settings:get': channel<Settings>()({ input: none, access: 'signed-in' }),
  'settings:update': channel<Settings>()({ input: settingsChange, access: 'settings.manage' }),

  'officers:list': channel<Officer[]>()({
    input: z.object({ includeOffDuty: z.boolean().default(true) }).default({ includeOffDuty: true }),
    access: 'roster.read',
  }),
  'officers:create': channel<Officer>()({ input: officerInput, access: 'roster.write' }),
  'officers:update': channel<Officer>()({ input: z.object({ id, officer: officerInput }), access: 'roster.write' }),

  'enterprises:search': channel<{ items: EnterpriseListItem[]; total: number }>()({
    input: searchInput.default(searchInput.parse({})),
    access: 'ledger.read',
  }),
  'enterprises:get': channel<Enterprise>()({ input: z.object({ id }), access: 'ledger.read' }),
  'enterprises:history': channel<EnterpriseHistoryEntry[]>()({ input: z.object({ id }), access: 'ledger.read' }),
  'enterprises:townships': channel<string[]>()({ input: none, access: 'ledger.read' }),
  'enterprises:create': channel<Enterprise>()({ input: enterpriseInput, access: 'ledger.write' }),
  'enterprises:update': channel<Enterprise>()({
    input: z.object({ id, version: z.number().int(), enterprise: enterpriseInput }),
    access: 'ledger.write',
  }),
  'enterprises:withdraw': channel<Enterprise>()({
    input: z.object({
      id,
      version: z.number().int(),
      reason: z.string().trim().min(2, { error: 'validation.reasonRequired' }).max(500),
    }),
    access: 'ledger.write',
  }),
  'enterprises:reinstate': channel<Enterprise>()({
    input: z.object({ id, version: z.number().int() }),
    access: 'ledger.write',
  }),
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

  'inspections:list': channel<{ items: Inspection[]; total: number }>()({
    input: z
      .object({
        enterpriseId: id.optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(20),
      })
      .default({ page: 1, pageSize: 20 }),
    access: 'inspections.read',
  }),
  'inspections:get': channel<Inspection>()({ input: z.object({ id }), access: 'inspections.read' }),
  'inspections:create': channel<Inspection>()({ input: inspectionInput, access: 'inspections.write' }),
  'inspections:update': channel<Inspection>()({
    input: z.object({ id, version: z.number().int(), inspection: inspectionInput }),
    access: 'inspections.write',
  }),
  /** Photos, audio/video and other evidence from the site, kept by SHA-256. */
  'inspections:attach-file': channel<Inspection>()({
    input: z.object({ id, file: fileUpload }),
    access: 'inspections.write',
  }),
  'inspections:file': channel<FileDownload>()({
    input: z.object({ id, hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.hash' }) }),
    access: 'inspections.read',
  }),

  'hazards:list': channel<Hazard[]>()({
    input: z
      .object({ inspectionId: id.optional(), enterpriseId: id.optional(), status: hazardStatus.optional() })
      .default({}),
    access: 'inspections.read',
  }),
  'hazards:create': channel<Hazard>()({ input: hazardInput, access: 'inspections.write' }),
  'hazards:update': channel<Hazard>()({
    input: z.object({ id, version: z.number().int(), hazard: hazardInput }),
    access: 'inspections.write',
  }),
  'hazards:recheck': channel<Hazard>()({ input: recheckInput, access: 'inspections.write' }),
  'hazards:extend': channel<Hazard>()({ input: extensionInput, access: 'inspections.write' }),
  'hazards:attach-photo': channel<Hazard>()({ input: z.object({ id, file: fileUpload }), access: 'inspections.write' }),
  /** The workbench: re-inspections due this week and overdue ones (which also become escalations). */
  'hazards:due': channel<{ dueThisWeek: Hazard[]; overdue: Hazard[]; uncertain: boolean }>()({
    input: none,
    access: 'inspections.read',
  }),
  'escalations:list': channel<Escalation[]>()({
    input: z.object({ status: escalationStatus.optional() }).default({}),
    access: 'inspections.read',
  }),
  'escalations:resolve': channel<{ ok: true }>()({
    input: z.object({ id, status: escalationStatus.exclude(['open']) }),
    access: 'inspections.write',
  }),

  'documents:catalogue': channel<DocumentType[]>()({ input: none, access: 'signed-in' }),
  'documents:list': channel<{ items: DocumentSummary[]; total: number }>()({
    input: z
      .object({
        inspectionId: id.optional(),
        caseId: id.optional(),
        enterpriseId: id.optional(),
        status: documentStatus.optional(),
        type: z.string().max(60).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(20),
      })
      .default({ page: 1, pageSize: 20 }),
    access: 'documents.read',
  }),
  'documents:get': channel<DocumentDetail>()({ input: z.object({ id }), access: 'documents.read' }),
  'documents:create': channel<DocumentDetail>()({
    /** `party`: whom a case's notice or decision is addressed to (the unit unless a person fined beside it). */
    input: z.object({
      type: z.string().min(1).max(60),
      inspectionId: id.optional(),
      enterpriseId: id.optional(),
      caseId: id.optional(),
      party: partyKey.optional(),
    }),
    access: 'documents.write',
  }),
  /** Autosave: a draft stores what was typed, valid or not; the checks run at preview and issue. */
  'documents:save': channel<DocumentDetail>()({
    input: z.object({ id, version: z.number().int(), fields: z.record(z.string(), z.unknown()) }),
    access: 'documents.write',
  }),
  'documents:preview': channel<FileDownload>()({ input: z.object({ id }), access: 'documents.read' }),
  'documents:issue': channel<DocumentDetail>()({
    input: z.object({ id, version: z.number().int() }),
    access: 'documents.issue',
  }),
  'documents:pdf': channel<FileDownload>()({ input: z.object({ id }), access: 'documents.read' }),
  'documents:void': channel<DocumentDetail>()({
    input: z.object({ id, reason: z.string().trim().min(2, { error: 'validation.reasonRequired' }).max(500) }),
    access: 'documents.issue',
  }),
  'documents:serve': channel<DocumentDetail>()({
    input: z.object({ id, service: serviceInput }),
    access: 'documents.write',
  }),
  'documents:correct': channel<DocumentDetail>()({
    input: z.object({ id, reason: z.string().trim().min(2, { error: 'validation.reasonRequired' }).max(500) }),
    access: 'documents.write',
  }),
  'documents:attach-scan': channel<DocumentDetail>()({
    input: z.object({ id, file: fileUpload }),
    access: 'documents.write',
  }),
  'documents:blank': channel<FileDownload>()({
    input: z.object({ type: z.string().min(1).max(60) }),
    access: 'documents.read',
  }),

  'cases:list': channel<{ items: CaseSummary[]; total: number }>()({
    input: z
      .object({
        enterpriseId: id.optional(),
        stage: z.enum(CASE_STAGES).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(20),
      })
      .default({ page: 1, pageSize: 20 }),
    access: 'cases.read',
  }),
  'cases:get': channel<CaseDetail>()({ input: z.object({ id }), access: 'cases.read' }),
  /** What an escalation brings to a new case (enterprise, facts, hazard, officers), for the form to show before 立案. */
  'cases:draft-from-escalation': channel<CaseInput>()({ input: z.object({ escalationId: id }), access: 'cases.write' }),
  'cases:create': channel<CaseDetail>()({ input: caseInput, access: 'cases.write' }),
  'cases:update': channel<CaseDetail>()({
    input: z.object({ id, version: z.number().int(), case: caseInput }),
    access: 'cases.write',
  }),
  /** 调查终结 → 案件处理呈批: the outcome, the persons fined beside the unit, and each violation with its basis and discretion. */
  'cases:save-disposal': channel<CaseDetail>()({ input: disposalInput, access: 'cases.write' }),
  /** Appends an event (approval signature, statement, payment, 归档, 复议…); out-of-order steps are refused by rule. */
  'cases:record': channel<CaseDetail>()({ input: recordInput, access: CASE_RECORD_PERMISSION }),
  /**
   * Takes an event back (it stays on the record, struck through): for whoever may record that event,
   * through whichever channel recorded it — the core checks each event against permissionToRetract.
   */
  'cases:retract': channel<CaseDetail>()({
    input: z.object({ id, eventId: id, date: isoDate, reason: required(z.string().max(500)) }),
    access: 'cases.read',
  }),
  /** 法制审核: only the legal reviewer records the opinion (行政处罚法 第五十八条). */
  'cases:legal-review': channel<CaseDetail>()({
    input: z.object({
      id,
      review: z.object({
        date: isoDate,
        name: required(z.string().max(50)),
        post: optionalText(50),
        result: z.enum(['pass', 'change', 'fail']),
        opinion: required(z.string().max(4000)),
      }),
      scan: fileUpload.optional(),
    }),
    access: permissionToRecord('legal-review'),
  }),
  /** The bound file's cover, 卷内目录 (in the configured order, with page numbers) and 备考表, as a PDF. */
  'cases:binder': channel<FileDownload>()({ input: z.object({ id }), access: 'cases.read' }),
  /** 立案审批表, 案件处理呈批表 or 结案审批表 to sign, filled in with the case and what was recorded for each signature. */
  /** What is published of each decision (双公示 fields, personal data masked). */
  'cases:publication': channel<PublicationRecord[]>()({ input: z.object({ id }), access: 'cases.read' }),
  'cases:approval-form': channel<FileDownload>()({
    input: z.object({ id, stage: z.enum(keysOf(APPROVAL_STAGES)) }),
    access: 'cases.read',
  }),
  'cases:file': channel<FileDownload>()({
    input: z.object({ id, hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.hash' }) }),
    access: 'cases.read',
  }),
  /** The workbench: open case deadlines overdue or due within 3 working days; 'all' (the squad) for supervisors and reviewers. */
  'cases:deadlines': channel<CaseDeadlineRow[]>()({
    input: z.object({ scope: z.enum(['mine', 'all']).default('mine') }).default({ scope: 'mine' }),
    access: 'cases.read',
  }),

  'knowledge:industries': channel<IndustryEntry[]>()({ input: none, access: 'signed-in' }),
  'knowledge:checklists': channel<Checklist[]>()({ input: none, access: 'signed-in' }),
  /** Statutory periods as data (basis, how they count, when in force), for deadline computations. */
  'knowledge:periods': channel<StatutoryPeriod[]>()({ input: none, access: 'signed-in' }),
  /** 安全生产法 penalty items (第九十条–第一百一十四条): what each covers, fine ranges, measures. */
  'knowledge:penalties': channel<PenaltyItem[]>()({ input: none, access: 'signed-in' }),
  /** Discretion benchmarks: the bundled example (示例) and the province's imported ones. */
  /** 案卷评查: the standard in force, and the review of one case file (the machine's findings; judgement items pending). */
  'reviews:standard': channel<ReviewStandard>()({ input: none, access: 'cases.read' }),
  /** The bundled 示例 standard, to go back to or to start a province's own from. */
  'reviews:bundled-standard': channel<ReviewStandard>()({ input: none, access: 'cases.read' }),
  'reviews:run': channel<ReviewRun>()({ input: z.object({ id, decisions: reviewDecisions }), access: 'cases.read' }),
  /** The legal reviewer signs the review as judged: kept with the audit chain head, never changed; the file's history lists it. */
  'reviews:sign': channel<SavedReview>()({
    input: z.object({ id, decisions: reviewDecisions, seen: z.string().min(1).max(20) }),
    access: 'cases.review',
  }),
  'reviews:history': channel<SavedReview[]>()({ input: z.object({ id }), access: 'cases.read' }),
  /** The 评查表 of a signed review, printed through the document engine. */
  'reviews:report': channel<FileDownload>()({ input: z.object({ reviewId: id }), access: 'cases.read' }),
  /** The files of a period to review in a batch: filed (or, for 当场处罚, opened) between the two days. */
  'reviews:files': channel<{ id: number; caseNo: string; cause: string; filedOn: string }[]>()({
    input: z.object({ from: isoDate, to: isoDate }),
    access: 'cases.read',
  }),
  /** The bundled 卷内目录 order (an admin's imported one is the setting fileOrder). */
  'knowledge:file-order': channel<FileOrder>()({ input: none, access: 'signed-in' }),
  'knowledge:benchmarks': channel<DiscretionBenchmark[]>()({ input: none, access: 'signed-in' }),
  'knowledge:import-benchmark': channel<DiscretionBenchmark>()({
    input: z.object({ fileName: z.string().min(1), text: z.string().min(2).max(5_000_000) }),
    access: 'settings.manage',
  }),
  /** A unit's own list (重点检查事项…) in the checklist format; an id already bundled cannot be replaced. */
  'knowledge:import-checklist': channel<Checklist>()({
    input: z.object({ fileName: z.string().min(1), text: z.string().min(2).max(2_000_000) }),
    access: 'settings.manage',
  }),

  'audit:list': channel<{ items: AuditEntry[]; total: number }>()({
    input: z
      .object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) })
      .default({ page: 1, pageSize: 50 }),
    access: 'audit.read',
  }),
  'audit:verify': channel<AuditVerifyResult>()({
    input: z
      .object({
        head: z
          .string()
          .regex(/^[0-9a-f]{64}$/, { error: 'validation.hash' })
          .optional(),
      })
      .default({}),
    access: 'audit.read',
  }),

  'backups:list': channel<BackupInfo[]>()({ input: none, access: 'backup.manage' }),
  'backups:create': channel<BackupInfo>()({ input: none, access: 'backup.manage' }),
  'backups:restore': channel<{ restored: string; safetyBackup: string }>()({
    input: z.object({ name: z.string().regex(/^[\w.-]+\.db$/, { error: 'validation.invalid' }) }),
    access: 'backup.manage',
  }),
  'backups:export-data': channel<FileDownload>()({ input: none, access: 'backup.manage' }),

  'calendar:get': channel<CalendarInfo>()({ input: none, access: 'signed-in' }),
  'calendar:import': channel<CalendarImportOutcome>()({
    input: z.object({
      fileName: z.string().min(1),
      text: z.string().min(2).max(1_000_000),
      confirm: z.boolean().default(false),
      basis: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
    access: 'calendar.manage',
  }),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>;

export const CHANNELS = Object.keys(contract) as ChannelName[];
