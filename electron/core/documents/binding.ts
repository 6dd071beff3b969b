import { degrees, PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { MM } from '../../../shared/documents/layout.ts';

/**
 * The bound case file as one PDF (卷宗): the file's own front pages (cover and 卷内目录), every paper's PDF in
 * filing order with its pages copied unchanged, and the 备考表, with the archive page number stamped at the
 * bottom right of every paper's page (the front and back pages are not numbered). Runs in the render worker:
 * loading the papers is parsing files, never done on the thread that serves calls.
 */
export interface BindPlan {
  /** Cover and 卷内目录: not numbered. */
  front: Uint8Array;
  /** Each paper's PDF, in filing order. */
  parts: Uint8Array[];
  /** The pages the 卷内目录 gives each part: a part that disagrees stops the binding (the 目录 must be true). */
  expectedPages: number[];
  /** 备考表: not numbered. */
  back: Uint8Array;
  title: string;
  /** The record's date for the PDF's dates: the same file and day give the same bytes. */
  createdAt: string;
}

/** Distance of the archive number from the page's visible right and bottom edges. */
const STAMP_MARGIN = 12 * MM;
const STAMP_SIZE = 11;

/** Whether a PDF can be filed: it loads and is not encrypted (an encrypted scan cannot be copied page by page). */
async function open(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.isEncrypted || doc.getPageCount() === 0 ? null : doc;
  } catch {
    return null;
  }
}

/** Pages in each PDF as the binder will copy them; null where a PDF cannot be filed. */
export async function pdfPages(pdfs: Uint8Array[]): Promise<(number | null)[]> {
  const counts: (number | null)[] = [];
  for (const bytes of pdfs) counts.push((await open(bytes))?.getPageCount() ?? null);
  return counts;
}

export async function bindFile(plan: BindPlan): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const when = new Date(plan.createdAt);
  out.setTitle(plan.title);
  out.setCreator('安全生产执法工作台');
  out.setProducer('安全生产执法工作台');
  out.setCreationDate(when);
  out.setModificationDate(when);
  const font = await out.embedFont(StandardFonts.Helvetica);
  const copyAll = async (bytes: Uint8Array, what: string) => {
    const src = await open(bytes);
    if (!src) throw new Error(`${what} cannot be filed`);
    return out.copyPages(src, src.getPageIndices());
  };
  for (const page of await copyAll(plan.front, 'front')) out.addPage(page);
  let number = 0;
  for (const [i, bytes] of plan.parts.entries()) {
    const pages = await copyAll(bytes, `part ${i + 1}`);
    if (pages.length !== plan.expectedPages[i])
      throw new Error(`part ${i + 1} has ${pages.length} pages, the 卷内目录 gives it ${plan.expectedPages[i]}`);
    for (const page of pages) {
      out.addPage(page);
      number++;
      stamp(page, String(number), font);
    }
  }
  for (const page of await copyAll(plan.back, 'back')) out.addPage(page);
  return out.save({ useObjectStreams: false });
}

/**
 * The number at the visible bottom right, upright however the page is rotated (a scanner app often saves a
 * portrait scan as a landscape page with /Rotate 90). Drawn as a content stream of its own after the page's
 * streams, which stay as they were.
 */
function stamp(
  page: Awaited<ReturnType<PDFDocument['copyPages']>>[number],
  text: string,
  font: Awaited<ReturnType<PDFDocument['embedFont']>>,
) {
  const { x: bx, y: by, width: w, height: h } = page.getCropBox();
  const width = font.widthOfTextAtSize(text, STAMP_SIZE);
  const m = STAMP_MARGIN;
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  // Where the text starts (its baseline's left end) in the page's own coordinates, and which way it runs.
  const at = {
    0: { x: bx + w - m - width, y: by + m, r: 0 },
    90: { x: bx + w - m, y: by + h - m - width, r: 90 },
    180: { x: bx + m + width, y: by + h - m, r: 180 },
    270: { x: bx + m, y: by + m + width, r: 270 },
  }[angle] ?? { x: bx + w - m - width, y: by + m, r: 0 };
  page.drawText(text, { x: at.x, y: at.y, size: STAMP_SIZE, font, rotate: degrees(at.r) });
}
