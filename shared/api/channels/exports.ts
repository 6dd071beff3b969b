import { z } from 'zod';
import { type PackageManifest, type PackageReport, packageOverride } from '../../entities/export-package.ts';
import { channel } from './channel.ts';
import { fileUpload } from '../../entities/file.ts';
import type { FileDownload } from './fragments.ts';

/** A package made: where it was written and what it holds, with its own digests (SHA-256 and SM3). */
export interface ExportSummary {
  name: string;
  bytes: number;
  sha256: string;
  sm3: string;
  manifest: PackageManifest;
}

/** 数据上报: upload packages made from the record, and the check of a package as the receiving side runs it. */
export const exportChannels = {
  /** A full package; `job` names the job beforehand so the screen can follow and cancel it. */
  'exports:create': channel<ExportSummary>()({
    input: z.object({
      kind: z.literal('full'),
      job: z
        .string()
        .regex(/^export:[0-9a-f-]{36}$/)
        .optional(),
      /** Pre-upload blockers let through, each with the user's reason. */
      overrides: z.array(packageOverride).max(50_000).default([]),
    }),
    access: 'exports.make',
  }),
  /** A package made here, to save where the user wants it. */
  'exports:download': channel<FileDownload>()({
    input: z.object({ name: z.string().regex(/^[^/\\]{1,200}\.zip$/) }),
    access: 'exports.make',
  }),
  /** Checks a package file as the province or the city would: digests, schemas, references. */
  'exports:verify': channel<PackageReport>()({ input: z.object({ file: fileUpload }), access: 'signed-in' }),
} as const;
