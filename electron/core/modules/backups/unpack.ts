import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../../../shared/base/errors.ts';
import { checkDatabase, type DatabaseCheck } from '../../db/snapshot.ts';

/**
 * Reading a data package (a whole installation moved to a new PC) without trusting it: only what its manifest lists
 * is written, each entry streams to disk under caps checked before a byte is written (its declared size, the
 * package's expansion, the free disk) and again as it streams, and each is hashed on the way. A package bomb — a few
 * kilobytes that inflate to gigabytes — is refused from its directory alone, and memory stays at one chunk whatever
 * the package holds. It runs in the file worker (documents/worker.ts), so neither the unpacking nor the database's
 * integrity check holds up the thread that answers the window.
 */
export const DATA_PACKAGE_LIMITS = {
  /** Entries in the zip's directory, listed or not. */
  entries: 200_000,
  manifestBytes: 8 * 1024 ** 2,
  databaseBytes: 8 * 1024 ** 3,
  /** One stored file: a scan, a photo, an issued PDF. */
  fileBytes: 1024 ** 3,
  /**
   * All entries together, at most this many times the package plus `floorBytes`. A database compresses about 5:1 and
   * scans and photos not at all; a deflate bomb reaches 1000:1.
   */
  expansion: 50,
  floorBytes: 256 * 1024 ** 2,
  /** Left free on the disk after unpacking: the database must still be able to grow. */
  spareDiskBytes: 256 * 1024 ** 2,
} as const;

export const PACKAGE_FORMAT = 'enforcement-desk-data';
/** A stored file's place under files/, named by its SHA-256: the package's bytes must hash to it. */
export const STORED = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;
const HASH = /^[0-9a-f]{64}$/;

export interface UnpackedPackage {
  /** The stored files, each at `stage/<rel>`, by their place under files/. */
  files: string[];
  auditHead: string | null;
  check: DatabaseCheck;
}

const bad = (reason: string, details: Record<string, unknown> = {}) =>
  new AppError('DATA_PACKAGE_BAD', { reason: `dataPackage.${reason}`, ...details });
const diskError = (e: unknown) =>
  (e as NodeJS.ErrnoException).code === 'ENOSPC'
    ? bad('noSpace')
    : bad('unreadable', { check: (e as NodeJS.ErrnoException).code ?? String(e) });

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject((err as NodeJS.ErrnoException | null)?.code ? diskError(err) : bad('notZip')) : resolve(zip),
    ),
  );
}

/** The directory only: no entry is inflated here. */
function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    // Counted from the end record before any entry is read.
    if (zip.entryCount > DATA_PACKAGE_LIMITS.entries) return reject(bad('tooManyEntries'));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= DATA_PACKAGE_LIMITS.entries) return reject(bad('tooManyEntries'));
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(bad('notZip')));
    zip.readEntry();
  });
}

/** One entry streamed into `to` (created exclusively), stopped at `cap` bytes; its SHA-256. */
async function inflateTo(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  to: string | null,
  cap: number,
): Promise<Buffer | string> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(bad('notZip')) : resolve(s))),
  );
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > cap) return done(bad('tooLarge', { entry: entry.fileName }));
      hash.update(chunk);
      if (to === null) kept.push(chunk);
      done(null, to === null ? undefined : chunk);
    },
  });
  try {
    if (to === null) await pipeline(stream, counter);
    else await pipeline(stream, counter, fs.createWriteStream(to, { flags: 'wx' }));
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The disk's refusal (full, not writable) is the disk's; anything else is yauzl's own check: the bytes inflated
    // differ from what the directory declared.
    if ((e as NodeJS.ErrnoException).syscall) throw diskError(e);
    throw bad('hashMismatch', { entry: entry.fileName });
  }
  return to === null ? Buffer.concat(kept) : hash.digest('hex');
}

/**
 * Unpacks the package at `zipFile`: its database to `dbFile`, its stored files under `stage`, both created here, and
 * checks the database as one this app set up. Throws DATA_PACKAGE_BAD with the reason; what it wrote is the caller's
 * to remove either way.
 */
export async function unpackDataPackage(zipFile: string, dbFile: string, stage: string): Promise<UnpackedPackage> {
  const zip = await openZip(zipFile);
  try {
    const entries = await listEntries(zip);
    const manifestEntry = entries.get('manifest.json');
    if (!manifestEntry || manifestEntry.uncompressedSize > DATA_PACKAGE_LIMITS.manifestBytes) throw bad('noManifest');
    let manifest: { format?: unknown; entries?: unknown; auditHead?: unknown };
    try {
      manifest = JSON.parse(
        ((await inflateTo(zip, manifestEntry, null, DATA_PACKAGE_LIMITS.manifestBytes)) as Buffer).toString('utf8'),
      );
    } catch (e) {
      if (e instanceof AppError && (e.details as { reason?: string })?.reason !== 'dataPackage.hashMismatch') throw e;
      throw bad('noManifest');
    }
    if (manifest?.format !== PACKAGE_FORMAT || !manifest.entries || typeof manifest.entries !== 'object')
      throw bad('noManifest');
    const listed = Object.entries(manifest.entries as Record<string, unknown>);
    if (!listed.some(([name]) => name === 'enforce.db')) throw bad('noDatabase');
    // Every listed entry is one of ours by name, hashed, present, and within its cap, before anything is written.
    let total = 0;
    for (const [name, hash] of listed) {
      if (name !== 'enforce.db' && !(name.startsWith('files/') && STORED.test(name.slice(6))))
        throw bad('unexpectedEntry', { entry: name });
      if (typeof hash !== 'string' || !HASH.test(hash)) throw bad('noManifest');
      const entry = entries.get(name);
      if (!entry) throw bad('hashMismatch', { entry: name });
      const cap = name === 'enforce.db' ? DATA_PACKAGE_LIMITS.databaseBytes : DATA_PACKAGE_LIMITS.fileBytes;
      if (entry.uncompressedSize > cap) throw bad('tooLarge', { entry: name });
      total += entry.uncompressedSize;
    }
    const packageBytes = fs.statSync(zipFile).size;
    if (total > DATA_PACKAGE_LIMITS.floorBytes + DATA_PACKAGE_LIMITS.expansion * packageBytes)
      throw bad('expandsTooMuch');
    const disk = fs.statfsSync(path.dirname(dbFile));
    if (disk.bavail * disk.bsize < total + DATA_PACKAGE_LIMITS.spareDiskBytes) throw bad('noSpace');

    fs.mkdirSync(stage, { recursive: true });
    const files: string[] = [];
    for (const [name, hash] of listed) {
      const entry = entries.get(name)!;
      const rel = name === 'enforce.db' ? null : name.slice(6);
      let to = dbFile;
      if (rel) {
        to = path.join(stage, ...rel.split('/'));
        fs.mkdirSync(path.dirname(to), { recursive: true });
      }
      // Stopped at the declared size: yauzl checks that the bytes end there too.
      if ((await inflateTo(zip, entry, to, entry.uncompressedSize)) !== hash)
        throw bad('hashMismatch', { entry: name });
      if (rel) {
        // A stored file's name is its hash: a manifest that agrees with an altered file still cannot rename it.
        if (rel.slice(3) !== hash) throw bad('hashMismatch', { entry: name });
        files.push(rel);
      }
    }
    if (fs.statSync(dbFile).size === 0) throw bad('emptyDatabase');
    const auditHead = typeof manifest.auditHead === 'string' ? manifest.auditHead : null;
    // A package always carries a set-up installation: it is how one moves to a new PC.
    let check: DatabaseCheck;
    try {
      check = checkDatabase(dbFile, auditHead);
    } catch {
      // Whole pages, our tables by name, but not as we made them (a crafted audit log): not ours.
      throw bad('corrupt');
    }
    return { files, auditHead, check };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw diskError(e);
  } finally {
    zip.close();
  }
}
