import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaces, type Workspaces } from '../../electron/core/workspaces.ts';
import { startWebHost, type WebHost } from '../../electron/host/server.ts';
import { testClock } from '../support/clock.ts';
import { call, newCore, RESOURCES, setUp, tempDir } from '../support/core.ts';
import { recordDraft } from '../support/documents.ts';

/**
 * The web host as another site's page, or a careless or hostile program, would reach it (issue 23): nothing is
 * opened or made for a caller without a session, other sites' pages are refused, and a malformed request is a coded
 * 4xx with nosniff, never INTERNAL.
 */
let host: WebHost | undefined;
let workspaces: Workspaces | undefined;
afterEach(async () => {
  await host?.close();
  await workspaces?.close();
  host = workspaces = undefined;
});

async function start() {
  const root = tempDir();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  workspaces = createWorkspaces(root, { resourcesDir: RESOURCES, autoBackup: false, clock: testClock() });
  host = await startWebHost({ workspaces, staticDir, port: 0 });
  return { root, port: Number(new URL(host.url).port) };
}

function request(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A request whose head says `declared` bytes follow, of which only a few are sent: the answer must come without the
 * rest (the host decided before reading the body).
 */
function unsent(
  port: number,
  pathname: string,
  headers: Record<string, string>,
  declared: number,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: pathname,
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        'content-length': declared,
        ...headers,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write('{"input":{"file":{"fileName":"a.xlsx","dataBase64":"');
  });
}

describe('the web host, probed', () => {
  it('opens nothing for an event stream asked without a session (an <img> on any page can ask)', async () => {
    const { root, port } = await start();
    const r = await request(port, 'GET', '/api/events?workspace=demo');
    expect(r.status).toBe(401);
    expect(fs.existsSync(path.join(root, 'demo'))).toBe(false);
    expect(workspaces!.peek('demo')).toBeNull();
  });

  it("refuses another site's page, and answers the app's own", async () => {
    const { port } = await start();
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ input: {} });
    const evil = await request(port, 'POST', '/api/app:info', { ...json, origin: 'http://evil.example' }, body);
    expect(evil.status).toBe(403);
    const own = await request(port, 'POST', '/api/app:info', { ...json, origin: `http://127.0.0.1:${port}` }, body);
    expect(own.status).toBe(200);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, data: { workspace: 'real' } });
  });

  it('decides who may send a body, and how much, before reading it', async () => {
    const { port } = await start();
    const core = await workspaces!.get('real');
    // Before setup, the package channel is open to anyone on this PC; its body is read.
    const setupOpen = await request(
      port,
      'POST',
      '/api/setup:import-data',
      { 'content-type': 'application/json' },
      JSON.stringify({ input: { file: { fileName: 'x.zip', dataBase64: 'bm9wZQ==' } } }),
    );
    expect(JSON.parse(setupOpen.body)).toMatchObject({ ok: false, error: { code: 'DATA_PACKAGE_BAD' } });
    const token = await setUp(core);
    const big = 300 * 1024 ** 2;
    // No session: refused unread, however big the body said it was.
    const anonymous = await unsent(port, '/api/enterprises:import-preview', {}, big);
    expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.headers.connection).toBe('close');
    // Set up: the first-run channel takes no package any more, and reads none.
    const setUpAlready = await unsent(port, '/api/setup:import-data', {}, big);
    expect(JSON.parse(setUpAlready.body)).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
    // Signed in, but 300 MB to a channel that takes no file.
    const signedIn = { 'x-session-token': token };
    const tooBig = await unsent(port, '/api/enterprises:create', signedIn, big);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ key: 'validation.fileTooLarge' }] } },
    });
    // A body that never said its size is cut off where its channel's limit is passed.
    const chunked = await request(
      port,
      'POST',
      '/api/enterprises:create',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...signedIn },
      JSON.stringify({ input: { name: 'x'.repeat(10 * 1024 ** 2) } }),
    );
    expect(chunked.status).toBe(413);
    // A file channel, signed in, reads its file (here no workbook at all).
    const file = await request(
      port,
      'POST',
      '/api/enterprises:import-preview',
      { 'content-type': 'application/json', ...signedIn },
      JSON.stringify({ input: { file: { fileName: 'a.xlsx', dataBase64: Buffer.from('nope').toString('base64') } } }),
    );
    expect(JSON.parse(file.body)).toMatchObject({ ok: false, error: { code: 'IMPORT_BAD_FILE' } });
  });

  it('streams events to a session named in a header, never in the URL', async () => {
    const { port } = await start();
    const token = await setUp(await workspaces!.get('real'));
    const inQuery = await request(port, 'GET', `/api/events?workspace=real&token=${token}`);
    expect(inQuery.status).toBe(401);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${port}`, 'x-workspace': 'real', 'x-session-token': token },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('answers a channel name with a bad %-escape with a coded 400, not INTERNAL', async () => {
    const { port } = await start();
    const r = await request(port, 'POST', '/api/%E0%A4%A', { 'content-type': 'application/json' }, '{}');
    expect(r.status).toBe(400);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['channel'], key: 'validation.badRequest' }] } },
    });
  });
});

describe('the contract, given what IPC can carry and JSON cannot', () => {
  it('answers a cyclic or BigInt value in documents:save with a coded validation error naming it, not INTERNAL', async () => {
    const core = await newCore();
    try {
      const token = await setUp(core);
      const draft = await recordDraft(core, token);
      const cyclic: Record<string, unknown> = { ...draft.fields };
      cyclic.again = cyclic;
      for (const fields of [cyclic, { ...draft.fields, fine: 10n }]) {
        const r = await core.dispatch('documents:save', { id: draft.id, version: draft.version, fields }, { token });
        expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(JSON.stringify(r)).toMatch(/validation\.(tooDeep|notPlainData)/);
      }
      // Nothing was written: the draft is as it was.
      expect((await call(core, 'documents:get', { id: draft.id }, token)).version).toBe(draft.version);
    } finally {
      await core.close();
    }
  });

  it('refuses a draft too big for its fields before it reaches the database or the audit log, naming each field and its limit', async () => {
    const core = await newCore();
    try {
      const token = await setUp(core);
      const draft = await recordDraft(core, token);
      const raw = core.state.store.raw;
      const logged = () => (raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
      const before = { log: logged(), pages: raw.pragma('page_count', { simple: true }) };
      const save = (fields: Record<string, unknown>) =>
        core.dispatch('documents:save', { id: draft.id, version: draft.version, fields }, { token });
      // Twenty saves of 10 MB each grew the file and the log by 200 MB.
      for (let i = 0; i < 20; i++)
        expect(await save({ ...draft.fields, findings: '查'.repeat(10_000_000) })).toMatchObject({
          ok: false,
          error: {
            code: 'VALIDATION',
            details: {
              issues: [{ path: ['fields', 'findings'], key: 'validation.tooLongMax', params: { max: 50_000 } }],
            },
          },
        });
      // Within what any draft may hold, but past this field's own limit (the one its form shows).
      expect(await save({ ...draft.fields, findings: '查'.repeat(20_001) })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ path: ['fields', 'findings'], params: { max: 20_000 } }] } },
      });
      const padded = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`pad${i}`, 'x'.repeat(40_000)]));
      expect(await save({ ...draft.fields, ...padded })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ key: 'validation.draftTooLarge' }] } },
      });
      expect({ log: logged(), pages: raw.pragma('page_count', { simple: true }) }).toEqual(before);
      expect(await save({ ...draft.fields, findings: '查'.repeat(20_000) })).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });
});
