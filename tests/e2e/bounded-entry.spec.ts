import { expect, screenshots, test } from './fixtures.ts';
import { EnterprisesPage } from './pages/enterprises-page.ts';
import { Shell } from './pages/shell.ts';
import { usccFor } from '../support/ledger.ts';
import { InspectionsPage } from './pages/inspections-page.ts';

test('a name no document font can print is said as it is typed, with the font setting offered, and still saves', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shot = screenshots(page, false);
  const shell = await Shell.demo(page, desk.url, 'admin');
  await shell.open('企业档案');
  const ledger = new EnterprisesPage(page);
  await ledger.startCreate();
  // 𰀀 (U+30000, CJK Extension G) is in none of the bundled faces; 堃 is in the fallback, so it prints.
  await ledger.fill({ name: '示例县𰀀堃化工有限公司' });
  const alert = ledger.drawer.getByTestId('unprintable');
  await expect(alert).toContainText('企业名称中的「𰀀」（U+30000）不在任何文书字体中');
  await expect(alert).not.toContainText('堃');
  await shot('60-unprintable-name');
  // Put right, the warning goes; the ledger still takes the name as it is (only its documents would fail).
  await ledger.fill({ name: '示例县堃化工有限公司' });
  await expect(alert).toBeHidden();
  await ledger.fill({ uscc: usccFor(9001), name: '示例县𰀀堃化工有限公司' });
  await expect(alert).toBeVisible();
  await ledger.save();
  await expect(ledger.drawer).toBeHidden();
  await expect(page.getByText('示例县𰀀堃化工有限公司').first()).toBeVisible();
  await shell.open('企业档案');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'New enterprise' }).click();
  const drawer = page.getByRole('dialog', { name: 'New enterprise record' });
  await drawer.getByTestId('field-name').fill('𰀀 Chemicals');
  await expect(drawer.getByTestId('unprintable')).toContainText(
    '“𰀀” (U+30000) in Enterprise name is in none of the document fonts',
  );
  await shot('61-unprintable-name-en');
  await drawer.getByTestId('unprintable-fonts').click();
  await expect(page).toHaveURL(/\/settings\/unit$/);
});

test("a draft's texts show their limits as they are typed", async ({ page, desk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('现场检查');
  await new InspectionsPage(page).record({
    enterprise: '示例县华瑞化工有限公司',
    officers: ['张明', '李华'],
    start: '2026-11-20 09:30',
    place: '危化品仓库',
    findings: '危化品仓库未设置可燃气体报警装置。',
  });
  await shell.open('现场检查');
  await page.getByRole('row').filter({ hasText: '危化品仓库' }).first().click();
  await page.getByTestId('make-inspection-record').click();
  await expect(page.getByRole('heading', { name: '现场检查记录' })).toBeVisible();
  const counts = page.locator('.ant-input-data-count');
  await expect(counts.first()).toHaveText(/^\d+ \/ \d+$/);
  // A list stops at its template's limit, saying so: the 现场检查记录 names at most ten officers.
  const add = page.getByRole('button', { name: '添加执法人员' });
  for (let n = 2; n < 10; n++) await add.click();
  await expect(add).toBeDisabled();
  await expect(page.getByTestId('officers-full')).toHaveText('已达上限：最多 10 条');
  await shot('62-draft-limits');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(counts.first()).toHaveText(/^\d+ \/ \d+$/);
  await shot('63-draft-limits-en');
});
