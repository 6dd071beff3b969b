import { type Page, expect } from '@playwright/test';
import { whenSettled } from './settled.ts';
import type { Shell } from './shell.ts';

const FORM_NAMES = { filing: '立案审批表', disposal: '案件处理呈批表', closing: '结案审批表' } as const;

/** A case file as a clerk works it: signatures, the 呈批, documents made from the case, events recorded. */
export class CasePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /**
   * Enters the next `count` rows of an approval form in its panel as the user signed in, each dated `date`, with the
   * name the panel offers (the case's officers, the unit's usual signers), which the test checks.
   */
  async signRows(
    stage: 'filing' | 'disposal' | 'closing',
    names: string[],
    date: string,
    look?: () => Promise<unknown>,
  ): Promise<void> {
    await this.page.getByTestId(`approve-${stage}`).click();
    const panel = this.page.getByTestId(`approval-panel-${stage}`);
    // The whole form fits the office screen: no row is below the fold.
    await expect(panel.locator('[data-testid^="approval-row-"]').first()).toBeVisible();
    const box = await this.page.getByRole('dialog').last().boundingBox();
    expect(box!.height).toBeLessThanOrEqual(this.page.viewportSize()!.height);
    await look?.();
    for (const name of names) {
      const row = panel
        .locator('[data-testid^="approval-row-"]')
        .filter({ has: this.page.getByTestId('approval-sign') });
      await expect(row.getByLabel('姓名')).toHaveValue(name);
      await row.locator('.ant-picker input').fill(date);
      await row.locator('.ant-picker input').press('Enter');
      await row.getByTestId('approval-sign').click();
      // Recorded: the row now shows who signed, with no inputs.
      await whenSettled(this.page, () =>
        expect(
          panel
            .locator('[data-testid^="approval-row-"]', { hasText: name })
            .filter({ hasNot: this.page.getByTestId('approval-sign') }),
        ).toHaveCount(1),
      );
    }
    await panel.locator('.ant-modal-footer').getByRole('button').click();
    await whenSettled(this.page, () => expect(panel).toBeHidden());
  }

  /**
   * 承办人 ×2 → 审核 → 审批, each row by the role it belongs to: the clerk enters the 承办人, the legal reviewer the
   * 审核, the head the 审批; the clerk is signed in again at the end, on the same case.
   */
  async signForm(
    shell: Shell,
    stage: 'filing' | 'disposal' | 'closing',
    date: string,
    look?: (user: 'clerk' | 'reviewer' | 'supervisor') => Promise<unknown>,
  ): Promise<void> {
    const url = this.page.url();
    await this.signRows(stage, ['张明', '李华'], date, look && (() => look('clerk')));
    for (const [user, name] of [
      ['reviewer', '赵审核'],
      ['supervisor', '陈局长'],
      ['clerk', null],
    ] as const) {
      await shell.switchUser(user);
      // What waits on the reviewer and the head is on their workbench, first.
      if (name)
        await expect(this.page.getByTestId('awaiting')).toContainText(
          `${FORM_NAMES[stage]}：待${user === 'reviewer' ? '审核人' : '审批人'}签署`,
        );
      await this.page.goto(url);
      await expect(this.page.getByTestId('case-page')).toBeVisible();
      if (name) await this.signRows(stage, [name], date, look && (() => look(user)));
    }
  }

  /** Records a later step from the 登记 menu; `fill` fills its dialog. */
  async record(
    label: string,
    kind: string,
    fill: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>,
  ): Promise<void> {
    await this.openMenu('case-record', label);
    const dialog = this.page.getByTestId(`event-${kind}`);
    await fill(dialog);
    await this.page.getByTestId('event-save').click();
    await whenSettled(this.page, () => expect(dialog).toBeHidden());
  }

  /** Makes a document of the case from the 制作文书 menu; the document page opens. */
  async makeDocument(label: string): Promise<void> {
    await this.openMenu('case-document-create', label);
    await whenSettled(this.page, () => expect(this.page.getByRole('heading', { name: label })).toBeVisible());
  }

  /** Records on the open document that it was handed to the party. */
  async serveOpenDocument(at: string, recipient: string): Promise<void> {
    await this.page.getByRole('button', { name: '登记送达' }).click();
    const dialog = this.page.getByRole('dialog', { name: '文书送达回执' });
    await dialog.getByLabel('送达时间').fill(at);
    await dialog.getByLabel('送达时间').press('Enter');
    await dialog.getByLabel('受送达人（签收人）').fill(recipient);
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await whenSettled(this.page, () => expect(dialog).toBeHidden());
  }

  /**
   * Clicks an item of a menu opened on click (a click on its button while open would close it). A click
   * that lands while the menu is still being placed is lost (now and then on a loaded machine): the menu
   * then stays open, and the item is clicked again. An item that acted closes its menu.
   */
  private async openMenu(button: string, label: string): Promise<void> {
    const item = this.page.getByRole('menuitem', { name: label, exact: true });
    await expect(async () => {
      if (!(await item.isVisible())) await this.page.getByTestId(button).click();
      await item.click({ timeout: 3000 });
      await expect(item).toBeHidden({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
  }

  async stage(): Promise<string> {
    return this.page.getByTestId('case-stage').innerText();
  }
}
