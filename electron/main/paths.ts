import path from 'node:path';
import type { App } from 'electron';

/** Packaged: resources next to app.asar; development: the repository's resources/ and dist/. */
export function appPaths(app: App) {
  const root = app.getAppPath();
  return {
    resourcesDir: app.isPackaged ? process.resourcesPath : path.join(root, 'resources'),
    rendererDir: path.join(root, 'dist', 'renderer'),
    preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
    /** userData/data and userData/demo, the same layout as the web host's data root. */
    dataRoot: app.getPath('userData'),
  };
}
