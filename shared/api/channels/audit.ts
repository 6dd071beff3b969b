import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import type { AuditEntry, AuditVerifyResult } from '../../entities/audit.ts';
import { channel } from './channel.ts';
import { type Page, paging } from './fragments.ts';

/** 全过程记录: the hash-chained audit log. */
export const auditChannels = {
  /** The log, newest first, filtered on the core: by day (China time), by what was done (its section), by who did it. */
  'audit:list': channel<Page<AuditEntry>>()({
    input: z
      .object({
        ...paging(50),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** A section of the app (the channel's domain: cases, documents…). */
        section: z
          .string()
          .regex(/^[a-z]{2,20}$/)
          .optional(),
        user: z.string().trim().max(50).optional(),
      })
      .default({ page: 1, pageSize: 50 }),
    access: 'audit.read',
  }),
  'audit:verify': channel<AuditVerifyResult>()({
    // The whole head, or its first 16 digits as a 评查表 or a receipt prints it.
    input: z
      .object({
        head: z
          .string()
          .regex(/^[0-9a-f]{16,64}$/, { error: 'validation.hash' })
          .optional(),
      })
      .default({}),
    access: 'audit.read',
  }),
} as const;
