import { whenSettled } from './settled.ts';
import { type Download, type Locator, type Page, expect } from '@playwright/test';

/**
 * Opens a printable through its button: the preview shows the PDF as it will print (nothing downloads unseen),
 * then 另存为 saves it. Returns the download; the preview is closed again.
 */
export async function previewAndSave(page: Page, button: Locator): Promise<Download> {
  await button.click();
  const preview = page.getByTestId('print-preview');
  await whenSettled(page, () => expect(page.getByTestId('pdf-frame')).toBeVisible());
  const download = page.waitForEvent('download');
  await page.getByTestId('preview-save').click();
  const file = await download;
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  return file;
}
