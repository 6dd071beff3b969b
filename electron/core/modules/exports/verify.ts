import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackageReport } from '../../../../shared/entities/export-package.ts';
import { PackageIndex, TYPICAL_CASE_ELSEWHERE } from '../../../../shared/domain/package-checks.ts';
import { sha256 } from '../plans/draws.ts';
import { verifyPackage } from './package.ts';
import { joinVolumes } from './volumes.ts';

/**
 * Checks a package file with nothing but the file: what the receiving system (or the city) would run. Given the first
 * volume of a set (x.zip.001), the volumes are joined in order first.
 */
export async function verifyPackageFile(file: string): Promise<PackageReport> {
  if (/\.zip\.001$/.test(file)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'volumes-'));
    try {
      const joined = path.join(dir, 'package.zip');
      joinVolumes(file, joined);
      return await verifyPackageFile(joined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const index = new PackageIndex({ sha256 });
  return verifyPackage(file, {
    onLine: (p, line, text) => index.line(p, line, text),
    // An increment holds what changed since its base: records it names may be there. A 典型案例 package holds one case
    // (what else it names is in the full package); an older format, the data files it had.
    after: (files, manifest) =>
      index.missing(files, manifest.counts, {
        partial: manifest.base !== null ? true : manifest.kind === 'typical-case' ? TYPICAL_CASE_ELSEWHERE : false,
        formatVersion: manifest.formatVersion,
      }),
  });
}
