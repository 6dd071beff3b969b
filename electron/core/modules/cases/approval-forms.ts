import type { Content } from 'pdfmake/interfaces.js';
import {
  decisionOf,
  live,
  partiesPenalised,
  partyName,
  totalFine,
  violationsOf,
} from '../../../../shared/domain/case-procedure.ts';
import { chineseDate } from '../../../../shared/domain/dates.ts';
import { yuanFigures, yuanInWords } from '../../../../shared/domain/amount.ts';
import { APPROVAL_STAGES, CASE_SOURCES } from '../../../../shared/base/vocabulary.ts';
import { caseNameOf } from '../../../../shared/documents/case-documents.ts';
import { BLANK_DATE, dateOrBlank } from '../../../../shared/documents/layout.ts';
import { orderClause, violationWording } from '../../../../shared/documents/wording.ts';
import type { CaseDetail } from '../../../../shared/entities/case.ts';
import type { CoreState } from '../../context.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { fontSetFor } from '../documents/service.ts';
import { type RuleContext, unitOf } from '../../rules.ts';

/**
 * The approval forms the signers sign on paper (立案审批表, 案件处理呈批表, 结案审批表): the case's
 * facts filled in, and each signature block with what was recorded for it — opinion, name, date —
 * or left empty for the pen. The signed page's scan is then attached to the recorded signature.
 */
export type ApprovalStage = keyof typeof APPROVAL_STAGES;

const TITLES: Record<ApprovalStage, string> = {
  filing: '立案审批表',
  disposal: '案件处理呈批表',
  closing: '结案审批表',
};
/** A full-width space: the gap between a signer's name and the date. */
const GAP = '\u3000';
/** What each form asks the signers, when nothing was recorded yet: room to write by hand. */
const OPINION_ROOM = '\n\n\n';

function partyLines(detail: CaseDetail): string {
  const u = detail.unit;
  const unit = `${u.name}；统一社会信用代码：${u.code}；法定代表人（负责人）：${u.legalRepresentative}；地址：${u.address}`;
  const persons = detail.persons.map((p) => `${p.name}（${p.post}${p.idNumber ? `，身份证号：${p.idNumber}` : ''}）`);
  return [unit, ...persons].join('\n');
}

/** The findings and proposal of the 呈批: each violation with its evidence, provisions and penalty; the total per party. */
function disposalText(detail: CaseDetail): { findings: string; proposal: string } {
  const findings = detail.violations
    .map(
      (v, i) =>
        `${i + 1}. ${v.facts.replace(/[。；]$/, '')}。${v.evidence ? `证据：${v.evidence.replace(/[。；]$/, '')}。` : ''}违反了${v.violatedProvision}的规定。`,
    )
    .join('\n');
  if (detail.outcome === 'transfer') return { findings, proposal: '涉嫌犯罪，建议移送公安机关依法处理。' };
  if (detail.outcome === 'no-penalty')
    return { findings, proposal: `建议不予行政处罚。${detail.violations.map((v) => v.reasoning).join('；')}` };
  const proposal = partiesPenalised(detail)
    .map((party) => {
      const own = violationsOf(detail, party);
      const who = party === 'unit' ? detail.unit.name : partyName(detail, party);
      const lines = own.map(
        (v) =>
          `依据${v.penaltyProvision}的规定，${v.reasoning.replace(/[。；]$/, '')}，建议给予${violationWording(v).penalty}的行政处罚${orderClause(violationWording(v).order, '')}`,
      );
      const total = totalFine(own);
      return `对${who}：${lines.join('；')}。${own.length > 1 && total ? `合并罚款人民币${yuanInWords(total * 100)}（¥${yuanFigures(total * 100)}）。` : ''}`;
    })
    .join('\n');
  return { findings, proposal };
}

/** 处理结果 and 执行情况 of the 结案审批表, from the decisions issued and the payments recorded. */
function closingText(detail: CaseDetail): { result: string; execution: string } {
  if (detail.outcome === 'transfer') {
    const answer = live(detail.events, 'transfer-answer').at(-1);
    return {
      result: '移送公安机关',
      execution: answer
        ? `${answer.organ}于${chineseDate(answer.date)}${answer.result === 'accepted' ? '决定立案' : '决定不予立案'}。`
        : '',
    };
  }
  if (detail.outcome === 'no-penalty') return { result: '不予行政处罚', execution: '' };
  const result = partiesPenalised(detail)
    .map((party) => {
      const d = decisionOf(detail, party);
      const who = party === 'unit' ? detail.unit.name : partyName(detail, party);
      return `${who}：${d?.numberText ? `${d.numberText}，` : ''}${violationsOf(detail, party)
        .map((v) => violationWording(v).penalty)
        .join('，')}`;
    })
    .join('\n');
  // Each payment names its payer, and what it paid beyond the party's fine is 加处罚款, not the fine.
  const unpaid = new Map(
    partiesPenalised(detail).map((party) => [String(party), totalFine(violationsOf(detail, party))]),
  );
  const payments = live(detail.events, 'payment').map((p) => {
    const who = p.party === 'unit' ? detail.unit.name : partyName(detail, p.party);
    const fine = Math.min(p.amount, unpaid.get(String(p.party)) ?? 0);
    unpaid.set(String(p.party), (unpaid.get(String(p.party)) ?? 0) - fine);
    const parts = [
      fine > 0 ? `罚款${yuanFigures(fine * 100)}元` : '',
      p.amount > fine ? `加处罚款${yuanFigures((p.amount - fine) * 100)}元` : '',
    ].filter(Boolean);
    return `${chineseDate(p.date)}${who}缴纳${parts.join('、')}${p.receiptNo ? `（票据号${p.receiptNo}）` : ''}`;
  });
  return { result, execution: payments.length ? `${payments.join('；')}。` : '' };
}

export async function approvalForm(
  core: CoreState,
  rules: RuleContext,
  detail: CaseDetail,
  stage: ApprovalStage,
): Promise<Buffer> {
  const { settings } = rules;
  const unit = unitOf(rules);
  const fonts = fontSetFor(core, settings.fontOverrides);
  const signs = live(detail.events, 'approval').filter((a) => a.stage === stage);
  const cell = (text: string, extra: Record<string, unknown> = {}) => ({ text, ...extra });
  const label = (text: string) => cell(text, { font: fonts.roles.heading, alignment: 'center', margin: [0, 4, 0, 4] });
  /** One signature block: the recorded opinion (or room to write), then the signers and their dates. */
  const block = (role: 'handler' | 'review' | 'approve', fallback: string) => {
    const mine = signs.filter((s) => s.role === role);
    const opinion = mine.map((s) => s.opinion).find(Boolean) ?? (mine.length ? fallback : OPINION_ROOM);
    const names =
      role === 'handler'
        ? (mine.length ? mine : detail.handlerNames.map((name) => ({ name, date: '' })))
            .map((s) => [s.name, dateOrBlank(s.date || null)].join(GAP))
            .join(GAP + GAP)
        : mine.length
          ? [mine.at(-1)!.name, chineseDate(mine.at(-1)!.date)].join(GAP)
          : GAP.repeat(8) + BLANK_DATE;
    return cell(`${opinion}\n签名：${names}`, { margin: [4, 4, 4, 4] });
  };
  const name = caseNameOf(detail);
  const rows: unknown[][] = [[label('案件名称'), cell(name, { colSpan: 3 }), '', '']];
  if (stage === 'filing') {
    rows.push([
      label('案件来源'),
      cell(CASE_SOURCES[detail.source]),
      label('立案时间'),
      cell(detail.filedOn ? chineseDate(detail.filedOn) : ''),
    ]);
    rows.push([label('当事人'), cell(partyLines(detail), { colSpan: 3 }), '', '']);
    rows.push([
      label('案件基本情况'),
      cell([detail.facts, detail.sourceNote].filter(Boolean).join('\n') || OPINION_ROOM, { colSpan: 3 }),
      '',
      '',
    ]);
  } else if (stage === 'disposal') {
    const { findings, proposal } = disposalText(detail);
    rows.push([label('当事人'), cell(partyLines(detail), { colSpan: 3 }), '', '']);
    rows.push([label('违法事实及证据'), cell(findings || OPINION_ROOM, { colSpan: 3 }), '', '']);
    rows.push([label('处理意见'), cell(proposal || OPINION_ROOM, { colSpan: 3 }), '', '']);
  } else {
    const { result, execution } = closingText(detail);
    rows.push([label('当事人'), cell(partyLines(detail), { colSpan: 3 }), '', '']);
    rows.push([
      label('立案时间'),
      cell(detail.filedOn ? chineseDate(detail.filedOn) : ''),
      label('承办人'),
      cell(detail.handlerNames.join('、')),
    ]);
    rows.push([label('处理结果'), cell(result || OPINION_ROOM, { colSpan: 3 }), '', '']);
    rows.push([label('执行情况'), cell(execution || OPINION_ROOM, { colSpan: 3 }), '', '']);
  }
  const handlerFallback = {
    filing: '建议立案调查。',
    disposal: '同意以上处理意见。',
    closing: '案件已执行完毕，建议结案。',
  }[stage];
  rows.push([label('承办人意见'), { ...block('handler', handlerFallback), colSpan: 3 }, '', '']);
  rows.push([label('审核意见'), { ...block('review', '同意。'), colSpan: 3 }, '', '']);
  rows.push([label('审批意见'), { ...block('approve', '同意。'), colSpan: 3 }, '', '']);
  checkFieldGlyphs(fonts, { name, party: partyLines(detail), facts: detail.facts }, ['case']);
  const content: Content[] = [
    { table: { widths: [80, '*', 64, 110], body: rows }, fontSize: 11 } as unknown as Content,
  ];
  return core.render({
    geometry: settings.documentLayout,
    header: `${unit.agencyName}${core.catalogue.header}`,
    title: TITLES[stage],
    numberLine: `案号：${detail.caseNo}`,
    content,
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : null,
    continuationLabel: '',
    fonts,
    pageNumbers: false,
  });
}
