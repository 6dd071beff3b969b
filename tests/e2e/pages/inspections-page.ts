import { type Page, expect } from '@playwright/test';

/** Recording an inspection and its documents, as a clerk does it. */
export class InspectionsPage {
  readonly page: Page;
  constructor(page: Page) { this.page = page; }

  async record(opts: { enterprise: string; officers: string[]; start: string; place: string; findings: string }): Promise<void> {
    const p = this.page;
    await p.getByTestId('inspection-create').click();
    const drawer = p.getByRole('dialog', { name: '新建现场检查' });
    await drawer.getByTestId('inspection-enterprise').locator('input').fill(opts.enterprise.slice(0, 2));
    await p.locator('.ant-select-item-option', { hasText: opts.enterprise }).first().click();
    await drawer.getByLabel('检查时间').fill(opts.start);
    await drawer.getByLabel('检查时间').press('Enter');
    await drawer.getByLabel('检查场所').fill(opts.place);
    const officers = drawer.getByTestId('inspection-officers');
    for (const name of opts.officers) {
      await officers.click();
      await p.locator('.ant-select-item-option', { hasText: name }).first().click();
    }
    await drawer.getByTestId('inspection-findings').fill(opts.findings);
    await drawer.getByTestId('inspection-save').click();
    await expect(p.getByTestId('make-inspection-record')).toBeVisible();
  }
}
