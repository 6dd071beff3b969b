import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { type DrawRecord, verifyDraw } from '../../shared/domain/plans/draw.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { Shell } from './pages/shell.ts';

/** Types a day into a date field (the picker's input, found by its id) and confirms it. */
async function typeDay(field: Locator, day: string) {
  await field.click();
  await field.fill(day);
  await field.press('Enter');
}

/** The page scrolled back up, focus and the last toast gone: what a user sees on arriving. */
async function atTop(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .locator('main, .ant-layout-content')
    .first()
    .evaluate((el) => el.scrollTo?.(0, 0));
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
}

/** Screenshots for the review, kept under /tmp/shots as well as test-results/screens. */
function shots(page: Page, full: boolean) {
  const take = screenshots(page, full);
  return async (name: string) => {
    fs.mkdirSync('/tmp/shots', { recursive: true });
    fs.writeFileSync(path.join('/tmp/shots', `${name}.png`), await take(name));
  };
}

/** The demo county's 2026, as a clerk counts it: enough other work that too little is left for the inspections. */
const OTHER = {
  supervision: 300,
  licensing: 80,
  accidents: 40,
  complaints: 60,
  joint: 50,
  registration: 30,
  agencies: 20,
  publicity: 60,
  litigation: 10,
  assigned: 50,
};
const NON = { duty: 50, study: 60, guidance: 20, party: 30, sick: 20, leave: 50, other: 20 };

async function fillDays(panel: Locator, prefix: string, days: Record<string, number>) {
  for (const [k, n] of Object.entries(days)) await panel.getByTestId(`${prefix}-${k}`).fill(String(n));
}

test('the year plan is worked out from the day counts, refused while short, approved and filed; a 双随机 draw is made before a witness and its record downloaded (issue 20)', async ({
  page,
  desk,
}) => {
  test.setTimeout(240_000);
  const shot = shots(page, false);
  const shotFull = shots(page, true);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('执法计划');
  const plans = page.getByTestId('plans-page');
  await plans.getByRole('tab', { name: '年度计划' }).click();
  const panel = page.getByTestId('plan-year-panel');

  // Nothing entered yet: this year's plan, from the calendar (2026 is bundled: 248 working days) and the roster.
  await expect(panel.getByTestId('plan-year').getByRole('radio', { name: '2026年' })).toBeChecked();
  await expect(panel.getByTestId('plan-status')).toHaveText('未编制');
  await expect(panel.getByTestId('plan-statutory')).toHaveText('248 天');
  await expect(panel.getByTestId('plan-officers')).toHaveValue('4');
  await expect(panel.getByTestId('plan-total')).toHaveText('992');
  await expect(panel.getByTestId('plan-next')).toContainText('按本单位实际填写其他执法工作日和非执法工作日后保存');
  // 45 enterprises on the 重点 list (46 visits) and two to draw, two person-days each.
  await expect(panel.getByTestId('plan-need-key')).toHaveText('92');
  await expect(panel.getByTestId('plan-need-random')).toHaveText('4');
  await expect(panel.getByTestId('plan-need-total')).toHaveText('96');
  // A clerk drafts; the approval is entered by the squad leader or an admin.
  await expect(panel.getByTestId('plan-approve')).toHaveCount(0);

  // Too much other work: 950 of the 992 person-days, 42 left, 37 usable after the 10% margin, 96 needed.
  await fillDays(panel, 'plan-other', OTHER);
  await fillDays(panel, 'plan-non', NON);
  await expect(panel.getByTestId('plan-unsaved')).toBeVisible();
  await expect(panel.getByTestId('plan-next')).toContainText('有未保存的修改');
  await panel.getByTestId('plan-save').click();
  await expect(panel.getByTestId('plan-status')).toHaveText('编制中');
  await expect(panel.getByTestId('plan-other-total')).toHaveText('700');
  await expect(panel.getByTestId('plan-other-share')).toHaveText('70.6%');
  await expect(panel.getByTestId('plan-non-total')).toHaveText('250');
  await expect(panel.getByTestId('plan-non-share')).toHaveText('25.2%');
  await expect(panel.getByTestId('plan-inspection')).toHaveText('42');
  await expect(panel.getByTestId('plan-inspection-share')).toHaveText('4.2%');
  await expect(panel.getByTestId('plan-usable')).toHaveText('37');
  await expect(panel.getByTestId('plan-verdict')).toContainText('不足 59 人日');
  await expect(panel.getByTestId('plan-blocker')).toHaveText(
    '计划检查需要 96 人日，留有余地后可用的监督检查工作日只有 37 人日：请减少其他执法或非执法工作日、调整每次检查人日，或调整分类分级规则',
  );
  await expect(panel.getByTestId('plan-unsaved')).toBeHidden();

  // The workbench says the plan is still to be filed, and late (the end of January is past).
  await shell.open('工作台');
  const card = page.getByTestId('plan-card');
  await expect(card.getByTestId('plan-card-status')).toHaveText('编制中');
  await expect(card.getByTestId('plan-card-due')).toHaveText('须于 2026年1月31日前报市局备案');
  await expect(card).toContainText('已逾期');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot('88-plan-card-draft');

  // The admin: 录入批准 is there, and says why it cannot be used yet.
  await shell.switchUser('admin');
  await page.goto(`${desk.url}/#/plans?tab=year`);
  await expect(panel.getByTestId('plan-approve')).toBeDisabled();
  await expect(panel.getByTestId('plan-approve-reason')).toHaveText('先解决上面列出的问题');
  await expect(panel.getByTestId('plan-next')).toContainText('先解决下面列出的问题');
  await atTop(page);
  await shot('80-plan-short');
  await shotFull('80-plan-short-full');

  // Half the 综合监管 days: 800 of 992, 192 left, 172 usable — feasible.
  await panel.getByTestId('plan-other-supervision').fill('150');
  await expect(panel.getByTestId('plan-approve')).toBeDisabled();
  await expect(panel.getByTestId('plan-approve-reason')).toHaveText('先保存修改');
  await panel.getByTestId('plan-save').click();
  await expect(panel.getByTestId('plan-inspection')).toHaveText('192');
  await expect(panel.getByTestId('plan-inspection-share')).toHaveText('19.4%');
  await expect(panel.getByTestId('plan-usable')).toHaveText('172');
  await expect(panel.getByTestId('plan-verdict')).toContainText('可行');
  await expect(panel.getByTestId('plan-blockers')).toBeHidden();
  await expect(panel.getByTestId('plan-next')).toContainText('测算可行。报本级人民政府批准后，点“录入批准”');
  await atTop(page);
  await shot('81-plan-feasible');

  // Next year's: the calendar does not hold 2027, so its days are a guess and block the approval.
  await panel.getByTestId('plan-year').getByText('2027年').click();
  await expect(panel.getByTestId('plan-status')).toHaveText('未编制');
  await expect(panel.getByTestId('plan-blocker').first()).toContainText('工作日历尚未导入2027年');
  await expect(panel.getByRole('link', { name: '打开工作日历' })).toBeVisible();
  await expect(panel).toContainText('按周一至周五估算');
  await atTop(page);
  await shot('89-plan-next-year');
  await panel.getByTestId('plan-year').getByText('2026年').click();

  // The approval, entered: the plan is frozen with its SHA-256.
  await panel.getByTestId('plan-approve').click();
  const approve = page.getByTestId('plan-approve-dialog');
  await typeDay(approve.locator('#plan-approved-on'), '2026-11-20');
  await approve.getByTestId('plan-approve-dialog-ref').fill('示府函〔2026〕88号');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shot('82-plan-approve-dialog');
  await page.getByTestId('plan-approve-dialog-ok').click();
  await expect(approve).toBeHidden();
  await expect(panel.getByTestId('plan-status')).toHaveText('已批准');
  const approval = panel.getByTestId('plan-approval');
  await expect(approval).toContainText('2026年11月20日');
  await expect(approval).toContainText('示府函〔2026〕88号');
  await expect(approval).toContainText('演示管理员');
  await expect(approval.getByTestId('plan-sha')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(approval.getByTestId('plan-filing-due')).toHaveText('2026年1月31日');
  await expect(approval.getByTestId('plan-filed')).toContainText('已逾期');
  await expect(panel.getByTestId('plan-save')).toHaveCount(0);
  await expect(panel.getByTestId('plan-other-supervision')).toHaveCount(0);
  await expect(panel.getByTestId('plan-next')).toContainText('报市局备案后点“登记备案”（期限 2026年1月31日）');
  await atTop(page);
  await shot('83-plan-approved');

  // Printed as approved, previewed first; the table used in practice as a workbook.
  await panel.getByTestId('plan-print').click();
  await expect(page.getByTestId('pdf-frame')).toBeVisible({ timeout: 30_000 });
  await shot('83a-plan-print-preview');
  await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
  await expect(page.getByTestId('pdf-frame')).toBeHidden();
  const [sheet] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('plan-xlsx').click()]);
  expect(sheet.suggestedFilename()).toBe('2026年度安全生产监督检查计划.xlsx');

  // Filed with the city: never before the approval.
  await panel.getByTestId('plan-file').click();
  const file = page.getByTestId('plan-file-dialog');
  await typeDay(file.locator('#plan-filed-on'), '2026-11-19');
  await page.getByTestId('plan-file-dialog-ok').click();
  await expect(file).toContainText('备案日期不能早于批准日期（2026年11月20日）');
  await typeDay(file.locator('#plan-filed-on'), '2026-11-24');
  await file.getByTestId('plan-file-dialog-ref').fill('示应急备〔2026〕5号');
  await page.getByTestId('plan-file-dialog-ok').click();
  await expect(file).toBeHidden();
  await expect(panel.getByTestId('plan-status')).toHaveText('已备案');
  await expect(approval.getByTestId('plan-filed')).toContainText('2026年11月24日 已备案 · 示应急备〔2026〕5号');
  await expect(panel.getByTestId('plan-next')).toContainText('计划已批准并报市局备案');
  await atTop(page);
  await shot('83b-plan-filed');
  await shotFull('83b-plan-filed-full');

  // 双随机: the pool made and its hash shown before any value is entered.
  await panel.getByTestId('plan-next').getByRole('button', { name: '双随机抽查' }).click();
  const draws = page.getByTestId('draws-panel');
  await expect(draws.getByTestId('draws-next')).toContainText('点“新建抽查”');
  await expect(draws.getByTestId('draw-list')).toContainText('本年度尚未抽查');
  await draws.getByTestId('draw-new').click();
  await draws.getByTestId('draw-label').fill('2026年第四季度双随机抽查');
  await draws.getByTestId('draw-make-pool').click();
  const pool = draws.getByTestId('draw-pool');
  await expect(pool.getByTestId('draw-pool-sha')).toHaveText(/^[0-9a-f]{64}$/);
  const firstSha = await pool.getByTestId('draw-pool-sha').textContent();
  await expect(pool).toContainText('请先公布抽查名录及此 SHA-256');
  // 张明 and 陈静 can go; 王芳's certificate ran out last year and 李华 is at training this week.
  await expect(pool.getByTestId('draw-inspectors')).toHaveText('张明陈静');
  await expect(pool.getByTestId('draw-inspectors-out')).toContainText('王芳（执法证不在有效期）');
  await expect(pool.getByTestId('draw-inspectors-out')).toContainText('李华（请假、借调或培训中）');
  const strata = pool.getByTestId('draw-pool-strata').locator('tbody tr.ant-table-row');
  // 10 enterprises, 10%: one to draw this year, none drawn before, none at its cap, all 10 eligible.
  // Columns: stratum, in pool, ratio, year's quota, drawn before, this draw, at the cap, eligible.
  await expect(strata.filter({ hasText: '低风险及其他' }).locator('td')).toHaveText([
    '低风险及其他',
    '10',
    '10%',
    '1',
    '0',
    '1',
    '0',
    '10',
  ]);
  await atTop(page);
  await draws.getByTestId('draw-new-card').scrollIntoViewIfNeeded();
  await shot('84-draw-pool');

  // A new officer on the roster after the pool was shown: the draw is refused and the pool made again.
  await draws.getByTestId('draw-to-witness').click();
  await call(page, 'officers:create', {
    name: '赵强',
    certificateNo: '51990009',
    certValidFrom: '2025-01-01',
    certValidTo: '2028-12-31',
  });
  await draws.getByTestId('draw-witness-name').fill('刘纪检');
  await draws.getByTestId('draw-witness-value').fill('357');
  await draws.getByTestId('draw-run').click();
  await expect(draws.getByTestId('draw-witness-form')).toContainText('至少 8 个字符');
  await draws.getByTestId('draw-witness-value').fill('20261125-357');
  await draws.getByTestId('draw-run').click();
  await expect(draws.getByTestId('draw-pool-changed')).toContainText('公布抽查名录后记录已有变化');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shot('85-draw-pool-changed');
  await draws.getByTestId('draw-regenerate').click();
  await expect(pool.getByTestId('draw-inspectors')).toHaveText('张明陈静赵强');
  await expect(pool.getByTestId('draw-pool-sha')).not.toHaveText(firstSha!);
  await draws.getByTestId('draw-to-witness').click();
  // A value given before the pool changed is not kept: the witness gives a new one for the new hash.
  await expect(draws.getByTestId('draw-witness-value')).toHaveValue('');
  await draws.getByTestId('draw-witness-value').fill('20261125-357');
  await draws.getByTestId('draw-witness-name').fill('刘纪检');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shot('85b-draw-witness');
  await draws.getByTestId('draw-run').click();

  // The result: one enterprise from each stratum with a quota, two officers each.
  const result = draws.getByTestId('draw-new-card').getByTestId('draw-result');
  const picks = result.getByTestId('draw-picks').locator('tbody tr.ant-table-row');
  await expect(picks).toHaveCount(2);
  for (const officers of await picks.getByTestId('draw-pick-officers').allTextContents())
    expect(officers).toMatch(/^(张明|陈静|赵强)、(张明|陈静|赵强)$/);
  await expect(result).toContainText('npm run cli -- plans verify-draw <文件>');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await draws.getByTestId('draw-new-card').scrollIntoViewIfNeeded();
  await shot('86-draw-result');

  // The record downloaded re-runs to the same result.
  const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('draw-download').click()]);
  expect(download.suggestedFilename()).toBe('双随机抽查记录_2026_1.json');
  const saved = path.join(desk.dataRoot, 'draw.json');
  await download.saveAs(saved);
  const record = JSON.parse(fs.readFileSync(saved, 'utf8')) as DrawRecord;
  expect(record.witnessName).toBe('刘纪检');
  expect(record.witnessValue).toBe('20261125-357');
  expect(record.result.picks.map((p) => p.name)).toEqual(await picks.getByRole('link').allTextContents());
  const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
  expect(verifyDraw(record, sha256)).toEqual({ ok: true, problems: [] });

  // Kept in the list, its picks a click away; an enterprise's name opens its record.
  await draws.getByTestId('draw-done').click();
  const list = draws.getByTestId('draw-list');
  const row = list.locator('tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('2026年第四季度双随机抽查');
  await expect(row).toContainText('演示管理员');
  await expect(row).toContainText('刘纪检');
  await expect(row.getByTestId('draw-picks-count')).toHaveText('2 家');
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(list.getByTestId('draw-result')).toBeVisible();
  await atTop(page);
  await shot('87-draws-list');
  const first = record.result.picks[0];
  await list.getByTestId('draw-picks').getByRole('link', { name: first.name }).click();
  await expect(page.getByTestId('enterprise-title')).toHaveText(first.name);

  // The workbench: filed.
  await shell.open('工作台');
  await expect(card.getByTestId('plan-card-status')).toHaveText('已备案');
  await expect(card).toContainText('2026年11月24日已报市局备案');
  await expect(async () => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await shot('88-plan-card-filed');

  // The same screens in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(card.getByTestId('plan-card-status')).toHaveText('Filed');
  await expect(async () => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await shot('88-plan-card-filed-en');
  await page.goto(`${desk.url}/#/plans?tab=year`);
  await expect(panel.getByTestId('plan-status')).toHaveText('Filed');
  await atTop(page);
  await shot('83b-plan-filed-en');
  await shotFull('83b-plan-filed-full-en');
  await panel.getByTestId('plan-year').getByText('2027').click();
  await expect(panel.getByTestId('plan-blocker').first()).toContainText('The work calendar for 2027');
  await atTop(page);
  await shot('89-plan-next-year-en');
  await page.goto(`${desk.url}/#/plans?tab=draws`);
  await draws.getByTestId('draw-list').locator('.ant-table-row-expand-icon').click();
  await expect(draws.getByTestId('draw-result')).toContainText('npm run cli -- plans verify-draw <file>');
  await atTop(page);
  await shot('87-draws-list-en');
  await draws.getByTestId('draw-new').click();
  await draws.getByTestId('draw-label').fill('Q4 spot checks');
  await draws.getByTestId('draw-make-pool').click();
  await expect(pool.getByTestId('draw-pool-sha')).toHaveText(/^[0-9a-f]{64}$/);
  // The year's one is drawn: nothing left to draw from this stratum, the one drawn no longer eligible.
  await expect(strata.filter({ hasText: 'Low risk and others' }).locator('td')).toHaveText([
    'Low risk and others',
    '10',
    '10%',
    '1',
    '1',
    '0',
    '0',
    '9',
  ]);
  await expect(pool.getByTestId('draw-inspectors-out')).toContainText('李华 (on leave, seconded or at training)');
  await draws.getByTestId('draw-new-card').scrollIntoViewIfNeeded();
  await shot('84-draw-pool-en');
});

test('a draft plan in English, short of days, as the squad leader sees it', async ({ page, desk }) => {
  const shot = shots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  await Shell.demo(page, desk.url, 'supervisor');
  await call(page, 'plans:save', {
    year: 2026,
    version: null,
    inputs: { officers: 4, otherEnforcement: OTHER, nonEnforcement: NON, perVisit: { key: 2, random: 2 }, margin: 0.1 },
  });
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`${desk.url}/#/plans?tab=year`);
  const panel = page.getByTestId('plan-year-panel');
  await expect(panel.getByTestId('plan-verdict')).toContainText('Short by 59 person-days');
  await expect(panel.getByTestId('plan-approve')).toBeDisabled();
  await expect(panel.getByTestId('plan-approve-reason')).toHaveText('Resolve the problems listed above first');
  await atTop(page);
  await shot('80-plan-short-en');
  // Not approved: the draws tab says so and leads back.
  await page.goto(`${desk.url}/#/plans?tab=draws`);
  const draws = page.getByTestId('draws-panel');
  await expect(draws.getByTestId('draws-not-approved')).toContainText(
    'The 2026 enforcement plan has not been approved',
  );
  await expect(draws.getByTestId('draw-new')).toHaveCount(0);
  await shot('84-draws-not-approved-en');
  await draws.getByTestId('draws-to-plan').click();
  await expect(panel).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await page.goto(`${desk.url}/#/plans?tab=draws`);
  await expect(draws.getByTestId('draws-not-approved')).toContainText('2026年度执法计划尚未批准');
  await shot('84-draws-not-approved');
  await page.goto(`${desk.url}/#/`);
  await expect(page.getByTestId('plan-card')).toContainText('已逾期');
  // The workbench's cards may render again as they load: scrolled to once it holds still.
  await expect(async () => page.getByTestId('plan-card').scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await shot('88-plan-card-draft-supervisor');
});
