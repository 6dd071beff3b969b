import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, SCREENS, screenshots, test } from './fixtures.ts';
import { CasePage } from './pages/case-page.ts';
import { InspectionsPage, issueAndConfirm } from './pages/inspections-page.ts';
import { Shell } from './pages/shell.ts';
import { TEST_TODAY } from '../support/clock.ts';
import { previewAndSave } from './pages/preview.ts';

/** The squad's today (Asia/Shanghai), as the app dates its documents. */
const TODAY = TEST_TODAY;

test('a clerk investigates a filed case: a 询问笔录 with its questions, a recusal, and the 立案审批表 printed to sign', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('案件办理');
  await page.getByRole('row').filter({ hasText: '调查取证' }).first().click();
  await expect(page.getByTestId('case-stage')).toHaveText('调查取证');
  const kase = new CasePage(page);

  // The documents menu groups what the file holds: investigation, coercion, the penalty, the rest.
  await page.getByTestId('case-document-create').click();
  for (const group of ['调查取证', '行政强制', '告知与决定', '其他'])
    await expect(page.locator('.ant-dropdown-menu-item-group-title', { hasText: group })).toBeVisible();
  await shot('35-case-document-menu');

  // 询问笔录: refused without its questions, issued once the answers are written down.
  await kase.makeDocument('询问笔录');
  await page.getByLabel('被询问人', { exact: true }).fill('王建国');
  await page.getByLabel('性别', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '男' }).click();
  await page.getByLabel('年龄', { exact: true }).fill('52');
  await page.getByLabel('询问结束时间').fill(`${TODAY} 10:30`);
  await page.getByLabel('询问结束时间').press('Enter');
  await page.getByLabel('被询问人对告知事项的回答（是否听清楚）').fill('听清楚了');
  await page.getByLabel('被询问人对是否申请回避的回答').fill('不申请回避');
  await page.getByTestId('document-issue').click();
  await expect(page.getByText('询问笔录应至少记录一问一答').first()).toBeVisible();
  await page.getByRole('button', { name: '添加问答' }).click();
  await page.getByPlaceholder('问', { exact: true }).fill('你单位危化品仓库是否设置了可燃气体报警装置？');
  await page.getByPlaceholder('答', { exact: true }).fill('没有设置，正在联系厂家采购。');
  // A 询问笔录 bears no number: the confirmation shows none; issued, it can be downloaded.
  expect(await issueAndConfirm(page)).toBeNull();
  await expect(page.getByTestId('document-download')).toBeVisible();
  const inspections = new InspectionsPage(page);
  const text = await inspections.downloadPdfText(desk.dataRoot, 'questioning.pdf');
  for (const piece of [
    '询问笔录',
    '被询问人：王建国',
    '第五十五条',
    '问：你单位危化品仓库是否设置了可燃气体报警装置？',
    '答：没有设置，正在联系厂家采购。',
    '不申请回避',
  ])
    expect(text).toContain(piece);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    path.join(desk.dataRoot, 'questioning.pdf'),
    path.join(SCREENS, '36-questioning-pdf'),
  ]);
  await page.goBack();

  // 回避: the party asks that an officer withdraw; once granted, the case wants another 承办人.
  const handler = (await page.getByTestId('case-page').innerText()).includes('张明') ? '张明' : '李华';
  await kase.record('回避决定', 'recusal', async (d) => {
    await d.getByLabel('申请回避的执法人员').fill(handler);
    // Chosen, not merely clicked: on a busy machine the option can be clicked while the list still opens.
    await expect(async () => {
      await d.getByLabel('提出方').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '当事人申请' })
        .click({ timeout: 3000 });
      await expect(d.locator('.ant-form-item', { hasText: '提出方' })).toContainText('当事人申请', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await d.getByLabel('理由').fill('与当事人法定代表人系近亲属');
    await d.getByLabel('决定人（负责人）').fill('陈局长');
  });
  await expect(page.getByTestId('case-blockers')).toContainText(`承办人 ${handler} 已决定回避`);

  // The 立案审批表, filled in with the case and its recorded signatures.
  const download = await previewAndSave(page, page.getByTestId('approval-form-filing'));
  const form = path.join(desk.dataRoot, 'filing.pdf');
  await download.saveAs(form);
  const filing = execFileSync('pdftotext', ['-layout', form, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const piece of ['立案审批表', '案件名称', '案件来源', '承办人意见', '审核意见', '审批意见'])
    expect(filing).toContain(piece);
  await shot('37-case-recusal');
});

test('a clerk sees that a case may be 危险作业罪 and records the transfer assessment before the decision (issue 17)', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('案件办理');
  // The demo's file whose 呈批 cites 第九十九条第（四）项: the alarm switched off.
  await page.getByRole('row').filter({ hasText: '告知' }).first().click();
  const risk = page.getByTestId('case-crime-risk');
  await expect(risk).toContainText('可能涉嫌危险作业罪（第九十九条第（四）项）');
  await expect(risk).toContainText('移送研判');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot('36-case-crime-risk');
  const kase = new CasePage(page);
  await kase.record('移送研判（行刑衔接）', 'transfer-assessment', async (d) => {
    await d.getByLabel('结论').click();
    await page.locator('.ant-select-item-option', { hasText: '不予移送' }).click();
    await d.getByLabel('研判理由').fill('报警装置关闭时间短，仓库内未储存危险化学品，不具有发生重大伤亡事故的现实危险');
    await d.getByLabel('批准人').fill('陈局长');
  });
  await expect(risk).toBeHidden();
  await expect(page.getByText('不予移送：报警装置关闭时间短')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/Do not transfer：/)).toBeVisible();
  await shot('36-case-crime-risk-recorded-en');
});
