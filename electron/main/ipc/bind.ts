import type { IpcMain, WebContents } from 'electron';
import { CHANNELS } from '../../../shared/api/contract.ts';
import { AppError } from '../../../shared/base/errors.ts';
import type { Workspace, Workspaces } from '../../core/workspaces.ts';
import { isInternalUrl } from '../security/urls.ts';

interface Envelope {
  token?: string;
  workspace?: Workspace;
}

/**
 * One ipcMain handler per contract channel (no generic invoke). Only frames loaded from app:// may
 * call; the core validates input and role whatever the caller.
 */
export function bindIpc(ipcMain: IpcMain, workspaces: Workspaces): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown, envelope: Envelope = {}) => {
      if (!event.senderFrame || !isInternalUrl(event.senderFrame.url))
        return { ok: false, error: new AppError('FORBIDDEN').toPayload() };
      let core;
      try {
        core = await workspaces.get(envelope.workspace === 'demo' ? 'demo' : 'real');
      } catch (error) {
        // A database that cannot be opened (DB_CORRUPT, DB_MISSING, DB_TOO_NEW) is said in words the screen translates.
        return { ok: false, error: (error instanceof AppError ? error : new AppError('INTERNAL')).toPayload() };
      }
      return core.dispatch(channel, input, { token: typeof envelope.token === 'string' ? envelope.token : undefined });
    });
  }
  // Progress events: a window subscribes per workspace, once however often it asks (each import
  // dialog asks again); each event names its workspace so the demo's never reach the real screens.
  const subscribed = new WeakMap<WebContents, Set<Workspace>>();
  ipcMain.on('event:subscribe', async (event, requested: unknown) => {
    if (!event.senderFrame || !isInternalUrl(event.senderFrame.url)) return;
    const workspace: Workspace = requested === 'demo' ? 'demo' : 'real';
    const sender: WebContents = event.sender;
    const mine = subscribed.get(sender) ?? new Set<Workspace>();
    if (mine.has(workspace)) return;
    subscribed.set(sender, mine.add(workspace));
    const core = await workspaces.get(workspace);
    const forward = (e: unknown) => {
      if (!sender.isDestroyed()) sender.send('event:job-progress', { workspace, event: e });
    };
    core.events.on('event', forward);
    sender.once('destroyed', () => core.events.off('event', forward));
  });
}
