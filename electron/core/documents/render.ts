import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { faceRef, isParsedFace } from './fonts.ts';
import { applyRuns } from './glyphs.ts';
import {
  type DocumentSpec,
  headerBlock,
  MM,
  type TableLayoutName,
  textWidthPt,
} from '../../../shared/documents/layout.ts';

/**
 * DocumentSpec → PDF bytes with pdfmake. Runs in the render worker (see pool.ts), never on the
 * thread that serves the UI. Fonts come only from the paths in the spec's font set, each parsed once (fonts.ts).
 */

/** pdfmake's name for a face: resolved by the document to the face parsed once (see the font patch below). */
const FACE = 'desk-face:';
const faceName = (file: string) => `${FACE}${file}`;

function fontDictionary(spec: DocumentSpec): TFontDictionary {
  // A fresh dictionary per document: pdfmake mutates font descriptors as it loads them.
  const dict: TFontDictionary = {};
  for (const [name, f] of Object.entries(spec.fonts.families)) {
    const normal = faceName(f.normal);
    const bold = faceName(f.bold ?? f.normal);
    dict[name] = { normal, bold, italics: normal, bolditalics: bold };
  }
  return dict;
}

/** The pdfmake document for a spec, its texts split into font runs (exported for the bench's plain-pdfmake baseline). */
export function documentDefinition(spec: DocumentSpec): TDocumentDefinitions {
  const g = spec.geometry;
  const fonts = spec.fonts;
  const body = fonts.roles.body;
  const content = [
    ...(spec.plain
      ? []
      : (applyRuns(fonts, headerBlock(spec) as never, body, false, 'header') as unknown as Content[])),
    ...(applyRuns(fonts, spec.content as never, body) as unknown as Content[]),
  ];
  const small = Math.max(9, g.bodySizePt - 3.5);
  return {
    pageSize: 'A4',
    pageMargins: [g.marginLeftMm * MM, g.marginTopMm * MM, g.marginRightMm * MM, g.marginBottomMm * MM],
    defaultStyle: { font: body, fontSize: g.bodySizePt, lineHeight: g.lineHeight },
    watermark: spec.watermark
      ? { text: spec.watermark, font: fonts.roles.heading, color: '#c0392b', opacity: 0.12, bold: false }
      : undefined,
    header: (page: number) =>
      (page > 1
        ? applyRuns(
            fonts,
            {
              text: spec.continuationLabel,
              font: fonts.roles.heading,
              fontSize: small,
              alignment: 'right',
              margin: [g.marginLeftMm * MM, 10 * MM, g.marginRightMm * MM, 0],
            } as never,
            body,
            false,
            'header',
          )
        : null) as Content,
    footer: (page: number, pages: number) => {
      const parts: Content[] = [];
      // A 笔录 is signed on every page, so no page can be swapped after it was read back and signed.
      if (spec.pageSignature)
        parts.push({
          columns: [
            { width: '*', text: '' },
            {
              width: 'auto',
              text: applyRuns(fonts, `${spec.pageSignature}（签名）：`, body, false, 'footer') as never,
              fontSize: small + 1,
            },
            { width: 110, canvas: [{ type: 'line', x1: 0, y1: small + 4, x2: 110, y2: small + 4, lineWidth: 0.5 }] },
          ],
          margin: [0, 0, 0, 4],
        } as Content);
      if (page === pages && spec.copiesNote) {
        parts.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: textWidthPt(g), y2: 0, lineWidth: 0.5 }] });
        parts.push({
          text: applyRuns(fonts, spec.copiesNote, body, false, 'copiesNote') as never,
          fontSize: small,
          margin: [0, 3, 0, 0],
        });
      }
      if (pages > 1 && spec.pageNumbers !== false)
        parts.push({
          text: `第 ${page} 页\u3000共 ${pages} 页`,
          font: body,
          fontSize: small,
          alignment: 'center',
          margin: [0, 3, 0, 0],
        });
      return { stack: parts, margin: [g.marginLeftMm * MM, 4 * MM, g.marginRightMm * MM, 0] } as Content;
    },
    content,
    info: {
      title: spec.title,
      creator: '安全生产执法工作台',
      producer: '安全生产执法工作台',
      ...(spec.createdAt ? { creationDate: new Date(spec.createdAt) } : {}),
    },
  };
}

/** The named table layouts of shared/documents/layout.ts. */
const TABLE_LAYOUTS: Record<TableLayoutName, CustomTableLayout> = {
  fillIn: {
    defaultBorder: false,
    paddingLeft: () => 0,
    paddingRight: () => 4,
    paddingTop: () => 8,
    paddingBottom: () => 2,
  },
  ruled: {
    defaultBorder: false,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 6,
    paddingBottom: () => 2,
    hLineColor: () => '#888888',
  },
};

// Once per worker: documents never fetch URLs, and the table layouts do not change.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.addTableLayouts(TABLE_LAYOUTS);

/**
 * pdfkit keeps the shaped runs of a font's strings (glyphs and positions, which depend on the face alone) in a
 * cache per document. pdfmake's font provider is where a document gets its font: a shared face gets a cache shared
 * with every document, so the labels and wording all documents repeat are shaped once. pdfkit copies a run before
 * changing it (word spacing), so sharing is safe; the cache is bounded and starts again when full.
 */
type Run = unknown;
interface EmbeddedFont {
  font: unknown;
  layoutCache?: Record<string, Run>;
}
const LAYOUTS_MAX = 50_000;
const layouts = new Map<unknown, Record<string, Run>>();
const require = createRequire(import.meta.url);
const PdfmakeDocument = (
  require(path.join(path.dirname(require.resolve('pdfmake')), 'PDFDocument.js')) as {
    default: {
      prototype: {
        provideFont(...args: unknown[]): EmbeddedFont;
        font(src: unknown, ...rest: unknown[]): unknown;
        registerFont(name: string, src: Buffer): void;
        _registeredFonts: Record<string, unknown>;
      };
    };
  }
).default;
// A face name (the text's font, or an SVG chart's, which svg-to-pdfkit asks for by the same name) is registered with
// the document as the reference to the parsed face, once, so every use of it shares one embedded font.
const font = PdfmakeDocument.prototype.font;
PdfmakeDocument.prototype.font = function (src: unknown, ...rest: unknown[]) {
  if (typeof src === 'string' && src.startsWith(FACE) && !this._registeredFonts[src])
    this.registerFont(src, faceRef(src.slice(FACE.length)));
  return font.call(this, src, ...rest);
};
const provideFont = PdfmakeDocument.prototype.provideFont;
PdfmakeDocument.prototype.provideFont = function (...args: unknown[]) {
  const embedded = provideFont.apply(this, args);
  // pdfmake asks for the font for every piece of text: the shared cache is put in (and measured) once per document.
  if (embedded.layoutCache && embedded.layoutCache !== layouts.get(embedded.font) && isParsedFace(embedded.font)) {
    let runs = layouts.get(embedded.font);
    if (!runs || Object.keys(runs).length > LAYOUTS_MAX)
      layouts.set(embedded.font, (runs = Object.create(null) as Record<string, Run>));
    embedded.layoutCache = runs;
  }
  return embedded;
};

// Documents read no file: the faces come parsed (fonts.ts), images and charts inline in the spec.
pdfmake.setLocalAccessPolicy((name: string) => name.startsWith(FACE));

export async function renderPdf(given: DocumentSpec): Promise<Buffer> {
  // pdfmake writes its layout into the nodes it is given (widths, offsets, fonts): a copy keeps the caller's spec
  // plain data that can be rendered again or sent to a worker.
  const spec = structuredClone(given);
  pdfmake.setFonts(fontDictionary(spec));
  return pdfmake.createPdf(documentDefinition(spec)).getBuffer();
}
