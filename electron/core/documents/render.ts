import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
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
 * thread that serves the UI. Fonts come only from the paths in the spec's font set.
 */
function fontDictionary(spec: DocumentSpec): TFontDictionary {
  // A fresh dictionary per document: pdfmake mutates font descriptors as it loads them.
  const dict: TFontDictionary = {};
  for (const [name, f] of Object.entries(spec.fonts.families)) {
    dict[name] = { normal: f.normal, bold: f.bold ?? f.normal, italics: f.normal, bolditalics: f.bold ?? f.normal };
  }
  return dict;
}

function definition(spec: DocumentSpec): TDocumentDefinitions {
  const g = spec.geometry;
  const fonts = spec.fonts;
  const body = fonts.roles.body;
  const content = [
    ...(applyRuns(fonts, headerBlock(spec) as never, body, false, 'header') as unknown as Content[]),
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

export async function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const dirs = Object.values(spec.fonts.families).flatMap((f) => [
    path.dirname(f.normal),
    path.dirname(f.bold ?? f.normal),
  ]);
  pdfmake.setLocalAccessPolicy((p: string) => dirs.some((d) => path.resolve(p).startsWith(path.resolve(d) + path.sep)));
  pdfmake.setFonts(fontDictionary(spec));
  return pdfmake.createPdf(definition(spec)).getBuffer();
}
