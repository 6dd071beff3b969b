import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Content } from 'pdfmake/interfaces.js';
import { approval, issued, live } from '../../../../shared/domain/case-procedure.ts';
import { fileContents, type FileItem, pdfPageCount } from '../../../../shared/domain/case-file.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import { labelled, paragraph, unbroken } from '../../../../shared/documents/layout.ts';
import { inspectionAndRechecks } from '../inspections/repository.ts';
import type { CaseDetail } from '../../../../shared/entities/case.ts';
import type { CoreState } from '../../context.ts';
import { readFile } from '../../files.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { fontSetFor } from '../documents/service.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import { documentDateOf } from '../../../../shared/documents/registry.ts';

/**
 * The bound case file's own pages (归档): the cover (案卷首页), the 卷内目录 with every document and
 * recorded paper in the configured order and its page numbers, and the 备考表. The documents keep
 * their own PDFs; this prints what goes in front of and behind them.
 */
async function fileItems(
  core: CoreState,
  db: Kysely<DB>,
  detail: CaseDetail,
  titles: Record<string, string>,
): Promise<FileItem[]> {
  const pagesOf = (hash: string | null, name: string | null) => {
    if (!hash) return 1;
    return name?.toLowerCase().endsWith('.pdf') ? pdfPageCount(readFile(core.dataDir, hash)) : 1;
  };
  // The case's documents, and those of the inspection it came from and of its 复查 (检查记录, 整改指令书, and the
  // 复查意见书 that proves the hazard was not put right in time: the ground of a 逾期未改正 penalty).
  const inspections = detail.inspectionId ? await inspectionAndRechecks(db, detail.inspectionId) : [];
  let q = db
    .selectFrom('documents')
    .select(['id', 'type', 'numberText', 'fieldsJson', 'pdfSha256', 'pageCount', 'supersedesId'])
    .where('status', '=', 'issued');
  q = inspections.length
    ? q.where((eb) => eb.or([eb('caseId', '=', detail.id), eb('inspectionId', 'in', inspections)]))
    : q.where('caseId', '=', detail.id);
  const docs = await q.orderBy('id').execute();
  const superseded = new Set(docs.map((d) => d.supersedesId).filter((x) => x !== null));
  const items: FileItem[] = docs
    .filter((d) => !superseded.has(d.id))
    .map((d) => {
      return {
        key: d.type,
        title: titles[d.type] ?? core.catalogue.byId.get(d.type)?.name ?? d.type,
        numberText: d.numberText ?? '',
        date: documentDateOf(d.type, JSON.parse(d.fieldsJson)) ?? '',
        pages: d.pageCount ?? (d.pdfSha256 ? pdfPageCount(readFile(core.dataDir, d.pdfSha256)) : 1),
      };
    });
  for (const stage of ['filing', 'disposal', 'closing'] as const) {
    const approved = approval(detail.events, stage).date;
    if (!approved) continue;
    const scans = detail.events.filter(
      (e) => !e.retracted && e.data.kind === 'approval' && e.data.stage === stage && e.scanSha256,
    );
    const pages = scans.length ? Math.max(...scans.map((e) => pagesOf(e.scanSha256, e.scanName))) : 1;
    items.push({
      key: `approval:${stage}`,
      title: titles[`approval:${stage}`] ?? stage,
      numberText: '',
      date: approved,
      pages,
    });
  }
  // An event is a paper of the file when the order gives it a title (a 回避决定, a payment slip); the rest are records only.
  for (const e of detail.events) {
    const key = `event:${e.data.kind}`;
    if (e.retracted || e.data.kind === 'approval' || !titles[key]) continue;
    items.push({
      key,
      title: titles[key],
      numberText: '',
      date: e.data.date,
      pages: pagesOf(e.scanSha256, e.scanName),
    });
  }
  return items;
}

export async function caseFileBinder(
  core: CoreState,
  db: Kysely<DB>,
  rules: RuleContext,
  detail: CaseDetail,
): Promise<Buffer> {
  const { settings } = rules;
  const unit = unitOf(rules);
  // The province's imported order where there is one; the titles it leaves out are the bundled ones.
  const order = settings.fileOrder ?? core.knowledge.fileOrder;
  const entries = fileContents(
    await fileItems(core, db, detail, { ...core.knowledge.fileOrder.titles, ...order.titles }),
    order.order,
  );
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
  const heading = (t: string): Content =>
    ({
      text: t,
      font: fonts.roles.title,
      fontSize: 20,
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 16],
      pageBreak: 'before',
    }) as Content;
  const outcome =
    detail.outcome === 'transfer'
      ? '移送'
      : detail.outcome === 'no-penalty'
        ? '不予行政处罚'
        : detail.violations.length
          ? '行政处罚'
          : '';
  const content: Content[] = [
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
    heading('备考表'),
    paragraph(`本卷共有文件材料${entries.length}件，共${pages}页。`),
    paragraph('说明：', { indent: false }),
    { text: '\n\n\n\n', margin: [0, 0, 0, 0] } as Content,
    labelled(fonts, ['立卷人', ''], ['检查人', '']),
    labelled(fonts, '立卷时间', archive ? chineseDate(archive.date) : ''),
  ];
  return core.render({
    geometry: settings.documentLayout,
    header: `${unit.agencyName}${core.catalogue.header}`,
    title: '安全生产行政执法案卷',
    numberLine: archive ? `归档号：${archive.archiveNo}` : '',
    content,
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : null,
    continuationLabel: '',
    fonts,
    pageNumbers: false,
  });
}
