import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { writeFileAtomic } from './snapshot.ts';

/**
 * Document numbers already handed out are never handed out again, even after a restore brings
 * back data from before them. The highest number of each series is written beside the database
 * before it is replaced, and applied to whatever database opens next — at once after the
 * replacement, or at the next start if a kill came first.
 */
const FILE = 'number-floors.json';

interface Floors {
  reason: string;
  floors: { series: string; year: number; floor: number }[];
}

export function saveFloors(dataDir: string, raw: Database.Database, reason: string): void {
  const floors = raw
    .prepare(
      `SELECT series, year, MAX(serial) AS floor FROM (
    SELECT series, year, serial FROM document_numbers UNION ALL SELECT series, year, floor FROM document_number_floors) GROUP BY series, year`,
    )
    .all() as Floors['floors'];
  if (floors.length) writeFileAtomic(path.join(dataDir, FILE), JSON.stringify({ reason, floors } satisfies Floors));
}

export function applyFloors(dataDir: string, raw: Database.Database, at: Date): void {
  const file = path.join(dataDir, FILE);
  if (!fs.existsSync(file)) return;
  const { reason, floors } = JSON.parse(fs.readFileSync(file, 'utf8')) as Floors;
  raw
    .transaction(() => {
      const upsert =
        raw.prepare(`INSERT INTO document_number_floors (series, year, floor, reason, recorded_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (series, year) DO UPDATE SET floor = MAX(floor, excluded.floor), reason = excluded.reason, recorded_at = excluded.recorded_at`);
      for (const f of floors) upsert.run(f.series, f.year, f.floor, reason, at.toISOString());
    })
    .immediate();
  fs.rmSync(file, { force: true });
}
