import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './db/snapshot.ts';

/**
 * Files (issued PDFs, scans, photos) live under files/, named by their SHA-256: the same bytes are
 * stored once, and a row's hash proves what it points at.
 */
export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function filePath(dataDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('not a sha-256');
  return path.join(dataDir, 'files', hash.slice(0, 2), hash);
}

export function storeFile(dataDir: string, data: Buffer): string {
  const hash = sha256(data);
  const file = filePath(dataDir, hash);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, data);
  }
  return hash;
}

/** Content types of what the app serves and stores: the built renderer, evidence, scans. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};
export function mimeTypeOf(fileName: string): string {
  return TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export function readFile(dataDir: string, hash: string): Buffer {
  const data = fs.readFileSync(filePath(dataDir, hash));
  if (sha256(data) !== hash) throw new Error(`stored file ${hash} does not match its hash`);
  return data;
}
