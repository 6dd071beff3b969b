import { z } from 'zod';
import { yuanFigures, yuanInWords } from '../../domain/amount.ts';
import { decisionIssues, live } from '../../domain/case-procedure.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { labelled, ordinal, paragraph, ruledLines, sealAndDate } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { BLANK_VIOLATION, caseViolationRow, caseViolationsCell, unitPart } from '../case-violations.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { penaltyText, remedyClause } from '../wording.ts';

/**
 * 行政处罚决定书（单位）with every element of 行政处罚法 第五十九条: the party, the facts and evidence,
 * the provisions violated, the penalty and its basis, how and where to pay within 15 days, the 3%
 * surcharge (第七十二条), the remedy naming the 本级人民政府 and the court in full, the agency and date.
 */

const decisionFields = z.object({
  partyName: required(z.string().max(100)),
  partyCode: required(z.string().max(18)),
  address: required(z.string().max(200)),
  legalRepresentative: required(z.string().max(50)),
  violations: z.array(caseViolationRow).max(30).default([]),
  evidence: required(z.string().max(2000)),
  /** 当事人陈述、申辩（听证）及采纳情况. */
  statementSummary: optionalText(2000),
  totalFine: z.number().int().min(0),
  paymentPlace: required(z.string().max(300)),
  date: isoDate,
});

/** What the party said and what the agency made of it, from the recorded statements. */
function statementSummary(events: Parameters<typeof live>[0]): string {
  const said = live(events, 'statement');
  if (!said.length) return '你单位在规定期限内未提出陈述、申辩。';
  if (said.every((s) => s.waived)) return '你单位明确表示放弃陈述、申辩的权利。';
  return said.filter((s) => !s.waived).map((s) => `你单位提出：${s.content.replace(/[。.]$/, '')}。经复核，${s.adopted ? '予以采纳' : '不予采纳'}${s.reply ? `，理由是：${s.reply.replace(/[。.]$/, '')}` : ''}。`).join('');
}

export const penaltyDecisionUnit: DocumentTemplate<typeof decisionFields> = {
  type: 'penalty-decision-unit',
  fields: decisionFields,
  form: [
    [{ field: 'partyName', input: 'text', span: 14 }, { field: 'partyCode', input: 'text', span: 10 }],
    [{ field: 'address', input: 'text', span: 14 }, { field: 'legalRepresentative', input: 'text', span: 10 }],
    caseViolationsCell,
    { field: 'evidence', input: 'textarea', rows: 2 },
    { field: 'statementSummary', input: 'textarea', rows: 2 },
    [{ field: 'totalFine', input: 'yuan', span: 8 }, { field: 'paymentPlace', input: 'text', span: 16 }],
    [{ field: 'date', input: 'date', span: 8 }],
  ],

  prefill({ today, case: c }) {
    const d = c?.detail;
    return {
      partyName: d?.unit.name ?? '', partyCode: d?.unit.code ?? '', address: d?.unit.address ?? '', legalRepresentative: d?.unit.legalRepresentative ?? '',
      ...unitPart(d),
      statementSummary: d ? statementSummary(d.events) : '',
      paymentPlace: c?.settings.finePaymentPlace ?? '',
      date: today,
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { detail, periods, cal, rules } = src.case;
    const issues = decisionIssues(detail, f.date, f.totalFine, periods, cal, rules);
    // The same party, named and coded the same, in every document of the case.
    if (f.partyName !== detail.unit.name) issues.push({ path: ['partyName'], key: 'documents.rules.partyNameMismatch', params: { name: detail.unit.name } });
    if (f.partyCode !== detail.unit.code) issues.push({ path: ['partyCode'], key: 'documents.rules.partyCodeMismatch', params: { code: detail.unit.code } });
    else if (checkUscc(f.partyCode).error) issues.push({ path: ['partyCode'], key: 'validation.uscc.checkChar' });
    if (!f.violations.length) issues.push({ path: ['violations'], key: 'cases.rules.violationsRequired' });
    f.violations.forEach((v, i) => {
      // Citations go down to the article at least (第…条), with 款/项 where the law has them.
      if (!/第[零一二三四五六七八九十百]+条/.test(v.violatedProvision)) issues.push({ path: ['violations', i, 'violatedProvision'], key: 'documents.rules.citationArticle' });
      if (!/第[零一二三四五六七八九十百]+条/.test(v.penaltyProvision)) issues.push({ path: ['violations', i, 'penaltyProvision'], key: 'documents.rules.citationArticle' });
    });
    const approved = unitPart(detail).totalFine;
    if (f.totalFine !== approved) issues.push({ path: ['totalFine'], key: 'documents.rules.totalFineMismatch', params: { approved } });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const rows = f.violations.length ? f.violations : [BLANK_VIOLATION];
    const many = rows.length > 1;
    const fine = `人民币${yuanInWords(f.totalFine * 100)}（¥${yuanFigures(f.totalFine * 100)}）`;
    return [
      labelled(fonts, '被处罚单位', f.partyName),
      labelled(fonts, '统一社会信用代码', f.partyCode),
      labelled(fonts, ['地址', f.address], ['法定代表人（负责人）', f.legalRepresentative]),
      ...(blank ? [paragraph('违法事实及证据：经查，你单位：'), ruledLines(3), paragraph('以上事实有　　　　　　等证据为证。')]
        : [paragraph(`违法事实及证据：经查，你单位${rows.map((v, i) => `${many ? `${ordinal(i)}是` : ''}${v.facts.replace(/[。；;.]$/, '')}`).join('；')}。以上事实有${f.evidence || '　　　　'}等证据为证。`)]),
      paragraph(f.statementSummary ? `陈述、申辩及采纳情况：${f.statementSummary}` : '陈述、申辩及采纳情况：　　　　'),
      ...rows.map((v, i) => paragraph(`${many ? `${ordinal(i)}、` : ''}你单位的上述${many ? '第' + ordinal(i) + '项' : ''}行为违反了${v.violatedProvision}的规定，依据${v.penaltyProvision}的规定，决定给予${v.penalty}的行政处罚。`)),
      ...(many ? [paragraph(`以上分别裁量、合并处罚，${penaltyText([f.totalFine > 0 ? `合计罚款${fine}` : ''])}。`)] : []),
      ...(f.totalFine > 0 || blank ? [paragraph(`罚款限你单位自收到本决定书之日起15日内缴至${f.paymentPlace || '　　　　'}。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。`)] : []),
      paragraph(remedyClause(unit, '决定')),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
