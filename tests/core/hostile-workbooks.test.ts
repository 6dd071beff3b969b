import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { BadWorkbook, readLedgerWorkbook } from '../../electron/core/modules/enterprises/excel.ts';
import { call, failure, newCore, setUp } from '../support/core.ts';
import { ledgerWorkbook, rowFor, upload } from '../support/ledger.ts';

/**
 * Workbooks as a careless user or an attacker sends them (issue 23): none may freeze the desk, take memory it does
 * not give back, or read a column's values from another column.
 */
let core: Core;
afterEach(() => core?.close());

/** A ledger workbook changed before it is saved. */
async function edited(rows: number, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await ledgerWorkbook(Array.from({ length: rows }, (_, i) => rowFor(i + 1)))) as never);
  change(wb.worksheets[0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('hostile ledger workbooks', () => {
  it('reads a few-kilobyte sheet with one cell at its last row as the rows it holds, in bounded memory', async () => {
    core = await newCore();
    const token = await setUp(core);
    const tall = await edited(2, (sheet) => {
      sheet.getCell('R1048576').value = 'x';
    });
    expect(tall.length).toBeLessThan(20_000);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    const preview = await call(core, 'enterprises:import-preview', upload(tall), token);
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    expect(preview).toMatchObject({ totalRows: 2, validRows: 2 });
    // Walking every row index took gigabytes (and tens of seconds); the rows it holds take next to nothing.
    expect(grown).toBeLessThan(150);
  }, 60_000);

  it('refuses a header merged across two columns, naming the cells, rather than read a column from the next one', async () => {
    core = await newCore();
    const token = await setUp(core);
    const merged = await edited(2, (sheet) => {
      // 地址 spans E and F; 乡镇（街道） moved to G.
      sheet.spliceColumns(6, 0, []);
      sheet.getCell('G1').value = '乡镇（街道）';
      sheet.mergeCells('E1:F1');
    });
    expect(await failure(core, 'enterprises:import-preview', upload(merged), token)).toMatchObject({
      code: 'IMPORT_BAD_FILE',
      details: { reason: 'importFile.mergedHeader', columns: 'E1:F1' },
    });
    const twice = await edited(2, (sheet) => {
      sheet.getCell('F1').value = '地址';
    });
    expect(await failure(core, 'enterprises:import-preview', upload(twice), token)).toMatchObject({
      code: 'IMPORT_BAD_FILE',
      details: { reason: 'importFile.repeatedHeader', columns: '地址（E1、F1）' },
    });
  });

  it('refuses a file or a sheet past the limits before reading it all', async () => {
    core = await newCore();
    const token = await setUp(core);
    const big = Buffer.alloc(20 * 2 ** 20 + 1);
    expect(await failure(core, 'enterprises:import-preview', upload(big), token)).toMatchObject({
      code: 'IMPORT_BAD_FILE',
      details: { reason: 'importFile.tooLarge', columns: '20 MB' },
    });
    const five = await edited(5, () => undefined);
    await expect(readLedgerWorkbook(five, undefined, { bytes: 2 ** 20, rows: 4 })).rejects.toThrow(
      expect.objectContaining({ reason: 'tooManyRows' }) as unknown as BadWorkbook,
    );
    expect((await readLedgerWorkbook(five, undefined, { bytes: 2 ** 20, rows: 5 })).totalRows).toBe(5);
  });

  it('says at entry which characters no document font has, and still takes the row', async () => {
    core = await newCore();
    const token = await setUp(core);
    // 堃 and 𠮷 are in the fallback face only; a private-use character and an Extension G one are in none.
    expect(await call(core, 'documents:missing-glyphs', { text: '吉𠮷堃\uE000 \u{30000}\uE000' }, token)).toEqual([
      { char: '\uE000', codePoint: 'U+E000' },
      { char: '\u{30000}', codePoint: 'U+30000' },
    ]);
    // A font set whose fallback lacks 𠮷 (U+20BB7), as with the plain Fandol or Arphic sets.
    core.state.fonts = { ...core.state.fonts, roles: { ...core.state.fonts.roles, fallback: 'Song' } };
    const rare = await edited(2, (sheet) => {
      sheet.getCell('C3').value = '𠮷祥';
    });
    const preview = await call(core, 'enterprises:import-preview', upload(rare), token);
    expect(preview).toMatchObject({ totalRows: 2, validRows: 2 });
    expect(preview.warnings).toContainEqual({
      row: 3,
      column: '法定代表人',
      reason: 'glyphs.missing',
      params: { char: '𠮷', codePoint: 'U+20BB7' },
      value: '𠮷祥',
    });
  });
});
