import { z } from 'zod';
import type { AuditEntry, AuditVerifyResult } from '../../entities/audit.ts';
import { channel } from './channel.ts';
import { type Page, paging, sha256 } from './fragments.ts';

/** 全过程记录: the hash-chained audit log. */
export const auditChannels = {
  'audit:list': channel<Page<AuditEntry>>()({
    input: z.object(paging(50)).default({ page: 1, pageSize: 50 }),
    access: 'audit.read',
  }),
  'audit:verify': channel<AuditVerifyResult>()({
    input: z.object({ head: sha256.optional() }).default({}),
    access: 'audit.read',
  }),
} as const;
