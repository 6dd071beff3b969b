import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contract, type ChannelName } from '../../shared/api/contract.ts';
import { bodyLimit } from '../../shared/base/body-limits.ts';
import { AppError } from '../../shared/base/errors.ts';
import { mimeTypeOf } from '../core/files.ts';
import { CSP, fileUnder } from '../common/app-files.ts';
import type { Workspace, Workspaces } from '../core/workspaces.ts';

/**
 * The web host: the same core as the desktop app, over HTTP on the loopback interface only.
 * POST /api/<channel> carries { input }; the session token and the workspace ride in headers, never in a URL (where
 * logs, history and Referer keep them). GET /api/events streams progress events (SSE), the same headers sent.
 * Everything else is the built renderer.
 */

export interface WebHostOptions {
  workspaces: Workspaces;
  staticDir: string;
  port?: number;
  host?: string;
}

export interface WebHost {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** DNS rebinding: a page on another site resolving its name to 127.0.0.1 must not reach the API. */
function loopbackHost(req: http.IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
}

/**
 * The demo county is for trying the app on the PC itself: a caller over the network (once the host listens on the
 * office network) never reaches it, so it cannot be mistaken for the squad's real data or used to probe the app.
 */
export function demoAllowedFrom(remoteAddress: string | undefined): boolean {
  return remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1';
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

/** A malformed request: a coded 400 the renderer can translate, never a stack in the log. */
function badRequest(res: http.ServerResponse, field: string): void {
  sendJson(res, 400, {
    ok: false,
    error: new AppError('VALIDATION', { issues: [{ path: [field], key: 'validation.badRequest' }] }).toPayload(),
  });
}

/**
 * The API answers the app's own pages only: a browser sends Origin with a cross-site request (and with any POST),
 * and another site's page is refused before anything is read or computed. A caller that sends no Origin is not a
 * page of another site (a same-origin GET, or a program on this PC, which the loopback binding admits anyway).
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined ||
    [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin)
  );
}

const tooLarge = () => new AppError('VALIDATION', { issues: [{ path: [], key: 'validation.fileTooLarge' }] });

/**
 * A body refused is still read and dropped up to this much, so that its refusal reaches the caller whole (a connection
 * closed on unread bytes is reset, and a browser shows a network error instead); past it the connection is closed.
 */
const DISCARD_BYTES = 16 * 1024 ** 2;

/** The body kept up to `limit` bytes; past it, `tooLarge` once it has ended, or `cut` at `limit` + DISCARD_BYTES. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'tooLarge' | 'cut'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit + DISCARD_BYTES) {
        req.pause();
        resolve('cut');
      } else if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? 'tooLarge' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether the body ended within DISCARD_BYTES, read and dropped. */
function discard(req: http.IncomingMessage): Promise<boolean> {
  if (Number(req.headers['content-length'] ?? 0) > DISCARD_BYTES) return Promise.resolve(false);
  return readBody(req, 0).then(
    (r) => r !== 'cut',
    () => false,
  );
}

/** A refusal before the body was taken in: dropped if small, otherwise never read, the connection closed after it. */
async function refuseUnread(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  error: AppError | ReturnType<AppError['toPayload']>,
) {
  if (!(await discard(req))) res.setHeader('connection', 'close');
  sendJson(res, status, { ok: false, error: error instanceof AppError ? error.toPayload() : error });
}

const workspaceOf = (v: unknown): Workspace => (v === 'demo' ? 'demo' : 'real');
const tokenOf = (req: http.IncomingMessage) =>
  typeof req.headers['x-session-token'] === 'string' ? req.headers['x-session-token'] : undefined;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const staticDir = path.resolve(options.staticDir);
  const sockets = new Set<import('node:net').Socket>();
  let port = options.port ?? 0;

  const server = http.createServer(async (req, res) => {
    try {
      if (!loopbackHost(req, port)) {
        res.writeHead(421).end();
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/') && !originAllowed(req.headers.origin, port)) {
        res.writeHead(403, { 'x-content-type-options': 'nosniff' }).end();
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        const workspace = workspaceOf(req.headers['x-workspace']);
        if (workspace === 'demo' && !demoAllowedFrom(req.socket.remoteAddress)) {
          res.writeHead(403).end();
          return;
        }
        // Only a county already open can have a session: nothing is opened, made or seeded for this request.
        const opened = options.workspaces.peek(workspace);
        const core = opened && (await opened.catch(() => null));
        if (!core || !core.state.sessions.has(tokenOf(req) ?? '')) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        const listener = (event: unknown) => res.write(`data: ${JSON.stringify(event)}\n\n`);
        core.events.on('event', listener);
        req.on('close', () => core.events.off('event', listener));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          res.writeHead(405).end();
          return;
        }
        // A cross-site form post cannot set this content type without a preflight we never answer.
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          res.writeHead(415).end();
          return;
        }
        let channel: string;
        try {
          channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          badRequest(res, 'channel');
          return;
        }
        const workspace = workspaceOf(req.headers['x-workspace']);
        if (workspace === 'demo' && !demoAllowedFrom(req.socket.remoteAddress)) {
          res.writeHead(403).end();
          return;
        }
        const core = await options.workspaces.get(workspace);
        const token = tokenOf(req);
        // Who may call, and how much they may send, before a byte of the body is read: a caller without a session
        // cannot make the host take in 400 MB, and nobody can send a file to a channel that takes none.
        const refused = await core.admits(channel, { token });
        if (refused) {
          await refuseUnread(req, res, 200, refused);
          return;
        }
        const limit = bodyLimit(contract[channel as ChannelName].input);
        if (Number(req.headers['content-length'] ?? 0) > limit) {
          await refuseUnread(req, res, 413, tooLarge());
          return;
        }
        const text = await readBody(req, limit);
        if (text === 'tooLarge' || text === 'cut') {
          if (text === 'cut') res.setHeader('connection', 'close');
          sendJson(res, 413, { ok: false, error: tooLarge().toPayload() });
          return;
        }
        let body: { input?: unknown };
        try {
          body = JSON.parse(text);
        } catch {
          badRequest(res, 'body');
          return;
        }
        sendJson(res, 200, await core.dispatch(channel, body?.input ?? {}, { token }));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(staticDir, url.pathname, res);
    } catch (error) {
      const payload = error instanceof AppError ? error.toPayload() : new AppError('INTERNAL').toPayload();
      if (!(error instanceof AppError)) console.error('[host]', error);
      if (!res.headersSent) sendJson(res, 200, { ok: false, error: payload });
      else res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  let file = fileUnder(root, pathname);
  if (!file) {
    res.writeHead(403).end();
    return;
  }
  // Client-side routes fall back to the app shell.
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('界面尚未构建：请先运行 npm run build。 The renderer is not built: run npm run build.');
    return;
  }
  res.writeHead(200, {
    'content-type': mimeTypeOf(file),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}
