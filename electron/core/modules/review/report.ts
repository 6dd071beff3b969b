import type { Content } from 'pdfmake/interfaces.js';
import { chinaDate, chineseDate } from '../../../../shared/domain/dates.ts';
import type { ReviewRun } from '../../../../shared/api/contract.ts';
import type { SavedReview } from '../../../../shared/entities/review.ts';
import type { CoreState } from '../../context.ts';
import { resources } from '../../../../shared/i18n/resources.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { fontSetFor } from '../documents/service.ts';
import { type RuleContext, unitOf } from '../../rules.ts';

/**
 * A finding's hint as the Chinese screen words it (the 评查表 is a Chinese record, whatever the reviewer's
 * language), its days written as a document writes them (2026年9月17日).
 */
function chinese(key: string, params: Record<string, string | number> = {}): string {
  const text = key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources['zh-CN'].translation);
  // The screen spaces out an ISO day among Chinese words; a written day needs no spaces.
  const fill = (whole: string, before: string, k: string, after: string) => {
    const v = params[k];
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
      ? chineseDate(v)
      : `${before}${String(v ?? '')}${after}`;
  };
  return typeof text === 'string' ? text.replace(/( ?)\{\{(\w+)\}\}( ?)/g, fill) : key;
}

/**
 * The 评查表 of a signed review: the file, the standard, each veto item and scored item with its
 * result and the points lost, every finding with its basis and where it is, the score and grade, and
 * the reviewer's signature line with the audit chain head it was signed at.
 */
export async function reviewReport(
  core: CoreState,
  rules: RuleContext,
  saved: SavedReview,
  file: Pick<ReviewRun, 'caseNo' | 'cause' | 'partyName'>,
): Promise<Buffer> {
  const { settings } = rules;
  const unit = unitOf(rules);
  const fonts = fontSetFor(core, settings.fontOverrides);
  const r = saved.result;
  const head = (t: string) => ({ text: t, font: fonts.roles.heading, alignment: 'center' as const });
  const status = { ok: '通过', deducted: '扣分', hit: '否决', pending: '未判断' } as const;
  const findingLines = (fs: SavedReview['result']['findings']) =>
    fs
      .map(
        (f) =>
          `· ${chinese(f.key, f.params)}（${f.basis}${f.uncertain ? '；期限待核实' : ''}）${f.overruled ? `【已复核不扣分：${f.overruled}】` : ''}`,
      )
      .join('\n');
  const rows: Content[][] = [[head('评查项目'), head('分值'), head('扣分'), head('结果'), head('问题及依据')]];
  for (const v of r.vetoes)
    rows.push([
      `【否决项】${v.name}`,
      '—',
      '—',
      status[v.status],
      [findingLines(v.findings), v.comment].filter(Boolean).join('\n'),
    ]);
  for (const sec of r.sections) {
    rows.push([{ text: sec.name, font: fonts.roles.heading, colSpan: 5 } as Content, '', '', '', '']);
    for (const i of sec.items)
      rows.push([
        i.name,
        i.points === null ? '—' : String(i.points),
        i.points === null ? '—' : String(i.lost),
        status[i.status],
        [findingLines(i.findings), i.comment].filter(Boolean).join('\n'),
      ]);
  }
  checkFieldGlyphs(fonts, { cause: file.cause, party: file.partyName, reviewer: saved.reviewer }, ['case']);
  const line = (label: string, value: string): Content =>
    ({ text: [{ text: `${label}：`, font: fonts.roles.heading }, value], margin: [0, 2, 0, 2] }) as Content;
  const content: Content[] = [
    line('案件', `${file.caseNo}\u3000${file.partyName}${file.cause.replace(/^涉嫌/, '')}`),
    line('评查标准', `${r.standard.name}（${r.standard.version}）${r.standard.example ? '【示例】' : ''}`),
    line(
      '得分',
      `${r.score} / ${r.max}${r.percent === null ? '' : `（${r.percent}%）`}\u3000等级：${r.grade ?? '—'}${r.vetoed ? '\u3000一票否决' : ''}${r.failedBy?.length ? `\u3000（“${r.failedBy.map((i) => i.name).join('”“')}”未通过，无论得分均评为${r.grade ?? ''}）` : ''}`,
    ),
    {
      // A row is read whole: never split across pages.
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', 30, 30, 36, '*'], body: rows },
      fontSize: 10,
      margin: [0, 8, 0, 8],
    } as unknown as Content,
    line('评查人员', `${saved.reviewer}\u3000\u3000评查日期：${chineseDate(chinaDate(new Date(saved.signedAt)))}`),
    // Short, as a receipt prints a hash: 16 digits find the entry, and verifying checks the whole chain up to it.
    ...((saved.auditHead
      ? [
          {
            text: `签署时全过程记录链头：${saved.auditHead.slice(0, 16)}`,
            fontSize: 8,
            color: '#555555',
            margin: [0, 6, 0, 0],
          },
          {
            text: [
              '核验：在“系统设置—全过程记录”中填入此链头核验，或运行 ',
              { text: `audit verify --head ${saved.auditHead.slice(0, 16)}`, noWrap: true },
            ],
            fontSize: 8,
            color: '#555555',
          },
        ]
      : [{ text: '签署时全过程记录链头：—', fontSize: 8, color: '#555555', margin: [0, 6, 0, 0] }]) as Content[]),
  ];
  return core.render({
    geometry: settings.documentLayout,
    header: `${unit.agencyName}${core.catalogue.header}`,
    title: '行政处罚案卷评查表',
    numberLine: `评查记录第${saved.id}号`,
    content,
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : null,
    continuationLabel: '行政处罚案卷评查表（续页）',
    fonts,
  });
}
