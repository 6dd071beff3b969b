import type { Page } from '@playwright/test';
import { expect, screenshots, test } from './fixtures.ts';
import { Shell } from './pages/shell.ts';

test('a clerk signing in after an admin lands on the workbench; a page that does not exist, or that the role may not see, says so with the way back (issue 18)', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'admin');
  await shell.open('系统设置');
  // The audit log says what happened in words, each record a link, and filters on the core.
  await page.getByRole('tab', { name: '全过程记录' }).click();
  const log = page.locator('.ant-table');
  await expect(log).toContainText('签发文书');
  await expect(log).not.toContainText('documents:issue');
  await page.locator('[data-testid="audit-filters"] .ant-select').click();
  await page.locator('.ant-select-item-option', { hasText: '案件办理' }).click();
  await expect(log).not.toContainText('签发文书');
  await expect(log).toContainText('登记：审批签署');
  await expect(log).not.toContainText('cases:');
  await shot('06-audit-log');
  await page.getByRole('tab', { name: '用户与权限' }).click();
  await expect(page).toHaveURL(/#\/settings\/users$/);
  await shell.signOut();
  await shell.signIn('clerk', 'demo1234');
  // Not the admin's tab: the workbench, which every role may see.
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('not-found')).toBeHidden();
  // The admin's tab by its address: not for a clerk.
  await page.goto(`${desk.url}/#/settings/users`);
  await expect(page.getByTestId('not-found')).toContainText('当前账号无权查看');
  // An address that does not exist.
  await page.goto(`${desk.url}/#/no-such-page`);
  await expect(page.getByTestId('not-found')).toContainText('页面不存在');
  await shot('05-not-found');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('not-found')).toContainText('Page not found');
  await shot('05-not-found-en');
  await page.getByRole('button', { name: 'Back to the workbench' }).click();
  await expect(page).toHaveURL(/#\/$/);
});

test('lists say what a clerk looks for: the officers, documents by their own date; the calendar warning only to whom can fix it (issue 18)', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await expect(page.getByTestId('calendar-missing')).toBeHidden();
  await shell.open('现场检查');
  await expect(page.getByRole('columnheader', { name: '执法人员' })).toBeVisible();
  // Filtered on the core: by an officer and by the days the inspection began (issue 18).
  const inspections = page.getByTestId('inspection-list').locator('tbody tr.ant-table-row');
  await expect(inspections.first()).toBeVisible();
  const allInspections = await inspections.count();
  await pickOption(page, 'inspection-filter-officer', '李华');
  await expect(inspections.first()).toBeVisible();
  for (const row of await inspections.all()) await expect(row).toContainText('李华');
  await pickDays(page, 'inspection-filter-dates', '2026-11-01', '2026-11-30');
  await expect
    .poll(async () => (await inspections.allInnerTexts()).every((r) => r.includes('2026年11月') && r.includes('李华')))
    .toBe(true);
  expect(await inspections.count()).toBeLessThanOrEqual(allInspections);
  await shot('07-inspections-filtered');
  await shell.open('执法文书');
  await expect(page.getByRole('columnheader', { name: '文书日期' })).toBeVisible();
  const documents = page.getByTestId('document-list').locator('tbody tr.ant-table-row');
  await expect(documents.first()).toBeVisible();
  // Paging stays on the page asked for (a table's change event must not send it back to page 1).
  const pager = page.locator('.ant-pagination');
  await expect(pager.getByTitle('2', { exact: true })).toBeVisible();
  await pager.getByTitle('2', { exact: true }).click();
  await expect(pager.locator('.ant-pagination-item-active')).toHaveText('2');
  await pager.getByTitle('1', { exact: true }).click();
  await pickOption(page, 'document-filter-status', '已签发');
  await expect.poll(async () => (await documents.allInnerTexts()).every((r) => r.includes('已签发'))).toBe(true);
  // The date column sorts by the date each document bears, oldest first, then newest first.
  const dates = async () => (await documents.locator('td:last-child').allInnerTexts()).filter((d) => d !== '—');
  await page.getByRole('columnheader', { name: '文书日期' }).click();
  await expect
    .poll(async () => {
      const d = await dates();
      return d.length > 1 && d.join() === [...d].sort().join();
    })
    .toBe(true);
  await page.getByRole('columnheader', { name: '文书日期' }).click();
  await expect
    .poll(async () => {
      const d = await dates();
      return d.join() === [...d].sort().reverse().join();
    })
    .toBe(true);
  await shot('07-documents-list');
  // A blank form opens in the same preview as every printable, made while the clerk watches a spinner.
  await page.locator('.ant-select', { hasText: '选择文书种类' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.getByRole('button', { name: '打印空白文书' }).click();
  await expect(page.getByTestId('pdf-frame')).toBeVisible({ timeout: 30_000 });
  await shot('07-blank-preview');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-preview')).toBeHidden();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('columnheader', { name: 'Document date' })).toBeVisible();
  await shot('07-documents-list-en');
  await page.getByRole('button', { name: '中文' }).click();
  await shell.signOut();
  await shell.signedIn('admin', 'demo1234');
  await expect(page.getByTestId('calendar-missing')).toContainText('系统设置 → 工作日历');
});

test('a long case page jumps to its parts and says where it is: sections kept in view, breadcrumbs back up (issue 18)', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('案件办理');
  await page.locator('tbody tr.ant-table-row').first().click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  const address = page.url();
  const crumbs = page.getByTestId('breadcrumbs');
  await expect(crumbs).toContainText('案件办理');
  const sections = page.getByTestId('case-sections');
  await sections.getByText('办案记录', { exact: true }).click();
  await expect(page.getByTestId('case-events')).toBeInViewport();
  // The sections stay at the top while the page scrolls, and the jump leaves the address alone.
  await expect(sections).toBeInViewport();
  expect(page.url()).toBe(address);
  await shot('08-case-sections');
  await sections.getByText('法定期限', { exact: true }).click();
  await expect(page.getByTestId('case-deadlines')).toBeInViewport();
  // A document of the case names the case in its trail, and the trail leads back to it.
  await page.getByTestId('case-documents').locator('tbody tr.ant-table-row').first().click();
  await expect(crumbs).toContainText('案件');
  await crumbs.getByRole('link').nth(1).click();
  await expect(page).toHaveURL(address);
  await crumbs.getByRole('link', { name: '案件办理' }).click();
  await expect(page).toHaveURL(/#\/cases$/);
});

/** Picks an option of a filter's select by its label. */
async function pickOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Types both ends of a filter's day range. */
async function pickDays(page: Page, testId: string, from: string, to: string) {
  const inputs = page.getByTestId(testId).locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
}

test('the workbench shows this quarter’s entry and reporting; the decisions to publish are listed with their 7 working days, the pressing ones first (issue 19)', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'clerk');
  // The workbench says how complete this quarter's record is, each figure with its definition and what falls short.
  const figures = page.getByTestId('completeness');
  await expect(figures).toContainText('检查录入完整率');
  await expect(figures).toContainText('尚无已接收的上报包');
  await figures.getByTestId('indicator-inspections-complete').click();
  await expect(page.locator('.ant-modal')).toContainText('口径：本期开始的现场检查');
  await shot('43-completeness');
  await page.keyboard.press('Escape');
  await shell.open('数据上报');
  await page.getByRole('tab', { name: '行政处罚公示' }).click();
  const list = page.getByTestId('publications');
  await expect(list.getByTestId('publications-next')).toBeVisible();
  await expect(list.getByTestId('publication-status').first()).toBeVisible();
  // Nothing of the demo county leaves the PC.
  await expect(list.getByTestId('publications-xlsx')).toHaveCount(0);
  await list.locator('tbody tr.ant-table-row').first().getByRole('link').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('tab', { name: '行政处罚公示', selected: true })).toBeVisible();
  await shot('43-publications');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(list).toContainText('Publication of penalty decisions');
  await shot('43-publications-en');
});

test('a call the user waits for shows the busy bar along the top until its answer comes (issue 22)', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await Shell.demo(page, desk.url, 'clerk');
  // The ledger's search held back until the test lets it go: as a slow PC would answer it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/enterprises:search', async (route) => {
    await held;
    await route.continue();
  });
  await new Shell(page).open('企业档案');
  await expect(page.getByTestId('busy-bar')).toBeVisible();
  await screenshots(page, false)('36-busy-bar');
  release();
  await expect(page.getByTestId('busy-bar')).toBeHidden();
});
