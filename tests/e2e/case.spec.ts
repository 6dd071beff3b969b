import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, SCREENS, screenshots, test } from './fixtures.ts';
import { pickBySearch } from './pages/select.ts';
import { CasePage } from './pages/case-page.ts';
import { InspectionsPage } from './pages/inspections-page.ts';
import { Shell } from './pages/shell.ts';

import { TEST_TODAY } from '../support/clock.ts';
import { previewAndSave } from './pages/preview.ts';
import { whenSettled } from './pages/settled.ts';

/** The squad's today (Asia/Shanghai), as the app dates its documents. */
const TODAY = TEST_TODAY;

test('a clerk takes an overdue hazard to a case: 立案, 呈批, 告知书, 决定书, service, payment, 结案 and 归档', async ({
  page,
  desk,
}) => {
  test.setTimeout(240_000);
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'clerk');

  // A hazard whose deadline passed with no re-check: the workbench suggests a case.
  await shell.open('现场检查');
  const inspections = new InspectionsPage(page);
  await inspections.record({
    enterprise: '示例县华瑞化工有限公司',
    officers: ['张明', '李华'],
    start: '2026-10-20 09:30',
    place: '危化品仓库',
    findings: '危化品仓库未设置可燃气体报警装置。',
  });
  await inspections.addHazard('危化品仓库未设置可燃气体报警装置', '2026-10-30');
  await shell.open('工作台');
  const escalations = page.getByTestId('escalations');
  await expect(escalations).toContainText('复查逾期未进行');
  await escalations
    .getByRole('listitem')
    .filter({ hasText: '可燃气体报警装置' })
    .getByText('立案', { exact: true })
    .click();

  // 立案: the escalation's enterprise, facts and officers come with it.
  const drawer = page.getByRole('dialog', { name: '立案' });
  await expect(drawer.getByTestId('case-cause')).toHaveValue(/涉嫌未采取措施消除事故隐患案/);
  await drawer.getByTestId('case-save').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  const kase = new CasePage(page);
  // The case says what comes next and whose turn it is; the clerk enters the 承办人 rows, the reviewer and the head theirs.
  await expect(page.getByTestId('case-next-step')).toHaveText('立案审批表：待承办人签署');
  await kase.signForm(shell, 'filing', TODAY, (user) => shot(`29-approval-panel-${user}`));
  await expect(page.getByTestId('case-next-step')).toHaveText('调查终结后填写案件处理呈批：处理意见和违法行为');
  await expect(page.getByTestId('case-stage')).toHaveText('调查取证');

  // 呈批: the violation, its penalty article and the discretion helper's band.
  await page.getByTestId('violation-add').click();
  await pickBySearch(page, page.getByTestId('penalty-item-0'), '第一百零二条');
  await page.getByTestId('violation-facts-0').fill('危化品仓库未按规定设置可燃气体报警装置，逾期未消除该事故隐患');
  await expect(page.getByTestId('proposal-0')).toBeVisible();
  await page.getByTestId('violation-reasoning-0').fill('一般事故隐患，未造成后果，按一般情节裁量');
  await page
    .getByTestId('violation-0')
    .getByRole('textbox', { name: '证据', exact: true })
    .fill('现场检查记录、现场照片');
  // Above the article's maximum: said under the amount, and gone as soon as the amount is corrected (issue 18).
  await page.getByTestId('violation-fine-0').fill('60000');
  await page.getByTestId('disposal-save').click();
  const tooHigh = page.getByTestId('violation-0').getByText(/罚款超过法定上限/);
  await expect(tooHigh).toBeVisible();
  await page.getByTestId('violation-fine-0').fill('20000');
  await expect(tooHigh).toBeHidden();
  await page.getByTestId('disposal-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await kase.signForm(shell, 'disposal', TODAY);
  await expect(page.getByTestId('case-stage')).toHaveText('告知');
  await shot('30-case-disposal-approved');

  // 行政处罚告知书: issued and handed over.
  await kase.makeDocument('行政处罚告知书');
  const noticeNumber = await inspections.issueOpenDocument();
  expect(noticeNumber).toMatch(/^示应急罚告〔2026〕\d+号$/);
  const noticeText = await inspections.downloadPdfText(desk.dataRoot, 'notice.pdf');
  expect(noticeText).toContain('罚款人民币贰万元整');
  expect(noticeText).toContain('3日内向本机关进行陈述和申辩');
  await kase.serveOpenDocument(`${TODAY} 09:00`, '王经理');
  await page.goBack();

  // The party waives the statement (and the hearing); the decision is made, issued and served.
  await kase.record('陈述申辩', 'statement', async (d) => {
    await d.getByText('当事人明确放弃陈述申辩').click();
    await d.getByText('同时明确放弃听证').click();
  });
  await expect(page.getByTestId('case-stage')).toHaveText('待决定');
  await kase.makeDocument('行政处罚决定书（单位）');
  // What the law says of the party is the 呈批's: shown, locked, saying where it is changed.
  await expect(page.getByLabel('罚款合计')).toBeDisabled();
  await expect(page.getByLabel('罚款合计')).toHaveValue('20000');
  await expect(page.getByLabel('当事人', { exact: true })).toBeDisabled();
  // A violation reads as labelled lines: the 呈批's citations as text, never an input to edit (issue 18).
  const violation = page.locator('.doc-row-block').first();
  await expect(violation.locator('.doc-row-line', { hasText: '处罚依据' })).toContainText('第一百零二条');
  await expect(violation.locator('.doc-row-line', { hasText: '违反的条款' }).getByRole('textbox')).toHaveCount(0);
  await page
    .getByLabel('罚款缴纳地点（银行、账号或缴款渠道）')
    .fill('示例县农村信用合作联社（账号：88010120000012345）');
  await shot('35-decision-editor');
  // The same screen in English: the locked fields say where they are changed.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('come from the case file and cannot be changed here')).toBeVisible();
  await shot('35-decision-editor-en');
  await page.getByRole('button', { name: '中文' }).click();
  const decisionNumber = await inspections.issueOpenDocument();
  expect(decisionNumber).toMatch(/^示应急罚〔2026〕\d+号$/);
  const decisionText = await inspections.downloadPdfText(desk.dataRoot, 'decision.pdf');
  for (const piece of [
    '行政处罚决定书（单位）',
    '被处罚单位：示例县华瑞化工有限公司',
    '以上事实有现场检查记录、现场照片等证据为证',
    '你单位明确表示放弃陈述、申辩的权利',
    '依据《中华人民共和国安全生产法》第一百零二条的规定',
    '决定给予罚款人民币贰万元整（¥20,000.00）',
    '15日内缴至示例县农村信用合作联社',
    '百分之三加处罚款',
    '向示例县人民政府申请行政复议',
  ])
    expect(decisionText).toContain(piece);
  // Looked at as a page, as the clerk would print it.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    path.join(desk.dataRoot, 'decision.pdf'),
    path.join(SCREENS, '31-decision-pdf'),
  ]);
  await kase.serveOpenDocument(`${TODAY} 10:00`, '王经理');
  await shot('32-decision-served');
  await page.goBack();
  // The 送达回执 the party signed, listing what was served on it: the file's proof of service, needed before 结案.
  await kase.makeDocument('文书送达回执');
  expect(await inspections.issueOpenDocument()).toMatch(/^示应急回〔2026〕\d+号$/);
  await page.goBack();

  // Payment, then 结案 and 归档: the file becomes read-only.
  await expect(page.getByTestId('case-stage')).toHaveText('执行');
  await kase.record('缴纳罚款', 'payment', async (d) => {
    await d.getByLabel('金额').fill('20000');
    await d.getByLabel('缴款凭证号').fill('NT2026000123');
  });
  // What to publish, laid out in the 双公示 fields, before recording that it was published.
  await page.getByTestId('case-publication').click();
  const published = page.getByTestId('publication-dialog');
  for (const piece of [
    '行政相对人名称',
    '示例县华瑞化工有限公司',
    decisionNumber,
    '罚款金额（万元）',
    '公示截止期',
    '示例县应急管理局',
  ])
    await expect(published).toContainText(piece);
  await shot('32b-publication');
  await published.getByRole('button', { name: '关闭' }).click();
  await kase.record('处罚决定公示', 'publication', async (d) => {
    await d.getByLabel('公示平台').fill('示例县人民政府网站');
  });
  await expect(page.getByTestId('case-stage')).toHaveText('待结案');
  await kase.signForm(shell, 'closing', TODAY);
  await expect(page.getByTestId('case-stage')).toHaveText('已结案');
  // The year's next free 归档号 is offered.
  await kase.record('归档', 'archive', async (d) => {
    await expect(d.getByLabel('归档号（如 2026-0001）')).toHaveValue(/^2026-\d{4}$/);
  });
  await expect(page.getByTestId('case-stage')).toHaveText('已归档');
  await expect(page.getByTestId('case-deadlines')).not.toContainText('已逾期');
  await expect(page.getByTestId('case-document-create')).toBeHidden();
  await shot('33-case-archived');
  // The bound file's cover, 卷内目录 and 备考表.
  const download = await previewAndSave(page, page.getByTestId('case-binder'));
  const binder = path.join(desk.dataRoot, 'binder.pdf');
  await download.saveAs(binder);
  const bound = execFileSync('pdftotext', ['-layout', binder, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const piece of [
    '安全生产行政执法案卷',
    '卷内目录',
    '1行政处罚决定书（单位）示应急罚〔2026〕',
    '立案审批表',
    '结案审批表',
    '备考表',
  ])
    expect(bound).toContain(piece);
  // The whole file as one PDF: the same front and back pages around every paper, each paper's page numbered.
  await page.getByTestId('case-bound-file').click();
  await whenSettled(page, () => expect(page.getByTestId('pdf-frame')).toBeVisible());
  await shot('34-case-bound-file');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-preview')).toBeHidden();
  const whole = path.join(desk.dataRoot, 'bound.pdf');
  await (await previewAndSave(page, page.getByTestId('case-bound-file'))).saveAs(whole);
  const pagesOf = (file: string) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const numbered = Number(/共(\d+)页。/.exec(bound)![1]);
  expect(pagesOf(whole)).toBe(pagesOf(binder) + numbered);
  const wholeText = execFileSync('pdftotext', [whole, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(wholeText).toContain('行政处罚决定书（单位）');
});

test('an admin sets the case rules: payment place, hearing thresholds, and confirms a period marked 待核实', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'admin');
  await shell.open('系统设置');
  await page.getByRole('tab', { name: '案件办理' }).click();
  const tab = page.getByTestId('settings-cases');
  await expect(tab.getByLabel('较大数额罚款（单位）')).toHaveValue('30000');
  // The example benchmark is listed as such.
  await expect(tab).toContainText('示例');
  await tab.getByTestId('settings-payment-place').fill('示例县非税收入汇缴结算户（账号：12345678）');
  // 90 days to decide under 令第18号 is 待核实 until confirmed here.
  await tab.getByTestId('confirm-period-decision').fill('90');
  await tab.getByTestId('settings-cases-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot('34-settings-cases');
  await page.reload();
  await page.getByRole('tab', { name: '案件办理' }).click();
  await expect(tab.getByTestId('settings-payment-place')).toHaveValue('示例县非税收入汇缴结算户（账号：12345678）');
  await expect(tab.getByTestId('confirm-period-decision')).toHaveValue('90');
});
