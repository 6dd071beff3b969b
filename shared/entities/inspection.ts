import { z } from 'zod';
import { INSPECTION_KINDS, PRESENT_ROLES, keysOf } from '../base/vocabulary.ts';
import { id, localDateTime, optionalText, required } from './common.ts';

export const inspectionInput = z
  .object({
    enterpriseId: id,
    kind: z.enum(keysOf(INSPECTION_KINDS)),
    startedAt: localDateTime,
    endedAt: localDateTime.nullable().default(null),
    place: optionalText(200),
    officerIds: z.array(id).max(20).default([]),
    experts: z
      .array(z.object({ name: required(z.string().max(50)), title: optionalText(50), organisation: optionalText(100) }))
      .max(20)
      .default([]),
    present: z
      .array(
        z.object({
          role: z.enum(keysOf(PRESENT_ROLES)),
          name: required(z.string().max(50)),
          post: optionalText(50),
          phone: optionalText(30),
        }),
      )
      .max(20)
      .default([]),
    findings: z.string().max(20_000, { error: 'validation.tooLong' }).default(''),
    refusedToSign: z.boolean().default(false),
    refusalNote: optionalText(500),
    /** A 复查 names the inspection whose hazards it re-checks. */
    recheckOf: id.nullable().default(null),
    /** The checklist used (a knowledge file's id), offered by the enterprise's supervision categories. */
    checklistId: z.string().max(60).nullable().default(null),
    /** A 双随机抽查: the draw that picked the enterprise (the year's approved plan asks for it). */
    drawId: id.nullable().default(null),
    /** 计划外 (举报核查, 交办, 事故核查, 专项…): why, in the clerk's words — the complaint, the task and who gave it. */
    unplannedReason: optionalText(200),
  })
  .refine((i) => !i.endedAt || i.endedAt >= i.startedAt, {
    error: 'validation.inspection.endBeforeStart',
    path: ['endedAt'],
  });
export type InspectionInput = z.input<typeof inspectionInput>;
export type InspectionFields = z.output<typeof inspectionInput>;

export interface EvidenceFile {
  hash: string;
  name: string;
  sizeBytes: number;
  addedAt: string;
  addedBy: string;
}

export interface Inspection extends InspectionFields {
  id: number;
  evidence: EvidenceFile[];
  enterpriseName: string;
  status: 'active' | 'withdrawn';
  createdAt: string;
  updatedAt: string;
  version: number;
}
