import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { faceParses } from '../../electron/core/documents/fonts.ts';
import { renderPdf } from '../../electron/core/documents/render.ts';
import type { DocumentSpec } from '../../shared/documents/layout.ts';
import { newCore, setUp } from '../support/core.ts';
import { documentSpecs, LONG_FINDINGS } from '../support/document-specs.ts';
import { pdfFonts, pdfText } from '../support/documents.ts';
import { naiveRender } from '../support/naive-render.ts';

/**
 * Faces are parsed once per thread and shared by every document (fonts.ts): the output must be the very bytes
 * plain pdfmake makes from the font files, whatever was rendered before, and a spec must stay plain data.
 */
let core: Core;
let specs: Awaited<ReturnType<typeof documentSpecs>>;
/** Renders in this thread, counting the font files read meanwhile (pdfkit reads a face's file to parse it). */
async function ours(spec: DocumentSpec, reads: string[]): Promise<Buffer> {
  const spy = vi.spyOn(fs, 'readFileSync');
  try {
    return await renderPdf(spec);
  } finally {
    reads.push(...spy.mock.calls.map(([f]) => String(f)).filter((f) => /\.(otf|ttf)$/i.test(f)));
    spy.mockRestore();
  }
}
/** Byte for byte (a failing toEqual on two PDFs spends minutes printing the difference). */
const same = (a: Buffer, b: Buffer) => a.equals(b);
const at = (spec: DocumentSpec): DocumentSpec => ({ ...spec, createdAt: '2026-11-22T03:00:00.000Z' });

beforeAll(async () => {
  core = await newCore({ clock: () => new Date('2026-11-22T03:00:00Z') });
  specs = await documentSpecs(core, await setUp(core));
}, 60_000);
afterAll(() => core?.close());

describe('fonts parsed once per thread', () => {
  it('parses each face once, opens the fallback only for a character the body fonts lack, and draws the bytes plain pdfmake draws', async () => {
    const fallback = core.state.fonts.families[core.state.fonts.roles.fallback].normal;
    const types = specs.distinctTypes(8);
    const built = [];
    for (const type of types) built.push(at(await specs.specFor(type)));
    const reads: string[] = [];
    for (const spec of built) expect(same(await ours(spec, reads), await naiveRender(spec))).toBe(true);
    const { parses, files } = faceParses();
    // Each face file read once, by the parse that keeps it.
    expect(new Set(reads).size).toBe(reads.length);
    expect(files).not.toContain(fallback);

    // Again, in another order: no file is read or parsed again, and no document is changed by what came before it.
    const again: string[] = [];
    for (const spec of [...built].reverse()) expect(same(await ours(spec, again), await naiveRender(spec))).toBe(true);
    expect(again).toEqual([]);
    expect(faceParses().parses).toBe(parses);

    const rare = at(await specs.specFor('inspection-record', { findings: '当事人张堃在场。' }));
    const rareReads: string[] = [];
    expect(same(await ours(rare, rareReads), await naiveRender(rare))).toBe(true);
    expect(faceParses().files).toContain(fallback);
    expect(faceParses().parses).toBe(parses + 1);
    expect(rareReads).toEqual([]); // the glyph check parsed the fallback face; the document reused it
  }, 120_000);

  it("draws an SVG chart's labels in the face named for them, sharing one embedded font with the text", async () => {
    const base = at(await specs.specFor('penalty-decision-unit'));
    const heading = base.fonts.roles.heading;
    const spec = {
      ...base,
      content: [
        ...base.content,
        // The SVG follows body text: a label whose face failed to open would be drawn in the body face instead.
        { text: '正文', font: base.fonts.roles.body },
        {
          svg: `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="24" font-family="${heading}" font-size="14">检查家次</text></svg>`,
          width: 200,
        },
        { text: '检查家次', font: heading },
      ],
    } as DocumentSpec;
    const pdf = await renderPdf(spec);
    expect(same(pdf, await naiveRender(spec))).toBe(true);
    const hei = pdfFonts(pdf).filter((f) => f.name.includes('FandolHei'));
    expect(hei).toHaveLength(1);
    expect(pdfText(pdf).replace(/\s+/g, '')).toMatch(/检查家次.*检查家次/);
  }, 60_000);

  it('leaves the spec as it was, so a spec rendered once can be rendered again or sent to the render worker', async () => {
    const spec = at(await specs.specFor('inspection-record', { findings: LONG_FINDINGS }));
    const before = structuredClone(spec);
    const inThread = await renderPdf(spec);
    expect(spec).toEqual(before);
    // postMessage clones the spec: a function or a font object pdfmake left in it would throw DataCloneError.
    expect(same(await core.state.render(spec), inThread)).toBe(true);
  }, 60_000);
});
