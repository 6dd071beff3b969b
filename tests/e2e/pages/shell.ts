import { type Page, expect } from '@playwright/test';

export class Shell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the desk, enters the demo county and signs in as one of its users (password demo1234). */
  static async demo(page: Page, url: string, username: 'admin' | 'clerk' | 'reviewer' | 'supervisor'): Promise<Shell> {
    await page.goto(url);
    await page.getByTestId('enter-demo').click();
    const shell = new Shell(page);
    await shell.signedIn(username, 'demo1234');
    // The county opens on its ledger at once; its case files come in the background, as the banner shows.
    await shell.demoWhole();
    return shell;
  }

  /**
   * Waits until the demo county's background files are made (the banner's progress gone; a bound on it only so a
   * county that never finishes fails), then loads the screens again as the banner offers.
   */
  async demoWhole(): Promise<void> {
    await expect(this.page.getByTestId('demo-making')).toBeHidden({ timeout: 180_000 });
    const reload = this.page.getByTestId('demo-made-reload');
    if (await reload.isVisible()) await reload.click();
    await expect(reload).toBeHidden();
  }

  async open(
    section:
      | '工作台'
      | '企业档案'
      | '现场检查'
      | '执法文书'
      | '案件办理'
      | '案卷评查'
      | '执法计划'
      | '数据上报'
      | '统计报表'
      | '系统设置',
  ): Promise<void> {
    await this.page.getByRole('menuitem', { name: section }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('user-menu').hover();
    await this.page.getByText('退出登录').click();
    await expect(
      this.page.getByRole('button', { name: '登 录' }).or(this.page.getByRole('button', { name: '登录' })),
    ).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: /登\s?录/ }).click();
  }

  /** Signs out and in again as another user of the demo county. */
  async switchUser(username: 'admin' | 'clerk' | 'reviewer' | 'supervisor'): Promise<void> {
    await this.signOut();
    await this.signedIn(username, 'demo1234');
  }

  /** Signs in and waits for the workbench a fresh sign-in lands on. */
  async signedIn(username: string, password: string): Promise<void> {
    await this.signIn(username, password);
    await expect(this.page.getByTestId('user-menu')).toBeVisible();
  }
}
