import { z } from 'zod';
import { checkIdCard } from '../base/id-card.ts';
import { ABSENCE_KINDS, OFFICER_POSTS, keysOf } from '../base/vocabulary.ts';
import { id, isoDate, optionalText, phone, required } from './common.ts';

export const idCardField = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return '';
  // An edit form holds the masked number it was given; the core keeps the stored one then.
  if (raw.includes('*')) return raw;
  // The birth-date check needs "today"; the core re-checks with its clock, here only the shape and check character.
  const result = checkIdCard(raw, '9999-12-31');
  if (result.error) {
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.normalized;
});

export const officerInput = z
  .object({
    name: required(z.string().max(50)),
    certificateNo: required(z.string().max(40)),
    certValidFrom: isoDate,
    certValidTo: isoDate,
    post: z.enum(keysOf(OFFICER_POSTS)).default('officer'),
    onDuty: z.boolean().default(true),
    idCard: idCardField.default(''),
    phone: phone.or(z.literal('')).default(''),
    notes: optionalText(500),
  })
  .refine((o) => o.certValidFrom <= o.certValidTo, { error: 'validation.officer.validity', path: ['certValidTo'] });
export type OfficerInput = z.input<typeof officerInput>;

export const certStatus = z.enum(['valid', 'expiring', 'expired', 'notYetValid']);
export type CertStatus = z.infer<typeof certStatus>;

export const officer = z.object({
  id,
  name: z.string(),
  certificateNo: z.string(),
  certValidFrom: z.string(),
  certValidTo: z.string(),
  post: z.enum(keysOf(OFFICER_POSTS)),
  onDuty: z.boolean(),
  /** Masked (5117**********123X) everywhere except the officer's own edit form. */
  idCard: z.string(),
  phone: z.string(),
  notes: z.string(),
  certStatus,
  daysToExpiry: z.number().int(),
  updatedAt: z.string(),
});
export type Officer = z.infer<typeof officer>;

/** 60 days' notice gives time to book the annual certificate training. The limit is a setting. */
export function certificateStatus(
  validFrom: string,
  validTo: string,
  today: string,
  warnDays: number,
): { status: CertStatus; daysToExpiry: number } {
  const days = Math.round((Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (today < validFrom) return { status: 'notYetValid', daysToExpiry: days };
  if (days < 0) return { status: 'expired', daysToExpiry: days };
  if (days <= warnDays) return { status: 'expiring', daysToExpiry: days };
  return { status: 'valid', daysToExpiry: days };
}

/** A stretch of days an officer is away (leave, secondment, training): the plan's working days and the draw's pool read it. */
export const absenceInput = z
  .object({
    officerId: id,
    kind: z.enum(keysOf(ABSENCE_KINDS)),
    from: isoDate,
    to: isoDate,
    note: optionalText(200),
  })
  .refine((a) => a.from <= a.to, { error: 'validation.absence.order', path: ['to'] });
export type AbsenceInput = z.input<typeof absenceInput>;

export const officerAbsence = z.object({
  id,
  officerId: z.number().int(),
  kind: z.enum(keysOf(ABSENCE_KINDS)),
  from: z.string(),
  to: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type OfficerAbsence = z.infer<typeof officerAbsence>;
