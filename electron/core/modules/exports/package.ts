import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import {
  type PackageFile,
  type PackageManifest,
  type PackageProblem,
  type PackageReport,
  packageManifest,
} from '../../../../shared/entities/export-package.ts';
import { PARTIAL_PREFIX } from '../../db/snapshot.ts';
import { type Digests, digestBuffer, digester } from './digest.ts';

/**
 * The zip of an upload package: its files in the order given, each digested (SHA-256 and SM3) as it is written, then
 * manifest.json listing them. Written under a temporary name and renamed when whole: a kill leaves no package.
 * Byte for byte the same for the same files: every entry carries the same fixed time and mode, and nothing in it
 * depends on the clock or the time zone.
 */
export const MANIFEST = 'manifest.json';

/** 1980-01-01 00:00 in local time: what a DOS timestamp reads back as in every time zone (the zip format's epoch). */
const FIXED_TIME = new Date(1980, 0, 1);

export type PackageSource = { path: string; data: Buffer } | { path: string; file: string };

export interface WriteOptions {
  /** Called between files and before the package takes its name: throws to stop, leaving nothing behind. */
  checkpoint?: () => void;
  /** Stops a file being read (a large PDF) at once when aborted; the next checkpoint then throws. */
  signal?: AbortSignal;
  progress?: (done: number, total: number) => void;
  /** The SHA-256 each stored file must have: a file changed on the disk since it was stored stops the package. */
  expect?: Map<string, string>;
}

/** A file whose bytes are not those its record names (changed or damaged on the disk since it was stored). */
export class StoredFileChanged extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`stored file changed: ${path}`);
    this.path = path;
  }
}

export async function writePackage(
  target: string,
  sources: PackageSource[],
  manifest: Omit<PackageManifest, 'files'>,
  opts: WriteOptions = {},
): Promise<{ manifest: PackageManifest; digests: Digests }> {
  // Beside the target under a name the start-up clean-up knows (PARTIAL_PREFIX): a kill leaves nothing under a
  // package's name, and two exports at once never share a temporary file.
  const temp = path.join(path.dirname(target), `${PARTIAL_PREFIX}${randomUUID()}.zip`);
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(temp);
  // The package's own digests, taken as it is written: it is never read back.
  const whole = await digester();
  const written = pipeline(
    zip.outputStream as Readable,
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        whole.update(chunk);
        done(null, chunk);
      },
    }),
    out,
  );
  // When the output fails (a full disk), whatever waits on an entry hears it too, instead of waiting forever.
  const outputFailed = written.then(
    () => new Promise<never>(() => undefined),
    (e: unknown) => Promise.reject(e),
  );
  outputFailed.catch(() => undefined);
  let reading: fs.ReadStream | null = null;
  const abort = () => reading?.destroy(new Error('cancelled'));
  opts.signal?.addEventListener('abort', abort);
  const files: PackageFile[] = [];
  const fileDigests = await digester();
  try {
    for (const [i, s] of sources.entries()) {
      opts.checkpoint?.();
      const entry = { mtime: FIXED_TIME, mode: 0o100644, forceDosTimestamp: true, compress: !s.path.endsWith('.pdf') };
      let digests: Digests;
      if ('data' in s) {
        zip.addBuffer(s.data, s.path, entry);
        digests = await digestBuffer(s.data);
      } else {
        // Digested on its way into the zip (one read of the file): the zip pulls the bytes through the digest, so
        // none flows past before the zip reads it.
        const d = fileDigests;
        d.reset();
        const through = new Transform({
          transform(chunk: Buffer, _enc, done) {
            d.update(chunk);
            done(null, chunk);
          },
        });
        const ended = new Promise<void>((resolve, reject) => through.on('end', resolve).on('error', reject));
        zip.addReadStream(through, s.path, entry);
        reading = fs.createReadStream(s.file, { highWaterMark: 1 << 20 });
        reading.on('error', (e) => through.destroy(e)).pipe(through);
        await Promise.race([ended, outputFailed]);
        reading = null;
        digests = d.digest();
      }
      const expected = opts.expect?.get(s.path);
      if (expected && expected !== digests.sha256) throw new StoredFileChanged(s.path);
      files.push({ path: s.path, ...digests });
      opts.progress?.(i + 1, sources.length);
    }
    const listed: PackageManifest = packageManifest.parse({ ...manifest, files });
    const text = Buffer.from(`${JSON.stringify(listed, null, 2)}\n`);
    zip.addBuffer(text, MANIFEST, { mtime: FIXED_TIME, mode: 0o100644, forceDosTimestamp: true });
    zip.end();
    await written;
    opts.checkpoint?.();
    fs.renameSync(temp, target);
    return { manifest: listed, digests: whole.digest() };
  } catch (e) {
    reading?.destroy();
    (zip.outputStream as Readable).destroy();
    // Removed once the file is closed: removing it before the stream opened it would leave an empty one behind.
    await written.catch(() => undefined);
    fs.rmSync(temp, { force: true });
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
}

export interface VerifyLimits {
  /** Uncompressed bytes in all (a zip bomb is refused, not unpacked). */
  maxBytes: number;
  /** Entries in the zip, folders included. */
  maxEntries: number;
  maxManifestBytes: number;
  /** A record's line: a data file that never breaks a line is not held whole. */
  maxLineBytes: number;
  /** Problems listed (all are counted): a package broken everywhere is reported, not repeated. */
  maxProblems: number;
}

export const DEFAULT_LIMITS: VerifyLimits = {
  maxBytes: 8 * 1024 ** 3,
  maxEntries: 200_000,
  maxManifestBytes: 64 * 1024 ** 2,
  maxLineBytes: 16 * 1024 ** 2,
  maxProblems: 200,
};

/** Each line of a data file, as the check reads it: a hook for the record checks (schemas, references). */
export type LineVisitor = (file: string, line: number, text: string) => PackageProblem | null;

class TooLarge extends Error {}

/**
 * Checks a package as the receiving system would, with no database: the manifest against its schema, every file
 * against the size and both digests the manifest gives, nothing missing, nothing unlisted, no name twice. Reads the
 * zip once, each file as a stream.
 */
export async function verifyPackage(
  file: string,
  opts: {
    limits?: VerifyLimits;
    onLine?: LineVisitor;
    /** Checks that need every file read first (references to files, the counts), given the digests and the manifest. */
    after?: (files: Map<string, Digests>, manifest: PackageManifest) => PackageProblem[];
  } = {},
): Promise<PackageReport> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const problems: PackageProblem[] = [];
  const seen = new Map<string, Digests>();
  let manifestText: string | null = null;
  let total = 0;
  const add = (p: PackageProblem) => problems.push(p);
  const entryDigests = await digester();
  try {
    await readEntries(file, limits.maxEntries, async (name, size, stream) => {
      total += size;
      if (total > limits.maxBytes || (name === MANIFEST && size > limits.maxManifestBytes)) {
        stream.destroy();
        throw new TooLarge(`${total}`);
      }
      // A name twice: a reader would take one copy or the other; the check never guesses which.
      if (seen.has(name) || (name === MANIFEST && manifestText !== null)) {
        stream.destroy();
        add({ code: 'file-duplicate', path: name });
        return;
      }
      if (name === MANIFEST) {
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        manifestText = Buffer.concat(chunks).toString('utf8');
        return;
      }
      const d = entryDigests;
      d.reset();
      const lines =
        opts.onLine && name.endsWith('.jsonl')
          ? new LineSplitter(limits.maxLineBytes, (n, text) => {
              const p =
                text === null
                  ? { code: 'record-invalid' as const, path: name, line: n, detail: 'line too long' }
                  : opts.onLine!(name, n, text);
              if (p) add(p);
            })
          : null;
      // The zip hands over small chunks; the digests take them a megabyte at a time (each call into WebAssembly has
      // its cost), which keeps the check close to the time of hashing alone.
      let batch: Buffer[] = [];
      let batched = 0;
      for await (const c of stream) {
        batch.push(c as Buffer);
        batched += (c as Buffer).length;
        if (batched >= 1 << 20) {
          d.update(Buffer.concat(batch, batched));
          batch = [];
          batched = 0;
        }
        lines?.push(c as Buffer);
      }
      if (batched) d.update(Buffer.concat(batch, batched));
      lines?.end();
      seen.set(name, d.digest());
    });
  } catch (e) {
    const tooLarge = e instanceof TooLarge;
    return finish(null, [
      { code: tooLarge ? 'too-large' : 'not-a-zip', path: null, detail: e instanceof Error ? e.message : String(e) },
    ]);
  }
  if (manifestText === null) return finish(null, [{ code: 'manifest-missing', path: MANIFEST }, ...problems]);
  let manifest: PackageManifest;
  try {
    const parsed = packageManifest.safeParse(JSON.parse(manifestText));
    if (!parsed.success)
      return finish(null, [
        {
          code: 'manifest-invalid',
          path: MANIFEST,
          detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
        ...problems,
      ]);
    manifest = parsed.data;
  } catch (e) {
    return finish(null, [
      { code: 'manifest-invalid', path: MANIFEST, detail: e instanceof Error ? e.message : String(e) },
      ...problems,
    ]);
  }
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (listed.has(f.path)) add({ code: 'file-duplicate', path: f.path });
    listed.add(f.path);
    const d = seen.get(f.path);
    if (!d) add({ code: 'file-missing', path: f.path });
    else if (d.bytes !== f.bytes) add({ code: 'size-mismatch', path: f.path, detail: `${d.bytes} ≠ ${f.bytes}` });
    else {
      if (d.sha256 !== f.sha256) add({ code: 'sha256-mismatch', path: f.path });
      if (d.sm3 !== f.sm3) add({ code: 'sm3-mismatch', path: f.path });
    }
  }
  for (const name of seen.keys()) if (!listed.has(name)) add({ code: 'file-unlisted', path: name });
  problems.push(...(opts.after?.(seen, manifest) ?? []));
  return finish(manifest, problems);

  function finish(m: PackageManifest | null, found: PackageProblem[]): PackageReport {
    return {
      ok: found.length === 0,
      manifest: m,
      files: seen.size,
      bytes: total,
      problemCount: found.length,
      problems: found.slice(0, limits.maxProblems),
    };
  }
}

/**
 * Splits a stream of UTF-8 bytes into lines without holding the file: a line is decoded once it is whole; one longer
 * than the limit is reported (text null) and skipped to its end, never gathered.
 */
class LineSplitter {
  #parts: Buffer[] = [];
  #length = 0;
  #tooLong = false;
  #line = 0;
  readonly #max: number;
  readonly #onLine: (n: number, text: string | null) => void;
  constructor(max: number, onLine: (n: number, text: string | null) => void) {
    this.#max = max;
    this.#onLine = onLine;
  }
  push(chunk: Buffer) {
    let data = chunk;
    let at: number;
    while ((at = data.indexOf(0x0a)) >= 0) {
      this.#take(data.subarray(0, at));
      this.#emit();
      data = data.subarray(at + 1);
    }
    this.#take(data);
  }
  end() {
    if (this.#length || this.#tooLong) this.#emit();
  }
  #take(part: Buffer) {
    if (!part.length || this.#tooLong) return;
    if (this.#length + part.length > this.#max) {
      this.#tooLong = true;
      this.#parts = [];
      this.#length = 0;
      return;
    }
    this.#parts.push(Buffer.from(part));
    this.#length += part.length;
  }
  #emit() {
    this.#onLine(++this.#line, this.#tooLong ? null : Buffer.concat(this.#parts).toString('utf8'));
    this.#parts = [];
    this.#length = 0;
    this.#tooLong = false;
  }
}

/**
 * The package read a megabyte at a time. yauzl's own file reader asks for 16 KiB at once, one read after another, so
 * the check waited on the disk a quarter of its time (measured on the 237 MB bench package): read ahead in large
 * pieces, the disk keeps up with the hashing.
 */
/** Bytes start…end of an open file, a megabyte a read; the file stays open (the reader closes it, once). */
class RangeStream extends Readable {
  #pos: number;
  readonly #end: number;
  readonly #fd: number;
  constructor(fd: number, start: number, end: number) {
    super({ highWaterMark: 1 << 20 });
    this.#fd = fd;
    this.#pos = start;
    this.#end = end;
  }
  override _read(): void {
    const length = Math.min(1 << 20, this.#end - this.#pos);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    // Read at once: a trip through the thread pool for each of a package's thousands of headers and small files kept
    // the check waiting a quarter of its time; a megabyte from the disk costs less than hashing it on this thread.
    let read: number;
    try {
      read = fs.readSync(this.#fd, buffer, 0, length, this.#pos);
    } catch (e) {
      this.destroy(e as Error);
      return;
    }
    if (read === 0) {
      this.push(null);
      return;
    }
    this.#pos += read;
    this.push(buffer.subarray(0, read));
  }
}

class FileReader extends yauzl.RandomAccessReader {
  readonly #fd: number;
  constructor(file: string) {
    super();
    this.#fd = fs.openSync(file, 'r');
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.#fd, start, end);
  }
  #closed = false;
  override close(callback: (err: Error | null) => void): void {
    if (this.#closed) return callback(null);
    this.#closed = true;
    fs.close(this.#fd, (e) => callback(e ?? null));
  }
}

function readEntries(
  file: string,
  maxEntries: number,
  visit: (name: string, size: number, stream: Readable) => Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let reader: FileReader;
    let size: number;
    try {
      size = fs.statSync(file).size;
      reader = new FileReader(file);
    } catch (e) {
      return reject(e);
    }
    // Closed here when done, not by yauzl between two entries (its count of open streams drops to none there).
    const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false };
    yauzl.fromRandomAccessReader(reader, size, options, (err, zip) => {
      // Not a zip: nothing will close the file but this.
      if (err || !zip) return reader.close(() => reject(err ?? new Error('zip')));
      // Counted from the central directory before anything is read.
      if (zip.entryCount > maxEntries) {
        zip.close();
        return reject(new TooLarge(`${zip.entryCount} entries`));
      }
      const fail = (e: unknown) => {
        zip.close();
        reject(e);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(e ?? new Error('zip entry'));
          visit(entry.fileName, entry.uncompressedSize, stream).then(() => zip.readEntry(), fail);
        });
      });
      zip
        .on('end', () => {
          zip.close();
          resolve();
        })
        .on('error', fail);
      zip.readEntry();
    });
  });
}
