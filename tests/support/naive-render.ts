import path from 'node:path';
import pdfmake from 'pdfmake';
import { documentDefinition } from '../../electron/core/documents/render.ts';
import type { DocumentSpec } from '../../shared/documents/layout.ts';

/**
 * The baseline the font cache is measured and checked against: the same document definition through plain
 * pdfmake, given the font files for every document (pdfkit reads and parses each face again each time).
 */
export async function naiveRender(spec: DocumentSpec): Promise<Buffer> {
  const copy = structuredClone(spec);
  const files = Object.values(copy.fonts.families).flatMap((f) => [f.normal, f.bold ?? f.normal]);
  const dirs = [...new Set(files.map((f) => path.resolve(path.dirname(f))))];
  const fonts = Object.fromEntries(
    Object.entries(copy.fonts.families).map(([name, f]) => [
      name,
      { normal: f.normal, bold: f.bold ?? f.normal, italics: f.normal, bolditalics: f.bold ?? f.normal },
    ]),
  );
  pdfmake.setLocalAccessPolicy((p: string) => dirs.some((d) => path.resolve(p).startsWith(d + path.sep)));
  pdfmake.setFonts(fonts);
  try {
    return await pdfmake.createPdf(documentDefinition(copy)).getBuffer();
  } finally {
    pdfmake.setLocalAccessPolicy((name: string) => name.startsWith('desk-face:'));
  }
}
