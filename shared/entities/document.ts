import { z } from 'zod';
import { SERVICE_METHODS, keysOf } from '../base/vocabulary.ts';
import { id, localDateTime } from './common.ts';

export const documentStatus = z.enum(['draft', 'issued', 'voided']);
export type DocumentStatus = z.infer<typeof documentStatus>;

export interface DocumentType {
  id: string;
  name: string;
  code: string | null;
  internal: boolean;
  copies: string | null;
  stage: string;
  /** A template exists: the type can be drafted and issued in this version. */
  available: boolean;
}

export interface DocumentService {
  id: number;
  method: string;
  servedAt: string;
  place: string;
  recipient: string;
  refused: boolean;
  witness: string;
  officerNames: string[];
  note: string;
  createdAt: string;
  createdBy: string;
}

export interface DocumentSummary {
  id: number;
  type: string;
  typeName: string;
  status: DocumentStatus;
  numberText: string | null;
  /** The day the document bears (文书日期), as it prints it. */
  date: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  inspectionId: number | null;
  caseId: number | null;
  issuedAt: string | null;
  issuedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  supersedesId: number | null;
  supersededById: number | null;
  served: boolean;
  hasScan: boolean;
}

export interface DocumentDetail extends DocumentSummary {
  fields: Record<string, unknown>;
  correctionReason: string | null;
  voidReason: string | null;
  pdfSha256: string | null;
  scanName: string | null;
  services: DocumentService[];
}

export const serviceInput = z
  .object({
    method: z.enum(keysOf(SERVICE_METHODS)),
    servedAt: localDateTime,
    place: z.string().trim().max(200).default(''),
    recipient: z.string().trim().max(100).default(''),
    /** 留置送达: the recipient refused; two officers and a witness must be named. */
    refused: z.boolean().default(false),
    witness: z.string().trim().max(100).default(''),
    officerIds: z.array(id).max(10).default([]),
    note: z.string().trim().max(500).default(''),
  })
  .superRefine((s, ctx) => {
    if (!s.refused && !s.recipient)
      ctx.addIssue({ code: 'custom', message: 'validation.service.recipient', path: ['recipient'] });
    if (s.refused && s.officerIds.length < 2)
      ctx.addIssue({ code: 'custom', message: 'validation.service.twoOfficers', path: ['officerIds'] });
    if (s.refused && !s.witness)
      ctx.addIssue({ code: 'custom', message: 'validation.service.witness', path: ['witness'] });
  });
