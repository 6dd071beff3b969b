import { expect, screenshots, test } from './fixtures.ts';
import { ReportsPage } from './pages/reports-page.ts';
import { Shell } from './pages/shell.ts';

test('an admin sets the unit’s own target for 在岗率, the report judges by it, a second target for it is refused, and the 示例 comes back (issue 21)', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'admin');
  await shell.open('统计报表');
  const reports = new ReportsPage(page);
  await reports.loaded();
  const target = reports.root.getByTestId('figure-target-officers-on-duty');
  await expect(target).toContainText('≥90%');

  await reports.root.getByTestId('reports-targets').click();
  const editor = page.getByTestId('targets-editor');
  await expect(editor).toContainText('示例目标');
  // The example's 在岗率 row: its minimum raised to 99%.
  const row = editor.locator('tr', { hasText: '执法人员在岗率' });
  const value = row.locator('input[role="spinbutton"]');
  await value.fill('99');
  await expect(value).toHaveValue('99');
  // A second target for a figure that has one is said, on its row, before anything is saved.
  await editor.getByTestId('target-add').click();
  await expect(editor.getByTestId('targets-problem')).toContainText('该指标已设目标');
  await expect(editor.getByTestId('targets-save')).toBeDisabled();
  await shot('report-targets-editor');
  await editor.locator('tr').last().getByRole('button', { name: '删除此目标' }).click();
  await expect(editor.getByTestId('targets-problem')).toHaveCount(0);
  await editor.getByTestId('targets-save').click();
  await expect(page.getByText('考核目标已保存')).toBeVisible();
  await expect(target).toContainText('≥99%');

  // Restored to the example.
  await reports.root.getByTestId('reports-targets').click();
  await expect(editor).toContainText('本单位设置的考核目标');
  await editor.getByTestId('targets-reset').click();
  await page.getByRole('button', { name: /^(OK|确\s?定)$/ }).click();
  await expect(page.getByText('已恢复为示例目标')).toBeVisible();
  await expect(target).toContainText('≥90%');
});
