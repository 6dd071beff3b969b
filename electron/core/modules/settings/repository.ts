import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/entities/settings.ts';
import type { DB } from '../../db/schema.ts';

/**
 * 系统设置: the settings as stored over their defaults. A call reads them once, in its rule context
 * (rules.ts); work that runs outside any call (the daily backup) reads them here itself.
 */
export async function readSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson)]));
  return { ...DEFAULT_SETTINGS, ...stored };
}
