import type { Locator, Page } from '@playwright/test';
import { demoUscc } from '../../electron/core/modules/demo/seed.ts';
import { TEST_TODAY } from '../support/clock.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { Shell } from './pages/shell.ts';

/** Types a day into a date field (the picker's input, found by its id) and confirms it. */
async function typeDay(field: Locator, day: string) {
  await field.click();
  await field.fill(day);
  await field.press('Enter');
}

/** The page scrolled back up, the last toast gone: what a user sees on arriving. */
async function atTop(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
}

const NAME = '示例县青石食品有限公司';

test('an accident on an enterprise puts it on the 重点 list with the reason; an officer on leave today is marked on the roster (issue 20)', async ({
  page,
  desk,
}) => {
  test.setTimeout(150_000);
  const shot = screenshots(page, false);
  const shotFull = screenshots(page, true);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'supervisor');
  // An enterprise of ordinary industry and low risk: outside the 重点 scope, so sampled (set up through the contract,
  // as the ledger's form is tested elsewhere).
  const { id } = await call<{ id: number }>(page, 'enterprises:create', {
    uscc: demoUscc(900),
    name: NAME,
    township: '城关镇',
    industryCode: '1391',
    categories: ['industry'],
    riskGrade: 'low',
  });

  // 分类分级 before the accident: 双随机, in the 低风险及其他 stratum.
  await shell.open('执法计划');
  const plans = page.getByTestId('plans-page');
  await expect(plans.getByRole('tab', { name: '分类分级', selected: true })).toBeVisible();
  await expect(plans.getByTestId('plans-rules-kind')).toHaveText('示例规则');
  await plans.getByTestId('plans-search').locator('input').fill('青石');
  const row = plans.getByTestId('plans-table').locator('tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('plans-track')).toHaveText('双随机抽查');
  await expect(row).toContainText('低风险及其他 10%');
  await shot('71a-plans-random-row');

  // The accident, recorded on the enterprise's page: 1,200 万元 of direct loss makes it a 较大事故 (条例第三条).
  await page.goto(`${desk.url}/#/enterprises/${id}`);
  const card = page.getByTestId('accidents-card');
  await expect(card).toContainText('第三条');
  await card.getByTestId('accident-add').click();
  const form = page.getByTestId('accident-form');
  await typeDay(form.locator('#accident-occurred-on'), '2026-10-12');
  await form.getByTestId('accident-serious-injuries').fill('2');
  await form.getByTestId('accident-loss-input').fill('1200');
  await form.getByTestId('accident-summary').fill('冷库检修时制冷管道破裂，两名员工受伤，库存货物受损。');
  await expect(form.getByTestId('accident-grade-preview')).toHaveText('按填写的数字，事故等级为较大事故');
  await shot('70a-accident-form');
  await page.getByTestId('accident-save').click();
  await expect(form).toBeHidden();
  const accidents = card.getByTestId('accident-list').locator('tbody tr.ant-table-row');
  await expect(accidents).toHaveCount(1);
  await expect(accidents.getByTestId('accident-grade')).toHaveText('较大事故');
  await expect(accidents.getByTestId('accident-loss')).toHaveText('1,200.0000');
  await expect(accidents).toContainText('2026年10月12日');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot('70-accidents-card');

  // The plan reads it: now on the 重点 list, one visit, with the accident as its reason.
  await shell.open('执法计划');
  await plans.getByTestId('plans-search').locator('input').fill('青石');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('plans-track')).toHaveText('重点检查');
  const reasons = row.getByTestId('plans-reasons');
  await expect(reasons).toContainText('本可双随机抽查，因下列情形列入重点检查');
  await expect(reasons).toContainText('2026年10月12日 发生生产安全事故（1 年内）：每年增加一次检查');
  await expect(row).toContainText('1 次');
  await shot('71-plans-row');
  await plans.getByTestId('plans-search').locator('input').fill('');
  await atTop(page);
  await shot('72-plans');
  await shotFull('72-plans-full');
  // The bundled rules' notes, for the unit to check.
  await plans.getByTestId('plans-rules').getByText('规则内容、说明与依据').click();
  await expect(plans.getByTestId('plans-rules')).toContainText('须由本单位按当地公布的清单修改');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shot('73-plans-rules');
  // The name leads to the record the classification is fixed at.
  await plans.getByTestId('plans-search').locator('input').fill('青石');
  await row.getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('enterprise-title')).toHaveText(NAME);

  // Leave covering the test's today: the roster says 请假中.
  await shell.open('系统设置');
  await page.getByRole('tab', { name: '执法人员' }).click();
  const officer = page.locator('tbody tr.ant-table-row', { hasText: '张明' });
  await expect(officer).toBeVisible();
  await expect(officer.getByTestId('officer-away')).toBeHidden();
  await officer.getByTestId('officer-absences').click();
  const drawer = page.getByTestId('absence-drawer');
  await expect(drawer).toContainText('请假/借调/培训 · 张明');
  await expect(drawer.locator('#absence-from')).toHaveValue(TEST_TODAY);
  await typeDay(drawer.locator('#absence-from'), '2026-11-23');
  await typeDay(drawer.locator('#absence-to'), '2026-11-27');
  await drawer.getByTestId('absence-note').fill('年休假，经大队长批准');
  await drawer.getByTestId('absence-add').click();
  // Beside the demo county's own entry for him (leave in December), this one, marked as today's.
  const entries = drawer.getByTestId('absence-list').locator('tbody tr.ant-table-row');
  const leave = entries.filter({ hasText: '2026年11月23日 至 2026年11月27日' });
  await expect(leave).toHaveCount(1);
  await expect(leave).toContainText('请假中');
  await expect(entries).toHaveCount(2);
  // The same days again are refused under the field, naming the entry they overlap.
  await typeDay(drawer.locator('#absence-from'), '2026-11-25');
  await typeDay(drawer.locator('#absence-to'), '2026-11-26');
  await drawer.getByTestId('absence-add').click();
  await expect(drawer.locator('.ant-form-item-explain-error')).toHaveText(
    '与已登记的 2026年11月23日 至 2026年11月27日 重叠',
  );
  await expect(entries).toHaveCount(2);
  // A training entered in error: withdrawn with a reason, kept and greyed.
  await drawer.getByTestId('absence-kind').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '学习培训' }).click();
  await typeDay(drawer.locator('#absence-from'), '2026-12-07');
  await typeDay(drawer.locator('#absence-to'), '2026-12-11');
  await drawer.getByTestId('absence-note').fill('');
  await drawer.getByTestId('absence-add').click();
  const training = entries.filter({ hasText: '2026年12月7日 至 2026年12月11日' });
  await expect(training).toHaveCount(1);
  await training.getByTestId('absence-withdraw').click();
  await page.getByTestId('absence-withdraw-reason').fill('培训班改期，登记有误');
  await page.getByTestId('absence-withdraw-ok').click();
  await expect(training.getByTestId('absence-withdrawn')).toHaveText('已撤回：培训班改期，登记有误（演示大队长）');
  await expect(training).toHaveClass(/row-withdrawn/);
  await expect(training.getByTestId('absence-withdraw')).toBeHidden();
  await shot('74-absence-drawer');
  await drawer.locator('.ant-drawer-close').click();
  await expect(officer.getByTestId('officer-away')).toHaveText('请假中');
  // The demo county's 李华 is at training this week; 王芳 is in.
  await expect(page.locator('tbody tr.ant-table-row', { hasText: '李华' }).getByTestId('officer-away')).toHaveText(
    '培训中',
  );
  await expect(page.locator('tbody tr.ant-table-row', { hasText: '王芳' }).getByTestId('officer-away')).toBeHidden();
  await shot('75-roster');

  // The same screens in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(officer.getByTestId('officer-away')).toHaveText('On leave');
  await officer.getByTestId('officer-absences').click();
  await expect(drawer).toContainText('Leave, secondment and training');
  await shot('74-absence-drawer-en');
  await drawer.locator('.ant-drawer-close').click();
  await page.goto(`${desk.url}/#/enterprises/${id}`);
  await expect(card.getByTestId('accident-grade')).toHaveText('Relatively major accident');
  await card.scrollIntoViewIfNeeded();
  await shot('70-accidents-card-en');
  await card.getByTestId('accident-add').click();
  await expect(page.getByTestId('accident-form')).toBeVisible();
  await shot('70-accident-form-en');
  await page.keyboard.press('Escape');
  await page.locator('.ant-layout-sider .ant-menu-item', { hasText: 'Enforcement plans' }).click();
  await expect(plans.getByRole('tab', { name: 'Classification', selected: true })).toBeVisible();
  await plans.getByTestId('plans-search').locator('input').fill('青石');
  await expect(row.getByTestId('plans-reasons')).toContainText(
    'Accident on 2026-10-12 (within 1 yr): one more visit a year',
  );
  await plans.getByTestId('plans-search').locator('input').fill('');
  await atTop(page);
  await shot('72-plans-en');
  await shotFull('72-plans-full-en');
});

test('the plan page says it is working while the classification is computed, and what failed when it was not', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'clerk');
  // The first answer held back, then refused as the core refuses an unexpected failure; the retry goes through.
  let calls = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/plans:classification', async (route) => {
    calls++;
    if (calls > 1) return route.continue();
    await held;
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } }),
    });
  });
  await shell.open('执法计划');
  await expect(page.getByTestId('plans-loading')).toContainText('正在计算分类分级');
  await shot('76-plans-loading');
  release();
  const failed = page.getByTestId('plans-error');
  await expect(failed).toContainText('分类分级没有算出来');
  await shot('77-plans-error');
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('plans-table')).toBeVisible();
  await expect(failed).toBeHidden();
  // A clerk reads the roster but does not keep it: the absences are shown, without the form.
  await shell.open('系统设置');
  await page.getByRole('tab', { name: '执法人员' }).click();
  await page.locator('tbody tr.ant-table-row', { hasText: '李华' }).getByTestId('officer-absences').click();
  const drawer = page.getByTestId('absence-drawer');
  await expect(drawer.getByTestId('absence-list')).toContainText('执法证年度培训');
  await expect(drawer).toContainText('只有大队负责人和管理员可以登记或撤回');
  await expect(drawer.getByTestId('absence-add')).toBeHidden();
  await expect(drawer.getByTestId('absence-withdraw')).toBeHidden();
});
