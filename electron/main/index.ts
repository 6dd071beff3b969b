import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { hostClock, systemClock } from '../core/clock.ts';
import { createWorkspaces } from '../core/workspaces.ts';
import { bindIpc } from './ipc/bind.ts';
import { holdsTheInstance } from './single-instance.ts';
import { appPaths } from './paths.ts';
import { denyPermissions, guardNavigation, registerAppProtocol } from './security/harden.ts';
import { APP_ORIGIN, APP_SCHEME } from './security/urls.ts';
import { webPreferences } from './windows/web-preferences.ts';

/**
 * Lifecycle only: one instance, the app:// protocol, the security guards, the IPC binding, one window — started
 * only by the instance that holds the lock.
 */
function start(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  const paths = appPaths(app);
  // A pinned clock is for development and training builds: the packaged app always keeps the machine's time.
  const workspaces = createWorkspaces(paths.dataRoot, {
    resourcesDir: paths.resourcesDir,
    clock: app.isPackaged ? systemClock : hostClock(),
  });
  let window: BrowserWindow | null = null;

  function createWindow(): void {
    window = new BrowserWindow({
      width: 1366,
      height: 860,
      minWidth: 1024,
      minHeight: 680,
      title: '安全生产执法工作台',
      show: false,
      webPreferences: webPreferences({ preload: paths.preload, packaged: app.isPackaged }),
    });
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = null;
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  }

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(() => {
    registerAppProtocol(protocol, paths.rendererDir);
    denyPermissions(session.defaultSession);
    guardNavigation(app);
    bindIpc(ipcMain, workspaces);
    createWindow();
  });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Close the databases cleanly (checkpoint, no unclean-shutdown marker) before the process ends.
    event.preventDefault();
    closing = true;
    void workspaces.close().finally(() => app.quit());
  });
}

if (holdsTheInstance(app)) start();
