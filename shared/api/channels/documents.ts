import { z } from 'zod';
import { draftFields } from '../../documents/limits.ts';
import { id, isoDate } from '../../entities/common.ts';
import { partyKey } from '../../entities/case.ts';
import {
  type DocumentDetail,
  type DocumentSummary,
  type DocumentType,
  documentStatus,
  serviceInput,
} from '../../entities/document.ts';
import { channel } from './channel.ts';
import type { ValidationIssue } from '../../base/errors.ts';
import {
  attachment,
  byId,
  expectedVersion,
  type FileDownload,
  none,
  type Page,
  paging,
  sortOrder,
  reason,
  versioned,
} from './fragments.ts';

/** 执法文书: drafts, issuing with a number, service, scans, corrections, blank forms. */
const documentType = z.string().min(1).max(60);
/** A document voided or corrected, and why. */
const withReason = z.object({ id, reason });

export const documentChannels = {
  'documents:catalogue': channel<DocumentType[]>()({ input: none, access: 'signed-in' }),
  'documents:list': channel<Page<DocumentSummary>>()({
    input: z
      .object({
        inspectionId: id.optional(),
        caseId: id.optional(),
        enterpriseId: id.optional(),
        status: documentStatus.optional(),
        type: z.string().max(60).optional(),
        /** The date the document bears, from and to (both included). */
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** By the document's own date, or by when it was last worked on (the default: the drafts in hand first). */
        sort: z.enum(['updated', 'date']).default('updated'),
        order: sortOrder,
        ...paging(),
      })
      .default({ page: 1, pageSize: 20, sort: 'updated', order: 'desc' }),
    access: 'documents.read',
  }),
  'documents:get': channel<DocumentDetail>()({ input: byId, access: 'documents.read' }),
  'documents:create': channel<DocumentDetail>()({
    /** `party`: whom a case's notice or decision is addressed to (the unit unless a person fined beside it). */
    input: z.object({
      type: documentType,
      inspectionId: id.optional(),
      enterpriseId: id.optional(),
      caseId: id.optional(),
      party: partyKey.optional(),
    }),
    access: 'documents.write',
  }),
  /** Autosave: a draft stores what was typed, valid or not; the checks run at preview and issue. */
  'documents:save': channel<DocumentDetail>()({
    input: z.object({ id, version: expectedVersion, fields: draftFields }),
    access: 'documents.write',
  }),
  /** What stands in the way of issuing the draft now; nothing is written. */
  /** What stands in the way of issuing now, and, where nothing does, the number issuing would take. */
  'documents:check': channel<{ issues: ValidationIssue[]; number: string | null }>()({
    input: byId,
    access: 'documents.read',
  }),
  'documents:preview': channel<FileDownload>()({ input: byId, access: 'documents.read' }),
  'documents:issue': channel<DocumentDetail>()({ input: versioned, access: 'documents.issue' }),
  'documents:pdf': channel<FileDownload>()({ input: byId, access: 'documents.read' }),
  'documents:void': channel<DocumentDetail>()({ input: withReason, access: 'documents.issue' }),
  'documents:serve': channel<DocumentDetail>()({
    input: z.object({ id, service: serviceInput }),
    access: 'documents.write',
  }),
  'documents:correct': channel<DocumentDetail>()({ input: withReason, access: 'documents.write' }),
  'documents:attach-scan': channel<DocumentDetail>()({ input: attachment, access: 'documents.write' }),
  /** The characters of a text no document font can print (a name typed into the ledger, before its first 签发). */
  'documents:missing-glyphs': channel<{ char: string; codePoint: string }[]>()({
    input: z.object({ text: z.string().max(2000) }),
    access: 'signed-in',
  }),
  'documents:blank': channel<FileDownload>()({
    input: z.object({ type: documentType }),
    access: 'documents.read',
  }),
} as const;
