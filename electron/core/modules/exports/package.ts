import fs from 'node:fs';
import { type Readable, Transform } from 'node:stream';
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
  /** Called between files: throws to stop (a cancelled job), leaving nothing behind. */
  checkpoint?: () => void;
  progress?: (done: number, total: number) => void;
}

export async function writePackage(
  target: string,
  sources: PackageSource[],
  manifest: Omit<PackageManifest, 'files'>,
  opts: WriteOptions = {},
): Promise<{ manifest: PackageManifest; digests: Digests }> {
  const temp = `${target}.part-${process.pid}`;
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(temp);
  const written = pipeline(zip.outputStream as Readable, out);
  // The output must keep flowing while entries are added; its failure ends the writing below.
  written.catch(() => undefined);
  const files: PackageFile[] = [];
  try {
    for (const [i, s] of sources.entries()) {
      opts.checkpoint?.();
      const entry = { mtime: FIXED_TIME, mode: 0o100644, forceDosTimestamp: true, compress: !s.path.endsWith('.pdf') };
      if ('data' in s) {
        zip.addBuffer(s.data, s.path, entry);
        files.push({ path: s.path, ...(await digestBuffer(s.data)) });
      } else {
        // Digested on its way into the zip (one read of the file): the zip pulls the bytes through the digest, so
        // none flows past before the zip reads it.
        const d = await digester();
        const through = new Transform({
          transform(chunk: Buffer, _enc, done) {
            d.update(chunk);
            done(null, chunk);
          },
        });
        const ended = new Promise<void>((resolve, reject) => through.on('end', resolve).on('error', reject));
        zip.addReadStream(through, s.path, entry);
        fs.createReadStream(s.file)
          .on('error', (e) => through.destroy(e))
          .pipe(through);
        await ended;
        files.push({ path: s.path, ...d.digest() });
      }
      opts.progress?.(i + 1, sources.length);
    }
    const whole: PackageManifest = packageManifest.parse({ ...manifest, files });
    const text = Buffer.from(`${JSON.stringify(whole, null, 2)}\n`);
    zip.addBuffer(text, MANIFEST, { mtime: FIXED_TIME, mode: 0o100644, forceDosTimestamp: true });
    zip.end();
    await written;
    fs.renameSync(temp, target);
    return { manifest: whole, digests: await digestFileOnce(target) };
  } catch (e) {
    (zip.outputStream as Readable).destroy();
    out.destroy();
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

async function digestFileOnce(file: string): Promise<Digests> {
  const d = await digester();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) d.update(chunk as Buffer);
  return d.digest();
}

export interface VerifyLimits {
  /** Uncompressed bytes in all (a zip bomb is refused, not unpacked). */
  maxBytes: number;
  maxEntries: number;
  maxManifestBytes: number;
}

export const DEFAULT_LIMITS: VerifyLimits = {
  maxBytes: 8 * 1024 ** 3,
  maxEntries: 200_000,
  maxManifestBytes: 64 * 1024 ** 2,
};

/** Each line of a data file, as the check reads it: a hook for the record checks (schemas, references). */
export type LineVisitor = (file: string, line: number, text: string) => PackageProblem | null;

/**
 * Checks a package as the receiving system would, with no database: the manifest against its schema, every file
 * against the size and both digests the manifest gives, nothing missing and nothing unlisted. Reads the zip once,
 * each file as a stream.
 */
export async function verifyPackage(
  file: string,
  opts: {
    limits?: VerifyLimits;
    onLine?: LineVisitor;
    /** Checks that need every file read first (references to files), given each file's digests. */
    after?: (files: Map<string, Digests>) => PackageProblem[];
  } = {},
): Promise<PackageReport> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const problems: PackageProblem[] = [];
  const seen = new Map<string, Digests>();
  let manifestText: string | null = null;
  let total = 0;
  try {
    await readEntries(file, async (name, size, stream) => {
      total += size;
      if (seen.size > limits.maxEntries || total > limits.maxBytes)
        throw Object.assign(new Error('too large'), { tooLarge: true });
      if (name === MANIFEST) {
        if (size > limits.maxManifestBytes) throw Object.assign(new Error('too large'), { tooLarge: true });
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        manifestText = Buffer.concat(chunks).toString('utf8');
        return;
      }
      const d = await digester();
      const lines =
        opts.onLine && name.endsWith('.jsonl')
          ? new LineSplitter((n, text) => {
              const p = opts.onLine!(name, n, text);
              if (p) problems.push(p);
            })
          : null;
      for await (const c of stream) {
        d.update(c as Buffer);
        lines?.push(c as Buffer);
      }
      lines?.end();
      seen.set(name, d.digest());
    });
  } catch (e) {
    const tooLarge = (e as { tooLarge?: boolean }).tooLarge;
    return {
      ok: false,
      manifest: null,
      files: seen.size,
      bytes: total,
      problems: [
        { code: tooLarge ? 'too-large' : 'not-a-zip', path: null, detail: e instanceof Error ? e.message : String(e) },
      ],
    };
  }
  if (manifestText === null) return report(null, [{ code: 'manifest-missing', path: MANIFEST }]);
  let manifest: PackageManifest;
  try {
    const parsed = packageManifest.safeParse(JSON.parse(manifestText));
    if (!parsed.success)
      return report(null, [
        {
          code: 'manifest-invalid',
          path: MANIFEST,
          detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
      ]);
    manifest = parsed.data;
  } catch (e) {
    return report(null, [
      { code: 'manifest-invalid', path: MANIFEST, detail: e instanceof Error ? e.message : String(e) },
    ]);
  }
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const d = seen.get(f.path);
    if (!d) problems.push({ code: 'file-missing', path: f.path });
    else if (d.bytes !== f.bytes)
      problems.push({ code: 'size-mismatch', path: f.path, detail: `${d.bytes} ≠ ${f.bytes}` });
    else {
      if (d.sha256 !== f.sha256) problems.push({ code: 'sha256-mismatch', path: f.path });
      if (d.sm3 !== f.sm3) problems.push({ code: 'sm3-mismatch', path: f.path });
    }
  }
  for (const name of seen.keys()) if (!listed.has(name)) problems.push({ code: 'file-unlisted', path: name });
  problems.push(...(opts.after?.(seen) ?? []));
  return report(manifest, problems);

  function report(m: PackageManifest | null, found: PackageProblem[]): PackageReport {
    const all = m ? found : [...found, ...problems];
    return { ok: all.length === 0, manifest: m, files: seen.size, bytes: total, problems: all };
  }
}

/** Splits a stream of UTF-8 bytes into lines without holding the file: a line is decoded once it is whole. */
class LineSplitter {
  #rest = Buffer.alloc(0);
  #line = 0;
  readonly #onLine: (n: number, text: string) => void;
  constructor(onLine: (n: number, text: string) => void) {
    this.#onLine = onLine;
  }
  push(chunk: Buffer) {
    let data = this.#rest.length ? Buffer.concat([this.#rest, chunk]) : chunk;
    let at: number;
    while ((at = data.indexOf(0x0a)) >= 0) {
      this.#onLine(++this.#line, data.subarray(0, at).toString('utf8'));
      data = data.subarray(at + 1);
    }
    this.#rest = Buffer.from(data);
  }
  end() {
    if (this.#rest.length) this.#onLine(++this.#line, this.#rest.toString('utf8'));
    this.#rest = Buffer.alloc(0);
  }
}

function readEntries(
  file: string,
  visit: (name: string, size: number, stream: Readable) => Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
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
      zip.on('end', () => resolve()).on('error', fail);
      zip.readEntry();
    });
  });
}
