import { z } from 'zod';
import { checkUscc } from '../base/uscc.ts';
import {
  CREDIT_STATUSES,
  ENFORCEMENT_LEVELS,
  RISK_GRADES,
  STANDARDIZATION_GRADES,
  SUPERVISION_CATEGORIES,
  keysOf,
} from '../base/vocabulary.ts';
import { id, isoDateTime, optionalText, phone, required, withdrawal } from './common.ts';

export const usccField = z.string().transform((raw, ctx) => {
  const result = checkUscc(raw);
  if (result.error) {
    ctx.addIssue({
      code: 'custom',
      message: result.error,
      params: { expected: result.expected, suggestion: result.suggestion },
    });
    return z.NEVER;
  }
  return result.normalized;
});

export const contact = z.object({
  name: required(z.string().max(50)),
  role: optionalText(50),
  phone: phone.or(z.literal('')).default(''),
});

/** GB/T 4754-2017: a 2-digit 大类, 3-digit 中类 or 4-digit 小类. Whether it exists is checked against the knowledge file. */
export const industryCode = z
  .string()
  .trim()
  .regex(/^\d{2,4}$/, { error: 'validation.industry.format' });

export const enterpriseInput = z.object({
  uscc: usccField,
  name: required(z.string().max(100, { error: 'validation.tooLong' })),
  legalRepresentative: optionalText(50),
  principal: optionalText(50),
  address: optionalText(200),
  township: optionalText(50),
  industryCode: industryCode.or(z.literal('')).default(''),
  categories: z.array(z.enum(keysOf(SUPERVISION_CATEGORIES))).default([]),
  enforcementLevel: z.enum(keysOf(ENFORCEMENT_LEVELS)).default('county'),
  standardizationGrade: z.enum(keysOf(STANDARDIZATION_GRADES)).default('none'),
  riskGrade: z.enum(keysOf(RISK_GRADES)).nullable().default(null),
  creditStatus: z.enum(keysOf(CREDIT_STATUSES)).default('normal'),
  accidentHistory: optionalText(2000),
  contacts: z.array(contact).max(20).default([]),
  notes: optionalText(2000),
});
export type EnterpriseInput = z.input<typeof enterpriseInput>;
export type EnterpriseFields = z.output<typeof enterpriseInput>;

export const enterprise = enterpriseInput
  .extend({
    id,
    industryName: z.string().nullable(),
    status: z.enum(['active', 'withdrawn']),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.number().int(),
    /** Non-blocking findings (e.g. the embedded 组织机构代码 check), as translation keys. */
    warnings: z.array(z.string()),
  })
  .extend(withdrawal.shape);
export type Enterprise = z.output<typeof enterprise>;

export const enterpriseListItem = enterprise.pick({
  id: true,
  uscc: true,
  name: true,
  township: true,
  industryCode: true,
  industryName: true,
  categories: true,
  enforcementLevel: true,
  riskGrade: true,
  creditStatus: true,
  status: true,
  updatedAt: true,
  principal: true,
});
export type EnterpriseListItem = z.output<typeof enterpriseListItem>;
