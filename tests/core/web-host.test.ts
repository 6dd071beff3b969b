import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaces, type Workspaces } from '../../electron/core/workspaces.ts';
import { startWebHost, type WebHost } from '../../electron/host/server.ts';
import { testClock } from '../support/clock.ts';
import { call, newCore, RESOURCES, setUp, tempDir } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

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
      const { inspection } = await inspectionReady(core, token);
      const draft = await call(
        core,
        'documents:create',
        { type: 'inspection-record', inspectionId: inspection.id },
        token,
      );
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
});
