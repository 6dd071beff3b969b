import type { WebPreferences } from 'electron';

/**
 * The main window's webPreferences, as a pure function so a snapshot test guards every flag.
 * DevTools only when the app is not packaged: a packaged build never opens them, whatever it is started with
 * (a --devtools flag once did), so no one at an office PC can reach the renderer's internals.
 */
export function webPreferences(opts: { preload: string; packaged: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !opts.packaged,
  };
}
