import { z } from 'zod';
import { id } from '../../entities/common.ts';
import {
  type TypicalCase,
  type TypicalOverview,
  typicalCaseSave,
  typicalCaseSent,
} from '../../entities/typical-case.ts';
import { channel } from './channel.ts';
import type { ExportSummary } from './exports.ts';
import type { FileDownload } from './fragments.ts';

const byId = z.object({ id });
const byVersion = z.object({ id, version: z.number().int() });

/** 典型执法案例: write-ups of decided cases for the ministry, on its schedule. */
export const typicalCaseChannels = {
  /** What is due under each rule binding the unit, what was sent, and the decided cases that would qualify. */
  'typical:overview': channel<TypicalOverview>()({ input: z.object({}).default({}), access: 'cases.read' }),
  'typical:get': channel<TypicalCase>()({ input: byId, access: 'cases.read' }),
  /** Drafts a write-up of a decided case from its file. */
  'typical:create': channel<TypicalCase>()({ input: z.object({ caseId: id }), access: 'cases.write' }),
  'typical:save': channel<TypicalCase>()({ input: typicalCaseSave, access: 'cases.write' }),
  /** The page as it will print (a draft says so). */
  'typical:preview': channel<FileDownload>()({ input: byId, access: 'cases.read' }),
  /** Freezes it and its PDF: every required field filled, the case still qualifying. */
  'typical:finalize': channel<TypicalCase>()({ input: byVersion, access: 'cases.write' }),
  /** Back to a draft, while it was not sent. */
  'typical:reopen': channel<TypicalCase>()({ input: byVersion, access: 'cases.write' }),
  /** The day it was sent to the ministry (its portal's receipt in the note). */
  'typical:sent': channel<TypicalCase>()({ input: typicalCaseSent, access: 'exports.make' }),
  'typical:pdf': channel<FileDownload>()({ input: byId, access: 'cases.read' }),
  /** A package of the write-up with the case's issued documents, verifiable as any package. */
  'typical:package': channel<ExportSummary>()({ input: byId, access: 'exports.make' }),
} as const;
