import { z } from 'zod';
import { type PackageManifest, type PackageReport, packageOverride } from '../../entities/export-package.ts';
import { channel } from './channel.ts';
import { fileUpload } from '../../entities/file.ts';
import { MAPPED_TABLES, type MappingSummary } from '../../entities/field-mapping.ts';
import type { PublicationField } from '../../domain/publication.ts';
import type { IndicatorValue } from '../../domain/indicators/completeness.ts';
import { none, type FileDownload, type Ok } from './fragments.ts';
import { id, isoDate } from '../../entities/common.ts';

/** A package made: where it was written and what it holds, with its own digests (SHA-256 and SM3). */
export interface ExportSummary {
  id: number;
  name: string;
  bytes: number;
  sha256: string;
  sm3: string;
  manifest: PackageManifest;
  /** The volumes it was cut into for the portal's upload limit (none when it fits). */
  volumes?: { name: string; bytes: number; sha256: string; sm3: string }[];
}

/** A package in the register: what it held, and whether the receiving system accepted it. */
export interface ExportRow {
  id: number;
  name: string;
  kind: 'full' | 'incremental';
  /** The accepted package an incremental one follows. */
  baseName: string | null;
  period: { from: string | null; to: string };
  counts: Record<string, number>;
  /** Records removed since the base (ids listed in the manifest). */
  removed: number;
  bytes: number;
  sha256: string;
  sm3: string;
  createdAt: string;
  createdBy: string;
  accepted: { on: string; by: string; note: string | null } | null;
  /** Whether it may be marked accepted now (newer than the last accepted; an increment only of that one). */
  acceptable: boolean;
  /** Still in the workspace's exports folder, to download again. */
  onDisk: boolean;
  /** The volumes it was cut into for the portal's upload limit (none when it fits). */
  volumes: { name: string; bytes: number; sha256: string; sm3: string }[];
}

/** A decision to publish (双公示): its fields as published (persons masked), and its 7-working-day deadline. */
export interface PublicationRow {
  caseId: number;
  caseNo: string;
  enterpriseName: string;
  documentId: number;
  values: Record<PublicationField, string>;
  due: string | null;
  publishedOn: string | null;
  /** As the workbench counts it: done (published in time), late (published after), overdue, soon (within 3 working days), later. */
  status: 'done' | 'late' | 'overdue' | 'soon' | 'later';
}

/** 录入/上报 completeness of a period (shared/domain/indicators/completeness.ts). */
export interface Completeness {
  from: string;
  to: string;
  /** The package last accepted, that 已上报 is measured against. */
  base: { name: string; acceptedOn: string } | null;
  indicators: IndicatorValue[];
}

/** 数据上报: upload packages made from the record, and the check of a package as the receiving side runs it. */
export const exportChannels = {
  /**
   * A full package, or an incremental one of what changed since the package last accepted; `job` names the job
   * beforehand so the screen can follow and cancel it.
   */
  'exports:create': channel<ExportSummary>()({
    input: z.object({
      kind: z.enum(['full', 'incremental']),
      job: z
        .string()
        .regex(/^export:[0-9a-f-]{36}$/)
        .optional(),
      /** Pre-upload blockers let through, each with the user's reason. */
      overrides: z.array(packageOverride).max(50_000).default([]),
    }),
    access: 'exports.make',
  }),
  /** The register of packages made, newest first. */
  'exports:list': channel<ExportRow[]>()({ input: none, access: 'exports.make' }),
  /** Marks a package as accepted by the receiving system, on the day it said so: the next increment follows it. */
  'exports:accept': channel<Ok>()({
    input: z.object({
      id,
      on: isoDate,
      note: z.string().trim().max(500, { error: 'validation.tooLong' }).default(''),
    }),
    access: 'exports.make',
  }),
  /** Every decision to publish, with its deadline and whether it was published. */
  'exports:publications': channel<PublicationRow[]>()({ input: none, access: 'cases.read' }),
  /** This squad's 录入/上报 completeness for a period (this quarter unless said). */
  'exports:completeness': channel<Completeness>()({
    input: z.object({ from: isoDate.optional(), to: isoDate.optional() }).default({}),
    access: 'cases.read',
  }),
  /** The mapping files: this app's own fields, an example, and any a province's template needs. */
  'exports:mappings': channel<MappingSummary[]>()({ input: none, access: 'exports.make' }),
  /** The record filled into a mapping's sheets (or only those of the tables named), as Excel or JSON. */
  'exports:table': channel<FileDownload>()({
    input: z.object({
      mapping: z.string().regex(/^[a-z0-9-]{1,40}$/),
      format: z.enum(['xlsx', 'json']),
      tables: z.array(z.enum(MAPPED_TABLES)).min(1).max(MAPPED_TABLES.length).optional(),
      /** 公示: only the decisions not yet published (what is to be submitted now). */
      pendingOnly: z.boolean().default(false),
    }),
    access: 'exports.make',
  }),
  /** A package made here, to save where the user wants it. */
  'exports:download': channel<FileDownload>()({
    input: z.object({ name: z.string().regex(/^[^/\\]{1,200}\.zip(\.\d{3,4})?$/) }),
    access: 'exports.make',
  }),
  /** Checks a package file as the province or the city would: digests, schemas, references. */
  'exports:verify': channel<PackageReport>()({ input: z.object({ file: fileUpload }), access: 'signed-in' }),
} as const;
