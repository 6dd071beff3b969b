import path from 'node:path';
import { type Core, createCore, type CoreOptions } from './create-core.ts';
import { RenderPool } from './documents/pool.ts';

export type Workspace = 'real' | 'demo';

/**
 * The real county and the demo county live side by side under one data root, each a complete
 * workspace of its own (data/ and demo/), so nothing done in the demo can reach real records.
 */
export interface Workspaces {
  get(workspace: Workspace): Promise<Core>;
  /** The county's core if it was opened already; never opens (or makes) one. */
  peek(workspace: Workspace): Promise<Core> | null;
  dataDirOf(workspace: Workspace): string;
  close(): Promise<void>;
}

export function workspaceDir(dataRoot: string, workspace: Workspace): string {
  return path.join(dataRoot, workspace === 'demo' ? 'demo' : 'data');
}

export function createWorkspaces(
  dataRoot: string,
  options: Omit<CoreOptions, 'dataDir' | 'workspace' | 'renderPool'>,
): Workspaces {
  const cores = new Map<Workspace, Promise<Core>>();
  // One set of render workers for both counties: two pools would double the memory documents may take.
  const renderPool = new RenderPool();
  return {
    get(workspace) {
      let core = cores.get(workspace);
      if (!core) {
        core = createCore({ ...options, dataDir: workspaceDir(dataRoot, workspace), workspace, renderPool });
        cores.set(workspace, core);
        core.catch(() => cores.delete(workspace));
      }
      return core;
    },
    peek: (workspace) => cores.get(workspace) ?? null,
    dataDirOf: (workspace) => workspaceDir(dataRoot, workspace),
    async close() {
      for (const c of cores.values()) await (await c.catch(() => null))?.close();
      cores.clear();
      await renderPool.close();
    },
  };
}
