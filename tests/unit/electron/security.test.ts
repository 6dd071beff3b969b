import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAllowedFrameUrl,
  isInternalUrl,
  isSafeExternalUrl,
  resolveAppFile,
} from '../../../electron/main/security/urls.ts';
import { webPreferences } from '../../../electron/main/windows/web-preferences.ts';
import { holdsTheInstance } from '../../../electron/main/single-instance.ts';
import { demoAllowedFrom } from '../../../electron/host/server.ts';

describe('main window webPreferences', () => {
  it('stay hardened (snapshot)', () => {
    expect(webPreferences({ preload: '/app/dist/electron/preload.cjs', packaged: true })).toMatchInlineSnapshot(`
      {
        "allowRunningInsecureContent": false,
        "contextIsolation": true,
        "devTools": false,
        "experimentalFeatures": false,
        "navigateOnDragDrop": false,
        "nodeIntegration": false,
        "nodeIntegrationInSubFrames": false,
        "nodeIntegrationInWorker": false,
        "preload": "/app/dist/electron/preload.cjs",
        "sandbox": true,
        "spellcheck": false,
        "webSecurity": true,
        "webviewTag": false,
      }
    `);
  });
  it('allow DevTools in development only, never in a packaged build (issue 23)', () => {
    expect(webPreferences({ preload: 'p', packaged: false }).devTools).toBe(true);
    expect(webPreferences({ preload: 'p', packaged: true }).devTools).toBe(false);
  });
});

describe('navigation and links', () => {
  it('treats only app://desk as internal', () => {
    expect(isInternalUrl('app://desk/index.html#/enterprises')).toBe(true);
    for (const u of [
      'https://desk/',
      'app://evil/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isInternalUrl(u), u).toBe(false);
  });
  it("lets a frame show the app's own blobs (the print preview), and nothing else (issue 23)", () => {
    expect(isAllowedFrameUrl('blob:app://desk/6f1c2a5e-1b1f-4f0e-9a51-0c3a1b2c3d4e')).toBe(true);
    expect(isAllowedFrameUrl('app://desk/index.html')).toBe(true);
    for (const u of ['blob:https://evil.example/uuid', 'blob:app://evil/uuid', 'blob:app://desk/', 'data:text/html,x'])
      expect(isAllowedFrameUrl(u), u).toBe(false);
    // The window itself still never goes to a blob.
    expect(isInternalUrl('blob:app://desk/6f1c2a5e-1b1f-4f0e-9a51-0c3a1b2c3d4e')).toBe(false);
  });
  it('opens only http(s) links externally', () => {
    expect(isSafeExternalUrl('https://www.mem.gov.cn/')).toBe(true);
    for (const u of [
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'ms-settings:',
      'javascript:alert(1)',
      'https://user:pw@host/',
    ]) {
      expect(isSafeExternalUrl(u), u).toBe(false);
    }
  });
});

describe('app:// protocol paths', () => {
  const root = path.resolve('/opt/desk/dist/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://desk/assets/index-1.js')).toBe(path.join(root, 'assets', 'index-1.js'));
  });
  it('never resolves outside it, however the path is dressed up', () => {
    for (const u of [
      'app://desk/../../etc/passwd',
      'app://desk/%2e%2e/%2e%2e/etc/passwd',
      'app://desk/..%2f..%2fsecret',
      'app://desk/a/..%2f..%2f..%2fx',
    ]) {
      const file = resolveAppFile(root, u);
      expect(file === null || file.startsWith(root + path.sep), `${u} → ${file}`).toBe(true);
    }
    expect(resolveAppFile(root, 'app://desk/..%2f..%2fsecret')).toBeNull();
    for (const u of ['app://other/index.html', 'app://desk/%00', 'app://desk/a%5c..%5cx', 'https://desk/index.html'])
      expect(resolveAppFile(root, u), u).toBeNull();
  });
});

describe('the demo county over the web host', () => {
  it('is reached from the PC itself only, never from another address (issue 18)', () => {
    for (const local of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(demoAllowedFrom(local), local).toBe(true);
    for (const remote of ['192.168.1.20', '::ffff:192.168.1.20', '10.0.0.2', undefined])
      expect(demoAllowedFrom(remote), String(remote)).toBe(false);
  });
});

describe('a second start of the app', () => {
  it('stops at once, before anything opens the data, when another instance holds the lock (issue 23)', () => {
    const calls: string[] = [];
    const app = (locked: boolean) => ({
      requestSingleInstanceLock: () => locked,
      exit: (code?: number) => void calls.push(`exit ${code}`),
    });
    expect(holdsTheInstance(app(false))).toBe(false);
    expect(calls).toEqual(['exit 0']);
    expect(holdsTheInstance(app(true))).toBe(true);
    expect(calls).toEqual(['exit 0']);
  });
});
