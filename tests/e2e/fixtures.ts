import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Page, test as base } from '@playwright/test';
import { createWorkspaces } from '../../electron/core/workspaces.ts';
import { startWebHost } from '../../electron/host/server.ts';
import { rendererDir, resourcesDir } from '../../electron/host/paths.ts';
import { TEST_NOW, testClock } from '../support/clock.ts';

/** Each test gets its own web host on a fresh data root, like a new PC. */
export const test = base.extend<{ desk: { url: string; dataRoot: string } }>({
  // A failed test prints what the core refused and what threw in the page: a dialog that would not
  // close says why, even where the message it showed is gone by the time the test gives up.
  page: async ({ page }, use, testInfo) => {
    // The screens take their "now" from the core's pinned clock (renderer/src/app/clock.ts), which the web host
    // below is created with. The page's own Date starts on the test day too, for what the date pickers call
    // "today": shifted, never frozen, and with the real timers. (Playwright's page.clock fakes the timers as
    // well; under it this suite lost clicks and the page threw.)
    await page.addInitScript((pinned: number) => {
      const Real = Date;
      const offset = pinned - Real.now();
      class Shifted extends Real {
        constructor(...args: ConstructorParameters<DateConstructor> | []) {
          if (args.length === 0) super(Real.now() + offset);
          else super(...(args as ConstructorParameters<DateConstructor>));
        }
        static override now(): number {
          return Real.now() + offset;
        }
      }
      globalThis.Date = Shifted as DateConstructor;
    }, Date.parse(TEST_NOW));
    const trouble: string[] = [];
    page.on('response', (r) => {
      const channel = /\/api\/(.+)$/.exec(new URL(r.url()).pathname)?.[1];
      if (channel)
        void r
          .json()
          .then((body: { ok?: boolean; error?: unknown }) => {
            if (body.ok === false) trouble.push(`${channel} refused: ${JSON.stringify(body.error).slice(0, 600)}`);
          })
          .catch(() => undefined);
    });
    page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && trouble.length)
      console.log(`[${testInfo.title}] during the test:\n  ${trouble.join('\n  ')}`);
  },
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html')))
      throw new Error('Build the renderer first: npm run build');
    const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const workspaces = createWorkspaces(dataRoot, { resourcesDir, autoBackup: false, clock: testClock() });
    const host = await startWebHost({ workspaces, staticDir: rendererDir, port: 0 });
    await use({ url: host.url, dataRoot });
    await host.close();
    await workspaces.close();
  },
});

export { expect } from '@playwright/test';

export const SCREENS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screens');

/** Screenshots for looking at afterwards, under test-results/screens. */
export function screenshots(page: Page, fullPage = true): (name: string) => Promise<Buffer> {
  fs.mkdirSync(SCREENS, { recursive: true });
  // A dialog or menu mid-way through opening or closing is not what the user reads: wait for their motion to end
  // (antd marks it with …-appear/-enter/-leave classes), then finish any animation still running.
  return async (name) => {
    await page
      .waitForFunction(
        () => !document.querySelector('[class*="-appear-"], [class*="-enter-"], [class*="-leave-"]'),
        null,
        {
          timeout: 3000,
        },
      )
      .catch(() => undefined);
    return page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage, animations: 'disabled' });
  };
}
