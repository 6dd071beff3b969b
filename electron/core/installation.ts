import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './db/snapshot.ts';

/**
 * The data folder remembers that it was set up, apart from the database: the public first-run
 * channels (setup, data import) must never open again over a folder whose database someone emptied
 * or swapped, or anyone at the PC could make himself its administrator.
 */
const MARKER = 'installation.json';

export function wasSetUp(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, MARKER));
}

/** Written once a database with users is in place (setup, a data import, a start of an older installation). */
export function rememberSetUp(dataDir: string, at: Date): void {
  if (!wasSetUp(dataDir))
    writeFileAtomic(path.join(dataDir, MARKER), JSON.stringify({ setUpAt: at.toISOString() }, null, 2));
}
