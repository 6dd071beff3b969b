import { z } from 'zod';
import type { BackupInfo } from '../../entities/backup.ts';
import { channel } from './channel.ts';
import { type FileDownload, none } from './fragments.ts';

/** Backups, restore, and the data package for moving to a new PC. */
export const backupChannels = {
  'backups:list': channel<BackupInfo[]>()({ input: none, access: 'backup.manage' }),
  'backups:create': channel<BackupInfo>()({ input: none, access: 'backup.manage' }),
  'backups:restore': channel<{ restored: string; safetyBackup: string }>()({
    input: z.object({ name: z.string().regex(/^[\w.-]+\.db$/, { error: 'validation.invalid' }) }),
    access: 'backup.manage',
  }),
  'backups:export-data': channel<FileDownload>()({ input: none, access: 'backup.manage' }),
} as const;
