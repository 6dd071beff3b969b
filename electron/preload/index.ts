import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ChannelName } from '../../shared/api/contract.ts';

/**
 * The renderer's whole view of the main process: invoke one of the contract's channels, and
 * listen to progress events. `renderer/src/api/client.ts` builds the typed api over it with the
 * same makeApi the browser client uses.
 */
const allowed = new Set<string>(CHANNELS);

contextBridge.exposeInMainWorld('desk', {
  invoke(channel: ChannelName, input: unknown, envelope: { token?: string; workspace: 'real' | 'demo' }) {
    if (!allowed.has(channel))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.UNKNOWN_CHANNEL' } });
    return ipcRenderer.invoke(channel, input, { token: envelope?.token, workspace: envelope?.workspace });
  },
  onEvent(workspace: 'real' | 'demo', listener: (event: unknown) => void) {
    const handler = (_e: unknown, payload: { workspace: string; event: unknown }) => {
      if (payload.workspace === workspace) listener(payload.event);
    };
    ipcRenderer.on('event:job-progress', handler);
    ipcRenderer.send('event:subscribe', workspace);
    return () => ipcRenderer.removeListener('event:job-progress', handler);
  },
});
