import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { AppError } from '../../../shared/base/errors.ts';

/**
 * The fonts official documents are set in: families (files shipped in resources/fonts) and the
 * roles they play. Only these files are read; system font folders never are, unless an admin
 * points a family at installed official fonts (仿宋_GB2312, 方正小标宋…) in settings.
 */
import type { FontFamily, FontSet } from '../../../shared/documents/layout.ts';

export type { FontFamily, FontSet };

export function loadFontSet(resourcesDir: string, overrides: Partial<Record<string, FontFamily>> = {}): FontSet {
  const dir = path.join(resourcesDir, 'fonts');
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'fonts.json'), 'utf8')) as FontSet;
  const families: Record<string, FontFamily> = {};
  for (const [name, f] of Object.entries(config.families)) {
    const chosen = overrides[name] ?? {
      normal: path.join(dir, f.normal),
      bold: f.bold ? path.join(dir, f.bold) : undefined,
    };
    families[name] = { normal: chosen.normal, bold: chosen.bold ?? chosen.normal };
  }
  return { families, roles: config.roles };
}

/** An installed font an admin points to must exist and be one face (a .ttc would cost ~230 ms per document). */
export function checkFontFiles(overrides: Partial<Record<string, FontFamily>>): void {
  const issues: { path: (string | number)[]; key: string; params?: Record<string, unknown> }[] = [];
  for (const [family, f] of Object.entries(overrides)) {
    for (const [face, file] of Object.entries(f ?? {})) {
      if (!file) continue;
      try {
        if (!fs.statSync(file).isFile()) throw new Error('not a file');
        const opened = fontkit.openSync(file);
        if (!('hasGlyphForCodePoint' in opened)) throw new Error('collection');
        if (!opened.hasGlyphForCodePoint(0x4e2d))
          issues.push({ path: ['fontOverrides', family, face], key: 'validation.font.noChinese', params: { file } });
      } catch {
        issues.push({ path: ['fontOverrides', family, face], key: 'validation.font.unreadable', params: { file } });
      }
    }
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

/** Which code points a font file has, read once per file per process (fontkit parses the cmap). */
const openFonts = new Map<string, fontkit.Font>();
function fontAt(file: string): fontkit.Font {
  let f = openFonts.get(file);
  if (!f) {
    const opened = fontkit.openSync(file);
    if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${file} is a collection; use a single-face OTF/TTF`);
    f = opened;
    openFonts.set(file, f);
  }
  return f;
}

/** Whether the face that will actually draw the character has it (a bold file may cover less than the regular). */
export function familyCovers(set: FontSet, family: string, codePoint: number, bold = false): boolean {
  const f = set.families[family];
  return !!f && fontAt(bold && f.bold ? f.bold : f.normal).hasGlyphForCodePoint(codePoint);
}

/** Characters that are layout, not glyphs: never looked up. */
export const isLayoutChar = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x09;
