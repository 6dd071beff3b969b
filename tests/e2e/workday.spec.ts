import { type Page } from '@playwright/test';
import { expect, screenshots, test } from './fixtures.ts';
import { Shell } from './pages/shell.ts';
import { DEMO_USERS } from '../../electron/core/modules/demo/seed.ts';

/**
 * A working day at the office resolution (issue 18): a clerk, a legal reviewer and a squad leader each open every
 * section their menu offers, in Chinese and in English. Checks that can fail: no section is blank for the role; no
 * dialog is taller than the screen; and in the English UI no label, heading, button, column or menu keeps Chinese
 * (the record's own data — names, causes, document text — may).
 */
const VIEWPORT = { width: 1366, height: 768 };
const CJK = /[\u3400-\u9fff]/;
/** The parts of a screen that are the app's own words, never the record's. */
const CHROME = [
  '.ant-menu-item',
  '.ant-menu-submenu-title',
  'th',
  'label',
  'button',
  '.ant-card-head-title',
  '.ant-tabs-tab',
  '.ant-steps-item-title',
  '.ant-empty-description',
  '.page-header h2',
  '.ant-modal-title',
  '.ant-drawer-title',
].join(',');

/**
 * Chinese in the app's own words on screen; the record's data (marked data-record), the signed-in user's name and a
 * label marked as Chinese (the language switch) aside.
 */
async function chineseInChrome(page: Page, userName: string): Promise<string[]> {
  return page.locator(CHROME).evaluateAll(
    (els, [cjk, name]) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('[lang^="zh"]'))
        .map((e) => {
          // What the record says (a case's cause, an enterprise's name) is data, marked data-record, and left out.
          const copy = e.cloneNode(true) as Element;
          copy.querySelectorAll('[data-record]').forEach((r) => r.remove());
          return (e.matches('[data-record]') ? '' : (copy.textContent ?? '')).replaceAll(name, '').trim();
        })
        .filter((text) => new RegExp(cjk).test(text)),
    [CJK.source, userName] as const,
  );
}

async function sections(page: Page): Promise<string[]> {
  return page
    .locator('.ant-layout-sider .ant-menu-item')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
}

for (const role of ['clerk', 'reviewer', 'supervisor'] as const) {
  test(`a ${role}'s day: every section shows something, in Chinese and in English`, async ({ page, desk }) => {
    test.setTimeout(150_000);
    const shot = screenshots(page, false);
    await page.setViewportSize(VIEWPORT);
    await Shell.demo(page, desk.url, role);
    const userName = DEMO_USERS.find((u) => u.username === role)!.displayName;
    await shot(`60-workbench-${role}`);
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      const offenders: string[] = [];
      for (const [i, name] of (await sections(page)).entries()) {
        await page.locator('.ant-layout-sider .ant-menu-item', { hasText: name }).click();
        const main = page.locator('.page').first();
        await expect(main).toBeVisible();
        // Something to read: a heading, a table, a card or the page saying what is coming — never an empty frame.
        await expect(
          main.locator('h2, .ant-table, .ant-card, .ant-result, [data-testid="not-found"]').first(),
        ).toBeVisible();
        await expect(page.getByTestId('not-found'), `${role} · ${name}`).toBeHidden();
        for (const dialog of await page.getByRole('dialog').all()) {
          const box = await dialog.boundingBox();
          if (box) expect(box.height, `${role} · ${name}: dialog height`).toBeLessThanOrEqual(VIEWPORT.height);
        }
        if (lang === 'en') offenders.push(...(await chineseInChrome(page, userName)).map((x) => `${name}: ${x}`));
        const slug = String(i).padStart(2, '0');
        await shot(`61-${role}-${lang}-${slug}`);
        // …and the first record the list offers, as the user would open it.
        const row = main.locator('.ant-table-row').first();
        if (await row.isVisible()) {
          await row.click();
          await expect(page.locator('.page').first().locator('h2, .ant-card').first()).toBeVisible();
          await page.waitForLoadState('networkidle');
          if (lang === 'en')
            offenders.push(...(await chineseInChrome(page, userName)).map((x) => `${name} › record: ${x}`));
          await shot(`62-${role}-${lang}-${slug}-record`);
        }
      }
      expect([...new Set(offenders)], `${role}: Chinese left in the English UI`).toEqual([]);
    }
  });
}
