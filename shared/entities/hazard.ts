import { z } from 'zod';
import { id, isoDate, optionalText, required } from './common.ts';

/** Where a hazard stands: open until a 复查 records whether it was put right. */
export const hazardStatus = z.enum(['open', 'rectified', 'not-rectified']);
/** An escalation is open until the squad takes it up as a case or dismisses it. */
export const escalationStatus = z.enum(['open', 'taken', 'dismissed']);

export const hazardInput = z.object({
  inspectionId: id,
  description: required(z.string().max(1000)),
  location: optionalText(200),
  /** 重大 only through a criteria item (or an explicit judgement recorded in the legal basis). */
  level: z.enum(['general', 'major']).default('general'),
  criteriaItemId: z.string().max(60).nullable().default(null),
  legalBasis: optionalText(500),
  deadline: isoDate.nullable().default(null),
});
export type HazardInput = z.input<typeof hazardInput>;
export type HazardFields = z.output<typeof hazardInput>;

export interface HazardExtension {
  requestedOn: string;
  requestedUntil: string;
  reason: string;
  decision: 'approved' | 'rejected';
  previousDeadline: string | null;
  decidedAt: string;
  decidedBy: string;
}

export interface Hazard extends HazardFields {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  photos: { hash: string; name: string }[];
  status: z.output<typeof hazardStatus>;
  recheckInspectionId: number | null;
  recheckedAt: string | null;
  recheckNote: string;
  /** When the re-inspection is due (deadline + the configured period on the working-day calendar). */
  recheckDue: string | null;
  /** The due date touches a year the calendar does not cover: 待核实. */
  recheckDueUncertain: boolean;
  criteria: { article: string; text: string; checklist: string; criminalRisk: boolean; uncertain: boolean } | null;
  extensions: HazardExtension[];
  version: number;
}

export const recheckInput = z.object({
  id,
  recheckInspectionId: id,
  result: hazardStatus.exclude(['open']),
  note: optionalText(1000),
});

export const extensionInput = z.object({
  id,
  requestedOn: isoDate,
  requestedUntil: isoDate,
  reason: required(z.string().max(500)),
  decision: z.enum(['approved', 'rejected']),
});

export interface Escalation {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  hazardId: number | null;
  inspectionId: number | null;
  kind: 'suggest-case' | 'suggest-transfer';
  reason: string;
  status: z.output<typeof escalationStatus>;
  createdAt: string;
  createdBy: string;
}
