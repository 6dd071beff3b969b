import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { hostClock } from '../core/clock.ts';
import { createWorkspaces } from '../core/workspaces.ts';
import { argValue, defaultDataRoot, rendererDir, repoRoot, resourcesDir } from './paths.ts';
import { startWebHost } from './server.ts';

/**
 * `npm start`: the desktop app when an Electron binary is installed; otherwise (as on machines that
 * cannot download it) the same app in the browser, said plainly. `npm run serve` (--browser) always
 * serves the browser mode.
 */
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');

/** Where electron's own launcher would look, without require('electron') (which starts a download). */
export function findElectronBinary(root = repoRoot): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  const rel = fs.existsSync(pathTxt)
    ? fs.readFileSync(pathTxt, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';
  const candidate = override ? path.join(override, rel) : path.join(pkgDir, 'dist', rel);
  return fs.existsSync(candidate) ? candidate : null;
}

/** Newest modification time under the given folders, so a stale build is rebuilt after an edit. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

async function buildIfStale(config: string | undefined, output: string): Promise<void> {
  const sources = config ? ['electron', 'shared'] : ['renderer', 'shared', 'resources/locales'];
  if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= newestSource(sources)) return;
  console.log(`正在构建 ${path.relative(repoRoot, output)} …`);
  const { build } = await import('vite');
  await build({
    configFile: config ? path.join(repoRoot, config) : path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
  });
}

async function main(): Promise<void> {
  await buildIfStale(undefined, path.join(rendererDir, 'index.html'));
  const electron = browserOnly ? null : findElectronBinary();
  if (electron) {
    await buildIfStale('vite.electron.config.ts', path.join(repoRoot, 'dist', 'electron', 'main.mjs'));
    const child = spawn(electron, [repoRoot], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!browserOnly) {
    console.log('未找到 Electron 桌面程序（本机无法下载 Electron）。改为浏览器模式：同一个程序，在本机浏览器中使用。');
    console.log('No Electron binary is installed here, so the app is served to your browser instead.');
  }
  const dataRoot = path.resolve(argValue(args, '--data-dir') ?? defaultDataRoot());
  const port = Number(argValue(args, '--port') ?? process.env.PORT ?? 5815);
  const workspaces = createWorkspaces(dataRoot, { resourcesDir, clock: hostClock(args) });
  const host = await startWebHost({ workspaces, staticDir: rendererDir, port });
  console.log(`浏览器打开 / Open in the browser: ${host.url}`);
  console.log(`数据目录 / Data directory: ${dataRoot}`);
  const stop = async () => {
    await host.close();
    await workspaces.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.main) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
