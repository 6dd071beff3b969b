import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { unzipEntries, zipEntries } from '../../electron/core/modules/backups/zip.ts';
import { expect, screenshots, test } from './fixtures.ts';
import { EnterprisesPage } from './pages/enterprises-page.ts';
import { InspectionsPage } from './pages/inspections-page.ts';
import { SetupPage } from './pages/setup-page.ts';
import { Shell } from './pages/shell.ts';
import { confirm } from './pages/settled.ts';

const UNIT = {
  agencyName: '宣汉县应急管理局',
  squadName: '宣汉县应急管理综合行政执法大队',
  regionCode: '511722',
  numberPrefix: '宣应急',
  reviewAgency: '宣汉县人民政府',
  court: '宣汉县人民法院',
  address: '宣汉县东乡街道人民路1号',
  phone: '0818-5221234',
};

/** A call through the web host as the signed-in user (the session the page holds). */
async function call(page: Page, channel: string, input: unknown) {
  const r = await page.evaluate(
    async ([c, i]) => {
      const token = sessionStorage.getItem('desk.token.real') ?? '';
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workspace': 'real', 'x-session-token': token },
        body: JSON.stringify({ input: i }),
      });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** The package's files with one changed: what a tampered upload looks like to the receiving side. */
async function tampered(file: string, target: string, change: (name: string, data: Buffer) => Buffer) {
  const files = [...(await unzipEntries(fs.readFileSync(file)))].map(([name, data]) => ({
    name,
    data: change(name, data),
  }));
  fs.writeFileSync(target, await zipEntries(files));
}

test('a clerk makes the full upload package, downloads it and checks it; a changed copy is caught (issue 19)', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  const shot = screenshots(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(desk.url);
  const setup = new SetupPage(page);
  await setup.createAdmin('admin', '张主任', 'admin12345');
  await setup.fillUnit(UNIT);
  await setup.finish();
  const shell = new Shell(page);
  await shell.open('企业档案');
  const ledger = new EnterprisesPage(page);
  await ledger.startCreate();
  await ledger.fill({ uscc: '91350100M000100Y43', name: '宣汉县东林化工有限公司', township: '东乡街道' });
  await ledger.save();
  await expect(page.getByTestId('enterprise-title')).toHaveText('宣汉县东林化工有限公司');

  // Two officers on the roster (set up through the contract, as the roster screen is tested elsewhere), and an
  // inspection recorded without its 现场检查记录: a blocker as the province counts it.
  for (const [name, no] of [
    ['张明', '51172200101'],
    ['李华', '51172200102'],
  ])
    await call(page, 'officers:create', {
      name,
      certificateNo: no,
      certValidFrom: '2024-01-01',
      certValidTo: '2028-12-31',
    });
  await shell.open('现场检查');
  const inspections = new InspectionsPage(page);
  await inspections.record({
    enterprise: '宣汉县东林化工有限公司',
    officers: ['张明', '李华'],
    start: '2026-11-20 09:30',
    place: '危化品仓库',
    findings: '危化品仓库未设置可燃气体报警装置。',
  });

  await shell.open('数据上报');
  await page.getByTestId('export-full').click();
  const problems = page.getByTestId('export-problems');
  await expect(problems).toContainText('上报包未生成');
  await expect(problems.getByTestId('export-problem')).toHaveCount(1);
  await expect(problems).toContainText('未签发现场检查记录');
  await shot('39-export-blocked');
  // A reason can let it through; none given, the dialog will not.
  await problems.getByTestId('export-override').click();
  await expect(page.getByTestId('override-ok')).toBeDisabled();
  await page.getByTestId('override-reason').fill('该检查为纸质办理，现场检查记录已归入纸质卷宗');
  await page.getByTestId('override-ok').click();
  await expect(problems).toContainText('已说明理由放行：该检查为纸质办理');
  await shot('39b-export-override');
  // The link opens the inspection; its next step makes the record; issued, the package goes.
  await problems.getByRole('link').click();
  await expect(page.getByTestId('inspection-next-step')).toHaveText('制作现场检查记录，由被检查单位负责人现场签字');
  await page.getByTestId('inspection-next-go').click();
  await expect(page.getByRole('heading', { name: '现场检查记录' })).toBeVisible();
  await inspections.issueOpenDocument();
  await shell.open('数据上报');
  await page.getByTestId('export-full').click();
  const made = page.getByTestId('export-made');
  await expect(made).toContainText('已生成：上报包_511722_全量_');
  await expect(made).toContainText('SM3');
  await expect(made.getByTestId('export-counts')).toContainText('企业1');
  await expect(made.getByTestId('export-counts')).toContainText('现场检查1');
  await shot('40-export-made');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const file = path.join(desk.dataRoot, 'package.zip');
  await (await download).saveAs(file);

  // Checked as the province would: whole.
  await page.getByRole('tab', { name: '核验上报包' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('verify-report')).toContainText('核验通过');
  await shot('41-export-verified');

  // The province accepted it: marked so, the next package carries only what changed since.
  await page.getByRole('tab', { name: '上报包', exact: true }).click();
  await expect(page.getByTestId('export-incremental')).toBeDisabled();
  const register = page.getByTestId('export-register');
  await register.getByTestId('export-accept').click();
  await confirm(page, page.getByTestId('accept-ok'), page.getByRole('dialog', { name: '标记上报包已被接收' }));
  await expect(register.getByTestId('export-accepted')).toHaveCount(1);
  await expect(page.getByTestId('export-base')).toContainText('增量以 上报包_511722_全量_');
  await call(page, 'officers:create', {
    name: '王强',
    certificateNo: '51172200103',
    certValidFrom: '2024-01-01',
    certValidTo: '2028-12-31',
  });
  await page.getByTestId('export-incremental').click();
  await expect(made).toContainText('已生成：上报包_511722_增量_');
  await expect(made.getByTestId('export-counts')).toContainText('执法人员1');
  await expect(made.getByTestId('export-counts')).toContainText('企业0');
  await expect(register.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await shot('41b-export-incremental');

  // The portal takes a megabyte at most: set so, a package over it is also cut into volumes, each to download.
  await page.getByTestId('export-volume-mib').fill('1');
  await page.getByTestId('export-volume-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  const { items } = (await call(page, 'inspections:list', {})) as { items: { id: number }[] };
  const photo = randomBytes(1_600_000);
  await call(page, 'inspections:attach-file', {
    id: items[0].id,
    file: { fileName: '全景.jpg', dataBase64: photo.toString('base64') },
  });
  await page.getByTestId('export-incremental').click();
  await expect(made.getByTestId('export-volumes')).toContainText('已分为 2 卷');
  const volume = page.waitForEvent('download');
  await made
    .getByTestId('export-volumes')
    .getByText(/\.zip\.002$/)
    .click();
  expect((await volume).suggestedFilename()).toMatch(/^上报包_511722_增量_.+\.zip\.002$/);
  await shot('41b2-export-volumes');

  // The record in the province's template: the mapping's sheets, as Excel.
  await page.getByRole('tab', { name: '按模板导出' }).click();
  await expect(page.getByTestId('template-sheets')).toContainText('现场检查（11 列）');
  const sheet = page.waitForEvent('download');
  await page.getByTestId('template-xlsx').click();
  expect((await sheet).suggestedFilename()).toMatch(/^本软件字段_上报包格式第_1_版_511722_\d{4}-\d{2}-\d{2}\.xlsx$/);
  await shot('41c-export-template');
  await page.getByRole('tab', { name: '核验上报包' }).click();

  // One record changed after it was made: both digests say so.
  const changed = path.join(desk.dataRoot, 'changed.zip');
  await tampered(file, changed, (name, data) =>
    name === 'data/enterprises.jsonl' ? Buffer.from(data.toString().replace('东林', '西林')) : data,
  );
  await page.locator('input[type=file]').setInputFiles(changed);
  const report = page.getByTestId('verify-report');
  await expect(report).toContainText('核验未通过');
  await expect(report).toContainText('data/enterprises.jsonl SHA-256 摘要与清单不符，文件已被改动');
  await expect(report).toContainText('SM3 摘要与清单不符');
  await shot('42-export-tampered');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(report).toContainText('SHA-256 differs from the manifest');
  await shot('42-export-tampered-en');
});
