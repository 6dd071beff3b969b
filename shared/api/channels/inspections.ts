import { z } from 'zod';
import { id, isoDate } from '../../entities/common.ts';
import { INSPECTION_KINDS, keysOf } from '../../base/vocabulary.ts';
import { type Inspection, inspectionInput } from '../../entities/inspection.ts';
import { channel } from './channel.ts';
import {
  attachment,
  byId,
  expectedVersion,
  type FileDownload,
  type Page,
  paging,
  sortOrder,
  storedFile,
} from './fragments.ts';

/** 现场检查: on-site inspections and the evidence kept with them. */
export const inspectionChannels = {
  'inspections:list': channel<Page<Inspection>>()({
    input: z
      .object({
        enterpriseId: id.optional(),
        /** The day the inspection began, from and to (both included). */
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** One of the officers who inspected. */
        officerId: id.optional(),
        kind: z.enum(keysOf(INSPECTION_KINDS)).optional(),
        /** The 复查 of this inspection. */
        recheckOf: id.optional(),
        /** By the day it began: the latest first unless asked. */
        order: sortOrder,
        ...paging(),
      })
      .default({ page: 1, pageSize: 20, order: 'desc' }),
    access: 'inspections.read',
  }),
  'inspections:get': channel<Inspection>()({ input: byId, access: 'inspections.read' }),
  'inspections:create': channel<Inspection>()({ input: inspectionInput, access: 'inspections.write' }),
  'inspections:update': channel<Inspection>()({
    input: z.object({ id, version: expectedVersion, inspection: inspectionInput }),
    access: 'inspections.write',
  }),
  /** Photos, audio/video and other evidence from the site, kept by SHA-256. */
  'inspections:attach-file': channel<Inspection>()({ input: attachment, access: 'inspections.write' }),
  'inspections:file': channel<FileDownload>()({ input: storedFile, access: 'inspections.read' }),
} as const;
