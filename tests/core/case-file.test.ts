import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodePDFRawStream, degrees, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from '@cantoo/pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { workspaceDir } from '../../electron/core/workspaces.ts';
import { call, newCore, tempDir } from '../support/core.ts';
import { caseCounty, escalated } from '../support/cases.ts';
import { pdfOf, pdfText } from '../support/documents.ts';

/**
 * The whole case file as one PDF (cases:bound-file): the 卷内目录's page numbers are the pages stamped, each issued
 * document's pages are its frozen PDF's pages unchanged, and scans, photos and papers held on paper take the pages
 * the 目录 gives them.
 */
let core: Core;
afterEach(() => core?.close());
const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts');
const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'case-file');
const upload = (fileName: string, data: Uint8Array) => ({ fileName, dataBase64: Buffer.from(data).toString('base64') });

/** A small PNG (a grey square): an image scan or photo as a phone saves it. */
function png(size = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.from([0, ...Array(size).fill(160)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A signed copy scanned as two pages, the second saved sideways (/Rotate 90) as scanner apps do. */
async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('SIGNED COPY 1', { x: 60, y: 760, size: 18 });
  const sideways = doc.addPage([842, 595]);
  sideways.drawText('SIGNED COPY 2', { x: 60, y: 500, size: 18 });
  sideways.setRotation(degrees(90));
  return doc.save();
}

/** A page's content, decoded stream by stream. */
function streamsOf(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs.map((r) => {
    const stream = page.doc.context.lookup(r) as PDFRawStream;
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  });
}

const textOfPage = (pdf: Buffer, n: number) => pdfText(pdf, ['-f', String(n), '-l', String(n)]).replace(/\s+/g, '');

describe('the whole case file as one PDF', () => {
  it('holds cover and 目录, every paper with its pages unchanged and numbered as the 目录 says, and the 备考表', async () => {
    const root = tempDir();
    core = await newCore({ dataDir: workspaceDir(root, 'real'), clock: () => new Date('2026-12-01T03:00:00Z') });
    const county = await ready();
    const { token } = county;
    const escalationId = await escalated(core, county, '2026-10-09', '2026-10-09');
    const kase = await county.generate({
      enterpriseId: county.enterprise.id,
      handlerIds: county.handlerIds,
      filedOn: '2026-10-12',
      escalationId,
      stopAt: 'closed',
    });
    const docs = (await call(core, 'documents:list', { caseId: kase.id, status: 'issued' }, token)).items;
    const decision = docs.find((d) => d.type === 'penalty-decision-unit')!;
    const notice = docs.find((d) => d.type === 'penalty-notice')!;
    // The decision's signed copy (two pages, one sideways), a scan that is no PDF or image, and a hazard photo.
    await call(core, 'documents:attach-scan', { id: decision.id, file: upload('签收.pdf', await scannedPdf()) }, token);
    await call(
      core,
      'documents:attach-scan',
      { id: notice.id, file: upload('告知书.heic', Buffer.from('not a pdf')) },
      token,
    );
    const [hazard] = await call(core, 'hazards:list', { inspectionId: county.inspection.id }, token);
    await call(core, 'hazards:attach-photo', { id: hazard.id, file: upload('报警装置.png', png()) }, token);
    // A photo whose header says PNG and whose data is not: a page saying it cannot be shown, never a failed file.
    await call(
      core,
      'hazards:attach-photo',
      { id: hazard.id, file: upload('损坏😀.png', png().subarray(0, 40)) },
      token,
    );
    await call(
      core,
      'cases:record',
      { id: kase.id, event: { kind: 'archive', date: '2026-11-30', archiveNo: '2026-0007' } },
      token,
    );

    const binder = pdfOf(await call(core, 'cases:binder', { id: kase.id }, token));
    const bound = pdfOf(await call(core, 'cases:bound-file', { id: kase.id }, token));
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'bound.pdf'), bound);
    execFileSync('pdftoppm', ['-png', '-r', '50', path.join(OUT, 'bound.pdf'), path.join(OUT, 'bound')]);

    const flatBinder = pdfText(binder).replace(/\s+/g, '');
    const [, files, numbered] = /本卷共有文件材料(\d+)件，共(\d+)页/.exec(flatBinder)!.map(Number);
    const binderDoc = await PDFDocument.load(binder);
    const boundDoc = await PDFDocument.load(bound);
    // The 备考表 is the binder's last page; the cover and 目录 are the pages before it.
    const front = binderDoc.getPageCount() - 1;
    expect(boundDoc.getPageCount()).toBe(front + numbered + 1);
    expect(files).toBeGreaterThan(8);
    expect(textOfPage(bound, boundDoc.getPageCount())).toContain('备考表');
    expect(textOfPage(bound, 1)).toContain('安全生产行政执法案卷');
    expect(textOfPage(bound, front)).toContain('卷内目录'.slice(-2));
    // Every paper's page carries its archive number; the cover, 目录 and 备考表 do not.
    const lastLine = (n: number) =>
      pdfText(bound, ['-f', String(n), '-l', String(n)])
        .trim()
        .split('\n')
        .at(-1)!
        .trim();
    for (let n = 1; n <= numbered; n++) expect(lastLine(front + n)).toBe(String(n));
    expect(textOfPage(bound, 1)).not.toMatch(/\d$/);
    expect(textOfPage(bound, boundDoc.getPageCount())).not.toMatch(/\d$/);

    // Each issued document is its frozen PDF, page for page, at the page the 目录 gives it.
    // The 目录's rows: 序号 first, 页号 last.
    const rows = pdfText(binder, ['-layout'])
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''))
      .filter((l) => /^\d+\D.*\d$/.test(l));
    const numberedDocs = docs.filter((d) => d.numberText);
    expect(numberedDocs.length).toBeGreaterThanOrEqual(3);
    for (const doc of numberedDocs) {
      const row = rows.find((r) => r.includes(doc.numberText!));
      expect(row, doc.numberText!).toBeDefined();
      if (!row) continue;
      const [first] = /(\d+)(?:–\d+)?$/.exec(row)!.slice(1).map(Number);
      const frozen = await PDFDocument.load(pdfOf(await call(core, 'documents:pdf', { id: doc.id }, token)));
      frozen.getPages().forEach((page, i) => {
        const merged = streamsOf(boundDoc.getPage(front + first - 1 + i));
        const original = streamsOf(page);
        // Unchanged: the page's own streams as they were, between a save and a restore of the graphics state so
        // nothing they leave set moves the stamp, which is a stream of its own after them.
        expect(merged.slice(1, 1 + original.length)).toEqual(original);
        expect(merged.map((m) => m.trim())).toEqual([
          'q',
          ...original.map((o) => o.trim()),
          'Q',
          expect.stringContaining('Tj'),
        ]);
      });
    }
    // The signed copy follows its decision; the sideways page keeps its rotation.
    const decisionRow = rows.find((r) => r.includes(decision.numberText!))!;
    const [, a, b] = /(\d+)–(\d+)$/.exec(decisionRow)!.map(Number);
    expect(b - a + 1).toBe(
      (await PDFDocument.load(pdfOf(await call(core, 'documents:pdf', { id: decision.id }, token)))).getPageCount() + 2,
    );
    expect(textOfPage(bound, front + b - 1)).toContain('SIGNEDCOPY1');
    expect(boundDoc.getPage(front + b - 1).getRotation().angle).toBe(90);
    // The scan that cannot be filed, and the photo, each a page of their own.
    expect(pdfText(bound).replace(/\s+/g, '')).toContain('（告知书.heic）不能合入本卷');
    expect(rows.some((r) => r.includes('现场检查照片'))).toBe(true);
    expect(pdfText(bound).replace(/\s+/g, '')).toContain('报警装置.png');
    expect(pdfText(bound).replace(/\s+/g, '')).toContain('照片文件（损坏?.png）不能显示');

    // Made from the record and its 归档 day: the same file, the same bytes, whenever and wherever it is printed —
    // here by the CLI, in another process, on another day.
    expect(pdfOf(await call(core, 'cases:bound-file', { id: kase.id }, token)).equals(bound)).toBe(true);
    await core.close();
    const out = path.join(root, 'bound.pdf');
    const cli = spawnSync(
      process.execPath,
      [CLI, 'cases', 'pdf', out, '--case', kase.caseNo, '--data-dir', root, '--clock', '2027-03-01T09:00:00+08:00'],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).not.toMatch(/error|Error/);
    expect(cli.status).toBe(0);
    expect(fs.readFileSync(out).equals(bound)).toBe(true);
  }, 120_000);
});

async function ready() {
  return caseCounty(core);
}
