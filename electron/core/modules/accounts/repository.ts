import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../../../shared/base/roles.ts';
import type { User } from '../../../../shared/entities/user.ts';
import type { DB, UsersTable } from '../../db/schema.ts';
import { wasSetUp } from '../../installation.ts';

/** 用户: what other modules may read of the accounts. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    active: row.active === 1,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

/**
 * An installation is set up once it has any user, and once set up it stays so: the data folder
 * remembers (installation.ts), whatever later happens to the database. (Not "has an admin":
 * demoting admins must never reopen the public first-run channels over live data.)
 */
export async function needsSetup(db: Kysely<DB>, dataDir: string): Promise<boolean> {
  if (wasSetUp(dataDir)) return false;
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}
