import { z } from 'zod';
import { ROLES } from '../base/roles.ts';
import { id, required } from './common.ts';

/** The people who sign in, and their roles. */
export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, { error: 'validation.username' });
/** Eight characters with letters and digits: the floor most government IT policies ask for. */
export const password = z
  .string()
  .min(8, { error: 'validation.password.short' })
  .max(128, { error: 'validation.tooLong' })
  .regex(/[A-Za-z]/, { error: 'validation.password.weak' })
  .regex(/\d/, { error: 'validation.password.weak' });

export const role = z.enum(ROLES);

export const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

export const userInput = z.object({
  username,
  displayName: required(z.string().max(50)),
  role,
  password,
});
