import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import { findElectronBinary } from '../../electron/host/start.ts';

/**
 * Runs only when asked (RUN_ELECTRON_E2E=1, see playwright.config.ts) and then fails when no Electron
 * binary is installed: a requested test that cannot run is a failure, not a pass.
 */
const root = path.resolve(import.meta.dirname, '..', '..');

test('the desktop window is sandboxed, loads the app over app:// and refuses to navigate away', async () => {
  const executablePath = findElectronBinary(root);
  if (!executablePath)
    throw new Error(
      'RUN_ELECTRON_E2E=1 but no Electron binary is installed (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH).',
    );
  if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.mjs')))
    throw new Error('Build first: npm run build && npm run build:electron');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-'));
  const app = await electron.launch({ executablePath, args: [root, `--user-data-dir=${userData}`] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByText('首次使用：初始化本单位')).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/desk\//);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(
      await window.evaluate(() => typeof (window as unknown as { desk?: { invoke?: unknown } }).desk?.invoke),
    ).toBe('function');
    await window.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await window.waitForTimeout(500);
    expect(window.url()).toMatch(/^app:\/\/desk\//);
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
  }
});
