import Database from 'better-sqlite3';
import path from 'node:path';
import { dbFileOf } from '../../electron/core/db/open.ts';
import { underFreeze } from '../support/documents.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { Shell } from './pages/shell.ts';
import { previewAndSave } from './pages/preview.ts';

test('a legal reviewer reviews a case file: the score sheet, the findings priced, and the document at fault opened', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'reviewer');
  await shell.open('案卷评查');
  await expect(page.getByTestId('review-list')).toBeVisible();
  // The demo's file decided late in its service and publication.
  await page.getByRole('row').filter({ hasText: '执行' }).first().click();
  await expect(page.getByTestId('review-page')).toBeVisible();
  await expect(page.getByText('示例', { exact: true })).toBeVisible();
  // The judgement items wait for the reviewer; the machine's findings are in place, priced.
  await expect(page.getByText(/还有 \d+ 项需要评查人员判断/)).toBeVisible();
  const served = page.getByTestId('review-finding').filter({ hasText: '决定书应于' });
  await expect(served).toContainText('扣 3 分');
  await expect(served).toContainText('《中华人民共和国行政处罚法》第六十一条');
  await expect(page.getByTestId('review-finding').filter({ hasText: '处罚决定应于' })).toBeVisible();
  // 55 points in the example standard, 3 lost: 94.5%, 优秀 for now (the standard is sparse where its sources are):
  // 暂评 while the judgement items wait.
  await expect(page.getByTestId('review-grade')).toHaveText('暂评 优秀');
  await expect(page.getByText('94.5')).toBeVisible();
  await shot('40-review');
  // The reviewer judges every judgement item, then signs: the review is kept and can be printed.
  await page.getByTestId('review-sign').click();
  await expect(page.getByText(/还有 11 项未判断/)).toBeVisible();
  const judgements = page.locator('[data-testid^="judge-"]');
  await expect(judgements).toHaveCount(11);
  for (let i = 0; i < 11; i++) await judgements.nth(i).getByText('通过', { exact: true }).click();
  await expect(page.getByText(/还有 \d+ 项需要评查人员判断/)).toBeHidden();
  await expect(page.getByTestId('review-grade')).toHaveText('优秀');
  await page.getByTestId('review-sign').click();
  await expect(page.getByText(/评查结果已保存（第 \d+ 号）/)).toBeVisible();
  await expect(page.getByTestId('review-history')).toContainText('52 / 55');
  const download = await previewAndSave(page, page.getByTestId('review-print'));
  expect(download.suggestedFilename()).toMatch(/案卷评查表/);
  await shot('40b-review-signed');
  // 定位 opens the decision itself.
  await served.getByRole('button', { name: '定位' }).click();
  await expect(page).toHaveURL(/\/documents\/\d+\?field=service/);
  await expect(page.getByText('行政处罚决定书（单位）').first()).toBeVisible();
});

test("a squad leader reviews the year's files in one go and reads what to train people on", async ({ page, desk }) => {
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'supervisor');
  await shell.open('案卷评查');
  await page.getByTestId('review-batch-start').click();
  // Every file of the year, one by one: the demo county's eight.
  await expect(page.getByTestId('review-batch-progress')).toContainText(/(\d+) \/ \1/);
  await expect(page.getByTestId('review-batch-checks')).toContainText('决定书在7个工作日内送达');
  await expect(page.getByTestId('review-batch-officers')).toContainText('张明');
  await shot('41-review-batch');
});

test('a clerk sees on the case what a reviewer would deduct for, and opens the document to fix', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page, false);
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('案件办理');
  await page.getByRole('row').filter({ hasText: '执行' }).first().click();
  const warnings = page.getByTestId('case-review-warnings');
  await expect(warnings).toContainText('评查预警');
  await expect(warnings).toContainText('决定书应于');
  await shot('42-case-review-warnings');
  await warnings.getByText(/决定书应于/).click();
  await expect(page).toHaveURL(/\/documents\/\d+\?field=service/);
});

test("an admin weighs late service at 10 points in the province's standard: a new version, used by the next review", async ({
  page,
  desk,
}) => {
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'admin');
  await shell.open('系统设置');
  await page.getByRole('tab', { name: '案件办理' }).click();
  const standard = page.getByTestId('review-standard');
  await expect(standard).toContainText('示例案卷评查标准');
  // What a file must hold, by procedure: a record of investigation, the inspection's own counting.
  await expect(standard.getByTestId('required-documents')).toContainText('询问笔录、或勘验笔录');
  await expect(standard.getByTestId('required-documents')).toContainText('现场检查记录');
  await shot('43-review-standard');
  await standard.getByTestId('standard-points-service').fill('10');
  // The province's 合格 line is 85%, not the example's uncertain 60%.
  await expect(standard.getByTestId('standard-grades')).toContainText('待核实');
  await standard.getByTestId('standard-grade-1').fill('85');
  await standard.getByTestId('save-review-standard').click();
  await expect(page.getByText('评查标准已保存')).toBeVisible();
  await expect(standard).toContainText('调整）');
  await expect(standard).toContainText('本省导入');
  await expect(standard.getByTestId('standard-grades')).not.toContainText('待核实');
  await expect(standard.getByTestId('standard-grade-1')).toHaveValue('85');
  // The next review of the late-served file loses those 10 points: 62 in all, 52 kept — 83.9%, under the new 合格 line.
  await shell.open('案卷评查');
  await page.getByTestId('review-list').getByRole('row').filter({ hasText: '执行' }).first().click();
  await expect(page.getByText('52', { exact: true })).toBeVisible();
  await expect(page.getByText('/ 62')).toBeVisible();
  await expect(page.getByTestId('review-grade')).toHaveText('暂评 不合格');
});

/**
 * A demo file as an earlier version left it: its decision typed with 2,000 元 where the 呈批 approved 20,000 (before the
 * legal content came from the record), and its 证据清单 voided with nothing in its place. Written under the freeze
 * triggers, which are put back as they were.
 */
function earlierVersion(dataRoot: string, caseNo: string): void {
  const db = new Database(dbFileOf(path.join(dataRoot, 'demo')));
  try {
    const { id } = db.prepare('SELECT id FROM cases WHERE case_no = ?').get(caseNo) as { id: number };
    const decision = db
      .prepare("SELECT id, fields_json AS f FROM documents WHERE case_id = ? AND type = 'penalty-decision-unit'")
      .get(id) as { id: number; f: string };
    underFreeze(db, () => {
      db.prepare('UPDATE documents SET fields_json = ? WHERE id = ?').run(
        JSON.stringify({ ...JSON.parse(decision.f), totalFine: 2000 }),
        decision.id,
      );
      db.prepare("UPDATE documents SET status = 'voided' WHERE case_id = ? AND type = 'evidence-list'").run(id);
    });
  } finally {
    db.close();
  }
}

test('a reviewer opens a file with a wrong printed fine and no 证据清单: 暂评 不合格, judges, signs (issue 17)', async ({
  page,
  desk,
}) => {
  const shot = screenshots(page);
  const shell = await Shell.demo(page, desk.url, 'reviewer');
  earlierVersion(desk.dataRoot, '2026-0001');
  await shell.open('案卷评查');
  await page.getByTestId('review-list').getByRole('row').filter({ hasText: '2026-0001' }).click();
  await expect(page.getByTestId('review-page')).toBeVisible();
  // What the decision printed against what the file records, at the field; the document missing, by name.
  const printed = page.getByTestId('review-finding').filter({ hasText: '文书载明“2000”' });
  await expect(printed).toContainText('案件记录为“20000”');
  await expect(page.getByTestId('review-finding').filter({ hasText: '证据清单' })).toBeVisible();
  // A file missing a document cannot pass whatever it scores; and the grade is provisional while items wait.
  await expect(page.getByTestId('review-failed-by')).toContainText('文书齐全');
  await expect(page.getByTestId('review-grade')).toHaveText('暂评 不合格');
  await expect(page.getByTestId('review-pending')).toContainText('事实清楚');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot('44-review-provisional');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('review-grade')).toHaveText('Provisional: Fail');
  await shot('44-review-provisional-en');
  await page.getByRole('button', { name: '中文' }).click();
  // Judged item by item, then signed: the grade is final, the file 不合格.
  const judgements = page.locator('[data-testid^="judge-"]');
  await expect(judgements).toHaveCount(11);
  for (let i = 0; i < 11; i++) await judgements.nth(i).getByText('通过', { exact: true }).click();
  await expect(page.getByTestId('review-pending')).toBeHidden();
  await expect(page.getByTestId('review-grade')).toHaveText('不合格');
  await page.getByTestId('review-sign').click();
  await expect(page.getByText(/评查结果已保存（第 \d+ 号）/)).toBeVisible();
  await expect(page.getByTestId('review-history')).toContainText('不合格');
  // 定位 opens the decision at the fine it printed.
  await printed.getByRole('button', { name: '定位' }).click();
  await expect(page).toHaveURL(/\/documents\/\d+\?field=totalFine/);
});
