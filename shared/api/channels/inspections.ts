import { z } from 'zod';
import { id } from '../../entities/common.ts';
import { type Inspection, inspectionInput } from '../../entities/inspection.ts';
import { channel } from './channel.ts';
import { attachment, byId, expectedVersion, type FileDownload, type Page, paging, storedFile } from './fragments.ts';

/** 现场检查: on-site inspections and the evidence kept with them. */
export const inspectionChannels = {
  'inspections:list': channel<Page<Inspection>>()({
    input: z.object({ enterpriseId: id.optional(), ...paging() }).default({ page: 1, pageSize: 20 }),
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
