import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { CHANNELS, contract } from '../../shared/api/contract.ts';
import { PERMISSIONS, ROLES, type Permission, type Role, can } from '../../shared/base/roles.ts';
import { addUser, newCore, setUp } from '../support/core.ts';

/**
 * Every channel × every role: a role without the channel's permission is refused before its
 * input is even read; a role with it gets past the check (its input may still be wrong, which is
 * a different error). A channel without a declared access level fails here.
 */
let core: Core;
const tokens = {} as Record<Role | 'anonymous', string | undefined>;

beforeAll(async () => {
  core = await newCore();
  tokens.admin = await setUp(core);
  for (const role of ['clerk', 'reviewer', 'supervisor'] as const)
    tokens[role] = await addUser(core, tokens.admin!, `u-${role}`, role);
  tokens.anonymous = undefined;
});
afterAll(() => core.close());

const ACCESS_LEVELS = new Set<string>(['public', 'unlock', 'signed-in', ...PERMISSIONS]);

/**
 * Who may do what, written out here independently of ROLE_PERMISSIONS: a wrong entry in that table
 * (say, reviewers given ledger.write) fails this test instead of being mirrored by it.
 */
const EXPECTED: Record<Permission, Role[]> = {
  'ledger.read': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'exports.make': ['clerk', 'supervisor', 'admin'],
  'ledger.write': ['clerk', 'supervisor', 'admin'],
  'ledger.import': ['clerk', 'supervisor', 'admin'],
  'ledger.export': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'roster.read': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'roster.write': ['supervisor', 'admin'],
  'inspections.read': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'inspections.write': ['clerk', 'supervisor', 'admin'],
  'documents.read': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'documents.write': ['clerk', 'supervisor', 'admin'],
  'documents.issue': ['clerk', 'supervisor', 'admin'],
  'cases.read': ['clerk', 'reviewer', 'supervisor', 'admin'],
  'cases.write': ['clerk', 'supervisor', 'admin'],
  // 法制审核 is the legal reviewer's opinion, not the case handler's (行政处罚法 第五十八条).
  'cases.review': ['reviewer', 'admin'],
  // The 审批 row of an approval form is the head's (大队负责人), never the clerk's.
  'cases.approve': ['supervisor', 'admin'],
  'users.manage': ['admin'],
  'unit.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.read': ['admin'],
  'backup.manage': ['admin'],
  'calendar.manage': ['admin'],
};

describe('the role table', () => {
  it.each(PERMISSIONS)('%s belongs to exactly the expected roles', (permission) => {
    expect(ROLES.filter((r) => can(r, permission))).toEqual(EXPECTED[permission]);
  });
});

describe('every channel declares who may call it', () => {
  it.each(CHANNELS)('%s has a known access level', (channel) => {
    expect(ACCESS_LEVELS.has(contract[channel].access)).toBe(true);
  });
});

// Channels whose success would end the session or change shared state the other rows rely on.
const DISRUPTIVE = new Set(['auth:sign-out', 'backups:restore', 'setup:import-data']);

describe.each([...ROLES, 'anonymous' as const])('as %s', (who) => {
  it.each(CHANNELS)('%s is allowed exactly when the role has the permission', async (channel) => {
    const access = contract[channel].access;
    // A deliberately invalid input: an allowed caller gets VALIDATION (or a domain error), never FORBIDDEN.
    const input = DISRUPTIVE.has(channel) ? { __invalid: true, name: '!', file: 1 } : { __probe: 1 };
    const r = await core.dispatch(channel, input, { token: tokens[who] });
    const code = r.ok ? null : r.error.code;
    if (access === 'public') {
      expect(code).not.toBe('UNAUTHENTICATED');
      expect(code).not.toBe('FORBIDDEN');
    } else if (who === 'anonymous') {
      expect(code).toBe('UNAUTHENTICATED');
    } else if (access === 'signed-in' || access === 'unlock' || EXPECTED[access].includes(who)) {
      expect(code).not.toBe('FORBIDDEN');
      expect(code).not.toBe('UNAUTHENTICATED');
    } else {
      expect(code).toBe('FORBIDDEN');
    }
  });
});
