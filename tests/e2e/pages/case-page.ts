import { type Page, expect } from '@playwright/test';

/** A case file as a clerk works it: signatures, the 呈批, documents made from the case, events recorded. */
export class CasePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** 承办人 ×2 → 审核 → 审批, each signature entered from the signed paper form. */
  async sign(stage: 'filing' | 'disposal' | 'closing', names: string[]): Promise<void> {
    for (const name of names) {
      await this.page.getByTestId(`approve-${stage}`).click();
      const form = this.page.getByTestId('event-approval');
      await form.getByLabel('姓名').fill(name);
      await this.page.getByTestId('event-save').click();
      await expect(form).toBeHidden();
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
    await expect(dialog).toBeHidden();
  }

  /** Makes a document of the case from the 制作文书 menu; the document page opens. */
  async makeDocument(label: string): Promise<void> {
    await this.openMenu('case-document-create', label);
    await expect(this.page.getByRole('heading', { name: label })).toBeVisible();
  }

  /** Records on the open document that it was handed to the party. */
  async serveOpenDocument(at: string, recipient: string): Promise<void> {
    await this.page.getByRole('button', { name: '登记送达' }).click();
    const dialog = this.page.getByRole('dialog', { name: '文书送达回执' });
    await dialog.getByLabel('送达时间').fill(at);
    await dialog.getByLabel('送达时间').press('Enter');
    await dialog.getByLabel('受送达人（签收人）').fill(recipient);
    await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
    await expect(dialog).toBeHidden();
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
