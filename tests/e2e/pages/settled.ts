import { expect, type Locator, type Page } from '@playwright/test';

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

/**
 * Presses a dialog's OK until the dialog has gone: a click that lands while the dialog is still opening is lost now
 * and then on a loaded machine. A press that took is not repeated (the button is loading, or the dialog is gone).
 */
export async function confirm(page: Page, ok: Locator, dialog: Locator): Promise<void> {
  await whenSettled(page, () =>
    expect(async () => {
      if ((await ok.isVisible()) && !(await ok.getAttribute('class'))?.includes('ant-btn-loading'))
        await ok.click({ timeout: 3000 });
      await expect(dialog).toBeHidden({ timeout: 3000 });
    }).toPass({ timeout: 30_000 }),
  );
}
