import { expect, screenshots, test } from './fixtures.ts';
import { InspectionsPage } from './pages/inspections-page.ts';
import { Shell } from './pages/shell.ts';

test('record an inspection, make its 现场检查记录, fix what blocks issuing, issue and download the PDF', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('现场检查');

  // 王芳's certificate in the demo roster has expired: she is offered but disabled; the clerk picks one officer first.
  const inspections = new InspectionsPage(page);
  await inspections.record({
    enterprise: '示例县华瑞化工有限公司',
    officers: ['张明'],
    start: '2026-11-20 09:30',
    place: '危化品仓库',
    findings: '1. 危化品仓库未设置可燃气体报警装置。\n2. 有限空间作业未制定专项方案。',
  });
  await expect(page.getByText('执法人员不得少于两人')).toBeVisible();
  // The list names the officers, and flags an inspection made by one.
  await shell.open('现场检查');
  await expect(
    page.getByRole('row').filter({ hasText: '危化品仓库' }).locator('.ant-tag', { hasText: '张明' }),
  ).toBeVisible();
  await shot('06-inspections-list');
  await page.getByRole('row').filter({ hasText: '危化品仓库' }).first().click();
  await page.getByTestId('make-inspection-record').click();
  await expect(page.getByRole('heading', { name: '现场检查记录' })).toBeVisible();
  // Each text shows its limit (the save refuses more): the findings take 20,000 characters.
  await expect(page.locator('#findings').locator('xpath=..').locator('.ant-input-data-count')).toHaveText(/\/ 20000$/);
  await shot('10-inspection-record-draft');

  // Issuing is refused with the rule named; clicking the problem takes the clerk to the field.
  await page.getByTestId('document-issue').click();
  const problems = page.getByTestId('issue-problems');
  await expect(problems).toContainText('执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）');
  await shot('11-issue-refused');
  await page.getByRole('button', { name: '添加执法人员' }).click();
  await page.getByTestId('pick-officer-1').click();
  await page.locator('.ant-select-item-option', { hasText: '李华' }).click();
  // 签发 asks first, showing the number it will take and what becomes final.
  await page.getByTestId('document-issue').click();
  await expect(page.getByTestId('confirm-final-number')).toHaveText(/示应急检记〔2026〕\d+号$/);
  await expect(page.getByTestId('confirm-final')).toContainText('文号一经占用不再回收');
  await shot('11b-issue-confirm');
  const shown = (await page.getByTestId('confirm-final-number').innerText()).replace(/^.*：/, '');
  await page.getByTestId('confirm-final-ok').click();
  await expect(page.getByTestId('document-number')).toHaveText(shown);
  await shot('12-issued');

  const text = await inspections.downloadPdfText(desk.dataRoot, 'record.pdf');
  expect(text).toContain('示例县应急管理局安全生产行政执法文书');
  expect(text).toContain('被检查单位：示例县华瑞化工有限公司');
  expect(text).toContain('张明、李华');
  expect(text).toContain('危化品仓库未设置可燃气体报警装置');
  // The demo county's watermark: rotated, so its characters come out one by one (演 and 据 occur nowhere else).
  expect(text).toContain('演');
  expect(text).toContain('据');
});
