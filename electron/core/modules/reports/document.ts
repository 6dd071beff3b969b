import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces.js';
import type { ReportView } from '../../../../shared/api/channels/reports.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import { BREAKDOWN_IDS } from '../../../../shared/domain/indicators/breakdown.ts';
import { sectorOption, trendOption } from '../../../../shared/domain/indicators/report-charts.ts';
import { figureText, fill, periodName, reportText } from '../../../../shared/domain/indicators/report-text.ts';
import type { ReportFigure } from '../../../../shared/domain/indicators/report.ts';
import { isShare } from '../../../../shared/domain/indicators/values.ts';
import { heading, ordinal, paragraph, sealAndDate, textWidthPt } from '../../../../shared/documents/layout.ts';
import type { ReportDocument } from '../../../../shared/entities/report-document.ts';
import type { ReportTarget } from '../../../../shared/entities/report-rules.ts';
import type { CoreState } from '../../context.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import { fontSetFor } from '../documents/service.ts';
import { chartSvg } from './charts.ts';

/** A change as the tables print it: ↑12.5% (a count, an amount) or ↑3.0个百分点 (a share); — without one. */
function changeText(f: ReportFigure, change: number | null): string {
  if (change === null) return '—';
  const n = Math.abs(change).toFixed(1);
  if (n === '0.0') return '持平';
  return `${change > 0 ? '↑' : '↓'}${n}${isShare(f.kind) ? '个百分点' : '%'}`;
}

function targetText(t: ReportTarget, f: ReportFigure, w: ReportDocument): string {
  const op = t.op === '>' ? '>' : '≥';
  if (t.kind === 'yoy')
    return t.value === 0
      ? t.op === '>'
        ? w.targets.yoyUp
        : w.targets.yoyNotDown
      : fill(w.targets.yoy, { op, value: t.value });
  const value = isShare(f.kind) ? `${t.value}%` : String(t.value);
  const due = t.annual && t.due ? `${Number(t.due.slice(0, 2))}月${Number(t.due.slice(3))}日` : null;
  return fill(due ? w.targets.annualBy : t.annual ? w.targets.annual : w.targets.min, { op, value, due: due ?? '' });
}

/** The figures against last year, the period before and their targets: the workbook's table (the PDF's leaves out the period before). */
function figureRows(view: ReportView, w: ReportDocument): string[][] {
  return view.figures.map((f) => [
    w.names[f.id] ?? f.id,
    figureText(f, w),
    f.lastYear.value === null
      ? '—'
      : `${figureText({ ...f, value: f.lastYear.value }, w)}${f.lastYear.entered ? w.enteredMark : ''}`,
    f.lastYear.source === 'partial' ? '—' : changeText(f, f.lastYear.change),
    f.previous.value === null ? '—' : figureText({ ...f, value: f.previous.value }, w),
    f.previous.source === 'partial' ? '—' : changeText(f, f.previous.change),
    f.target ? targetText(f.target.target, f, w) : '—',
    f.target ? w.status[f.target.status] : '—',
  ]);
}

/** A breakdown's rows as printed: its name (a sub-sector indented under its sector) and the figures. */
function breakdownRows(view: ReportView, by: 'sector' | 'township', w: ReportDocument): string[][] {
  const cell = (id: string, v: number | null | undefined) =>
    v === null || v === undefined ? '—' : id === 'hazards-rectified' ? `${v.toFixed(1)}%` : String(v);
  const total = new Map(view.figures.map((f) => [f.id, f.value]));
  return [
    ...view.breakdowns[by].rows.map((r) => [
      // A sub-sector under its sector: counted in it, not beside it.
      r.parent ? `└ ${r.label}` : r.label || (by === 'sector' ? w.tables.noSector : w.tables.noTownship),
      ...BREAKDOWN_IDS.map((id) => cell(id, r.values[id])),
    ]),
    [w.total, ...BREAKDOWN_IDS.map((id) => cell(id, total.get(id)))],
  ];
}

/**
 * 季度执法工作情况: the report printed through the document engine, every number from the view (the figures counted
 * from the record as of the report's date), its paragraphs from report-document.json, two charts as vector graphics in
 * the document's own fonts, the tables, the data's SHA-256 and the squad's seal and date. The same view and date give
 * the same bytes.
 */
export async function reportPdf(
  core: CoreState,
  rules: RuleContext,
  view: ReportView,
  dataSha256: string,
): Promise<Buffer> {
  const { settings } = rules;
  const unit = unitOf(rules);
  const fonts = fontSetFor(core, settings.fontOverrides);
  const w = core.knowledge.reportDocument;
  const text = reportText(view, w, unit, dataSha256);
  const chartFont = fonts.roles.heading;
  const width = Math.floor(textWidthPt(settings.documentLayout));
  const bold = (s: string) => ({ text: s, font: fonts.roles.heading });
  const table = (header: string[], body: string[][], widths: (number | string)[], size = 9): Content =>
    ({
      table: {
        widths,
        headerRows: 1,
        dontBreakRows: true,
        body: [
          header.map((h) => ({ ...bold(h), alignment: 'center' })),
          ...body.map((row) => row.map((c, i) => (i === 0 ? c : { text: c, alignment: 'right' }))),
        ],
      },
      fontSize: size,
      lineHeight: 1.2,
      margin: [0, 4, 0, 8],
    }) as unknown as Content;
  const section = (i: number, title: string) => heading(fonts, `${ordinal(i)}、${title}`);
  const t = w.tables;
  const breakdownHeader = (first: string) => [first, ...BREAKDOWN_IDS.map((id) => w.names[id] ?? id)];
  const breakdownWidths = ['*', ...BREAKDOWN_IDS.map(() => 36)];
  const content: Content[] = [
    section(0, w.sections.overall),
    paragraph(text.overall),
    paragraph(text.targets),
    ...(text.entered ? [paragraph(text.entered)] : []),
    section(1, w.sections.plan),
    paragraph(text.plan),
    section(2, w.sections.other),
    paragraph(text.other),
    section(3, w.sections.figures),
    // 同比 is what the city ranks by; the period before is on the screen and in the workbook.
    table(
      [t.figure, t.current, t.lastYear, t.yoy, t.target, t.status],
      figureRows(view, w).map((r) => [...r.slice(0, 4), ...r.slice(6)]),
      ['*', 48, 52, 52, 100, 38],
      9,
    ),
    { text: w.dashNote, fontSize: 9, margin: [0, 0, 0, 6] } as Content,
    {
      svg: await chartSvg(trendOption(view, chartFont, 'inspections', w.names.inspections), width, 220),
      width,
    } as Content,
    section(4, w.sections.sectors),
    table(breakdownHeader(t.sector), breakdownRows(view, 'sector', w), breakdownWidths, 8),
    { svg: await chartSvg(sectorOption(view, chartFont, w.names), width, 240), width } as Content,
    section(5, w.sections.townships),
    table(breakdownHeader(t.township), breakdownRows(view, 'township', w), breakdownWidths, 8),
    section(6, w.sections.notes),
    paragraph(text.notes),
    paragraph(text.hash),
    sealAndDate(unit.agencyName, view.asOf),
  ];
  return core.render({
    geometry: settings.documentLayout,
    header: unit.agencyName,
    title: text.title,
    numberLine: '',
    content,
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : null,
    continuationLabel: `${text.title}（续页）`,
    // The report's date, not the clock's: made again from the same figures, the same bytes.
    createdAt: `${view.asOf}T00:00:00+08:00`,
    fonts,
  });
}

/**
 * The same figures as a workbook with the fields of the 统计调查制度's base tables (检查, 隐患, 处罚, 罚款) by sector, and
 * the figures with their 同比 — laid out plainly, one sheet each.
 */
export async function reportWorkbook(view: ReportView, w: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安全生产执法工作台';
  // Fixed, so the same figures give the same file.
  wb.created = wb.modified = new Date(`${view.asOf}T00:00:00+08:00`);
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], widths: number[]) => {
    const s = wb.addWorksheet(name);
    s.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
    for (const r of rows) s.addRow(r);
    s.getRow(1).font = { bold: true };
    s.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    s.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const t = w.tables;
  // Numbers as numbers (a share in per cent, an amount in 元), so the sheet adds up; what is not there left empty.
  const n = (v: number | null) => v;
  sheet(
    '主要指标',
    [t.figure, t.current, t.lastYear, t.yoy, t.previous, t.mom, t.target, t.status],
    view.figures.map((f) => [
      w.names[f.id] ?? f.id,
      n(f.value),
      f.lastYear.value === null ? null : `${f.lastYear.value}${f.lastYear.entered ? w.enteredMark : ''}`,
      f.lastYear.source === 'partial' ? null : n(f.lastYear.change),
      n(f.previous.value),
      f.previous.source === 'partial' ? null : n(f.previous.change),
      f.target ? targetText(f.target.target, f, w) : null,
      f.target ? w.status[f.target.status] : null,
    ]),
    [26, 14, 14, 12, 14, 12, 22, 10],
  );
  const sectors = view.breakdowns.sector.rows;
  const name = (r: (typeof sectors)[number]) => (r.parent ? `\u3000${r.label}` : r.label || t.noSector);
  const cols = (ids: string[]) => [t.sector, ...ids.map((id) => w.names[id] ?? id)];
  const values = (ids: string[]) => sectors.map((r) => [name(r), ...ids.map((id) => r.values[id] ?? null)]);
  const period = `${periodName(view.period)}（${chineseDate(view.period.from)}至${chineseDate(view.period.to)}）`;
  // The base tables' fields, by sector (工贸 by sub-sector).
  const base = (title: string, ids: string[]) => sheet(title, cols(ids), values(ids), [20, ...ids.map(() => 16)]);
  base('检查', ['enterprises-inspected', 'inspections']);
  base('隐患', ['hazards', 'major-hazards', 'hazards-rectified']);
  base('处罚', ['cases-filed', 'decisions', 'suspensions', 'closures', 'transfers']);
  base('罚款', ['fines', 'fines-routine', 'fines-accident', 'fines-collected']);
  sheet(
    '说明',
    ['项目', '内容'],
    [
      ['统计期间', period],
      ['数据截至', chineseDate(view.asOf)],
      ['统计口径版本', view.versions.enforcement],
      ['统计规则版本', view.versions.rules],
    ],
    [16, 60],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
