import { z } from 'zod';
import { APPROVAL_STAGES, keysOf } from '../../base/vocabulary.ts';
import { id, isoDate, optionalText, required } from '../../entities/common.ts';
import {
  type CaseDeadline,
  type CaseDetail,
  type CaseInput,
  type CaseStage,
  type CaseSummary,
  type NextStep,
  approvalSign,
  caseInput,
  disposalInput,
  recordInput,
} from '../../entities/case.ts';
import { fileUpload } from '../../entities/file.ts';
import { CASE_RECORD_PERMISSION, permissionToRecord } from '../../domain/case-permissions.ts';
import type { PublicationRecord } from '../../domain/publication.ts';
import { channel } from './channel.ts';
import { byId, expectedVersion, type FileDownload, none, type Page, paging, storedFile } from './fragments.ts';

/** 案件办理: penalty cases from 立案 to 归档. */
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
  /** The case's 承办人, for the squad's list: whose deadlines are overdue. */
  handlerNames: string[];
}

export interface CaseAwaitingRow {
  caseId: number;
  caseNo: string;
  enterpriseName: string;
  cause: string;
  next: NextStep;
}

export const caseChannels = {
  'cases:list': channel<Page<CaseSummary>>()({
    input: z
      .object({ enterpriseId: id.optional(), stage: z.enum(CASE_STAGES).optional(), ...paging() })
      .default({ page: 1, pageSize: 20 }),
    access: 'cases.read',
  }),
  'cases:get': channel<CaseDetail>()({ input: byId, access: 'cases.read' }),
  /**
   * What an escalation brings to a new case (enterprise, facts, hazard, officers), for the form to show before 立案;
   * `advice`, a transfer review's, is shown beside the form and never kept.
   */
  'cases:draft-from-escalation': channel<CaseInput & { advice: string | null }>()({
    input: z.object({ escalationId: id }),
    access: 'cases.write',
  }),
  'cases:create': channel<CaseDetail>()({ input: caseInput, access: 'cases.write' }),
  'cases:update': channel<CaseDetail>()({
    input: z.object({ id, version: expectedVersion, case: caseInput }),
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
  /**
   * A row of an approval form, transcribed from the signed paper: the 承办人 rows by the case staff, the 审核 row
   * by the 审核人 (cases.review), the 审批 row by the 负责人 (cases.approve) — the core checks the row.
   */
  'cases:sign': channel<CaseDetail>()({
    input: z.object({ id, sign: approvalSign, scan: fileUpload.optional() }),
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
    access: permissionToRecord({ kind: 'legal-review' }),
  }),
  /** The bound file's cover, 卷内目录 (in the configured order, with page numbers) and 备考表, as a PDF. */
  'cases:binder': channel<FileDownload>()({ input: byId, access: 'cases.read' }),
  /**
   * The whole case file as one PDF: cover, 卷内目录, every paper in filing order (issued documents as frozen, signed
   * copies and scans, photos), 备考表, with the archive page number stamped on every paper's page.
   */
  'cases:bound-file': channel<FileDownload>()({ input: byId, access: 'cases.read' }),
  /** What is published of each decision (双公示 fields, personal data masked). */
  'cases:publication': channel<PublicationRecord[]>()({ input: byId, access: 'cases.read' }),
  /** 立案审批表, 案件处理呈批表 or 结案审批表 to sign, filled in with the case and what was recorded for each signature. */
  'cases:approval-form': channel<FileDownload>()({
    input: z.object({ id, stage: z.enum(keysOf(APPROVAL_STAGES)) }),
    access: 'cases.read',
  }),
  'cases:file': channel<FileDownload>()({ input: storedFile, access: 'cases.read' }),
  /**
   * The workbench: open cases whose next step is the signed-in user's to take — the 审核 row or 法制审核 for a legal
   * reviewer, the 审批 row for the head (an admin sees both) — so nobody has to go looking for what waits on them.
   */
  'cases:awaiting': channel<CaseAwaitingRow[]>()({ input: none, access: 'cases.read' }),
  /** The workbench: open case deadlines overdue or due within 3 working days; 'all' (the squad) for supervisors and reviewers. */
  'cases:deadlines': channel<CaseDeadlineRow[]>()({
    input: z.object({ scope: z.enum(['mine', 'all']).default('mine') }).default({ scope: 'mine' }),
    access: 'cases.read',
  }),
} as const;
