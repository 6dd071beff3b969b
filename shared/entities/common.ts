import { z } from 'zod';

/** Zod messages are translation keys; `shared/api/errors.ts` maps zod's own codes to keys too. */
export const required = (schema: z.ZodString = z.string()) => schema.trim().min(1, { error: 'validation.required' });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });
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
