import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { bindIpc } from '../../../electron/main/ipc/bind.ts';
import type { Workspaces } from '../../../electron/core/workspaces.ts';

/** The IPC binding with stand-ins for Electron's objects: what reaches a window, and how often. */
function setUp() {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (c: string, fn: never) => listeners.set(c, fn),
    on: (c: string, fn: never) => listeners.set(c, fn),
  } as unknown as IpcMain;
  const cores = { real: { events: new EventEmitter() }, demo: { events: new EventEmitter() } };
  const workspaces = { get: async (w: 'real' | 'demo') => cores[w] } as unknown as Workspaces;
  bindIpc(ipcMain, workspaces);
  const sent: unknown[] = [];
  const sender = {
    isDestroyed: () => false,
    send: (_c: string, payload: unknown) => sent.push(payload),
    once: () => undefined,
  };
  const subscribe = async (workspace: string, url = 'app://desk/index.html') => {
    await listeners.get('event:subscribe')!({ sender, senderFrame: { url } }, workspace);
  };
  return { cores, sent, subscribe };
}

describe('progress events over IPC', () => {
  it('forwards each event once per window however often it subscribes, naming its workspace', async () => {
    const { cores, sent, subscribe } = setUp();
    await subscribe('real');
    await subscribe('real');
    await subscribe('demo');
    cores.real.events.emit('event', { type: 'job-progress', done: 1 });
    cores.demo.events.emit('event', { type: 'job-progress', done: 2 });
    expect(sent).toEqual([
      { workspace: 'real', event: { type: 'job-progress', done: 1 } },
      { workspace: 'demo', event: { type: 'job-progress', done: 2 } },
    ]);
  });

  it('ignores a subscription from a frame that is not the app', async () => {
    const { cores, sent, subscribe } = setUp();
    await subscribe('real', 'https://example.com/');
    cores.real.events.emit('event', { type: 'job-progress' });
    expect(sent).toEqual([]);
  });
});
