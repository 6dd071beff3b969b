import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/entities/settings.ts';
import type { DB } from '../../db/schema.ts';

/**
 * 系统设置: the settings as stored over their defaults. Other modules read them here, with the
 * executor they are working in (inside a transaction, its own).
 */
export async function readSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson)]));
  return { ...DEFAULT_SETTINGS, ...stored };
}
