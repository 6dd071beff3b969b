import type { Page } from '@playwright/test';

/**
 * An assertion that waits as long as the app is still working: retried while any call is in flight (the root
 * element's data-pending, set by the API client), and failed only once the app is idle and it still does not hold.
 * A slow office PC or a busy CI machine makes a test slower, not red; a real failure still fails.
 */
export async function whenSettled(page: Page, assertion: () => Promise<unknown>, limitMs = 180_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      await assertion();
      return;
    } catch (e) {
      const busy = await page.evaluate(() => !!document.documentElement.dataset.pending).catch(() => false);
      if (!busy || performance.now() - start > limitMs) throw e;
    }
  }
}
