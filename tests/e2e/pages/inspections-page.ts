import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type Locator, type Page, expect } from '@playwright/test';
import { pickBySearch } from './select.ts';

/** Recording an inspection and its documents, as a clerk does it. */
export class InspectionsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async addHazard(description: string, deadline: string): Promise<void> {
    const p = this.page;
    await p.getByTestId('hazard-create').click();
    const dialog = p.getByRole('dialog', { name: '登记隐患' });
    await dialog.getByTestId('hazard-description').fill(description);
    await dialog.getByLabel('整改期限').fill(deadline);
    await dialog.getByLabel('整改期限').press('Enter');
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await expect(p.getByTestId('hazard-list')).toContainText(description);
  }

  /** Issues the document open on screen and returns its number. */
  async issueOpenDocument(): Promise<string> {
    await issueAndConfirm(this.page);
    const number = this.page.getByTestId('document-number');
    await expect(number).toBeVisible();
    return number.innerText();
  }

  /** Downloads the open document's PDF into `dir` and returns its text (whitespace removed), as pdftotext reads it. */
  async downloadPdfText(dir: string, name: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('document-download').click();
    const file = path.join(dir, name);
    await (await download).saveAs(file);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }

  async record(opts: InspectionEntry): Promise<void> {
    await this.fill(opts);
    await this.save();
  }

  /** The new inspection's drawer filled in as the clerk types it, not yet saved. */
  async fill(opts: InspectionEntry): Promise<Locator> {
    const p = this.page;
    await p.getByTestId('inspection-create').click();
    const drawer = this.drawer();
    await pickBySearch(p, drawer.getByTestId('inspection-enterprise'), opts.enterprise);
    await drawer.getByLabel('检查时间').fill(opts.start);
    await drawer.getByLabel('检查时间').press('Enter');
    await expect(drawer.getByLabel('检查时间')).toHaveValue(opts.start);
    await drawer.getByLabel('检查场所').fill(opts.place);
    // A multiple select stays open while options are picked; clicking elsewhere closes it.
    // A click can land while the list is still being placed (a loaded machine): each pick is checked on the select's
    // own tags and made again until it shows.
    const picker = drawer.getByTestId('inspection-officers');
    for (const name of opts.officers)
      await expect(async () => {
        if (!(await picker.locator('.ant-select-selection-item', { hasText: name }).count())) {
          if (!(await p.locator('.ant-select-dropdown:visible').count())) await picker.click();
          await p.locator('.ant-select-item-option', { hasText: name }).first().click({ timeout: 3000 });
        }
        await expect(picker.locator('.ant-select-selection-item', { hasText: name })).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    await drawer.getByLabel('检查场所').click();
    await drawer.getByTestId('inspection-findings').fill(opts.findings);
    return drawer;
  }

  drawer(): Locator {
    return this.page.getByRole('dialog', { name: '新建现场检查' });
  }

  /** Saved: the drawer closes. If it does not, the test says which field the form refused. */
  async save(): Promise<void> {
    const drawer = this.drawer();
    await drawer.getByTestId('inspection-save').click();
    await expect(drawer)
      .toBeHidden()
      .catch(async (e: unknown) => {
        const refused = await drawer.locator('.ant-form-item-explain-error').allInnerTexts();
        throw new Error(`the inspection was not saved: ${refused.join('；')}\n${String(e)}`);
      });
    await expect(this.page.getByTestId('make-inspection-record')).toBeVisible();
  }
}

export interface InspectionEntry {
  enterprise: string;
  officers: string[];
  start: string;
  place: string;
  findings: string;
}

/**
 * 签发 on the open document when nothing stands in its way: the confirmation shows the number it will take (if it
 * takes one), and the document is issued once confirmed. Returns the number the confirmation showed.
 */
export async function issueAndConfirm(page: Page): Promise<string | null> {
  await page.getByTestId('document-issue').click();
  const ok = page.getByTestId('confirm-final-ok');
  await expect(ok).toBeVisible();
  const shown = page.getByTestId('confirm-final-number');
  const number = (await shown.count()) ? (await shown.innerText()).replace(/^.*[：:]\s*/, '') : null;
  // A click that lands while the confirmation is still opening can go unheard on a loaded machine: clicked again
  // until the confirmation closes, never while it is busy issuing (the button then shows its spinner and is ignored).
  await expect(async () => {
    if ((await ok.isVisible()) && !(await ok.getAttribute('class'))?.includes('ant-btn-loading'))
      await ok.click({ timeout: 2000 });
    await expect(ok).toBeHidden({ timeout: 8000 });
  }).toPass({ timeout: 45_000 });
  return number;
}
