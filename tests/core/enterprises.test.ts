import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { addUser, call, failure, newCore, setUp } from '../support/core.ts';
import { ledgerWorkbook, rowFor, upload, usccFor } from '../support/ledger.ts';

let core: Core;
afterEach(() => core?.close());

describe('enterprise ledger', () => {
  it('creates, finds by 1-, 2- and 4-character fragments, edits with history, withdraws and reinstates', async () => {
    core = await newCore();
    const admin = await setUp(core);
    const token = await addUser(core, admin, 'clerk1', 'clerk');
    const created = await call(
      core,
      'enterprises:create',
      {
        uscc: ' 91350100m000100y43 ',
        name: '宣汉县东林化工有限公司',
        township: '东乡街道',
        industryCode: '2614',
        categories: ['hazchem', 'confined'],
        contacts: [{ name: '李四', role: '安全员', phone: '13800001111' }],
      },
      token,
    );
    expect(created).toMatchObject({ uscc: '91350100M000100Y43', status: 'active', version: 1 });
    await call(core, 'enterprises:create', { uscc: usccFor(1), name: '宣汉县石材开采厂' }, token);

    for (const q of ['林', '东林', '东林化工', '0100M', '李四']) {
      const r = await call(core, 'enterprises:search', { query: q }, token);
      expect(
        r.items.map((i) => i.name),
        q,
      ).toContain('宣汉县东林化工有限公司');
    }
    expect((await call(core, 'enterprises:search', { query: '石材' }, token)).total).toBe(1);
    expect((await call(core, 'enterprises:search', { query: '%' }, token)).total).toBe(0);
    expect((await call(core, 'enterprises:search', { category: 'confined' }, token)).total).toBe(1);

    const edited = await call(
      core,
      'enterprises:update',
      { id: created.id, version: 1, enterprise: { ...created, name: '宣汉县东林化工股份有限公司', riskGrade: 'high' } },
      token,
    );
    expect(edited.version).toBe(2);
    expect(
      await failure(core, 'enterprises:update', { id: created.id, version: 1, enterprise: { ...created } }, token),
    ).toMatchObject({ code: 'STALE_VERSION' });

    const history = await call(core, 'enterprises:history', { id: created.id }, token);
    expect(history[0]).toMatchObject({ action: 'enterprises:update', userName: 'clerk1' });
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: '宣汉县东林化工有限公司', after: '宣汉县东林化工股份有限公司' },
        { field: 'riskGrade', before: null, after: 'high' },
      ]),
    );

    const withdrawn = await call(
      core,
      'enterprises:withdraw',
      { id: created.id, version: 2, reason: '企业关闭' },
      token,
    );
    expect(await failure(core, 'enterprises:reinstate', { id: created.id, version: 2 }, token)).toMatchObject({
      code: 'STALE_VERSION',
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '企业关闭', withdrawnBy: 'clerk1' });
    expect((await call(core, 'enterprises:search', { query: '东林' }, token)).total).toBe(0);
    expect((await call(core, 'enterprises:search', { query: '东林', status: 'all' }, token)).total).toBe(1);
    expect(() => core.state.store.raw.exec('DELETE FROM enterprises')).toThrow(/withdrawn, not deleted/);
    expect((await call(core, 'enterprises:reinstate', { id: created.id, version: 3 }, token)).status).toBe('active');
  });

  it('refuses a wrong USCC check character with the expected character, and duplicates', async () => {
    core = await newCore();
    const token = await setUp(core);
    const err = await failure(core, 'enterprises:create', { uscc: '91350100M000100Y42', name: '某企业' }, token);
    expect(err).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['uscc'], key: 'validation.uscc.checkChar', params: { expected: '3' } }] },
    });
    await call(core, 'enterprises:create', { uscc: '91350100M000100Y43', name: '甲' }, token);
    expect(await failure(core, 'enterprises:create', { uscc: '91350100M000100Y43', name: '乙' }, token)).toMatchObject({
      code: 'USCC_DUPLICATE',
    });
    expect(
      await failure(core, 'enterprises:create', { uscc: usccFor(2), name: '丙', industryCode: '9900' }, token),
    ).toMatchObject({ details: { issues: [{ key: 'validation.industry.unknown' }] } });
  });

  it('reports every bad row with its column and reason, and imports nothing until all rows pass', async () => {
    core = await newCore();
    const token = await setUp(core);
    await call(core, 'enterprises:create', { uscc: usccFor(3), name: '已在档企业' }, token);
    const rows = [
      rowFor(1),
      rowFor(2),
      rowFor(3),
      { ...rowFor(4), uscc: '91350100M000100Y42' },
      { ...rowFor(5), name: '' },
      { ...rowFor(6), industry: '9999' },
      { ...rowFor(7), uscc: usccFor(1) },
      { ...rowFor(8), category: '核电站' },
      { ...rowFor(9), phone: '12345' },
    ];
    const preview = await call(core, 'enterprises:import-preview', upload(await ledgerWorkbook(rows)), token);
    expect(preview.totalRows).toBe(9);
    expect(preview.validRows).toBe(2);
    const byRow = Object.fromEntries(preview.errors.map((e) => [e.row, e]));
    expect(byRow[4]).toMatchObject({ column: '统一社会信用代码', reason: 'import.reasons.duplicateInLedger' });
    expect(byRow[5]).toMatchObject({
      column: '统一社会信用代码',
      reason: 'validation.uscc.checkChar',
      params: { expected: '3' },
    });
    expect(byRow[6]).toMatchObject({ column: '企业名称', reason: 'validation.required' });
    expect(byRow[7]).toMatchObject({ column: '行业代码', reason: 'validation.industry.unknown' });
    expect(byRow[8]).toMatchObject({
      column: '统一社会信用代码',
      reason: 'import.reasons.duplicateInFile',
      params: { row: 2 },
    });
    expect(byRow[9]).toMatchObject({ column: '监管类别', reason: 'import.reasons.notInList', value: '核电站' });
    expect(byRow[10]).toMatchObject({ column: '联系电话', reason: 'validation.phone' });
    expect(await failure(core, 'enterprises:import-commit', { importId: preview.importId }, token)).toMatchObject({
      code: 'IMPORT_HAS_ERRORS',
    });
    expect((await call(core, 'enterprises:search', {}, token)).total).toBe(1);

    const good = await call(
      core,
      'enterprises:import-preview',
      upload(await ledgerWorkbook([rowFor(10), rowFor(11)])),
      token,
    );
    expect(good.errors).toEqual([]);
    expect(await call(core, 'enterprises:import-commit', { importId: good.importId }, token)).toEqual({ created: 2 });
    const imported = (await call(core, 'enterprises:search', { query: '测试企业10' }, token)).items[0];
    expect(imported).toMatchObject({ industryCode: '2614', categories: ['hazchem'], riskGrade: 'general' });
    expect((await call(core, 'enterprises:history', { id: imported.id }, token))[0].action).toBe('enterprises:import');
  });

  it('restores the leading zero Excel drops from a numeric industry code', async () => {
    core = await newCore();
    const token = await setUp(core);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('企业档案');
    sheet.addRow(['统一社会信用代码', '企业名称', '行业代码']);
    sheet.addRow([usccFor(30), '铁矿企业', 810]);
    const preview = await call(
      core,
      'enterprises:import-preview',
      upload(Buffer.from(await wb.xlsx.writeBuffer())),
      token,
    );
    expect(preview.errors).toEqual([]);
    await call(core, 'enterprises:import-commit', { importId: preview.importId }, token);
    expect((await call(core, 'enterprises:search', { query: '铁矿' }, token)).items[0]).toMatchObject({
      industryCode: '0810',
      industryName: '铁矿采选',
    });
  });

  it('gives a clear message for a corrupt file or a sheet without the required columns', async () => {
    core = await newCore();
    const token = await setUp(core);
    expect(
      await failure(core, 'enterprises:import-preview', upload(Buffer.from('这不是Excel文件')), token),
    ).toMatchObject({ code: 'IMPORT_BAD_FILE', details: { reason: 'importFile.notXlsx' } });
    expect(
      await failure(
        core,
        'enterprises:import-preview',
        upload(await ledgerWorkbook([rowFor(1)], ['名称', '地址'])),
        token,
      ),
    ).toMatchObject({
      code: 'IMPORT_BAD_FILE',
      details: { reason: 'importFile.missingColumns', columns: '统一社会信用代码、企业名称' },
    });
  });

  it('round-trips through its own Excel export', async () => {
    core = await newCore();
    const token = await setUp(core);
    await call(
      core,
      'enterprises:create',
      {
        uscc: usccFor(20),
        name: '导出企业',
        industryCode: '5942',
        categories: ['hazchem', 'confined'],
        riskGrade: 'major',
        contacts: [{ name: '赵六', role: '', phone: '0818-5221234' }],
      },
      token,
    );
    const file = await call(core, 'enterprises:export', {}, token);
    const other = await newCore();
    const token2 = await setUp(other);
    const preview = await call(
      other,
      'enterprises:import-preview',
      upload(Buffer.from(file.dataBase64, 'base64')),
      token2,
    );
    expect(preview.errors).toEqual([]);
    await call(other, 'enterprises:import-commit', { importId: preview.importId }, token2);
    const back = (await call(other, 'enterprises:search', {}, token2)).items[0];
    expect(back).toMatchObject({
      uscc: usccFor(20),
      name: '导出企业',
      industryCode: '5942',
      categories: ['hazchem', 'confined'],
      riskGrade: 'major',
    });
    await other.close();
  });

  it('imports 20,000 rows all or nothing: a failure at row 15,000 leaves 0 rows and 0 audit entries', async () => {
    core = await newCore();
    const token = await setUp(core);
    const rows = Array.from({ length: 20_000 }, (_, i) => rowFor(i + 1));
    const preview = await call(core, 'enterprises:import-preview', upload(await ledgerWorkbook(rows)), token);
    expect(preview).toMatchObject({ totalRows: 20_000, validRows: 20_000, errors: [] });
    const raw = core.state.store.raw;
    const auditBefore = (raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    // A fault the validation cannot foresee (a disk or constraint failure), injected in the database itself.
    raw.exec(
      `CREATE TRIGGER inject_fault BEFORE INSERT ON enterprises WHEN NEW.name = '${rows[14_999].name}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
    );
    const err = await failure(core, 'enterprises:import-commit', { importId: preview.importId }, token);
    expect(err.code).toBe('INTERNAL');
    expect(raw.prepare('SELECT COUNT(*) AS n FROM enterprises').get()).toEqual({ n: 0 });
    expect((raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
    expect((await call(core, 'audit:verify', {}, token)).ok).toBe(true);
    raw.exec('DROP TRIGGER inject_fault');
    expect(await call(core, 'enterprises:import-commit', { importId: preview.importId }, token)).toEqual({
      created: 20_000,
    });
    expect((raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore + 20_000);
  });
});
