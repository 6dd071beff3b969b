import type { ValidationIssue } from '../base/errors.ts';
import type { FileOrder } from '../entities/file-order.ts';

/**
 * 卷内目录: what the bound case file holds, in the configured order (the result document first,
 * then the procedure as it happened, execution and closing last; anything unlisted after, by
 * date), numbered, each with the pages it takes. The cover, the 目录 and the 备考表 are not numbered.
 */

/** The photos of the hazards found at the inspection and its 复查, filed together. */
export const PHOTOS_KEY = 'photos';

/** What may be put in order: every document type, the three approval forms, each paper a case event stands for, the photos. */
export function fileOrderKeys(documentTypes: string[], eventKinds: string[]): Set<string> {
  return new Set([
    PHOTOS_KEY,
    ...documentTypes,
    ...['filing', 'disposal', 'closing'].map((s) => `approval:${s}`),
    ...eventKinds.filter((k) => k !== 'approval').map((k) => `event:${k}`),
  ]);
}

/** A province's 卷内目录 order, entry by entry: each key one we know, listed once; titles only for keys we know. */
export function fileOrderIssues(
  order: FileOrder,
  known: Set<string>,
  at: (string | number)[] = ['fileOrder'],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  order.order.forEach((key, i) => {
    if (!known.has(key))
      issues.push({ path: [...at, 'order', i], key: 'settings.fileOrder.unknownKey', params: { key, n: i + 1 } });
    else if (seen.has(key))
      issues.push({ path: [...at, 'order', i], key: 'settings.fileOrder.duplicate', params: { key, n: i + 1 } });
    seen.add(key);
  });
  for (const key of Object.keys(order.titles))
    if (!known.has(key))
      issues.push({ path: [...at, 'titles', key], key: 'settings.fileOrder.unknownKey', params: { key, n: '' } });
  return issues;
}

export interface FileItem {
  /** A document type id, or approval:<stage> / event:<kind> for what the case records as events. */
  key: string;
  title: string;
  numberText: string;
  date: string;
  pages: number;
}

export interface FileEntry extends FileItem {
  no: number;
  firstPage: number;
  lastPage: number;
}

/** How the file orders papers: by the configured order, anything unlisted after, each kind by date. */
export function byFileOrder(
  order: string[],
): (a: { key: string; date: string }, b: { key: string; date: string }) => number {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return (a, b) => rank(a.key) - rank(b.key) || a.date.localeCompare(b.date);
}

export function fileContents(items: FileItem[], order: string[]): FileEntry[] {
  const sorted = [...items].sort(byFileOrder(order));
  let page = 1;
  return sorted.map((it, i) => {
    const pages = Math.max(1, it.pages);
    const entry = { ...it, pages, no: i + 1, firstPage: page, lastPage: page + pages - 1 };
    page += pages;
    return entry;
  });
}

/** Pages in a PDF: its page objects (/Type /Page, not /Pages), which every writer leaves uncompressed. */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}
