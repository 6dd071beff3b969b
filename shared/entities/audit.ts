import { z } from 'zod';

/** 全过程记录: an entry of the hash-chained audit log, and what verifying the chain finds. */
export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.number().nullable(),
  userName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.string().nullable(),
  problems: z.array(
    z.object({
      kind: z.enum(['edited', 'deleted-or-reordered', 'truncated']),
      seq: z.number().int().nullable(),
    }),
  ),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
