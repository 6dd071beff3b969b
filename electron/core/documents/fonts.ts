import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

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
    const chosen = overrides[name] ?? { normal: path.join(dir, f.normal), bold: f.bold ? path.join(dir, f.bold) : undefined };
    families[name] = { normal: chosen.normal, bold: chosen.bold ?? chosen.normal };
  }
  return { families, roles: config.roles };
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

export function familyCovers(set: FontSet, family: string, codePoint: number): boolean {
  const f = set.families[family];
  return !!f && fontAt(f.normal).hasGlyphForCodePoint(codePoint);
}

/** Characters that are layout, not glyphs: never looked up. */
export const isLayoutChar = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x09;
