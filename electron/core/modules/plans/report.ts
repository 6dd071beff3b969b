import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces.js';
import { NON_ENFORCEMENT_DAYS, OTHER_ENFORCEMENT_DAYS } from '../../../../shared/base/vocabulary.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import { planTable } from '../../../../shared/domain/plans/table.ts';
import { heading, ordinal, paragraph } from '../../../../shared/documents/layout.ts';
import type { Plan, PlanRow } from '../../../../shared/api/channels/plans.ts';
import type { CoreState } from '../../context.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import { fontSetFor } from '../documents/service.ts';

const pct = (n: number) => `${n.toFixed(1)}%`;

/** The working-day method as county plans print it: each line a label, person-days and its share of the total. */
function capacityLines(plan: Plan): [string, string, string][] {
  const c = plan.capacity;
  const i = plan.inputs;
  const lines: [string, string, string][] = [
    ['国家法定工作日', `${plan.statutoryWorkdays}`, ''],
    ['纳入执法的人员数', `${i.officers}`, ''],
    ['总法定工作日（法定工作日×人员数）', `${c.total}`, '100.0%'],
    ['其他执法工作日', `${c.other}`, pct(c.shares.other)],
    ...Object.entries(OTHER_ENFORCEMENT_DAYS)
      .filter(([k]) => (i.otherEnforcement[k as keyof typeof OTHER_ENFORCEMENT_DAYS] ?? 0) > 0)
      .map(([k, name]): [string, string, string] => [
        `\u3000其中：${name}`,
        `${i.otherEnforcement[k as keyof typeof OTHER_ENFORCEMENT_DAYS]}`,
        '',
      ]),
    ['非执法工作日', `${c.non}`, pct(c.shares.non)],
    ...Object.entries(NON_ENFORCEMENT_DAYS)
      .filter(([k]) => (i.nonEnforcement[k as keyof typeof NON_ENFORCEMENT_DAYS] ?? 0) > 0)
      .map(([k, name]): [string, string, string] => [
        `\u3000其中：${name}`,
        `${i.nonEnforcement[k as keyof typeof NON_ENFORCEMENT_DAYS]}`,
        '',
      ]),
    ['监督检查工作日', `${c.inspection}`, pct(c.shares.inspection)],
    [`留有余地（${Math.round(i.margin * 100)}%）后可用`, `${c.usable}`, ''],
    [`检查所需：重点检查${plan.demand.keyVisits}家次×${i.perVisit.key}人日`, `${c.need.key}`, ''],
    [`检查所需：双随机抽查${plan.demand.randomVisits}家次×${i.perVisit.random}人日`, `${c.need.random}`, ''],
    ['检查所需工作日合计', `${c.need.total}`, c.feasible ? '可行' : `不足${c.shortBy}`],
  ];
  return lines;
}

/**
 * The plan printed through the document engine: its basis, the working-day method, the table of inspection items
 * by quarter, the 重点 list, and its approval and filing. A plan not yet approved prints as a draft.
 */
export async function planPdf(core: CoreState, rules: RuleContext, plan: Plan, rows: PlanRow[]): Promise<Buffer> {
  const { settings } = rules;
  const unit = unitOf(rules);
  const fonts = fontSetFor(core, settings.fontOverrides);
  const wording = core.knowledge.planDocument;
  const bold = (text: string) => ({ text, font: fonts.roles.heading });
  const table = planTable(plan, wording, unit.squadName);
  const key = rows.filter((r) => r.track === 'key');
  const section = (i: number, title: string) => heading(fonts, `${ordinal(i)}、${title}`);
  const content: Content[] = [
    section(0, '编制依据'),
    paragraph(wording.basis),
    section(1, '执法力量测算'),
    {
      table: {
        widths: ['*', 70, 60],
        headerRows: 1,
        dontBreakRows: true,
        body: [
          [bold('项目'), bold('人日'), bold('占比')],
          ...capacityLines(plan).map(([a, b, c]) => [
            a,
            { text: b, alignment: 'right' },
            { text: c, alignment: 'right' },
          ]),
        ],
      },
      fontSize: 10.5,
      margin: [0, 4, 0, 8],
    } as unknown as Content,
    section(2, '检查事项及时间安排'),
    // Every row is the squad's: said once above the table, so the table keeps its width for what differs.
    paragraph(`承办机构：${unit.squadName}。各季度检查家次如下表。`),
    {
      table: {
        widths: [14, 46, '*', 56, 18, 18, 18, 18],
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        body: [
          [
            '序号',
            '检查事项',
            '检查对象、内容、方式和频次',
            '实施依据',
            ...wording.quarters.map((q) => q.replace('第', '').replace('季度', '季')),
          ].map((h) => bold(h)),
          ...table.map((r) => [
            `${r.no}`,
            r.item,
            {
              text: `对象：${r.objects}\n内容：${r.content}\n方式：${r.method}\n频次和上限：${r.frequency}\n是否跨部门联合检查：${r.joint}`,
            },
            r.basis,
            ...r.quarters.map((q) => ({ text: `${q}`, alignment: 'center' })),
          ]),
        ],
      },
      fontSize: 9,
      margin: [0, 4, 0, 8],
    } as unknown as Content,
    section(3, `重点检查企业名单（${key.length}家）`),
    key.length
      ? ({
          table: {
            widths: [22, '*', 120, 60, 40],
            headerRows: 1,
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            body: [
              ['序号', '企业名称', '统一社会信用代码', '乡镇', '次数'].map((h) => bold(h)),
              ...key.map((r, n) => [
                `${n + 1}`,
                r.name,
                r.uscc,
                r.township,
                { text: `${r.visits}`, alignment: 'center' },
              ]),
            ],
          },
          fontSize: 9.5,
          margin: [0, 4, 0, 8],
        } as unknown as Content)
      : paragraph('无。'),
    section(4, '批准和备案'),
    paragraph(
      plan.approvedOn
        ? `本计划经本级人民政府于${chineseDate(plan.approvedOn)}批准（${plan.approvalRef}）${
            plan.filedOn
              ? `，于${chineseDate(plan.filedOn)}报市应急管理局备案${plan.filingRef ? `（${plan.filingRef}）` : ''}`
              : '，尚未报市应急管理局备案'
          }。批准内容摘要（SHA-256前16位）：${plan.snapshotSha256!.slice(0, 16)}。`
        : `本计划尚未批准（草稿）。须于${chineseDate(plan.filingDue)}前报市应急管理局备案。`,
    ),
  ];
  return core.render({
    geometry: settings.documentLayout,
    header: unit.agencyName,
    title: wording.title.replace('{{agency}}', unit.agencyName).replace('{{year}}', String(plan.year)),
    numberLine: '',
    content,
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : plan.approvedOn ? null : '草　稿',
    continuationLabel: `${plan.year}年度监督检查计划（续页）`,
    fonts,
  });
}

/** The same plan as a workbook: the table used in practice (a quarter a column), and the 重点 list. */
export async function planWorkbook(core: CoreState, rules: RuleContext, plan: Plan, rows: PlanRow[]): Promise<Buffer> {
  const unit = unitOf(rules);
  const wording = core.knowledge.planDocument;
  const wb = new ExcelJS.Workbook();
  wb.creator = '安全生产执法工作台';
  const items = wb.addWorksheet('检查计划表');
  const headers = [
    '序号',
    '检查事项',
    '实施依据',
    '具体检查对象（含数量）或“双随机”抽查对象（含总数及比例）',
    '检查内容（项目）',
    '检查方式',
    '检查频次和上限',
    ...wording.quarters.map((q) => `检查时间安排：${q}（家次）`),
    '承办机构',
    '是否跨部门联合检查',
    '备注',
  ];
  items.columns = headers.map((header, i) => ({
    header,
    width: [6, 22, 28, 36, 36, 18, 36, 12, 12, 12, 12, 24, 12, 16][i],
  }));
  for (const r of planTable(plan, wording, unit.squadName))
    items.addRow([
      r.no,
      r.item,
      r.basis,
      r.objects,
      r.content,
      r.method,
      r.frequency,
      ...r.quarters,
      r.agency,
      r.joint,
      plan.approvedOn ? '' : '草稿',
    ]);
  const list = wb.addWorksheet('重点检查企业名单');
  list.columns = ['序号', '企业名称', '统一社会信用代码', '乡镇', '全年检查次数', '频次上限'].map((header, i) => ({
    header,
    width: [6, 40, 24, 14, 14, 10][i],
  }));
  rows
    .filter((r) => r.track === 'key')
    .forEach((r, n) => list.addRow([n + 1, r.name, r.uscc, r.township, r.visits, r.cap]));
  for (const sheet of [items, list]) {
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
