import { AppError } from '../../../../shared/base/errors.ts';
import type { SessionInfo } from '../../../../shared/api/contract.ts';
import type { User } from '../../../../shared/entities/user.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import { ROLE_PERMISSIONS } from '../../../../shared/base/roles.ts';
import type { CoreState, HandlerGroup, Session } from '../../context.ts';
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.ts';
import {
  DUMMY_HASH,
  hashSecret,
  newRecoveryCode,
  newToken,
  normalizeRecoveryCode,
  throttleSeconds,
  verifySecret,
} from './passwords.ts';
import { saveUnit } from '../unit/repository.ts';
import { rememberSetUp } from '../../installation.ts';
import { needsSetup, toUser } from './repository.ts';

function openSession(core: CoreState, user: User, settings: Settings): SessionInfo {
  const token = newToken();
  const session: Session = {
    token,
    userId: user.id,
    userName: user.displayName,
    role: user.role,
    lastSeen: core.now().getTime(),
    locked: false,
  };
  core.sessions.set(token, session);
  return sessionInfo(session, user, settings);
}

function sessionInfo(session: Session, user: User, { idleLockMinutes }: Settings): SessionInfo {
  return { token: session.token, user, permissions: [...ROLE_PERMISSIONS[user.role]], idleLockMinutes };
}

const byId = (id: number) => (db: Kysely<DB>) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

async function userById(core: CoreState, id: number): Promise<Selectable<UsersTable>> {
  const row = await byId(id)(core.store.db);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'user', id });
  return row;
}

type UserRow = Selectable<UsersTable>;
type FailCode = 'AUTH_BAD_CREDENTIALS' | 'AUTH_BAD_RECOVERY_CODE' | 'AUTH_WRONG_PASSWORD';

/**
 * Checks a secret for a user, with the growing wait after repeated misses. The attempt is claimed
 * (counted, and the next wait set as if it failed) in one transaction before the slow hash runs,
 * so guesses sent in parallel each count. Success clears the count.
 */
async function checkPassword(
  core: CoreState,
  find: (db: Kysely<DB>) => Promise<UserRow | undefined>,
  secret: string,
  hashOf: (r: UserRow) => string | null,
  failCode: FailCode,
): Promise<UserRow> {
  const now = core.now();
  const row = await core.tx(async (trx) => {
    const r = await find(trx);
    if (!r) return undefined;
    if (r.nextAttemptAt && r.nextAttemptAt > now.toISOString()) {
      throw new AppError('AUTH_THROTTLED', {
        retryAfterSeconds: Math.ceil((Date.parse(r.nextAttemptAt) - now.getTime()) / 1000),
      });
    }
    const failedAttempts = r.failedAttempts + 1;
    const wait = throttleSeconds(failedAttempts);
    await trx
      .updateTable('users')
      .set({ failedAttempts, nextAttemptAt: wait ? new Date(now.getTime() + wait * 1000).toISOString() : null })
      .where('id', '=', r.id)
      .execute();
    return r;
  });
  const stored = row ? hashOf(row) : null;
  const ok = await verifySecret(secret, stored ?? DUMMY_HASH);
  if (row && ok && stored && row.active === 1) {
    await core.store.db
      .updateTable('users')
      .set({ failedAttempts: 0, nextAttemptAt: null })
      .where('id', '=', row.id)
      .execute();
    return row;
  }
  throw new AppError(failCode);
}

/** Ends every session of a user (after a password, role or status change), except optionally the caller's own. */
function endSessions(core: CoreState, userId: number, keepToken?: string): void {
  for (const [token, s] of core.sessions) if (s.userId === userId && token !== keepToken) core.sessions.delete(token);
}

async function adminCount(db: Kysely<DB>, exceptId?: number): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export const setupHandlers: Pick<HandlerGroup<'setup'>, 'setup:initialize'> = {
  async 'setup:initialize'(input, { core, rules }) {
    if (!(await needsSetup(core.store.db, core.dataDir))) throw new AppError('SETUP_DONE');
    const passwordHash = await hashSecret(input.admin.password);
    const recoveryCode = newRecoveryCode();
    const recoveryHash = await hashSecret(recoveryCode);
    const at = core.now().toISOString();
    const user = await core.tx(async (trx) => {
      // Checked again inside the transaction: two first-run submissions must not both succeed.
      if (!(await needsSetup(trx, core.dataDir))) throw new AppError('SETUP_DONE');
      const row = await trx
        .insertInto('users')
        .values({
          username: input.admin.username,
          displayName: input.admin.displayName,
          role: 'admin',
          passwordHash,
          active: 1,
          recoveryHash,
          createdAt: at,
          lastSignInAt: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const created = toUser(row);
      const actor = { userId: created.id, userName: created.displayName };
      core.record(actor, { action: 'setup:initialize', entityType: 'user', entityId: created.id, after: created });
      await saveUnit(trx, core, actor, input.unit);
      if (input.finePaymentPlace)
        await trx
          .insertInto('settings')
          .values({ key: 'finePaymentPlace', valueJson: JSON.stringify(input.finePaymentPlace) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson: JSON.stringify(input.finePaymentPlace) }))
          .execute();
      return created;
    });
    rememberSetUp(core.dataDir, core.now());
    return { recoveryCode, session: openSession(core, user, rules.settings) };
  },
};

export const authHandlers: HandlerGroup<'auth'> = {
  async 'auth:sign-in'(input, { core, rules }) {
    const ok = await checkPassword(
      core,
      (db) => db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst(),
      input.password,
      (r) => r.passwordHash,
      'AUTH_BAD_CREDENTIALS',
    );
    const at = core.now().toISOString();
    await core.tx(async (trx) => {
      await trx.updateTable('users').set({ lastSignInAt: at }).where('id', '=', ok.id).execute();
      core.record(
        { userId: ok.id, userName: ok.displayName },
        { action: 'auth:sign-in', entityType: 'user', entityId: ok.id },
      );
    });
    return openSession(core, toUser({ ...ok, lastSignInAt: at }), rules.settings);
  },
  async 'auth:unlock'(input, { core, session, rules }) {
    const s = session!;
    const row = await checkPassword(core, byId(s.userId), input.password, (r) => r.passwordHash, 'AUTH_WRONG_PASSWORD');
    s.locked = false;
    s.lastSeen = core.now().getTime();
    return sessionInfo(s, toUser(row), rules.settings);
  },
  async 'auth:recover'(input, { core }) {
    const ok = await checkPassword(
      core,
      (db) =>
        db
          .selectFrom('users')
          .selectAll()
          .where('username', '=', input.username)
          .where('role', '=', 'admin')
          .executeTakeFirst(),
      normalizeRecoveryCode(input.recoveryCode),
      (r) => r.recoveryHash,
      'AUTH_BAD_RECOVERY_CODE',
    );
    const recoveryCode = newRecoveryCode();
    const [passwordHash, recoveryHash] = await Promise.all([hashSecret(input.newPassword), hashSecret(recoveryCode)]);
    await core.tx(async (trx) => {
      await trx.updateTable('users').set({ passwordHash, recoveryHash }).where('id', '=', ok.id).execute();
      core.record(
        { userId: ok.id, userName: ok.displayName },
        { action: 'auth:recover', entityType: 'user', entityId: ok.id },
      );
    });
    endSessions(core, ok.id);
    return { recoveryCode };
  },
  async 'auth:session'(_input, { core, session, rules }) {
    return sessionInfo(session!, toUser(await userById(core, session!.userId)), rules.settings);
  },
  async 'auth:sign-out'(_input, { core, session }) {
    core.sessions.delete(session!.token);
    return { ok: true };
  },
  async 'auth:change-password'(input, { core, session, actor }) {
    const row = await checkPassword(
      core,
      byId(session!.userId),
      input.oldPassword,
      (r) => r.passwordHash,
      'AUTH_WRONG_PASSWORD',
    );
    const passwordHash = await hashSecret(input.newPassword);
    await core.tx(async (trx) => {
      await trx.updateTable('users').set({ passwordHash }).where('id', '=', row.id).execute();
      core.record(actor, { action: 'auth:change-password', entityType: 'user', entityId: row.id });
    });
    // Other places this account is signed in (perhaps by whoever learnt the old password) end now.
    endSessions(core, row.id, session!.token);
    return { ok: true };
  },
};

export const userHandlers: HandlerGroup<'users'> = {
  async 'users:list'(_input, { core }) {
    return (await core.store.db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
  },
  async 'users:create'(input, { core, actor }) {
    const taken = await core.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw new AppError('USERNAME_TAKEN', { issues: [{ path: ['username'], key: 'errors.USERNAME_TAKEN' }] });
    const passwordHash = await hashSecret(input.password);
    return core.tx(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          active: 1,
          createdAt: core.now().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const user = toUser(row);
      core.record(actor, { action: 'users:create', entityType: 'user', entityId: user.id, after: user });
      return user;
    });
  },
  async 'users:update'(input, { core, actor }) {
    return core.tx(async (trx) => {
      const found = await byId(input.id)(trx);
      if (!found) throw new AppError('NOT_FOUND', { entity: 'user', id: input.id });
      const before = toUser(found);
      const losesAdmin = before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
      // Inside the transaction, so two admins demoting each other at once cannot both succeed.
      if (losesAdmin && (await adminCount(trx, input.id)) === 0) throw new AppError('LAST_ADMIN');
      const row = await trx
        .updateTable('users')
        .set({ displayName: input.displayName, role: input.role, active: input.active ? 1 : 0 })
        .where('id', '=', input.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toUser(row);
      core.record(actor, { action: 'users:update', entityType: 'user', entityId: after.id, before, after });
      // A changed role or a disabled account takes effect at once, not at the next sign-in.
      endSessions(core, after.id);
      return after;
    });
  },
  async 'users:reset-password'(input, { core, actor }) {
    await userById(core, input.id);
    const passwordHash = await hashSecret(input.password);
    await core.tx(async (trx) => {
      await trx
        .updateTable('users')
        .set({ passwordHash, failedAttempts: 0, nextAttemptAt: null })
        .where('id', '=', input.id)
        .execute();
      core.record(actor, { action: 'users:reset-password', entityType: 'user', entityId: input.id });
    });
    endSessions(core, input.id);
    return { ok: true };
  },
};
