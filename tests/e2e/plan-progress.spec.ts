import type { Locator, Page } from '@playwright/test';
import type { ClassifiedEnterprise, Plan } from '../../shared/api/channels/plans.ts';
import type { DrawRecord } from '../../shared/domain/plans/draw.ts';
import type { PlanProgress } from '../../shared/domain/plans/standing.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { InspectionsPage } from './pages/inspections-page.ts';
import { Shell } from './pages/shell.ts';
import { pickOption } from './pages/select.ts';

/** The drawer's top, where the plan's note and the kind are, as the clerk scrolls back up to read them. */
const toTop = (drawer: Locator) => drawer.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));

/** The demo county's 2026 plan approved and one 双随机 draw made, as the squad leader and a witness did it. */
async function approvedWithDraw(page: Page) {
  const draft = await call<Plan>(page, 'plans:get', { year: 2026 });
  const saved = await call<Plan>(page, 'plans:save', { year: 2026, inputs: draft.inputs, version: null });
  await call(page, 'plans:approve', {
    year: 2026,
    version: saved.version,
    approvedOn: '2026-01-20',
    approvalRef: '示府函〔2026〕3号',
  });
  const label = '2026年第四季度双随机抽查';
  const pool = await call<{ poolSha256: string }>(page, 'plans:draw-pool', { year: 2026, label });
  return call<DrawRecord>(page, 'plans:draw', {
    year: 2026,
    label,
    poolSha256: pool.poolSha256,
    witnessName: '刘纪检',
    witnessValue: '20261125-357',
  });
}

test('inspections are recorded against the approved plan: 重点 as 计划检查, a pick under its draw, others outside it with their reason; the plan’s progress and the workbench follow (issue 20)', async ({
  page,
  desk,
}) => {
  test.setTimeout(240_000);
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'supervisor');
  const draw = await approvedWithDraw(page);
  const before = (await call<PlanProgress>(page, 'plans:progress', { year: 2026 }))!;
  const { rows } = await call<{ rows: ClassifiedEnterprise[] }>(page, 'plans:classification', {});
  const key = before.key.notCovered[0];
  const picked = draw.result.picks[0];
  const sampled = rows.find(
    (r) => r.track === 'random' && !draw.result.picks.some((p) => p.enterpriseId === r.enterpriseId),
  )!;

  // The workbench (read again: it was shown before the plan was approved): how much of the 重点 list is covered, and
  // the December deadline.
  await page.reload();
  const card = page.getByTestId('plan-card');
  await expect(card.getByTestId('plan-card-coverage')).toContainText(
    `重点覆盖 ${before.key.covered}/${before.key.enterprises}`,
  );
  await expect(card.getByTestId('plan-card-coverage')).toContainText('须于12月31日前全部覆盖');
  await expect(card.getByTestId('plan-card-progress-link')).toHaveText(`${before.key.notCovered.length} 家未覆盖`);
  // The first of them by name, the one this clerk goes to next.
  await expect(card.getByTestId('plan-card-not-covered')).toContainText(`尚未检查：${key.name}`);
  await expect(async () => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await shot('95-plan-card-progress');

  await shell.open('现场检查');
  const inspections = new InspectionsPage(page);
  const entry = { officers: ['张明', '陈静'], place: '厂区', findings: '检查了安全生产责任制落实情况，未发现隐患。' };

  // A 重点 enterprise: the form says so and records it as 计划检查.
  let drawer = await inspections.fill({ ...entry, enterprise: key.name, start: '2026-11-24 09:30' });
  await expect(drawer.getByTestId('plan-standing')).toContainText('重点检查对象：2026年度执法计划每年检查');
  await expect(drawer.locator('.ant-form-item', { hasText: '检查方式' }).first()).toContainText('计划检查');
  await toTop(drawer);
  await shot('96-inspection-key');
  await inspections.save();

  // A sampled enterprise no draw picked, as a 计划检查: refused on the field, with what to do instead.
  await shell.open('现场检查');
  drawer = await inspections.fill({ ...entry, enterprise: sampled.name, start: '2026-11-24 14:00' });
  await expect(drawer.getByTestId('plan-standing')).toContainText('2026年尚未被抽中');
  await drawer.getByTestId('inspection-save').click();
  await expect(drawer.locator('.ant-form-item-explain-error')).toContainText(
    '该企业不在2026年度执法计划的重点检查名单上',
  );
  await shot('97-inspection-refused');
  // As a check on a complaint it goes, once it says why.
  await pickOption(
    page,
    drawer.locator('.ant-form-item', { hasText: '检查方式' }).first().locator('.ant-select'),
    '举报核查',
  );
  await expect(drawer.getByTestId('inspection-unplanned-reason')).toBeVisible();
  await drawer.getByTestId('inspection-save').click();
  await expect(
    drawer.locator('.ant-form-item', { hasText: '计划外检查原因' }).locator('.ant-form-item-explain-error'),
  ).toHaveText('必填');
  await drawer.getByTestId('inspection-unplanned-reason').fill('12350举报：夜间违规装卸');
  await toTop(drawer);
  await shot('98-inspection-unplanned');
  await inspections.save();

  // The enterprise the draw picked: recorded as 双随机抽查 under that draw.
  await shell.open('现场检查');
  drawer = await inspections.fill({ ...entry, enterprise: picked.name, start: '2026-11-25 09:00' });
  await expect(drawer.getByTestId('plan-standing')).toContainText('已被「2026年第四季度双随机抽查」抽中');
  await expect(drawer.getByTestId('inspection-draw')).toContainText('2026年第四季度双随机抽查');
  await toTop(drawer);
  await shot('99-inspection-drawn');
  await inspections.save();
  await expect(page.getByText('第1号抽查记录')).toBeVisible();

  // The plan's progress: one more 重点 covered, one pick inspected, one check outside the plan.
  await shell.open('执法计划');
  await page.getByTestId('plans-page').getByRole('tab', { name: '执行情况' }).click();
  const progress = page.getByTestId('plan-progress');
  await expect(progress.getByTestId('plan-progress-coverage')).toHaveText(
    `${before.key.covered + 1}/${before.key.enterprises} 家`,
  );
  await expect(progress.getByTestId('plan-progress-deadline')).toHaveText('须于2026年12月31日前全部覆盖');
  await expect(progress.getByTestId('plan-progress-random-counts')).toContainText(
    `已抽中 ${draw.result.picks.length} 家，待检查 ${draw.result.picks.length - 1} 家`,
  );
  await expect(progress.getByTestId('plan-progress-not-covered')).not.toContainText(key.name);
  await expect(progress.getByTestId('plan-progress-pending')).not.toContainText(picked.name);
  await expect(progress.getByTestId('plan-progress-unplanned')).toContainText(
    `举报核查 ${(before.unplanned.byKind.complaint ?? 0) + 1} 次`,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('100-plan-progress');

  // 公示 of the picks and what their inspections found: offered, but the demo county's data never leaves (the workbook
  // itself is checked in the core's tests).
  await page.getByTestId('plans-page').getByRole('tab', { name: '双随机抽查' }).click();
  await page.getByTestId('draws-publication').click();
  await expect(page.locator('.ant-message-notice')).toContainText('演示县的数据不能导出');

  // The same in English.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('plans-page').getByRole('tab', { name: 'Progress' }).click();
  await expect(progress.getByTestId('plan-progress-deadline')).toContainText('2026-12-31');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('100-plan-progress-en');
});
