import { z } from 'zod';

/** Zod messages are translation keys; `shared/base/errors.ts` maps zod's own codes to keys too. */
export const required = (schema: z.ZodString = z.string()) => schema.trim().min(1, { error: 'validation.required' });
/** A day that exists (2026-02-30 does not): a bad day must fail here, not print on a document or break a deadline. */
const realDay = (day: string) => {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day.slice(0, 10);
};
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(realDay, { error: 'validation.date' });
/** A local date and time in China, to the minute, as forms enter it: 2026-11-22T09:30. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.dateTime' })
  .refine(realDay, { error: 'validation.dateTime' });
export const isoDateTime = z.string();
export const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/, { error: 'validation.phone' });
export const optionalText = (max = 500) => z.string().trim().max(max, { error: 'validation.tooLong' }).default('');
export const id = z.number().int().positive();

export const withdrawal = z.object({
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
