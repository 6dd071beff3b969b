import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Download } from '@playwright/test';
import type { IssuedReport } from '../../shared/api/channels/reports.ts';
import { pdfText } from '../support/documents.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { ReportsPage } from './pages/reports-page.ts';
import { Shell } from './pages/shell.ts';

const bytesOf = async (d: Download) => fs.readFileSync((await d.path())!);
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

test('a squad leader prints the third quarter’s report, dates it, issues it and downloads it as issued; a clerk sees it listed but cannot issue (issue 21)', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'supervisor');
  await shell.open('统计报表');
  const reports = new ReportsPage(page);
  await reports.loaded();
  // The page opens on the quarter of the pinned day (2026-11-25); one step back is the third quarter, over.
  const picker = reports.root.getByTestId('reports-period-picker');
  await expect(picker).toHaveValue('2026年第四季度');
  await reports.root.getByTestId('reports-period-back').click();
  await expect(picker).toHaveValue('2026年第三季度');
  await reports.loaded();
  await expect(reports.issued).toContainText('尚未签发通报');

  // 打印通报: the quarter's report as it will print, dated its last day, the quarter being over.
  const dialog = await reports.openPrint();
  await expect(dialog.locator('.ant-modal-title')).toHaveText('打印通报 · 2026年第三季度');
  await expect(dialog.getByTestId('report-print-period')).toHaveText('2026年7月1日—9月30日');
  await expect(dialog.getByTestId('report-date')).toHaveValue('2026-09-30');
  await expect(dialog.getByTestId('report-preview')).toHaveAttribute('data-date', '2026-09-30');
  // A day after today cannot be chosen: typed, it shows disabled and is not taken.
  const dateInput = dialog.getByTestId('report-date');
  await dateInput.click();
  await dateInput.fill('2026-11-26');
  const calendar = page.locator('.ant-picker-dropdown:visible');
  await expect(calendar.locator('td[title="2026-11-26"]')).toHaveClass(/ant-picker-cell-disabled/);
  await expect(calendar.locator('td[title="2026-11-25"]')).not.toHaveClass(/ant-picker-cell-disabled/);
  await dateInput.press('Enter');
  await expect(dialog.getByTestId('report-preview')).toHaveAttribute('data-date', '2026-09-30');
  // Dated 15 October: made again for that day, with the progress shown while it is made.
  await dateInput.fill('2026-10-15');
  await dateInput.press('Enter');
  await expect(dialog.getByTestId('preview-loading')).toBeVisible();
  await expect(dialog.getByTestId('report-issue')).toBeDisabled();
  await expect(dialog.getByTestId('report-preview')).toHaveAttribute('data-date', '2026-10-15', { timeout: 30_000 });
  await expect(dialog.getByTestId('pdf-frame')).toBeVisible();

  // The preview as a file: the same report, not yet kept.
  let download = page.waitForEvent('download');
  await dialog.getByTestId('report-pdf').click();
  const preview = await bytesOf(await download);
  expect(preview.subarray(0, 4).toString()).toBe('%PDF');
  fs.writeFileSync(test.info().outputPath('report-preview.pdf'), preview);
  download = page.waitForEvent('download');
  await dialog.getByTestId('report-xlsx').click();
  const workbook = await download;
  expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await bytesOf(workbook)).subarray(0, 2).toString()).toBe('PK');
  await shot('reports-print-01-preview');

  // 签发, after saying what issuing means.
  await dialog.getByTestId('report-issue').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('签发2026年第三季度执法工作情况通报？');
  await expect(confirm).toContainText('通报日期：2026年10月15日');
  await expect(confirm).toContainText('之后对记录的修改不会改变它，将在下一期通报中体现');
  await shot('reports-print-02-confirm');
  await page.getByTestId('report-issue-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('已签发');

  // Listed: its period, date, who issued it, the first 16 characters of its figures' SHA-256.
  const [issued] = await call<IssuedReport[]>(page, 'reports:issued', {});
  expect(issued).toMatchObject({ periodFrom: '2026-07-01', periodTo: '2026-09-30', reportDate: '2026-10-15' });
  const row = reports.issuedRow('2026年第三季度');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(issued.title);
  await expect(row).toContainText('2026年7月1日—9月30日');
  await expect(row.getByTestId('issued-date')).toHaveText('2026年10月15日');
  await expect(row.getByTestId('issued-by')).toContainText(issued.issuedBy);
  await expect(row.getByTestId('issued-sha')).toContainText(issued.dataSha256.slice(0, 16));
  await expect(row.getByTestId('issued-new')).toHaveText('刚签发');
  await row.scrollIntoViewIfNeeded();
  await shot('reports-print-03-issued');

  // Downloaded as issued: the PDF kept, naming its quarter; the same bytes as the preview of that day.
  download = page.waitForEvent('download');
  await row.getByTestId('issued-pdf').click();
  const pdf = await bytesOf(await download);
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  expect(sha256(pdf)).toBe(issued.pdfSha256);
  expect(pdfText(pdf).replace(/\s+/g, '')).toContain('2026年第三季度');
  expect(sha256(pdf)).toBe(sha256(preview));
  download = page.waitForEvent('download');
  await row.getByTestId('issued-xlsx').click();
  expect((await bytesOf(await download)).subarray(0, 2).toString()).toBe('PK');

  // Opened again for the quarter: the earlier issue is said before another is made.
  await reports.openPrint();
  await expect(dialog.getByTestId('report-print-earlier')).toContainText('由演示大队长签发（通报日期2026年10月15日）');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The same in English.
  await page.getByRole('button', { name: 'English' }).click();
  await reports.openPrint();
  await expect(dialog.locator('.ant-modal-title')).toHaveText('Print report · Q3 2026');
  await expect(dialog.getByTestId('report-issue')).toHaveText('Issue');
  await expect(dialog.getByTestId('report-print-earlier')).toContainText('dated 2026-10-15');
  await shot('reports-print-04-preview-en');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reports.issued).toContainText('Data SHA-256 (first 16)');
  await expect(row.getByTestId('issued-date')).toHaveText('2026-10-15');
  await row.scrollIntoViewIfNeeded();
  await shot('reports-print-05-issued-en');
  await page.getByRole('button', { name: '中文' }).click();

  // A clerk reads the list and prints, but does not issue.
  await shell.switchUser('clerk');
  await shell.open('统计报表');
  await reports.loaded();
  await expect(reports.issuedRow('2026年第三季度')).toHaveCount(1);
  await expect(reports.issuedRow('2026年第三季度').getByTestId('issued-pdf')).toBeVisible();
  await reports.openPrint();
  await expect(dialog.getByTestId('report-pdf')).toBeEnabled();
  await expect(dialog.getByTestId('report-issue')).toHaveCount(0);
  await shot('reports-print-06-clerk');
});
