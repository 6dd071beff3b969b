import { expect, screenshots, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { Shell } from './pages/shell.ts';

test('a clerk drafts a typical case from a closed file, writes the commentary, finalises it and reads the PDF; the workbench says what is due (issue 19)', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  await Shell.demo(page, desk.url, 'clerk');
  // The workbench: the demo county (a made-up region code, so no local rule) has the ministry's two-monthly rule, the
  // last period missed and this one due.
  const card = page.getByTestId('typical-card');
  await expect(card).toContainText('应急管理部：县级每两个月至少一件');
  await expect(card.getByTestId('typical-card-period')).toHaveText(['未完成 0/1', '待报送 0/1']);
  await expect(card.getByTestId('typical-card-qualifying')).toContainText(/可起草的案件：[1-9]\d* 件/);
  await card.getByRole('link', { name: '去报送' }).click();
  await expect(page.getByRole('tab', { name: '典型案例', selected: true })).toBeVisible();
  const panel = page.getByTestId('typical');
  await expect(panel.getByTestId('typical-next')).toContainText('本期还需报送');
  await expect(panel.getByTestId('typical-next')).toContainText('下一步：从下方“可报送的案件”中选');
  await shot('44-typical');

  // Drafted from the file: what the file decides is read-only, the narrative drafted, the commentary the clerk's.
  await panel.getByTestId('typical-draft').first().click();
  const editor = page.getByTestId('typical-editor');
  await expect(editor.getByTestId('typical-editor-status')).toHaveText('草稿');
  await expect(editor.getByTestId('typical-editor-next')).toContainText('填写专家评析（典型意义）');
  await expect(editor.getByTestId('typical-value-agency')).toHaveText('示例县应急管理局');
  await expect(editor.getByTestId('typical-value-decisionNumber')).toContainText('示应急罚');
  await expect(editor.getByTestId('typical-value-penalty')).toContainText(/罚款人民币.+元整（¥[\d,]+\.00）/);
  await expect(editor.getByTestId('typical-field-summary')).toHaveValue(/上述行为违反了/);
  // Finalising with the commentary empty names the field.
  await editor.getByTestId('typical-finalize').click();
  await expect(editor.locator('.ant-form-item-explain-error')).toContainText('必填');
  await editor
    .getByTestId('typical-field-analysis')
    .fill('本案企业未按规定消除事故隐患，执法人员依法查处，程序完整，对同类企业有警示意义。');
  await shot('44b-typical-draft');
  await editor.getByTestId('typical-preview').click();
  await expect(page.getByTestId('pdf-frame')).toBeVisible({ timeout: 30_000 });
  await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
  await expect(page.getByTestId('pdf-frame')).toBeHidden();
  await editor.getByTestId('typical-finalize').click();
  await expect(editor.getByTestId('typical-editor-status')).toHaveText('已定稿');
  await expect(editor.getByTestId('typical-editor-next')).toContainText('登记报送日期');
  // The demo county's cases are made up: they are never sent nor packed as real.
  await expect(editor.getByTestId('typical-mark-sent')).toBeDisabled();
  await expect(editor.getByTestId('typical-package')).toBeDisabled();
  await editor.getByTestId('typical-pdf').click();
  await expect(page.getByTestId('pdf-frame')).toBeVisible({ timeout: 30_000 });
  await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
  await expect(page.getByTestId('pdf-frame')).toBeHidden();
  await shot('44c-typical-final');
  await page.locator('.ant-drawer-close').click();
  await expect(panel.getByTestId('typical-records').getByTestId('typical-status')).toHaveText('已定稿');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(panel).toContainText('What is due');
  await panel.getByTestId('typical-open').first().click();
  await expect(editor).toContainText('From the file');
  await shot('44d-typical-en');
});

test('a write-up whose file changed under the clerk’s own text says so, and is redrafted from the file (issue 19)', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  const shot = screenshots(page, false);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = await Shell.demo(page, desk.url, 'clerk');
  await shell.open('数据上报');
  await page.getByRole('tab', { name: '典型案例' }).click();
  const panel = page.getByTestId('typical');
  await panel.getByTestId('typical-draft').first().click();
  const editor = page.getByTestId('typical-editor');
  await expect(editor.getByTestId('typical-editor-status')).toHaveText('草稿');
  // The clerk rewrites 处理结果 and saves.
  const result = editor.getByTestId('typical-field-result');
  await result.fill(`${await result.inputValue()}罚款已全额缴纳。`);
  await editor.getByTestId('typical-save').click();
  await expect(page.getByText('已保存').or(editor.getByTestId('typical-editor-next'))).toBeVisible();
  await expect(result).toHaveValue(/罚款已全额缴纳。$/);
  // Meanwhile the decision is corrected to another date (through the contract, as the document page would).
  const { caseId } = await call<{ caseId: number }>(page, 'typical:get', {
    id: (await call<{ records: { id: number }[] }>(page, 'typical:overview', {})).records[0].id,
  });
  const detail = await call<{ documents: { id: number; type: string; status: string }[] }>(page, 'cases:get', {
    id: caseId,
  });
  const decision = detail.documents.find((d) => d.type === 'penalty-decision-unit' && d.status === 'issued')!;
  const correction = await call<{ id: number; version: number; fields: Record<string, unknown> }>(
    page,
    'documents:correct',
    { id: decision.id, reason: '决定日期有误' },
  );
  const date = String(correction.fields.date);
  const moved = `${date.slice(0, 8)}${String(Math.min(28, Number(date.slice(8)) + 1)).padStart(2, '0')}`;
  const redated = await call<{ id: number; version: number }>(page, 'documents:save', {
    id: correction.id,
    version: correction.version,
    fields: { ...correction.fields, date: moved },
  });
  await call(page, 'documents:issue', { id: redated.id, version: redated.version });
  // Opened again: the clerk's text is kept, with the file's new draft beside it, and finalising waits.
  await page.locator('.ant-drawer-close').click();
  await panel.getByTestId('typical-open').first().click();
  const stale = editor.getByTestId('typical-stale-result');
  await expect(stale).toContainText('案卷已变化');
  await expect(result).toHaveValue(/罚款已全额缴纳。$/);
  await expect(editor.getByTestId('typical-editor-next')).toContainText('案卷已变化：处理结果');
  await stale.scrollIntoViewIfNeeded();
  await shot('44e-typical-stale');
  await editor.getByTestId('typical-finalize').click();
  await expect(editor.locator('.ant-form-item-explain-error').filter({ hasText: '案卷已变化' })).toBeVisible();
  // Replaced with the file's draft, it follows the file again and finalises.
  await stale.getByRole('button', { name: '用案卷内容替换' }).click();
  await expect(stale).toBeHidden();
  await editor
    .getByTestId('typical-field-analysis')
    .fill('本案企业未按规定消除事故隐患，执法人员依法查处，程序完整，对同类企业有警示意义。');
  await editor.getByTestId('typical-finalize').click();
  await expect(editor.getByTestId('typical-editor-status')).toHaveText('已定稿');
});
