import { type Locator, type Page, expect } from '@playwright/test';

/** 统计报表, as a squad leader reads it and an admin enters last year's figures. */
export class ReportsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get root(): Locator {
    return this.page.getByTestId('reports-page');
  }

  /** Waits for the period's figures (the first load or a reload) to be on screen and settled. */
  async loaded(): Promise<void> {
    await expect(this.root.getByTestId('reports-view')).toBeVisible();
    await expect(this.root.getByTestId('reports-loading')).toHaveCount(0);
  }

  /** Chooses the kind of period (月度, 季度, 年度, 自定义). */
  async kind(label: string): Promise<void> {
    await this.root.getByTestId('reports-period-kind').getByText(label, { exact: true }).click();
  }

  /** The period the figures shown are counted over, as dates. */
  get current(): Locator {
    return this.root.getByTestId('reports-period-current');
  }

  /** A figure's row in the table. */
  row(id: string): Locator {
    return this.root.locator(`tr[data-row-key="${id}"]`);
  }

  value(id: string): Locator {
    return this.root.getByTestId(`figure-value-${id}`);
  }

  /** 同比: the change on last year. */
  lastYear(id: string): Locator {
    return this.root.getByTestId(`figure-lastYear-${id}`);
  }

  /** 去年同期: the figure compared with, and where it came from. */
  lastYearValue(id: string): Locator {
    return this.root.getByTestId(`figure-lastYear-value-${id}`);
  }

  /** Opens a figure's records; returns the drawer once they are read. */
  async drill(id: string): Promise<Locator> {
    await this.root.getByTestId(`figure-${id}`).click();
    const drawer = this.drawer();
    await expect(drawer.getByTestId('drill-summary')).toBeVisible();
    return drawer;
  }

  drawer(): Locator {
    return this.page.getByTestId('drill-drawer');
  }

  async closeDrawer(): Promise<void> {
    await this.drawer()
      .getByRole('button', { name: /Close|关闭/ })
      .click();
    await expect(this.drawer()).toBeHidden();
  }

  /** Opens a tab of the breakdown (按行业, 按乡镇, 按执法人员) and returns its table. */
  async breakdown(tab: string, by: 'sector' | 'township' | 'officer'): Promise<Locator> {
    await this.root.getByTestId('reports-breakdown').getByRole('tab', { name: tab }).click();
    const table = this.root.getByTestId(`breakdown-${by}`);
    await expect(table).toBeVisible();
    return table;
  }

  /** Opens the admin's 录入基数 form, waiting for the year's entered figures to fill it. */
  async openBases(): Promise<Locator> {
    await this.root.getByTestId('reports-bases').click();
    const dialog = this.page.getByTestId('bases-form');
    await expect(dialog.getByTestId('bases-save')).toBeEnabled();
    return dialog;
  }

  /** Enters figures for the form's year and quarter as shown, with a note, and saves. */
  async enterBases(dialog: Locator, values: Record<string, number>, note: string): Promise<void> {
    for (const [id, v] of Object.entries(values)) await dialog.getByTestId(`bases-value-${id}`).fill(String(v));
    await dialog.getByTestId('bases-note').fill(note);
    await dialog.getByTestId('bases-save').click();
    await expect(dialog).toBeHidden();
    await this.loaded();
  }

  /** 打印通报: opens it for the period shown and waits for the report's PDF; returns the dialog. */
  async openPrint(): Promise<Locator> {
    await this.root.getByTestId('reports-print').click();
    const dialog = this.print();
    await expect(dialog.getByTestId('report-preview')).toHaveAttribute('data-date', /\d{4}-\d{2}-\d{2}/, {
      timeout: 30_000,
    });
    await expect(dialog.getByTestId('pdf-frame')).toBeVisible();
    return dialog;
  }

  print(): Locator {
    return this.page.getByTestId('report-print');
  }

  /** Dates the report (YYYY-MM-DD) and waits for its PDF made anew for that day. */
  async dateReport(day: string): Promise<void> {
    const input = this.print().getByTestId('report-date');
    await input.fill(day);
    await input.press('Enter');
    await expect(input).toHaveValue(day);
    await expect(this.print().getByTestId('report-preview')).toHaveAttribute('data-date', day, { timeout: 30_000 });
    await expect(this.print().getByTestId('pdf-frame')).toBeVisible();
  }

  /** 已签发的通报. */
  get issued(): Locator {
    return this.root.getByTestId('issued-list');
  }

  /** An issued report's row, by the period its title names (2026年第三季度). */
  issuedRow(text: string): Locator {
    return this.issued.locator('tbody tr', { hasText: text });
  }
}
