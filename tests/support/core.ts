import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, type CoreOptions, createCore } from '../../electron/core/create-core.ts';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract.ts';
import { testClock } from './clock.ts';
import { AppError } from '../../shared/base/errors.ts';

export const RESOURCES = path.resolve(import.meta.dirname, '..', '..', 'resources');

/** A fresh data directory on disk per test: real SQLite files, never :memory:. */
export function tempDir(prefix = 'desk-'): string {
  fs.mkdirSync(path.join(os.tmpdir(), 'desk-tests'), { recursive: true });
  return fs.mkdtempSync(path.join(os.tmpdir(), 'desk-tests', prefix));
}

/** A core on a fresh data directory, whole: a demo county's files made before it is handed back. */
export async function newCore(options: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await createCore({
    dataDir: options.dataDir ?? tempDir(),
    resourcesDir: RESOURCES,
    autoBackup: false,
    clock: testClock(),
    ...options,
  });
  await core.ready;
  return core;
}

export const UNIT = {
  agencyName: '宣汉县应急管理局',
  squadName: '宣汉县应急管理综合行政执法大队',
  regionCode: '511722',
  numberPrefix: '宣应急',
  reviewAgency: '宣汉县人民政府',
  court: '宣汉县人民法院',
  address: '宣汉县东乡街道',
  phone: '0818-5221234',
};
export const ADMIN_PASSWORD = 'admin12345';

/** Typed call that throws the AppError on failure, as the renderer's client does. */
export async function call<C extends ChannelName>(
  core: Core,
  channel: C,
  input: InputOf<C>,
  token?: string,
): Promise<OutputOf<C>> {
  const r = await core.dispatch(channel, input, { token });
  if (!r.ok) throw new AppError(r.error.code, r.error.details);
  return r.data as OutputOf<C>;
}

export async function failure(core: Core, channel: ChannelName, input: unknown, token?: string) {
  const r = await core.dispatch(channel, input, { token });
  if (r.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return r.error;
}

/** Set up the installation and return the admin's token. */
export async function setUp(core: Core): Promise<string> {
  const r = await call(core, 'setup:initialize', {
    admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
    unit: UNIT,
  });
  return r.session.token;
}

/** Signs in again (a locked session, another user); the admin that setUp made by default. */
export async function signIn(core: Core, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  return (await call(core, 'auth:sign-in', { username, password })).token;
}

export async function addUser(
  core: Core,
  adminToken: string,
  username: string,
  role: 'clerk' | 'reviewer' | 'supervisor' | 'admin',
): Promise<string> {
  await call(core, 'users:create', { username, displayName: username, role, password: 'pass12345' }, adminToken);
  return signIn(core, username, 'pass12345');
}
