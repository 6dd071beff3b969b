import { type Page, expect } from '@playwright/test';

export class SetupPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async createAdmin(username: string, displayName: string, password: string): Promise<void> {
    const p = this.page;
    await expect(p.getByText('首次使用：初始化本单位')).toBeVisible();
    await p.getByLabel('管理员用户名').fill(username);
    await p.getByLabel('姓名', { exact: true }).fill(displayName);
    await p.getByLabel('密码', { exact: true }).fill(password);
    await p.getByLabel('确认密码').fill(password);
    await p.getByRole('button', { name: '下一步' }).click();
  }

  async fillUnit(unit: Record<string, string>): Promise<void> {
    const labels: Record<string, string> = {
      agencyName: '机关名称',
      squadName: '执法队伍名称',
      regionCode: '行政区划代码',
      numberPrefix: '文号机关代字',
      reviewAgency: '行政复议机关',
      court: '人民法院',
      address: '地址',
      phone: '联系电话',
    };
    for (const [k, v] of Object.entries(unit)) await this.page.getByLabel(labels[k], { exact: true }).fill(v);
  }

  async finish(): Promise<string> {
    await this.page.getByRole('button', { name: '完成初始化' }).click();
    const code = (await this.page.getByTestId('recovery-code').innerText()).trim();
    await this.page.getByText('我已记下恢复码').click();
    await this.page
      .getByRole('button', { name: '确 定' })
      .or(this.page.getByRole('button', { name: '确定' }))
      .click();
    return code;
  }
}
