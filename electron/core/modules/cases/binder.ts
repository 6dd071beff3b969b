import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Content } from 'pdfmake/interfaces.js';
import { approval, issued, live } from '../../../../shared/domain/case-procedure.ts';
import {
  type FileEntry,
  fileContents,
  type FileItem,
  PHOTOS_KEY,
  pdfPageCount,
} from '../../../../shared/domain/case-file.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import {
  A4,
  type DocumentSpec,
  labelled,
  MM,
  paragraph,
  textWidthPt,
  unbroken,
} from '../../../../shared/documents/layout.ts';
import { AppError } from '../../../../shared/base/errors.ts';
import { inspectionAndRechecks } from '../inspections/repository.ts';
import type { CaseDetail } from '../../../../shared/entities/case.ts';
import type { CoreState } from '../../context.ts';
import { readFile } from '../../files.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { familyCovers } from '../../documents/fonts.ts';
import { approvalForm, type ApprovalStage } from './approval-forms.ts';
import { fontSetFor } from '../documents/service.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import { documentDateOf } from '../../../../shared/documents/registry.ts';

/**
 * The bound case file (归档): the cover (案卷首页), the 卷内目录 with every paper in the configured order and its
 * page numbers, and the 备考表; and the whole file as one PDF, those pages around every paper's own pages with the
 * archive page number stamped on each. The 目录 and the bound PDF are made from one list of papers, each with the
 * pages it is filed as, so the numbers in the 目录 are the numbers stamped.
 */

/** Where a paper's pages come from: a stored PDF copied unchanged, or pages made from the record for the file. */
type Source =
  /** An issued document as frozen at issue, or a scanned PDF. */
  | { kind: 'pdf'; hash: string; pages: number }
  /** An approval form printed from the record, a photo or image scan on a page, or a page standing for a paper. */
  | { kind: 'made'; pdf: Buffer; pages: number };

type Paper = FileItem & { sources: Source[] };

const IMAGE = (bytes: Buffer) =>
  bytes[0] === 0xff && bytes[1] === 0xd8
    ? 'jpeg'
    : bytes.subarray(0, 4).toString('latin1') === '\x89PNG'
      ? 'png'
      : null;

/** Pages of stored PDFs, by hash: files are named by their content, so a count never goes stale. */
const pagesByHash = new Map<string, number | null>();

/**
 * The pages the file makes for itself, each counted from the PDF made (never assumed), so the 目录 gives the pages
 * the bound file holds whatever the page geometry or the length of a caption.
 */
function pageMaker(core: CoreState, rules: RuleContext) {
  const g = rules.settings.documentLayout;
  const fonts = fontSetFor(core, rules.settings.fontOverrides);
  const made = async (content: Content[]): Promise<Source> => {
    const pdf = await core.render({ ...baseSpec(core, rules), content, plain: true });
    return { kind: 'made', pdf, pages: pdfPageCount(pdf) };
  };
  // A file name is the user's device's: a character no font has is shown as ? rather than stopping the binding.
  const printable = (name: string) =>
    Array.from(name, (ch) =>
      familyCovers(fonts, fonts.roles.body, ch.codePointAt(0)!) ||
      familyCovers(fonts, fonts.roles.fallback, ch.codePointAt(0)!)
        ? ch
        : '?',
    ).join('');
  const title = (text: string, size: number, top: number): Content =>
    ({
      text,
      font: fonts.roles.title,
      fontSize: size,
      bold: true,
      alignment: 'center',
      margin: [0, top, 0, 16],
    }) as Content;
  return {
    /** A paper held only on paper, or a file that cannot be shown: a page saying where it goes. */
    slot(paper: { title: string; date: string }, file: { name: string; photo: boolean } | null) {
      const said = !file
        ? '本材料为纸质件，未扫描入系统，以纸质原件附于此页之后。'
        : file.photo
          ? `照片文件（${printable(file.name)}）不能显示（不是可读的 JPEG 或 PNG 文件），请在系统中查看原文件。`
          : `本材料的电子文件（${printable(file.name)}）不能合入本卷（不是可读的 PDF、JPEG 或 PNG 文件），以纸质原件附于此页之后。`;
      return made([
        title(paper.title, 20, 120),
        paragraph(paper.date ? `日期：${chineseDate(paper.date)}` : '', { indent: false }),
        paragraph(said, { indent: false }),
      ]);
    },
    /** A photo or an image scan fitted to the page under its title, with its caption and file name. */
    async image(bytes: Buffer, name: string, paper: { title: string; date: string; caption: string }) {
      const lines = Math.ceil((Array.from(paper.caption).length * 12) / textWidthPt(g)) || 0;
      // The room the title, caption and name take, and a margin for safety, off the page's text height.
      const room = 14 * g.lineHeight + 12 + lines * 12 * g.lineHeight + 12 + 10 * g.lineHeight + 4 + 36;
      const height = Math.max(60 * MM, A4.heightPt - (g.marginTopMm + g.marginBottomMm) * MM - room);
      try {
        return await made([
          {
            text: paper.title,
            font: fonts.roles.heading,
            fontSize: 14,
            alignment: 'center',
            margin: [0, 0, 0, 12],
          } as Content,
          {
            image: `data:image/${IMAGE(bytes)};base64,${bytes.toString('base64')}`,
            fit: [textWidthPt(g), height],
            alignment: 'center',
          } as Content,
          ...(paper.caption ? [{ text: paper.caption, margin: [0, 12, 0, 0], fontSize: 12 } as Content] : []),
          { text: printable(name), margin: [0, 4, 0, 0], fontSize: 10, color: '#555555' } as Content,
        ]);
      } catch (e) {
        // An image its header claims but its data does not hold: shown as a file that cannot be displayed.
        if ((e as { code?: string }).code !== 'RENDER_FAILED') throw e;
        return this.slot(paper, { name, photo: true });
      }
    },
    form: async (detail: CaseDetail, stage: ApprovalStage): Promise<Source> => {
      const pdf = await approvalForm(core, rules, detail, stage);
      return { kind: 'made', pdf, pages: pdfPageCount(pdf) };
    },
  };
}
type Maker = ReturnType<typeof pageMaker>;

/** A stored file as the pages it is filed as: a PDF's own pages, an image on a page, or a page naming a file that cannot be filed. */
async function sourceOfFile(
  core: CoreState,
  make: Maker,
  hash: string,
  name: string,
  paper: { title: string; date: string; caption: string; photo?: boolean },
): Promise<Source> {
  const bytes = readFile(core.dataDir, hash);
  if (IMAGE(bytes)) return make.image(bytes, name, paper);
  if (!pagesByHash.has(hash)) pagesByHash.set(hash, (await core.pdfPages([bytes]))[0]);
  const pages = pagesByHash.get(hash);
  return pages ? { kind: 'pdf', hash, pages } : make.slot(paper, { name, photo: !!paper.photo });
}

async function papersOf(
  core: CoreState,
  db: Kysely<DB>,
  rules: RuleContext,
  detail: CaseDetail,
  titles: Record<string, string>,
): Promise<Paper[]> {
  const make = pageMaker(core, rules);
  // The case's documents, and those of the inspection it came from and of its 复查 (检查记录, 整改指令书, and the
  // 复查意见书 that proves the hazard was not put right in time: the ground of a 逾期未改正 penalty).
  const inspections = detail.inspectionId ? await inspectionAndRechecks(db, detail.inspectionId) : [];
  let q = db
    .selectFrom('documents')
    .select([
      'id',
      'type',
      'numberText',
      'fieldsJson',
      'pdfSha256',
      'pageCount',
      'supersedesId',
      'scanSha256',
      'scanName',
    ])
    .where('status', '=', 'issued');
  q = inspections.length
    ? q.where((eb) => eb.or([eb('caseId', '=', detail.id), eb('inspectionId', 'in', inspections)]))
    : q.where('caseId', '=', detail.id);
  const docs = await q.orderBy('id').execute();
  const superseded = new Set(docs.map((d) => d.supersedesId).filter((x) => x !== null));
  const papers: Paper[] = [];
  for (const d of docs.filter((x) => !superseded.has(x.id))) {
    const title = titles[d.type] ?? core.catalogue.byId.get(d.type)?.name ?? d.type;
    const date = documentDateOf(d.type, JSON.parse(d.fieldsJson)) ?? '';
    const sources: Source[] = [];
    if (d.pdfSha256)
      sources.push({
        kind: 'pdf',
        hash: d.pdfSha256,
        pages: d.pageCount ?? pdfPageCount(readFile(core.dataDir, d.pdfSha256)),
      });
    // The copy the party signed (a 送达回证, a 笔录) follows the document it signs.
    if (d.scanSha256)
      sources.push(
        await sourceOfFile(core, make, d.scanSha256, d.scanName ?? '', {
          title: `${title}（签收件）`,
          date,
          caption: '',
        }),
      );
    papers.push({ key: d.type, title, numberText: d.numberText ?? '', date, pages: 0, sources });
  }
  for (const stage of ['filing', 'disposal', 'closing'] as const) {
    const approved = approval(detail.events, stage).date;
    if (!approved) continue;
    const title = titles[`approval:${stage}`] ?? stage;
    // The last scan of the stage's form carries every signature; without one, the form as the record has it.
    const scan = detail.events
      .filter((e) => !e.retracted && e.data.kind === 'approval' && e.data.stage === stage && e.scanSha256)
      .at(-1);
    const sources = [
      scan
        ? await sourceOfFile(core, make, scan.scanSha256!, scan.scanName ?? '', { title, date: approved, caption: '' })
        : await make.form(detail, stage),
    ];
    papers.push({ key: `approval:${stage}`, title, numberText: '', date: approved, pages: 0, sources });
  }
  // An event is a paper of the file when the order gives it a title (a 回避决定, a payment slip); the rest are records only.
  for (const e of detail.events) {
    const key = `event:${e.data.kind}`;
    if (e.retracted || e.data.kind === 'approval' || !titles[key]) continue;
    const title = titles[key];
    const date = e.data.date;
    papers.push({
      key,
      title,
      numberText: '',
      date,
      pages: 0,
      sources: [
        e.scanSha256
          ? await sourceOfFile(core, make, e.scanSha256, e.scanName ?? '', { title, date, caption: '' })
          : await make.slot({ title, date }, null),
      ],
    });
  }
  // The photos of the hazards found at the inspection and its 复查, one page each with what it shows.
  if (inspections.length) {
    const hazards = await db
      .selectFrom('hazards')
      .innerJoin('inspections', 'inspections.id', 'hazards.inspectionId')
      .select(['hazards.description', 'hazards.photosJson', 'inspections.startedAt'])
      .where('hazards.inspectionId', 'in', inspections)
      .where('hazards.withdrawnAt', 'is', null)
      .orderBy('hazards.id')
      .execute();
    const sources: Source[] = [];
    const photosTitle = titles[PHOTOS_KEY] ?? '现场检查照片';
    let date = '';
    for (const h of hazards) {
      for (const photo of JSON.parse(h.photosJson) as { hash: string; name: string }[]) {
        date ||= h.startedAt.slice(0, 10);
        const chars = Array.from(h.description);
        const caption = chars.length > 120 ? `${chars.slice(0, 120).join('')}…` : h.description;
        sources.push(
          await sourceOfFile(core, make, photo.hash, photo.name, { title: photosTitle, date, caption, photo: true }),
        );
      }
    }
    if (sources.length)
      papers.push({
        key: PHOTOS_KEY,
        title: titles[PHOTOS_KEY] ?? '现场检查照片',
        numberText: '',
        date,
        pages: 0,
        sources,
      });
  }
  return papers.map((p) => ({ ...p, pages: p.sources.reduce((n, s) => n + s.pages, 0) }));
}

/** The file's own pages as a document: the agency's header, the file's title, the demo watermark, never numbered. */
function baseSpec(core: CoreState, rules: RuleContext): DocumentSpec {
  return {
    geometry: rules.settings.documentLayout,
    header: `${unitOf(rules).agencyName}${core.catalogue.header}`,
    title: '安全生产行政执法案卷',
    numberLine: '',
    content: [],
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : null,
    continuationLabel: '',
    fonts: fontSetFor(core, rules.settings.fontOverrides),
    pageNumbers: false,
  };
}

/** The file's papers in filing order, numbered, with the pages each takes. */
async function entriesOf(core: CoreState, db: Kysely<DB>, rules: RuleContext, detail: CaseDetail) {
  // The province's imported order where there is one; the titles it leaves out are the bundled ones.
  const order = rules.settings.fileOrder ?? core.knowledge.fileOrder;
  const papers = await papersOf(core, db, rules, detail, { ...core.knowledge.fileOrder.titles, ...order.titles });
  return fileContents(papers, order.order) as (FileEntry & Paper)[];
}

/** The cover and 卷内目录 (front) and the 备考表 (back), the pages no number is stamped on. */
function frontAndBack(core: CoreState, rules: RuleContext, detail: CaseDetail, entries: FileEntry[]) {
  const { settings } = rules;
  const unit = unitOf(rules);
  const pages = entries.at(-1)?.lastPage ?? 0;
  const archive = live(detail.events, 'archive').at(-1);
  // Every decision of the case: the unit's and each person's (a person fined beside the unit has a number of their own).
  const decisions = issued(detail, 'penalty-decision-unit')
    .concat(
      issued(detail, 'penalty-decision-person'),
      issued(detail, 'summary-penalty-unit'),
      issued(detail, 'summary-penalty-person'),
    )
    .map((d) => d.numberText)
    .filter(Boolean);
  const closed = approval(detail.events, 'closing').date;
  const fonts = fontSetFor(core, settings.fontOverrides);
  // A character no font has stops here with the field named, as for any document.
  checkFieldGlyphs(fonts, { name: detail.unit.name, cause: detail.cause, handlers: detail.handlerNames.join('、') }, [
    'case',
  ]);
  const head = (t: string) => ({ text: t, font: fonts.roles.heading, alignment: 'center' as const });
  const heading = (t: string, newPage = true): Content =>
    ({
      text: t,
      font: fonts.roles.title,
      fontSize: 20,
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 16],
      ...(newPage ? { pageBreak: 'before' } : {}),
    }) as Content;
  const outcome =
    detail.outcome === 'transfer'
      ? '移送'
      : detail.outcome === 'no-penalty'
        ? '不予行政处罚'
        : detail.violations.length
          ? '行政处罚'
          : '';
  const front: Content[] = [
    { text: '', margin: [0, 40, 0, 0] } as Content,
    labelled(fonts, '案件名称', `${detail.unit.name}${detail.cause.replace(/^涉嫌/, '')}`),
    labelled(fonts, '当事人', detail.unit.name),
    labelled(fonts, '处罚决定书文号', decisions.join('、')),
    labelled(
      fonts,
      '处理结果',
      outcome + (detail.totalFine ? `，罚款${detail.totalFine.toLocaleString('zh-CN')}元` : ''),
    ),
    labelled(
      fonts,
      ['立案日期', detail.filedOn ? chineseDate(detail.filedOn) : ''],
      ['结案日期', closed ? chineseDate(closed) : ''],
    ),
    labelled(fonts, '承办人', detail.handlerNames.join('、')),
    labelled(fonts, '承办单位', unit.agencyName),
    labelled(fonts, ['本卷共', `${entries.length}件 ${pages}页`], ['保管期限', archive?.retention ?? '']),
    labelled(fonts, ['归档号', archive?.archiveNo ?? ''], ['立卷日期', archive ? chineseDate(archive.date) : '']),
    heading('卷内目录'),
    {
      table: {
        headerRows: 1,
        widths: [26, '*', 130, 76, 30],
        body: [
          [head('序号'), head('文书名称'), head('文号'), head('日期'), head('页号')],
          ...entries.map((e) => [
            String(e.no),
            e.title,
            // A 文号 and a date are never broken across lines.
            { text: unbroken(e.numberText) },
            { text: unbroken(e.date ? chineseDate(e.date) : '') },
            e.firstPage === e.lastPage ? String(e.firstPage) : `${e.firstPage}–${e.lastPage}`,
          ]),
        ],
      },
      fontSize: 11,
    } as unknown as Content,
  ];
  const back = (newPage: boolean): Content[] => [
    heading('备考表', newPage),
    paragraph(`本卷共有文件材料${entries.length}件，共${pages}页。`),
    paragraph('说明：', { indent: false }),
    { text: '\n\n\n\n', margin: [0, 0, 0, 0] } as Content,
    labelled(fonts, ['立卷人', ''], ['检查人', '']),
    labelled(fonts, '立卷时间', archive ? chineseDate(archive.date) : ''),
  ];
  const spec = (content: Content[], plain = false): DocumentSpec => ({
    ...baseSpec(core, rules),
    numberLine: archive ? `归档号：${archive.archiveNo}` : '',
    content,
    plain,
  });
  return { spec, front, back };
}

/** The cover, the 卷内目录 and the 备考表 alone, to print in front of and behind the papers. */
export async function caseFileBinder(
  core: CoreState,
  db: Kysely<DB>,
  rules: RuleContext,
  detail: CaseDetail,
): Promise<Buffer> {
  const { spec, front, back } = frontAndBack(core, rules, detail, await entriesOf(core, db, rules, detail));
  return core.render(spec([...front, ...back(true)]));
}

/**
 * The whole case file as one PDF: cover and 卷内目录, every paper in filing order (issued documents as frozen at
 * issue, signed copies and scans as stored, photos one to a page), and the 备考表, each paper's page numbered.
 */
export async function boundCaseFile(
  core: CoreState,
  db: Kysely<DB>,
  rules: RuleContext,
  detail: CaseDetail,
): Promise<Buffer> {
  const entries = await entriesOf(core, db, rules, detail);
  const { spec, front, back } = frontAndBack(core, rules, detail, entries);
  const parts: Uint8Array[] = [];
  const expected: number[] = [];
  for (const entry of entries)
    for (const source of entry.sources) {
      expected.push(source.pages);
      parts.push(source.kind === 'pdf' ? readFile(core.dataDir, source.hash) : source.pdf);
    }
  // The 目录's last page number is the pages the papers bring: checked here as each part is checked in the binding.
  if (expected.reduce((n, p) => n + p, 0) !== (entries.at(-1)?.lastPage ?? 0))
    throw new AppError('RENDER_FAILED', { reason: 'the 卷内目录 and the papers disagree' });
  const archive = live(detail.events, 'archive').at(-1);
  return core.bind({
    front: await core.render(spec(front)),
    parts,
    expectedPages: expected,
    back: await core.render(spec(back(false), true)),
    title: `${detail.caseNo} 安全生产行政执法案卷`,
    createdAt: `${archive?.date ?? core.today()}T00:00:00.000Z`,
  });
}
