import { z } from 'zod';

/** A complete backup as listed: its name, kind, time, size and the audit-chain head it holds. */
export const backupInfo = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-restore', 'pre-migration']),
  createdAt: z.string(),
  sizeBytes: z.number(),
  auditHead: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof backupInfo>;
