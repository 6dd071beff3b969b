import os from 'node:os';
import path from 'node:path';

/** Paths for the Node-run hosts (web host, CLI, tests); Electron main has its own in electron/main/paths.ts. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const resourcesDir = path.join(repoRoot, 'resources');
export const rendererDir = path.join(repoRoot, 'dist', 'renderer');

/** The same folder the desktop app uses on Linux (its userData), so both modes see the same data. */
export function defaultDataRoot(): string {
  if (process.env.ENFORCE_DATA_DIR) return path.resolve(process.env.ENFORCE_DATA_DIR);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), '安全生产执法工作台');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), '安全生产执法工作台');
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}
