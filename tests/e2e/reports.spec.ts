import type { ReportView } from '../../shared/api/channels/reports.ts';
import { chineseDate } from '../../shared/domain/dates.ts';
import type { IndicatorValue } from '../../shared/domain/indicators/values.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { ReportsPage } from './pages/reports-page.ts';
import { Shell } from './pages/shell.ts';

/** The quarter the pinned test day (2026-11-25) falls in, which the page opens on. */
const Q4 = { from: '2026-10-01', to: '2026-12-31' };

/** A count's growth on a base as the report writes it: ▲25.0%, ▼12.5%. */
const growth = (now: number, base: number) => {
  const g = Math.round(((now - base) / base) * 1000) / 10;
  return `${g > 0 ? '▲' : g < 0 ? '▼' : ''}${Math.abs(g).toFixed(1)}%`;
};

test('a squad leader reads the quarter’s figures, opens the inspections behind 检查次数 and the sectors; an admin enters last year’s base and 同比 follows (issue 21)', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'supervisor');
  // What the core counts, to hold the screen to it (the counting itself is tested in the core's tests).
  const view = await call<ReportView>(page, 'reports:figures', Q4);
  const figure = (id: string) => view.figures.find((f) => f.id === id)!;
  const visits = await call<IndicatorValue>(page, 'reports:drill', { ...Q4, indicator: 'inspections' });
  expect(visits.records.length).toBeGreaterThan(0);

  // The workbench: this quarter's headline figures, the same the report counts, and the report one click away.
  const card = page.getByTestId('quarter-card');
  await expect(card.getByTestId('quarter-inspections')).toContainText(String(figure('inspections').value));
  await expect(card.getByTestId('quarter-inspections')).toContainText('去年同期无记录');
  await expect(card.getByTestId('quarter-missed')).toContainText('本季度尚未结束，尚未达到');
  await card.scrollIntoViewIfNeeded();
  await shot('reports-00-workbench');

  await shell.open('统计报表');
  const reports = new ReportsPage(page);
  await reports.loaded();
  // The current quarter by the app's clock, and the two periods it is compared with, as dates.
  await expect(reports.root.getByTestId('reports-period-picker')).toHaveValue('2026年第四季度');
  await expect(reports.current).toContainText('2026年10月1日—12月31日');
  await expect(reports.root.getByTestId('reports-period-last-year')).toContainText('2025年10月1日—12月31日');
  await expect(reports.root.getByTestId('reports-period-previous')).toContainText('2026年7月1日—9月30日');
  await expect(reports.value('inspections')).toHaveText(String(figure('inspections').value));
  await expect(reports.value('fines')).toHaveText(`${figure('fines').value!.toLocaleString('en-US')}元`);
  await expect(reports.value('random-share')).toHaveText(`${figure('random-share').value!.toFixed(1)}%`);
  // The desk began recording this year: nothing to compare with last year, and the next step said.
  await expect(reports.lastYear('inspections')).toHaveText('—');
  await expect(reports.root.getByTestId('reports-yoy-hint')).toContainText('去年同期无记录，管理员可录入基数');
  await expect(reports.root.getByTestId('reports-yoy-enter')).toHaveCount(0);
  await expect(reports.root.getByTestId('reports-bases')).toHaveCount(0);
  await expect(reports.root.getByTestId('reports-trend-chart').locator('svg')).toContainText('2026年');
  await shot('reports-01-page');
  // Another period, and back: the month, the one before it, the quarter again.
  await reports.kind('月度');
  await expect(reports.current).toContainText('2026年11月1日—11月30日');
  await expect(reports.root.getByTestId('reports-period-forward')).toBeDisabled();
  await reports.root.getByTestId('reports-period-back').click();
  await expect(reports.current).toContainText('2026年10月1日—10月31日');
  await reports.kind('季度');
  await expect(reports.current).toContainText('2026年10月1日—12月31日');
  await reports.loaded();
  await reports.root.getByTestId('reports-charts').scrollIntoViewIfNeeded();
  await shot('reports-02-charts');

  // 检查次数: the inspections it counts, each a link to its record.
  let drawer = await reports.drill('inspections');
  await expect(drawer.getByTestId('drill-title')).toHaveText('检查次数（家次）');
  await expect(drawer.getByTestId('drill-definition')).toContainText('口径');
  await expect(drawer.getByTestId('drill-summary')).toHaveText(`共 ${visits.records.length} 条`);
  const listed = drawer.getByTestId('drill-records');
  for (const r of visits.records.slice(0, 10)) await expect(listed).toContainText(r.label);
  const first = visits.records[0];
  await expect(listed.getByRole('link', { name: first.label })).toHaveAttribute(
    'href',
    new RegExp(`/inspections/${first.id}$`),
  );
  await shot('reports-03-drill');
  await reports.closeDrawer();

  // 按行业: the sectors, 工贸's sub-sectors under it; a number opens that sector's records.
  const sectors = await reports.breakdown('按行业', 'sector');
  for (const row of view.breakdowns.sector.rows.filter((r) => r.parent === null))
    await expect(sectors.locator(`tr[data-row-key="${row.key}"]`)).toContainText(row.label);
  const sub = view.breakdowns.sector.rows.find((r) => r.parent !== null);
  if (sub) await expect(sectors.locator(`tr[data-row-key="${sub.key}"]`)).toContainText(`└ ${sub.label}`);
  const busiest = view.breakdowns.sector.rows
    .filter((r) => r.parent === null)
    .sort((a, b) => (b.values.inspections ?? 0) - (a.values.inspections ?? 0))[0];
  await sectors.locator(`tr[data-row-key="${busiest.key}"]`).getByTestId('breakdown-cell-inspections').click();
  drawer = reports.drawer();
  await expect(drawer.getByTestId('drill-title')).toHaveText(`检查次数（家次） · ${busiest.label}`);
  await expect(drawer.getByTestId('drill-summary')).toHaveText(`共 ${busiest.values.inspections} 条`);
  await reports.closeDrawer();
  await reports.breakdown('按乡镇', 'township');
  await reports.breakdown('按执法人员', 'officer');
  await reports.breakdown('按行业', 'sector');
  await reports.root.getByTestId('reports-breakdown').scrollIntoViewIfNeeded();
  await shot('reports-04-breakdown');

  // The admin enters last year's fourth quarter, for which the desk has no records: 同比 follows, marked as entered.
  await shell.switchUser('admin');
  await shell.open('统计报表');
  await reports.loaded();
  await expect(reports.root.getByTestId('reports-yoy-enter')).toBeVisible();
  let dialog = await reports.openBases();
  await expect(dialog.getByTestId('bases-year')).toHaveValue('2025');
  await expect(dialog.locator('.ant-form-item', { hasText: '期间' })).toContainText('第四季度');
  await shot('reports-05-bases');
  const base = 4;
  await reports.enterBases(dialog, { inspections: base }, '据2025年第四季度执法工作统计表');
  await expect(reports.lastYearValue('inspections')).toHaveText(`手工录入${base}`);
  await expect(reports.lastYear('inspections')).toHaveText(growth(figure('inspections').value!, base));
  await expect(reports.root.getByTestId('reports-entered-count')).toContainText('1 项');
  // Who entered it and when, on hover.
  await reports.lastYearValue('inspections').hover();
  await expect(page.locator('.ant-tooltip').filter({ hasText: '由演示管理员于' })).toBeVisible();
  await shot('reports-06-entered');
  await page.mouse.move(0, 0);

  // A quarter the desk recorded is counted, never typed: refused under the year, naming the day records begin.
  dialog = await reports.openBases();
  await dialog.getByTestId('bases-year').fill('2026');
  await expect(dialog.getByTestId('bases-save')).toBeEnabled();
  await dialog.getByTestId('bases-value-inspections').fill('9');
  await dialog.getByTestId('bases-save').click();
  await expect(
    dialog.locator('.ant-form-item', { hasText: '年度' }).locator('.ant-form-item-explain-error'),
  ).toHaveText(`本软件自${chineseDate(view.recordedFrom!)}起已有记录，该期间的数据按记录统计，不能手工录入`);
  await dialog.getByRole('button', { name: /取\s?消/ }).click();
  await expect(dialog).toBeHidden();

  // The same in English: the page, the records and the form.
  await page.getByRole('button', { name: 'English' }).click();
  // Off the header's menus, onto a blank stretch of the page.
  await page.mouse.move(700, 180);
  await expect(reports.root.getByTestId('reports-period-picker')).toHaveValue('Q4 2026');
  await expect(reports.current).toContainText('2026-10-01 – 2026-12-31');
  await expect(reports.lastYearValue('inspections')).toContainText('Entered');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('reports-07-page-en');
  drawer = await reports.drill('fines');
  await expect(drawer.getByTestId('drill-title')).toHaveText('Fines decided');
  await shot('reports-08-drill-en');
  await reports.closeDrawer();
  await reports.breakdown('By sector', 'sector');
  await reports.root.getByTestId('reports-charts').scrollIntoViewIfNeeded();
  await shot('reports-09-charts-en');
  await reports.openBases();
  await shot('reports-10-bases-en');
});
