import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/base/errors.ts';
import { PackageIndex, DATA_FILES, evidencePath } from '../../../../shared/domain/package-checks.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageManifest,
  type PackageProblem,
  type PackageReport,
} from '../../../../shared/entities/export-package.ts';
import { RECORD_SCHEMAS, type RecordEntity } from '../../../../shared/entities/exports/records.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import type { CoreState } from '../../context.ts';
import { filePath } from '../../files.ts';
import type { Job } from '../../jobs/jobs.ts';
import { getUnit } from '../unit/repository.ts';
import { type PackageSource, verifyPackage, writePackage } from './package.ts';
import { readPackageData } from './records.ts';

/** The day in China (UTC+8, no daylight saving) of a UTC stamp. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

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
export async function exportFull(core: CoreState, actor: AuditActor, today: string, job?: Job): Promise<ExportResult> {
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
  const files = new Map<string, { sha256: string }>();
  for (const pdf of [...data.pdfs].sort((a, b) => a.path.localeCompare(b.path))) {
    sources.push({ path: pdf.path, file: filePath(core.dataDir, pdf.hash) });
    files.set(pdf.path, { sha256: pdf.hash });
  }
  for (const hash of [...data.evidence.keys()].sort()) {
    const file = filePath(core.dataDir, hash);
    // A stored file gone from the disk is reported with the record that names it, not packed as nothing.
    if (!fs.existsSync(file)) continue;
    sources.push({ path: evidencePath(hash), file });
    files.set(evidencePath(hash), { sha256: hash });
  }
  problems.push(...index.missing(files));
  if (problems.length)
    throw new AppError('EXPORT_BLOCKED', { problems: problems.slice(0, 200), count: problems.length });

  // As of the last change the record holds (its audit entry's China day), not the day it was packed: the same record
  // makes the same package on any day.
  const last = await core.store.db
    .selectFrom('auditLog')
    .select('at')
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
      auditHead: core.audit.head(),
      counts,
      overrides: [],
    },
    { checkpoint: () => job?.checkpoint(), progress: (done, total) => job?.progress('write', done, total) },
  );
  await core.tx(async () => {
    core.record(actor, {
      action: 'exports:create',
      entityType: 'export',
      entityId: null,
      after: { name, kind: 'full', bytes: digests.bytes, sha256: digests.sha256, sm3: digests.sm3, counts },
    });
  });
  return { name, file: target, manifest, ...digests };
}

/** Checks a package file with nothing but the file: what the receiving system (or the city) would run. */
export async function verifyPackageFile(file: string): Promise<PackageReport> {
  const index = new PackageIndex();
  return verifyPackage(file, {
    onLine: (p, line, text) => index.line(p, line, text),
    after: (files) => index.missing(files),
  });
}
