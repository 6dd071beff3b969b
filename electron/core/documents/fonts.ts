import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { AppError } from '../../../shared/base/errors.ts';

// pdfkit requires fontkit's CommonJS build, and the ESM build is another instance with its own list of formats:
// the faces the documents are drawn with must come from the instance pdfkit calls.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit & {
  registerFormat(format: unknown): void;
};

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
        const opened = fontkit.create(fs.readFileSync(file));
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

/**
 * Every face is parsed once per thread and kept: the glyph checks read its cmap, and pdfkit draws and subsets
 * with the same object (only the subset is built per document). Parsing a CJK face costs tens of milliseconds
 * and tens of megabytes, which pdfkit would otherwise spend again for every document.
 */
const parsedFaces = new Map<string, Fontkit.Font>();
const sharedFaces = new Set<Fontkit.Font>();
let parses = 0;

export function parsedFace(file: string): Fontkit.Font {
  let f = parsedFaces.get(file);
  if (!f) {
    const opened = fontkit.create(fs.readFileSync(file));
    if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${file} is a collection; use a single-face OTF/TTF`);
    f = opened;
    parsedFaces.set(file, f);
    sharedFaces.add(f);
    parses++;
  }
  return f;
}

/** Whether a fontkit face is one of the shared parsed faces. */
export const isParsedFace = (font: unknown): boolean => sharedFaces.has(font as Fontkit.Font);

/** Which faces this thread has parsed, and how many parses that took: a test holds it to one per face. */
export const faceParses = () => ({ parses, files: [...parsedFaces.keys()] });

/**
 * pdfkit opens a font only through fontkit.create(bytes). A face reference is a few bytes that a format
 * registered with fontkit (its public extension point) recognises and answers with the parsed face, so pdfkit
 * embeds the shared object instead of parsing the file again.
 */
const REF_MAGIC = Buffer.from('DESK-PARSED-FACE\0', 'latin1');

class ParsedFaceRef {
  static probe(bytes: Uint8Array): boolean {
    return bytes.length > REF_MAGIC.length && Buffer.from(bytes.subarray(0, REF_MAGIC.length)).equals(REF_MAGIC);
  }
  constructor(stream: { buffer: Uint8Array }) {
    // A constructor may answer another object: fontkit.create gets the face parsed before.
    return parsedFace(Buffer.from(stream.buffer.subarray(REF_MAGIC.length)).toString('utf8'));
  }
}
fontkit.registerFormat(ParsedFaceRef);

/** The bytes pdfkit is given for a face file: a reference to the parsed face, not the file. */
export function faceRef(file: string): Buffer {
  return Buffer.concat([REF_MAGIC, Buffer.from(file, 'utf8')]);
}

/** Whether the face that will actually draw the character has it (a bold file may cover less than the regular). */
export function familyCovers(set: FontSet, family: string, codePoint: number, bold = false): boolean {
  const f = set.families[family];
  return !!f && parsedFace(bold && f.bold ? f.bold : f.normal).hasGlyphForCodePoint(codePoint);
}

/** Characters that are layout, not glyphs: never looked up. */
export const isLayoutChar = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x09;
