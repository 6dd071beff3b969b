import { z } from 'zod';

/**
 * 上报包: what a package says of itself (manifest.json) and what a check of it finds. The manifest holds no time of
 * making: the same data makes the same bytes, whenever and wherever it is made (the export is logged with its time
 * in the audit log instead).
 */

export const PACKAGE_FORMAT = 'enforce-desk/upload-package';
/**
 * 2 added `base` and `removed` (incremental packages); 3 added the 典型执法案例 (data/typicalCases.jsonl); 4 officers'
 * absences, enterprises' accidents, the annual plans and the 双随机 draws (data/absences.jsonl, accidents.jsonl,
 * plans.jsonl, draws.jsonl). A package of
 * an earlier version still verifies, holding the data files of its version.
 */
export const PACKAGE_FORMAT_VERSION = 4;

export const packageKinds = z.enum(['full', 'incremental', 'typical-case', 'publication']);
export type PackageKind = z.infer<typeof packageKinds>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const packageFile = z
  .object({
    path: z.string().min(1).max(300).describe('包内路径 / path inside the package'),
    bytes: z.number().int().min(0).describe('字节数 / size in bytes'),
    sha256: sha256.describe('SHA-256 摘要 / SHA-256 digest (hex)'),
    sm3: sha256.describe('SM3 摘要（GB/T 32905）/ SM3 digest (hex)'),
  })
  .strict();
export type PackageFile = z.infer<typeof packageFile>;

/** A pre-upload blocker let through, and why (said by the user, kept in the manifest and the audit log). */
export const packageOverride = z
  .object({
    code: z.literal('incomplete'),
    subject: z.string().min(1).max(400),
    reason: z.string().trim().min(2, { error: 'validation.required' }).max(500, { error: 'validation.tooLong' }),
  })
  .strict();
export type PackageOverride = z.infer<typeof packageOverride>;

export const packageManifest = z
  .object({
    format: z.literal(PACKAGE_FORMAT).describe('格式名称 / format name'),
    // Every version up to this one: a package made by an older app still verifies.
    formatVersion: z
      .number()
      .int()
      .min(1)
      .max(PACKAGE_FORMAT_VERSION)
      .describe(`格式版本 / format version (1 to ${PACKAGE_FORMAT_VERSION})`),
    kind: packageKinds.describe('包的种类 / kind: full, incremental, typical-case, publication'),
    unit: z
      .object({
        agencyName: z.string().describe('执法机关 / enforcement agency'),
        regionCode: z.string().describe('行政区划代码 / region code (GB/T 2260)'),
      })
      .strict()
      .describe('报送单位 / the reporting unit'),
    period: z
      .object({ from: z.string().nullable(), to: z.string() })
      .strict()
      .describe('所含记录的期间 / the period the records cover'),
    appVersion: z.string().describe('生成软件版本 / version of the app that made it'),
    auditHead: z.string().nullable().describe('导出时全过程记录链的链头 / audit chain head at export'),
    /** An incremental package follows the package the receiving system last accepted: named here by its digests. */
    base: z
      .object({ name: z.string(), sha256, sm3: sha256 })
      .strict()
      .nullable()
      .default(null)
      .describe(
        '增量包所接续的已接收上报包 / the accepted package an incremental one follows (null for a full one; absent in version 1)',
      ),
    /** Records the base held that are no longer in the record (a draft deleted), by entity. */
    removed: z
      .record(z.string(), z.array(z.number().int()))
      .default({})
      .describe(
        '上次接收后已删除的记录编号 / ids of records removed since the base package, by entity (absent in version 1)',
      ),
    /** Records in each data file, by entity. */
    counts: z.record(z.string(), z.number().int().min(0)).describe('各类记录条数 / records in each data file'),
    files: z.array(packageFile).describe('包内文件及其摘要 / every other file with its size and digests'),
    /** Pre-upload blockers overridden, each with the reason given (also in the audit log). */
    overrides: z
      .array(packageOverride)
      .describe('经说明理由放行的检查问题 / pre-upload blockers overridden, with the reason'),
  })
  .strict();
export type PackageManifest = z.infer<typeof packageManifest>;

/** What a check of a package found wrong, each naming the file (and line) it is about. */
export const packageProblemCodes = [
  'not-a-zip',
  'too-large',
  'manifest-missing',
  'manifest-invalid',
  'file-missing',
  'file-unlisted',
  'file-duplicate',
  'size-mismatch',
  'sha256-mismatch',
  'sm3-mismatch',
  'record-invalid',
  'reference-missing',
  'count-mismatch',
  /** A record whose own digest does not match it: a plan's frozen snapshot, a draw that does not re-run as recorded. */
  'hash-mismatch',
  /** Complete as the province counts it (upload-completeness.ts): may be let through with a reason. */
  'incomplete',
] as const;
export type PackageProblemCode = (typeof packageProblemCodes)[number];

export interface PackageProblem {
  code: PackageProblemCode;
  /** The file inside the package; with a line for a data record. */
  path: string | null;
  line?: number;
  /** The record the problem is in, for a link that opens it. */
  record?: { entity: string; id: number };
  /** How the user knows that record (the enterprise and the day of an inspection, a document's number, a case's 案号). */
  label?: string;
  detail?: string;
  /** An 'incomplete' problem: what an override names to let it through. */
  subject?: string;
  /** What it says, as a translation key and its values (a review hint, an exports.incomplete.* key). */
  key?: string;
  params?: Record<string, string | number>;
}

export interface PackageReport {
  ok: boolean;
  manifest: PackageManifest | null;
  files: number;
  bytes: number;
  /** Every problem found; `problems` lists the first of them. */
  problemCount: number;
  problems: PackageProblem[];
}
