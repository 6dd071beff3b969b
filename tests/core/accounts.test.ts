import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { ADMIN_PASSWORD, call, failure, newCore, setUp, UNIT } from '../support/core.ts';

let core: Core;
afterEach(() => core?.close());

function clockAt(start: string) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('first run, sign-in and sessions', () => {
  it('sets up once: admin, unit profile and a one-time recovery code', async () => {
    core = await newCore();
    expect((await call(core, 'app:info', {})).needsSetup).toBe(true);
    const r = await call(core, 'setup:initialize', {
      admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
      unit: UNIT,
      // Asked at setup (issue 18), so the first 决定书 finds it.
      finePaymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）',
    });
    expect((await call(core, 'settings:get', {}, r.session.token)).finePaymentPlace).toBe(
      '宣汉县农村信用合作联社（账号：88010120000012345）',
    );
    expect(r.recoveryCode).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$/);
    expect(await call(core, 'unit:get', {}, r.session.token)).toMatchObject({
      agencyName: '宣汉县应急管理局',
      numberPrefix: '宣应急',
      postalCode: '',
    });
    expect(
      await failure(core, 'setup:initialize', {
        admin: { username: 'xy', displayName: 'x', password: ADMIN_PASSWORD },
        unit: UNIT,
      }),
    ).toMatchObject({ code: 'SETUP_DONE' });
    const info = await call(core, 'app:info', {});
    expect(info).toMatchObject({ needsSetup: false, unitName: '宣汉县应急管理局' });
  });

  it('validates the unit profile at the contract (region code, phone)', async () => {
    core = await newCore();
    const err = await failure(core, 'setup:initialize', {
      admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
      unit: { ...UNIT, regionCode: '51172', phone: '12' },
    });
    expect(err.details?.issues?.map((i) => i.key).sort()).toEqual(['validation.phone', 'validation.regionCode']);
    expect(
      await failure(core, 'setup:initialize', {
        admin: { username: 'admin', displayName: '管理员', password: 'abc1' },
        unit: UNIT,
      }),
    ).toMatchObject({ details: { issues: [{ path: ['admin', 'password'], key: 'validation.password.short' }] } });
  });

  it('slows down repeated failures and names the wait', async () => {
    const clock = clockAt('2026-11-22T02:00:00Z');
    core = await newCore({ clock: clock.now });
    await setUp(core);
    for (let i = 0; i < 3; i++)
      expect(await failure(core, 'auth:sign-in', { username: 'admin', password: 'wrong' })).toMatchObject({
        code: 'AUTH_BAD_CREDENTIALS',
      });
    expect(await failure(core, 'auth:sign-in', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({
      code: 'AUTH_THROTTLED',
      details: { retryAfterSeconds: 1 },
    });
    clock.advance(1500);
    expect(await failure(core, 'auth:sign-in', { username: 'admin', password: 'wrong' })).toMatchObject({
      code: 'AUTH_BAD_CREDENTIALS',
    });
    expect(await failure(core, 'auth:sign-in', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({
      code: 'AUTH_THROTTLED',
      details: { retryAfterSeconds: 2 },
    });
    clock.advance(2500);
    expect((await call(core, 'auth:sign-in', { username: 'admin', password: ADMIN_PASSWORD })).user.role).toBe('admin');
    expect(await failure(core, 'auth:sign-in', { username: 'nobody', password: 'x' })).toMatchObject({
      code: 'AUTH_BAD_CREDENTIALS',
    });
  });

  it('counts guesses sent in parallel: the wait applies to all of them', async () => {
    core = await newCore();
    await setUp(core);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => core.dispatch('auth:sign-in', { username: 'admin', password: 'wrong' })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'AUTH_BAD_CREDENTIALS')).toHaveLength(3);
    expect(codes.filter((c) => c === 'AUTH_THROTTLED')).toHaveLength(9);
  });

  it('never reopens first-run setup once there are users, even with no admin left', async () => {
    core = await newCore();
    const token = await setUp(core);
    const second = await call(
      core,
      'users:create',
      { username: 'admin2', displayName: '副管理员', role: 'admin', password: 'pass12345' },
      token,
    );
    const first = (await call(core, 'users:list', {}, token))[0];
    // Both admins demote each other at once: one must be refused.
    const token2 = (await call(core, 'auth:sign-in', { username: 'admin2', password: 'pass12345' })).token;
    const r = await Promise.all([
      core.dispatch('users:update', { id: second.id, displayName: '副管理员', role: 'clerk', active: true }, { token }),
      core.dispatch(
        'users:update',
        { id: first.id, displayName: '管理员', role: 'clerk', active: true },
        { token: token2 },
      ),
    ]);
    expect(r.filter((x) => x.ok)).toHaveLength(1);
    expect((await call(core, 'app:info', {})).needsSetup).toBe(false);
    expect(
      await failure(core, 'setup:initialize', {
        admin: { username: 'intruder', displayName: 'x', password: ADMIN_PASSWORD },
        unit: UNIT,
      }),
    ).toMatchObject({ code: 'SETUP_DONE' });
  });

  it('lets only one of two simultaneous first-run submissions through', async () => {
    core = await newCore();
    const input = (u: string) => ({ admin: { username: u, displayName: u, password: ADMIN_PASSWORD }, unit: UNIT });
    const r = await Promise.all([
      core.dispatch('setup:initialize', input('aa')),
      core.dispatch('setup:initialize', input('bb')),
    ]);
    expect(r.filter((x) => x.ok)).toHaveLength(1);
    expect(r.find((x) => !x.ok)).toMatchObject({ error: { code: 'SETUP_DONE' } });
  });

  it('ends a user’s other sessions when the password is reset or changed', async () => {
    core = await newCore();
    const admin = await setUp(core);
    const user = await call(
      core,
      'users:create',
      { username: 'li', displayName: '李华', role: 'clerk', password: 'pass12345' },
      admin,
    );
    const a = (await call(core, 'auth:sign-in', { username: 'li', password: 'pass12345' })).token;
    await call(core, 'users:reset-password', { id: user.id, password: 'new12345x' }, admin);
    expect(await failure(core, 'enterprises:search', {}, a)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const b = (await call(core, 'auth:sign-in', { username: 'li', password: 'new12345x' })).token;
    const c = (await call(core, 'auth:sign-in', { username: 'li', password: 'new12345x' })).token;
    await call(core, 'auth:change-password', { oldPassword: 'new12345x', newPassword: 'other1234' }, b);
    await call(core, 'enterprises:search', {}, b);
    expect(await failure(core, 'enterprises:search', {}, c)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('locks an idle session; only the password unlocks it', async () => {
    const clock = clockAt('2026-11-22T02:00:00Z');
    core = await newCore({ clock: clock.now });
    const token = await setUp(core);
    await call(core, 'settings:update', { idleLockMinutes: 5, backupKeep: 14, certExpiryWarningDays: 60 }, token);
    clock.advance(4 * 60_000);
    await call(core, 'enterprises:search', {}, token);
    clock.advance(5 * 60_000 + 1);
    expect(await failure(core, 'enterprises:search', {}, token)).toMatchObject({ code: 'SESSION_LOCKED' });
    expect(await failure(core, 'auth:unlock', { password: 'wrong' }, token)).toMatchObject({
      code: 'AUTH_WRONG_PASSWORD',
    });
    await call(core, 'auth:unlock', { password: ADMIN_PASSWORD }, token);
    await call(core, 'enterprises:search', {}, token);
  });

  it('resets a forgotten admin password with the recovery code, once', async () => {
    core = await newCore();
    const { recoveryCode } = await call(core, 'setup:initialize', {
      admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
      unit: UNIT,
    });
    const next = await call(core, 'auth:recover', {
      username: 'admin',
      recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ' '),
      newPassword: 'newpass123',
    });
    expect(next.recoveryCode).not.toBe(recoveryCode);
    expect(
      await failure(core, 'auth:recover', { username: 'admin', recoveryCode, newPassword: 'again1234' }),
    ).toMatchObject({ code: 'AUTH_BAD_RECOVERY_CODE' });
    await call(core, 'auth:sign-in', { username: 'admin', password: 'newpass123' });
  });

  it('keeps one active admin, and a role change ends the old session', async () => {
    core = await newCore();
    const token = await setUp(core);
    const users = await call(core, 'users:list', {}, token);
    expect(
      await failure(
        core,
        'users:update',
        { id: users[0].id, displayName: '管理员', role: 'clerk', active: true },
        token,
      ),
    ).toMatchObject({ code: 'LAST_ADMIN' });
    const clerk = await call(
      core,
      'users:create',
      { username: 'li', displayName: '李华', role: 'clerk', password: 'pass12345' },
      token,
    );
    const clerkToken = (await call(core, 'auth:sign-in', { username: 'li', password: 'pass12345' })).token;
    await call(core, 'users:update', { id: clerk.id, displayName: '李华', role: 'reviewer', active: true }, token);
    expect(await failure(core, 'enterprises:search', {}, clerkToken)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('officer roster', () => {
  it('shows certificate status and masks ID numbers', async () => {
    core = await newCore({ clock: () => new Date('2026-11-22T02:00:00Z') });
    const token = await setUp(core);
    await call(
      core,
      'officers:create',
      {
        name: '张明',
        certificateNo: 'A1',
        certValidFrom: '2024-01-01',
        certValidTo: '2026-12-31',
        idCard: '11010519491231002x',
      },
      token,
    );
    await call(
      core,
      'officers:create',
      { name: '王芳', certificateNo: 'A2', certValidFrom: '2020-01-01', certValidTo: '2025-12-31' },
      token,
    );
    await call(
      core,
      'officers:create',
      { name: '李华', certificateNo: 'A3', certValidFrom: '2024-01-01', certValidTo: '2029-12-31' },
      token,
    );
    const list = await call(core, 'officers:list', {}, token);
    const by = Object.fromEntries(list.map((o) => [o.name, o]));
    expect(by['张明']).toMatchObject({ certStatus: 'expiring', daysToExpiry: 39, idCard: '1101**********002X' });
    expect(by['王芳'].certStatus).toBe('expired');
    expect(by['李华'].certStatus).toBe('valid');
    expect(
      await failure(
        core,
        'officers:create',
        { name: '赵', certificateNo: 'A1', certValidFrom: '2024-01-01', certValidTo: '2029-12-31' },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.officer.duplicateCertificate' }] } });
    expect(
      await failure(
        core,
        'officers:create',
        {
          name: '赵',
          certificateNo: 'A9',
          certValidFrom: '2024-01-01',
          certValidTo: '2029-12-31',
          idCard: '110105194912310021',
        },
        token,
      ),
    ).toMatchObject({ details: { issues: [{ key: 'validation.idCard.checkChar' }] } });
    // Saving the form back with the masked number keeps the stored one.
    const updated = await call(
      core,
      'officers:update',
      {
        id: by['张明'].id,
        officer: {
          name: '张明',
          certificateNo: 'A1',
          certValidFrom: '2024-01-01',
          certValidTo: '2028-12-31',
          idCard: by['张明'].idCard,
        },
      },
      token,
    );
    expect(updated).toMatchObject({ certStatus: 'valid', idCard: '1101**********002X' });
    expect(core.state.store.raw.prepare('SELECT id_card FROM officers WHERE name = ?').get('张明')).toEqual({
      id_card: '11010519491231002X',
    });
  });
});
