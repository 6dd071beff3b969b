import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Digests, digester } from './digest.ts';
import { PARTIAL_PREFIX } from '../../db/snapshot.ts';

/**
 * A package too large for a portal's upload, cut into volumes of at most the configured size: 上报包.zip.001, .002…,
 * the numbered volumes 7-Zip, WinRAR and 360压缩 open as one archive. Joined in order they are the package byte for
 * byte, so its own digests (and the manifest inside it) still prove it; each volume has its own digests too, for the
 * upload's receipt. Each volume is written under a temporary name and renamed when whole.
 */
export interface Volume extends Digests {
  name: string;
}

/** The name of the n-th volume (from 1) of a package. */
export const volumeName = (pkg: string, n: number) => `${pkg}.${String(n).padStart(3, '0')}`;

/** Cuts a package into volumes beside it; none when it fits in one. */
export async function splitVolumes(file: string, size: number): Promise<Volume[]> {
  const total = fs.statSync(file).size;
  if (total <= size) return [];
  const dir = path.dirname(file);
  const out: Volume[] = [];
  const fd = fs.openSync(file, 'r');
  const made: string[] = [];
  try {
    const d = await digester();
    const chunk = Buffer.allocUnsafe(Math.min(size, 1 << 20));
    for (let at = 0, n = 1; at < total; n++) {
      const name = volumeName(path.basename(file), n);
      const temp = path.join(dir, `${PARTIAL_PREFIX}${randomUUID()}.zip`);
      const w = fs.openSync(temp, 'w');
      d.reset();
      try {
        const end = Math.min(total, at + size);
        while (at < end) {
          const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at);
          // The package shrank under us: never a volume set that is not the package.
          if (read === 0) throw new Error(`package shorter than ${total} bytes`);
          fs.writeSync(w, chunk, 0, read);
          d.update(chunk.subarray(0, read));
          at += read;
        }
        fs.fsyncSync(w);
      } catch (e) {
        fs.closeSync(w);
        fs.rmSync(temp, { force: true });
        throw e;
      }
      fs.closeSync(w);
      fs.renameSync(temp, path.join(dir, name));
      made.push(path.join(dir, name));
      out.push({ name, ...d.digest() });
    }
    return out;
  } catch (e) {
    for (const f of made) fs.rmSync(f, { force: true });
    throw e;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The volumes of a set, from its first (x.zip.001): every volume after it in order, until one is missing. Joined into
 * `target`, they are the package to check.
 */
export function joinVolumes(first: string, target: string): string[] {
  const base = first.replace(/\.001$/, '');
  const parts: string[] = [];
  for (let n = 1; fs.existsSync(volumeName(base, n)); n++) parts.push(volumeName(base, n));
  const w = fs.openSync(target, 'w');
  const chunk = Buffer.allocUnsafe(1 << 20);
  try {
    // A megabyte at a time: a volume may be as large as a portal takes, never held whole.
    for (const p of parts) {
      const r = fs.openSync(p, 'r');
      try {
        for (let read; (read = fs.readSync(r, chunk, 0, chunk.length, null)) > 0;) fs.writeSync(w, chunk, 0, read);
      } finally {
        fs.closeSync(r);
      }
    }
  } finally {
    fs.closeSync(w);
  }
  return parts;
}
