import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { expect, screenshots, test } from './fixtures.ts';
import { EnterprisesPage } from './pages/enterprises-page.ts';
import { SetupPage } from './pages/setup-page.ts';
import { Shell } from './pages/shell.ts';

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

/** The package's files with one changed: what a tampered upload looks like to the receiving side. */
async function tampered(file: string, target: string, change: (name: string, data: Buffer) => Buffer) {
  const zip = new yazl.ZipFile();
  await new Promise<void>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (err, src) => {
      if (err || !src) return reject(err);
      src.on('entry', (e: yauzl.Entry) =>
        src.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
            zip.addBuffer(change(e.fileName, Buffer.concat(chunks)), e.fileName);
            src.readEntry();
          });
        }),
      );
      src.on('end', () => resolve());
      src.readEntry();
    }),
  );
  zip.end();
  await new Promise<void>((resolve) =>
    zip.outputStream.pipe(fs.createWriteStream(target)).on('close', () => resolve()),
  );
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

  await shell.open('数据上报');
  await page.getByTestId('export-full').click();
  const made = page.getByTestId('export-made');
  await expect(made).toContainText('已生成：上报包_511722_全量_');
  await expect(made).toContainText('SM3');
  await expect(made.getByTestId('export-counts')).toContainText('企业1');
  await shot('40-export-made');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const file = path.join(desk.dataRoot, 'package.zip');
  await (await download).saveAs(file);

  // Checked as the province would: whole.
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('verify-report')).toContainText('核验通过');
  await shot('41-export-verified');

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
