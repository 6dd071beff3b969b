import { z } from 'zod';
import { optionalText, phone, required } from './common.ts';

/** 本单位: the agency whose name heads every document. */
export const unitProfile = z.object({
  agencyName: required(z.string().max(60)),
  squadName: required(z.string().max(60)),
  regionCode: z
    .string()
    .trim()
    .regex(/^[1-8]\d{5}$/, { error: 'validation.regionCode' }),
  /** Exactly as printed before the per-document 代字, e.g. 宣应急 or （宣）应急. */
  numberPrefix: required(z.string().max(20)),
  reviewAgency: required(z.string().max(60)),
  court: required(z.string().max(60)),
  address: required(z.string().max(200)),
  phone: phone,
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, { error: 'validation.postalCode' })
    .default(''),
  notes: optionalText(500),
});
export type UnitProfile = z.output<typeof unitProfile>;
export type UnitProfileInput = z.input<typeof unitProfile>;
