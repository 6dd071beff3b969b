import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of a searchable select by typing. On a loaded machine the first keys can land before the search
 * has focus, and a click while the list is still narrowing can hit a row about to move: the list is left to settle on
 * the options the text names, and the pick is checked on the select itself and made again until it shows.
 */
export async function pickBySearch(page: Page, select: Locator, text: string, shown: string = text): Promise<void> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
  await expect(async () => {
    if ((await select.textContent())?.includes(shown)) return;
    await select.click();
    await select.locator('input').fill('');
    await page.keyboard.type(text);
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveCount(
      await options.count(),
      { timeout: 1000 },
    );
    await options.first().click({ timeout: 3000 });
    await expect(select).toContainText(shown, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Picks an option of a plain (not searchable) select. A click on an option while the list is still being placed is
 * lost now and then on a loaded machine (the list stays open, the old value stays): the pick is checked on the
 * select and made again until it shows.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
  await expect(async () => {
    if ((await select.textContent())?.includes(text)) return;
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 3000 });
    await expect(select).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}
