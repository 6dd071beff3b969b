import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/base/errors.ts';
import type { DB } from './schema.ts';

/** SQLITE_BUSY and its extended codes: another process holds the write lock. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const ATTEMPTS = 3;

/**
 * A write transaction (begun IMMEDIATE by the dialect, so it waits busy_timeout for another
 * process's writer). Still refused past that wait, it is tried again a bounded number of times —
 * only while it has not begun, so nothing runs twice — and then fails with a clear DB_BUSY.
 */
export async function writeTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let began = false;
    try {
      return await db.transaction().execute((trx) => {
        began = true;
        return fn(trx);
      });
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (began || attempt >= ATTEMPTS) throw new AppError('DB_BUSY');
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.floor(Math.random() * 50)));
    }
  }
}
