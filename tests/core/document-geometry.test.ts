import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { A4, MM } from '../../shared/documents/layout.ts';
import { DEFAULT_GEOMETRY } from '../../shared/entities/page-geometry.ts';
import { call, newCore, setUp } from '../support/core.ts';
import { inspectionReady, pdfOf, pdfText } from '../support/documents.ts';

let core: Core;
afterEach(() => core?.close());

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  page: number;
  text: string;
}
function words(pdf: Buffer): Word[] {
  const html = pdfText(pdf, ['-bbox']);
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], page, text: m[5] });
  }
  return out;
}

const near = (pt: number, mm: number) => Math.abs(pt - mm * MM) <= 1 * MM;

describe('document geometry (pdftotext -bbox, within 1 mm)', () => {
  it.each([
    ['the default layout', {}],
    [
      'a unit’s own layout',
      { marginLeftMm: 31, marginRightMm: 24, headerTopMm: 20, titleTopMm: 36, numberTopMm: 50, bodyTopMm: 60 },
    ],
  ])('places header, title, number line and margins as configured: %s', async (_name, layout) => {
    core = await newCore({ clock: () => new Date('2026-11-22T03:00:00Z') });
    const token = await setUp(core);
    const g = { ...DEFAULT_GEOMETRY, ...layout };
    const settings = await call(core, 'settings:get', {}, token);
    await call(core, 'settings:update', { ...settings, documentLayout: g }, token);
    const { inspection } = await inspectionReady(core, token);
    const d = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: inspection.id }, token);
    const long = Array.from(
      { length: 40 },
      (_, i) =>
        `${i + 1}. 经查，该单位危化品仓库未按规定设置可燃气体报警装置，现场存放物料与标识不符，安全管理台账记录不全。`,
    ).join('\n');
    const saved = await call(
      core,
      'documents:save',
      { id: d.id, version: d.version, fields: { ...d.fields, findings: long } },
      token,
    );
    const issued = await call(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    const w = words(pdfOf(await call(core, 'documents:pdf', { id: issued.id }, token)));

    const header = w.find((x) => x.text.includes('安全生产行政执法文书'))!;
    const title = w.find((x) => x.text === '现场检查记录')!;
    const number = w.find((x) => x.text.startsWith('宣应急检记'))!;
    expect(near(header.yMin, g.headerTopMm), `header at ${header.yMin / MM} mm`).toBe(true);
    expect(near(title.yMin, g.titleTopMm), `title at ${title.yMin / MM} mm`).toBe(true);
    expect(near(number.yMin, g.numberTopMm), `number at ${number.yMin / MM} mm`).toBe(true);
    // Centred on the text block between the margins.
    const centre = (g.marginLeftMm * MM + (A4.widthPt - g.marginRightMm * MM)) / 2;
    expect(Math.abs((title.xMin + title.xMax) / 2 - centre)).toBeLessThan(1 * MM);

    const pages = Math.max(...w.map((x) => x.page));
    expect(pages).toBeGreaterThan(1);
    // The footer (page numbers, the copies note) lives in the bottom margin by design.
    const inFooter = (x: Word) =>
      x.yMin > A4.heightPt - g.marginBottomMm * MM && (x.text.includes('本文书') || /^(第|页|共|\d+)/.test(x.text));
    const bodyWords = w.filter((x) => x !== header && x !== title && x !== number && !inFooter(x));
    const left = Math.min(...bodyWords.map((x) => x.xMin));
    const right = Math.max(...bodyWords.map((x) => x.xMax));
    expect(Math.abs(left - g.marginLeftMm * MM), `left margin ${left / MM} mm`).toBeLessThan(1 * MM);
    expect(right).toBeLessThanOrEqual(A4.widthPt - g.marginRightMm * MM + 1 * MM);
    expect(
      Math.abs(right - (A4.widthPt - g.marginRightMm * MM)),
      `right margin ${(A4.widthPt - right) / MM} mm`,
    ).toBeLessThan(1.5 * MM);
    for (let p = 1; p <= pages; p++) {
      const onPage = bodyWords.filter((x) => x.page === p && !x.text.includes('续页'));
      expect(Math.max(...onPage.map((x) => x.yMax)), `page ${p} bottom`).toBeLessThanOrEqual(
        A4.heightPt - g.marginBottomMm * MM + 1 * MM,
      );
      if (p > 1)
        expect(Math.min(...onPage.map((x) => x.yMin)), `page ${p} top`).toBeGreaterThanOrEqual(
          g.marginTopMm * MM - 1 * MM,
        );
    }
    expect(w.some((x) => x.text.includes('（续页）') && x.page === 2)).toBe(true);
  });
});
