import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/client.ts';
import type { Core } from '../../electron/core/create-core.ts';
import { createWorkspaces } from '../../electron/core/workspaces.ts';
import { testClock } from '../support/clock.ts';
import { call, newCore, RESOURCES, setUp, tempDir } from '../support/core.ts';
import { recordDraft } from '../support/documents.ts';

/**
 * Calls keep coming while the database under them changes (issue 23): a restore, a close, the demo county entered.
 * None may meet a closed connection: each call finishes, or is refused with a code the screen can say.
 */
const outcome = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/** Calls sent one after another, each on its own turn of the event loop, until `stop` is set; their outcomes. */
function keepCalling(core: Core, calls: [string, unknown][], token: () => string | undefined) {
  const outcomes = new Set<string>();
  let stop = false;
  let n = 0;
  const done = (async () => {
    while (!stop) {
      const [channel, input] = calls[n++ % calls.length];
      void core.dispatch(channel, input, { token: token() }).then((r) => outcomes.add(outcome(r)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    outcomes,
    async stop() {
      stop = true;
      await done;
      // The last calls sent finish too.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return n;
    },
  };
}

describe('calls under way while the database changes', () => {
  it('a restore waits for the calls under way and refuses those that come meanwhile, with a code', async () => {
    const core = await newCore();
    try {
      const token = await setUp(core);
      const draft = await recordDraft(core, token);
      const backup = await call(core, 'backups:create', {}, token);
      // A preview held in the render worker until let go: a call under way for as long as the test says.
      const render = core.state.render;
      let letGo!: () => void;
      const held = new Promise<void>((resolve) => (letGo = resolve));
      core.state.render = async (spec) => {
        await held;
        return render(spec);
      };
      const preview = core.dispatch('documents:preview', { id: draft.id }, { token });
      const restore = core.dispatch('backups:restore', { name: backup.name }, { token });
      // The restore waits for the preview; a call that comes meanwhile is refused, saying why.
      let meanwhile = 'ok';
      for (let i = 0; i < 200 && meanwhile === 'ok'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        meanwhile = outcome(await core.dispatch('app:info', {}));
      }
      expect(meanwhile).toBe('DB_REPLACING');
      // A host's question before it reads a body is refused alike, not asked of a database about to close.
      expect(await core.admits('enterprises:search', { token })).toMatchObject({ code: 'DB_REPLACING' });
      letGo();
      core.state.render = render;
      expect(outcome(await preview)).toBe('ok');
      expect(outcome(await restore)).toBe('ok');
      expect(outcome(await core.dispatch('app:info', {}))).toBe('ok');
    } finally {
      await core.close();
    }
  }, 60_000);

  it('closing waits for the calls under way; a call after it is told the county is closed', async () => {
    const core = await newCore();
    const token = await setUp(core);
    const draft = await recordDraft(core, token);
    const under = Array.from({ length: 6 }, () => core.dispatch('documents:preview', { id: draft.id }, { token }));
    const closing = core.close();
    const after = await core.dispatch('app:info', {});
    expect((await Promise.all(under)).map(outcome)).toEqual(Array(6).fill('ok'));
    await closing;
    expect(outcome(after)).toBe('WORKSPACE_CLOSED');
    expect(outcome(await core.dispatch('enterprises:search', {}, { token }))).toBe('WORKSPACE_CLOSED');
  }, 60_000);

  it('the demo county is entered while the real one is busy, and both answer', async () => {
    const workspaces = createWorkspaces(tempDir(), { resourcesDir: RESOURCES, autoBackup: false, clock: testClock() });
    try {
      const real = await workspaces.get('real');
      const token = await setUp(real);
      const load = keepCalling(
        real,
        [
          ['enterprises:search', {}],
          ['app:info', {}],
        ],
        () => token,
      );
      const demo = await workspaces.get('demo');
      const clerk = (await call(demo, 'auth:sign-in', { username: 'clerk', password: 'demo1234' })).token;
      const demoLoad = keepCalling(
        demo,
        [
          ['enterprises:search', {}],
          ['app:info', {}],
        ],
        () => clerk,
      );
      await demo.ready;
      await demoLoad.stop();
      await load.stop();
      expect([...load.outcomes]).toEqual(['ok']);
      expect([...demoLoad.outcomes]).toEqual(['ok']);
    } finally {
      await workspaces.close();
    }
  }, 120_000);
});
