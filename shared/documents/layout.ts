import type { Content } from 'pdfmake/interfaces.js';
import { chineseDate } from '../domain/dates.ts';
import type { DocumentGeometry } from '../entities/page-geometry.ts';

/** Font families (files) and the roles they play; the core loads the files, the layout names the roles. */
export interface FontFamily {
  normal: string;
  bold?: string;
}
export type FontRole = 'header' | 'title' | 'number' | 'body' | 'heading' | 'fallback';
export interface FontSet {
  families: Record<string, FontFamily>;
  roles: Record<FontRole, string>;
}

/**
 * The page and the parts every official form shares: the header line with its double rule, the
 * title, the number line, signature blocks, the seal position over the date, the copies note.
 * Geometry is per unit (settings: entities/page-geometry.ts); positions of header, title and number line are absolute so a
 * printed form lines up with pre-printed paper and the geometry test can hold them to 1 mm.
 */
export const MM = 72 / 25.4;

/**
 * Table layouts are named here and defined in the renderer (their callbacks cannot cross to the
 * render worker): 'fillIn' = lines to write on after a label, 'ruled' = empty lines for handwriting.
 */
export type TableLayoutName = 'fillIn' | 'ruled';
export const A4 = { widthPt: 595.28, heightPt: 841.89 };

/** What the renderer needs: JSON only, so it can cross to the render worker. */
export interface DocumentSpec {
  geometry: DocumentGeometry;
  header: string;
  title: string;
  numberLine: string;
  content: Content[];
  copiesNote: string | null;
  watermark: string | null;
  /** The title repeated on continuation pages: 现场检查记录（续页）. */
  continuationLabel: string;
  /** 第 N 页 共 M 页 at the foot (the file's own cover, 目录 and 备考表 are not numbered). */
  pageNumbers?: boolean;
  /** No header block: a page of the bound case file that is not a document of its own (a photo, a paper slot, the 备考表). */
  plain?: boolean;
  /** Who signs every page of a 笔录 (被询问人…): a signature line at the foot of each page. */
  pageSignature?: string;
  fonts: FontSet;
  /** The core's now (ISO), as the PDF's creation date: the machine's clock never stamps an official document. */
  createdAt?: string;
}

export function textWidthPt(g: DocumentGeometry): number {
  return A4.widthPt - (g.marginLeftMm + g.marginRightMm) * MM;
}

/** The first page's header block, placed absolutely. */
export function headerBlock(spec: DocumentSpec): Content[] {
  const g = spec.geometry;
  const left = g.marginLeftMm * MM;
  const width = textWidthPt(g);
  const ruleY = g.headerTopMm * MM + g.headerSizePt * 1.45;
  return [
    {
      text: spec.header,
      font: spec.fonts.roles.header,
      bold: true,
      fontSize: g.headerSizePt,
      alignment: 'center',
      absolutePosition: { x: left, y: g.headerTopMm * MM },
      width,
    } as Content,
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.6 },
        { type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.5 },
      ],
      absolutePosition: { x: left, y: ruleY },
    },
    {
      text: spec.title,
      font: spec.fonts.roles.title,
      bold: true,
      fontSize: g.titleSizePt,
      alignment: 'center',
      characterSpacing: 2,
      absolutePosition: { x: left, y: g.titleTopMm * MM },
    } as Content,
    {
      text: spec.numberLine,
      font: spec.fonts.roles.number,
      fontSize: g.numberSizePt,
      alignment: 'center',
      absolutePosition: { x: left, y: g.numberTopMm * MM },
    } as Content,
    // The flow content starts below the number line.
    { text: '', margin: [0, Math.max(0, (g.bodyTopMm - g.marginTopMm) * MM), 0, 0] },
  ];
}

/** 检查人员（签名）…… 执法证号 ……, twice; the pen signatures go on the printed lines. */
export function officerSignatures(label: string, officers: { name: string; certificateNo: string }[]): Content {
  const rows = [0, 1].map((i) => {
    const o = officers[i];
    return [
      { text: `${label}（签名）：`, noWrap: true },
      { text: '', border: [false, false, false, true] },
      { text: '执法证号：', noWrap: true },
      { text: o?.certificateNo ?? '', border: [false, false, false, true] },
    ];
  });
  return {
    table: { widths: ['auto', '*', 'auto', '*'], body: rows },
    layout: 'fillIn',
    margin: [0, 14, 0, 0],
    signing: true,
  } as Content;
}

export function partySignature(label: string): Content {
  return {
    table: {
      widths: ['auto', '*', 'auto', 110],
      body: [
        [
          { text: `${label}（签名）：`, noWrap: true },
          { text: '', border: [false, false, false, true] },
          { text: '日期：', noWrap: true },
          { text: '', border: [false, false, false, true] },
        ],
      ],
    },
    layout: 'fillIn',
    margin: [0, 10, 0, 0],
    signing: true,
  } as Content;
}

/** Room for a name or a short value written by hand in running text. */
export const ROOM = '\u3000'.repeat(6);

/** A date as printed, or the blank a form filled in by hand leaves for it (room for the year too). */
export const BLANK_DATE = '　　年　　月　　日';
export function dateOrBlank(date: string | null): string {
  return date ? chineseDate(date) : BLANK_DATE;
}

/** The agency's seal goes over the date at the bottom right. */
export function sealAndDate(agency: string, date: string | null): Content {
  return {
    stack: [
      { text: `${agency}（印章）`, alignment: 'right', margin: [0, 24, 12, 0] },
      { text: dateOrBlank(date), alignment: 'right', margin: [0, 6, 12, 0] },
    ],
    unbreakable: true,
    signing: true,
  } as Content;
}

/** A place to sign or seal (marked by the helpers that draw one): it never stands alone at the top of a page. */
const isSigning = (c: Content): boolean => typeof c === 'object' && c !== null && 'signing' in c;

/**
 * The signature and seal blocks at the end of a document, kept on one page with the paragraph before them
 * (and any short note among them): when they do not fit, that text moves to the next page with them, so no
 * page holds only places to sign.
 */
export function keepSigningWithText(content: Content[]): Content[] {
  let start = content.length;
  const short = (c: Content) =>
    typeof c === 'object' && c !== null && 'text' in c && typeof c.text === 'string' && c.text.length < 80;
  while (start > 0 && (isSigning(content[start - 1]) || (short(content[start - 1]) && start < content.length))) start--;
  // A short note counts only between places to sign (a refusal noted under the signatures), not before them.
  while (start < content.length && !isSigning(content[start])) start++;
  if (start === content.length || start === 0) return content;
  // The label lines just above the signatures (处罚时间、处罚地点) go with them, and the paragraph above those.
  for (let n = 0; n < 3 && start > 1 && textLength(content[start - 1]) <= 30; n++) start--;
  // Only a paragraph that surely fits on a page goes into the one unbreakable block: pdfmake keeps only the first
  // page of an unbreakable block taller than a page, and drops the rest. A table or a long text stays where it is.
  if (textLength(content[start - 1]) > KEEP_WITH_SIGNING) start++;
  if (start === content.length) return content;
  // pdfmake loses an unbreakable block nested in another: the group is the one unbreakable block.
  const flat = content.slice(start - 1).map((c) => {
    if (typeof c !== 'object' || c === null || !('unbreakable' in c)) return c;
    const { unbreakable: _, ...rest } = c as unknown as Record<string, unknown>;
    return rest as unknown as Content;
  });
  return [...content.slice(0, start - 1), { stack: flat, unbreakable: true } as Content];
}

/** The longest paragraph (in characters, about 12 lines) kept on one page with the signatures below it. */
const KEEP_WITH_SIGNING = 360;

/** How many characters a block of text prints (a label line's label and value); a table or stack counts as long. */
function textLength(c: Content): number {
  if (typeof c === 'string') return c.length;
  if (typeof c !== 'object' || c === null || !('text' in c)) return Infinity;
  const t = c.text as unknown;
  if (typeof t === 'string') return t.length;
  if (Array.isArray(t))
    return t.reduce((n: number, x) => n + (typeof x === 'string' ? x.length : textLength(x as Content)), 0);
  return Infinity;
}

/** 一、二、三… for numbered findings and items. */
export function ordinal(i: number): string {
  const d = '零一二三四五六七八九';
  const n = i + 1;
  if (n <= 10) return n === 10 ? '十' : d[n];
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

export function paragraph(text: string, opts: { indent?: boolean } = {}): Content {
  return {
    text: unbroken(text),
    leadingIndent: opts.indent === false ? 0 : 28,
    margin: [0, 2, 0, 2],
    alignment: 'justify',
  } as Content;
}

/**
 * What a line never breaks inside: a date (2026年9月8日), a time (9时00分), the year and serial of a 文号
 * (〔2026〕3号), an article, 款 or 项 (第一百零二条, 第（三）项) and an amount in figures (¥20,000.00).
 * pdfmake breaks Chinese text between any two characters; these runs are kept whole (noWrap) and move to the
 * next line together. Each is short, so a justified line never stretches much to make room for one.
 */
const KEEP =
  /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}时\d{2}分|〔\d{4}〕\d+号|第[零一二三四五六七八九十百千]+[条款](?:之[一二三四五六七八九十]+)?|第（[一二三四五六七八九十]+）项|[¥￥][\d,]+(?:\.\d+)?|\d[\d,]*(?:\.\d+)?元/g;
export function unbroken(text: string): string | { text: string; noWrap?: boolean }[] {
  const runs: { text: string; noWrap?: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(KEEP)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ text: m[0], noWrap: true });
    at = m.index + m[0].length;
  }
  if (!runs.length) return text;
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/**
 * 被检查单位：XX — the label in the heading face, the filled-in value in the body face. Several
 * pairs share one line (法定代表人：… 职务：… 联系电话：…), wrapping like running text.
 */
export function labelled(fonts: FontSet, ...pairs: [string, string][] | [string, string]): Content {
  const list: [string, string][] =
    typeof pairs[0] === 'string' ? [pairs as [string, string]] : (pairs as [string, string][]);
  // A label never breaks inside (法定代表人（负责人）：); a value's dates and numbers neither.
  const text = list.flatMap(([label, value], i) => [
    { text: `${i ? '　　' : ''}${label}：`, font: fonts.roles.heading, noWrap: true },
    ...[unbroken(value || '　　　　')].flat(),
  ]);
  return { text, margin: [0, 2, 0, 2] } as Content;
}

/** Empty ruled lines to write on by hand (blank forms printed for use on site). */
export function ruledLines(count: number): Content {
  return {
    table: {
      widths: ['*'],
      body: Array.from({ length: count }, () => [{ text: ' ', border: [false, false, false, true] }]),
    },
    layout: 'ruled',
    margin: [0, 2, 0, 6],
  } as Content;
}

/**
 * A ruled list of things (材料清单, 先行登记保存 or 查封扣押 清单): numbered rows under centred
 * headings; a blank form gets empty rows to fill in by hand.
 */
export function itemsTable(
  fonts: FontSet,
  columns: { title: string; width: number | '*' }[],
  rows: string[][],
  blankRows = 5,
): Content {
  const head = [{ title: '序号', width: 30 }, ...columns].map((c) => ({
    text: c.title,
    font: fonts.roles.heading,
    alignment: 'center' as const,
  }));
  const body = rows.length
    ? rows.map((r, i) => [String(i + 1), ...r.map((cell) => ({ text: unbroken(cell) }))])
    : Array.from({ length: blankRows }, () => head.map(() => ' '));
  return {
    table: { headerRows: 1, widths: [30, ...columns.map((c) => c.width)], body: [head, ...body] },
    fontSize: 11,
    margin: [0, 4, 0, 8],
  } as unknown as Content;
}

/** A heading on its own line (勘验情况：, 附：…), in the heading face. */
export function heading(fonts: FontSet, text: string): Content {
  return { text, font: fonts.roles.heading, margin: [0, 6, 0, 2] } as Content;
}

/** 宣汉县东林化工有限公司： — or, on a blank form, a line to write the addressee on. */
export function addresseeLine(value: string, blank: boolean): Content {
  if (!blank) return { text: `${value}：`, margin: [0, 4, 0, 4] } as Content;
  return {
    table: { widths: [200, 'auto'], body: [[{ text: '', border: [false, false, false, true] }, { text: '：' }]] },
    layout: 'fillIn',
    margin: [0, 0, 0, 4],
  } as Content;
}

/** A label with a line after it to write on by hand (答：____, 鉴定要求：____). */
export function writeInLine(fonts: FontSet, label: string): Content {
  return {
    table: {
      widths: ['auto', '*'],
      body: [
        [
          { text: label, font: fonts.roles.heading },
          { text: '', border: [false, false, false, true] },
        ],
      ],
    },
    layout: 'fillIn',
    margin: [0, 0, 0, 4],
  } as Content;
}
