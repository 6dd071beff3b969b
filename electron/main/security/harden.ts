import fs from 'node:fs';
import path from 'node:path';
import { type App, type Protocol, type Session, shell } from 'electron';
import { mimeTypeOf } from '../../core/files.ts';
import { CSP } from '../../common/app-files.ts';
import { APP_SCHEME, isAllowedFrameUrl, isInternalUrl, isSafeExternalUrl, resolveAppFile } from './urls.ts';

/** app:// serves the built renderer, GET only, confined to its folder, with the same CSP as the web host. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    let file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response(null, { status: 404 });
    if (!fs.existsSync(file)) file = path.join(rendererDir, 'index.html');
    return new Response(fs.readFileSync(file), {
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

/**
 * Navigation stays inside the app; new windows are refused; web links go to the system browser. The print
 * preview's frame shows the PDF as a blob the app made (blob:app://desk/…), which a frame may load.
 */
export function guardNavigation(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    const block = (event: { preventDefault(): void }, url: string) => {
      if (!isInternalUrl(url)) event.preventDefault();
    };
    contents.on('will-navigate', block);
    contents.on('will-redirect', block);
    // A subframe may show the app's own blobs (the print preview); the window itself never leaves the app.
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame) block(event, event.url);
      else if (!isAllowedFrameUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** The app needs no camera, microphone, location or notifications: every request is refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
