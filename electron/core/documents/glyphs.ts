import { AppError } from '../../../shared/base/errors.ts';
import { type FontSet, familyCovers, isLayoutChar } from './fonts.ts';

/**
 * An official document never shows a blank box or a boxed "F": every string is checked before
 * rendering. A character the run's font lacks goes into a run of the fallback font; a character no
 * font has stops the rendering with an error naming the character and the field.
 */
export type Inline = string | { text: string; font: string };

export function splitRuns(
  set: FontSet,
  text: string,
  family: string,
  bold = false,
  source = 'template',
): Inline[] | string {
  const fallback = set.roles.fallback;
  const runs: Inline[] = [];
  let current = '';
  let currentFont = family;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const font =
      isLayoutChar(cp) || familyCovers(set, family, cp, bold)
        ? family
        : familyCovers(set, fallback, cp, bold)
          ? fallback
          : null;
    if (font === null)
      throw new AppError('DOCUMENT_GLYPH_MISSING', {
        char: ch,
        codePoint: `U+${cp.toString(16).toUpperCase()}`,
        field: source,
      });
    if (font !== currentFont && current) {
      runs.push(currentFont === family ? current : { text: current, font: currentFont });
      current = '';
    }
    currentFont = font;
    current += ch;
  }
  if (current) runs.push(currentFont === family ? current : { text: current, font: currentFont });
  return runs.length === 1 && typeof runs[0] === 'string' ? runs[0] : runs;
}

/** A character no document font can print. */
export interface MissingGlyph {
  char: string;
  codePoint: string;
}

/**
 * The characters of `text` neither the body font nor the fallback has, each once, in order: the check every document
 * makes before it renders, asked as names and addresses are typed, so a character that cannot print is said then
 * rather than at the first 签发.
 */
export function missingGlyphs(set: FontSet, text: string): MissingGlyph[] {
  const missing = new Map<string, MissingGlyph>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (missing.has(ch) || isLayoutChar(cp) || familyCovers(set, set.roles.body, cp)) continue;
    if (!familyCovers(set, set.roles.fallback, cp))
      missing.set(ch, { char: ch, codePoint: `U+${cp.toString(16).toUpperCase()}` });
  }
  return [...missing.values()];
}

/** Checks user-entered fields first, so the error names the field ("documents.fields.items.2.description"). */
export function checkFieldGlyphs(set: FontSet, fields: unknown, path: (string | number)[] = []): void {
  if (typeof fields === 'string') {
    const [first] = missingGlyphs(set, fields);
    if (first) throw new AppError('DOCUMENT_GLYPH_MISSING', { ...first, field: path.join('.'), path });
  } else if (Array.isArray(fields)) {
    fields.forEach((v, i) => checkFieldGlyphs(set, v, [...path, i]));
  } else if (fields && typeof fields === 'object') {
    for (const [k, v] of Object.entries(fields)) checkFieldGlyphs(set, v, [...path, k]);
  }
}

type Node = Record<string, unknown> | string | Node[];

/**
 * Walks a pdfmake content tree and splits every text into font runs, for the face that will draw
 * it (the node's own font and weight, or those it inherits). `source` names where the text came
 * from in the error (the header, the footer…); user fields are checked earlier by name.
 */
export function applyRuns(
  set: FontSet,
  node: Node,
  inherited: string,
  inheritedBold = false,
  source = 'template',
): Node {
  if (typeof node === 'string') return splitRuns(set, node, inherited, inheritedBold, source) as Node;
  if (Array.isArray(node)) return node.map((n) => applyRuns(set, n, inherited, inheritedBold, source));
  const font = typeof node.font === 'string' ? node.font : inherited;
  const bold = typeof node.bold === 'boolean' ? node.bold : inheritedBold;
  const out: Record<string, unknown> = { ...node };
  if (typeof node.text === 'string') out.text = splitRuns(set, node.text, font, bold, source);
  // pdfmake takes no arrays nested inside a text array: a split string's runs join the list flat.
  else if (Array.isArray(node.text))
    out.text = (node.text as Node[]).flatMap((n) =>
      typeof n === 'string' ? [splitRuns(set, n, font, bold, source)].flat() : [applyRuns(set, n, font, bold, source)],
    );
  for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
    if (Array.isArray(node[key])) out[key] = (node[key] as Node[]).map((n) => applyRuns(set, n, font, bold, source));
  }
  if (node.table && typeof node.table === 'object') {
    const table = node.table as { body: Node[][] };
    out.table = {
      ...table,
      body: table.body.map((row) => row.map((cell) => applyRuns(set, cell, font, bold, source))),
    };
  }
  return out;
}
