import fs from 'node:fs';
import { createSHA256, createSM3 } from 'hash-wasm';

/**
 * SHA-256 and SM3 (GB/T 32905) of the same bytes in one pass, by the same WebAssembly code in Node and in Electron
 * (Electron's BoringSSL has no SM3): fed chunk by chunk, so a large PDF never sits whole in memory.
 */
export interface Digests {
  bytes: number;
  sha256: string;
  sm3: string;
}

/**
 * A pair of hashers. Making one instantiates WebAssembly (milliseconds): a package of thousands of files takes one
 * and starts it again for each file (`reset`).
 */
export async function digester() {
  const [sha, sm] = await Promise.all([createSHA256(), createSM3()]);
  sha.init();
  sm.init();
  let bytes = 0;
  return {
    update(chunk: Uint8Array) {
      bytes += chunk.length;
      sha.update(chunk);
      sm.update(chunk);
    },
    digest(): Digests {
      return { bytes, sha256: sha.digest('hex'), sm3: sm.digest('hex') };
    },
    reset() {
      sha.init();
      sm.init();
      bytes = 0;
    },
  };
}

export async function digestBuffer(data: Uint8Array): Promise<Digests> {
  const d = await digester();
  d.update(data);
  return d.digest();
}

export async function digestFile(file: string): Promise<Digests> {
  const d = await digester();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) d.update(chunk as Buffer);
  return d.digest();
}
