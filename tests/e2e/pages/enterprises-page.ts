import { type Locator, type Page, expect } from '@playwright/test';

/** The ledger as a clerk uses it: search, create, import. */
export class EnterprisesPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get drawer(): Locator {
    return this.page.getByRole('dialog', { name: /企业档案$/ });
  }

  async startCreate(): Promise<void> {
    await this.page.getByRole('button', { name: '新建企业' }).click();
    await expect(this.page.getByRole('dialog', { name: '新建企业档案' })).toBeVisible();
  }

  async fill(fields: { uscc?: string; name?: string; township?: string }): Promise<void> {
    if (fields.uscc !== undefined) await this.drawer.getByTestId('field-uscc').fill(fields.uscc);
    if (fields.name !== undefined) await this.drawer.getByTestId('field-name').fill(fields.name);
    if (fields.township !== undefined) await this.drawer.getByLabel('乡镇（街道）').fill(fields.township);
  }

  async save(): Promise<void> {
    await this.drawer.getByTestId('enterprise-save').click();
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByPlaceholder('企业名称、统一社会信用代码、负责人、地址（一两个字也可）');
    await box.fill(text);
    await box.press('Enter');
  }

  rows(): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }

  async importFile(file: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Excel 导入' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    return dialog;
  }
}
