import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/base/errors.ts';
import { PackageIndex, DATA_FILES, evidencePath } from '../../../../shared/domain/package-checks.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageManifest,
  type PackageOverride,
  type PackageProblem,
  type PackageReport,
} from '../../../../shared/entities/export-package.ts';
import { RECORD_SCHEMAS, type RecordEntity } from '../../../../shared/entities/exports/records.ts';
import { completenessProblems } from '../../../../shared/domain/upload-completeness.ts';
import type { ReviewDecisions } from '../../../../shared/domain/review/review.ts';
import type { ReviewFinding } from '../../../../shared/entities/review.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { RuleContext } from '../../rules.ts';
import { runReview } from '../review/run.ts';
import type { CoreState } from '../../context.ts';
import { filePath } from '../../files.ts';
import type { Job } from '../../jobs/jobs.ts';
import { getUnit } from '../unit/repository.ts';
import { type PackageSource, StoredFileChanged, verifyPackage, writePackage } from './package.ts';
import { type PackageData, readPackageData } from './records.ts';

/** The day in China (UTC+8, no daylight saving) of a UTC stamp. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Audit entries that change no record a package holds: signing in, exporting, backing up, reading the log. */
const NOT_RECORD_CHANGES = ['auth', 'exports', 'backups', 'audit'];

const blocked = (problems: PackageProblem[]) =>
  new AppError('EXPORT_BLOCKED', { problems: problems.slice(0, 200), count: problems.length });

/** Packages are written here, in the workspace's folder, under names that say what they are. */
export const exportsDir = (dataDir: string) => path.join(dataDir, 'exports');

export interface ExportResult {
  name: string;
  file: string;
  manifest: PackageManifest;
  bytes: number;
  sha256: string;
  sm3: string;
}

/**
 * A full package of the record as it stands: every record checked against its schema and every reference and file
 * found before anything is written (what would fail the receiving system's check fails here, first), then the data
 * files, the issued PDFs and the evidence, streamed into the zip.
 */
export async function exportFull(
  core: CoreState,
  actor: AuditActor,
  rules: RuleContext,
  opts: { job?: Job; overrides?: PackageOverride[] } = {},
): Promise<ExportResult> {
  const { job } = opts;
  const today = rules.today;
  const unit = await getUnit(core.store.db);
  if (!unit) throw new AppError('VALIDATION', { issues: [{ path: ['unit'], key: 'exports.rules.noUnit' }] });
  job?.progress('read', 0, 1);
  const data = await readPackageData(core.store.db);
  job?.checkpoint();

  const sources: PackageSource[] = [];
  const index = new PackageIndex();
  const problems: PackageProblem[] = [];
  const counts: Record<string, number> = {};
  for (const entity of Object.keys(RECORD_SCHEMAS) as RecordEntity[]) {
    const rows = data.records[entity];
    counts[entity] = rows.length;
    const lines = rows.map((r) => JSON.stringify(r));
    lines.forEach((text, i) => {
      const p = index.line(DATA_FILES[entity], i + 1, text);
      if (p) problems.push(p);
    });
    sources.push({ path: DATA_FILES[entity], data: Buffer.from(lines.map((l) => `${l}\n`).join('')) });
  }
  // What the package will hold, for the references: the data files, then each stored file still on the disk (one
  // gone is reported with the record that names it, never packed as nothing).
  const files = new Map<string, { sha256: string }>(Object.values(DATA_FILES).map((p) => [p, { sha256: '' }]));
  const stored = new Map<string, string>();
  const pack = (at: string, hash: string) => {
    const file = filePath(core.dataDir, hash);
    if (!fs.existsSync(file)) return;
    sources.push({ path: at, file });
    files.set(at, { sha256: hash });
    stored.set(at, hash);
  };
  // Sorted by code point, never by the machine's locale: the same package everywhere.
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  for (const pdf of [...data.pdfs].sort(byPath)) pack(pdf.path, pdf.hash);
  for (const hash of [...data.evidence.keys()].sort()) pack(evidencePath(hash), hash);
  problems.push(...index.missing(files, counts));
  // A malformed record or one naming what is not there cannot be let through; what the province counts as incomplete
  // can, each with the user's reason.
  if (problems.length) throw blocked(problems);
  const reasons = new Map((opts.overrides ?? []).map((o) => [o.subject, o]));
  const incomplete = await incompleteOf(core, rules, data, job);
  const overrides = incomplete.filter((p) => reasons.has(p.subject!)).map((p) => reasons.get(p.subject!)!);
  const standing = incomplete.filter((p) => !reasons.has(p.subject!));
  if (standing.length) throw blocked(standing);

  // As of the last change to the record (its audit entry, and that entry's China day), not the day it was packed nor
  // a sign-in or an export since: the same record makes the same package on any day. That head is a point of the
  // chain `audit verify --head` accepts while later entries follow it.
  const last = await core.store.db
    .selectFrom('auditLog')
    .select(['at', 'hash'])
    .where((eb) => eb.and(NOT_RECORD_CHANGES.map((prefix) => eb('action', 'not like', `${prefix}:%`))))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const asOf = last ? chinaDay(last.at) : today;
  const name = `上报包_${unit.regionCode}_全量_${today}.zip`;
  const dir = exportsDir(core.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  const { manifest, digests } = await writePackage(
    target,
    sources,
    {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      kind: 'full',
      unit: { agencyName: unit.agencyName, regionCode: unit.regionCode },
      period: { from: null, to: asOf },
      appVersion: core.version,
      auditHead: last?.hash ?? null,
      counts,
      overrides,
    },
    {
      checkpoint: () => job?.checkpoint(),
      signal: job?.signal,
      progress: (done, total) => job?.progress('write', done, total),
      expect: stored,
    },
  ).catch((e: unknown) => {
    job?.checkpoint();
    // A stored file whose bytes are no longer those its record names: the package would fail its own check.
    if (e instanceof StoredFileChanged) throw blocked([{ code: 'sha256-mismatch', path: e.path }]);
    throw e;
  });
  await core.tx(async () => {
    core.record(actor, {
      action: 'exports:create',
      entityType: 'export',
      entityId: null,
      after: {
        name,
        kind: 'full',
        bytes: digests.bytes,
        sha256: digests.sha256,
        sm3: digests.sm3,
        counts,
        overrides,
      },
    });
  });
  return { name, file: target, manifest, ...digests };
}

/** What the province would count as incomplete in the record (upload-completeness.ts), every one of them. */
export async function incompleteOf(
  core: CoreState,
  rules: RuleContext,
  data: PackageData,
  job?: Job,
): Promise<PackageProblem[]> {
  const findings = new Map<number, ReviewFinding[]>();
  // Each file as its legal reviewer last signed it: a finding the reviewer overruled, with a reason, holds nothing back.
  const signed = new Map<number, ReviewDecisions>();
  for (const r of data.records.reviews) signed.set(r.caseId, r.decisions as ReviewDecisions);
  for (const [i, c] of data.records.cases.entries()) {
    job?.progress('check', i, data.records.cases.length);
    job?.checkpoint();
    const decisions = signed.get(c.id) ?? { judgements: {}, overruled: {} };
    findings.set(c.id, (await runReview(core, rules, c.id, decisions)).result.findings);
  }
  return completenessProblems({
    inspections: data.records.inspections,
    documents: data.records.documents,
    services: data.records.services,
    findings,
  });
}

/** Checks a package file with nothing but the file: what the receiving system (or the city) would run. */
export async function verifyPackageFile(file: string): Promise<PackageReport> {
  const index = new PackageIndex();
  return verifyPackage(file, {
    onLine: (p, line, text) => index.line(p, line, text),
    after: (files, manifest) => index.missing(files, manifest.counts),
  });
}
