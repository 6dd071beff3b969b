import { z } from 'zod';
import { summaryDecisionIssues } from '../../domain/case-procedure.ts';
import { checkIdCard } from '../../base/id-card.ts';
import { chineseDateTime } from '../../domain/dates.ts';
import { checkUscc } from '../../base/uscc.ts';
import type { PartyKey } from '../../entities/case.ts';
import { labelled, officerSignatures, paragraph, partySignature, ruledLines, sealAndDate } from '../layout.ts';
import { type DocumentTemplate, officerChecks, officerRef, officersOf, type PrefillSource } from '../template.ts';
import { addresseeField, caseParty, narrativeIssues, partyPart, paymentPlaceIssues, you } from '../case-violations.ts';
import { citationIssues } from '../../domain/citations.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { orderClause, penaltyText, remedyClause, remedyFields, remedyOf, remedyPrefill, yuanText } from '../wording.ts';

/**
 * 行政（当场）处罚决定书（单位）/（个人）: the summary procedure (行政处罚法 第五十一条、第五十二条) —
 * a warning or a small fine decided on the spot by two officers on a pre-numbered form handed to
 * the party, who signs it (or the refusal is noted), paid on the spot only within 第六十八条's limits.
 */

const summaryFields = z.object({
  party: addresseeField,
  /** The number printed on the sheet used (digits; leading zeros as printed). */
  formNo: z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, { error: 'documents.rules.formNo' }),
  partyName: required(z.string().max(100)),
  /** 统一社会信用代码 for a unit, 身份证号 for a person. */
  code: required(z.string().max(18)),
  address: optionalText(200),
  /** 法定代表人（负责人） of a unit; the person's 所在单位及职务. */
  representative: optionalText(100),
  facts: required(z.string().max(2000)),
  // Joined from every violation of the party: room for the 呈批's thirty.
  violatedProvision: required(z.string().max(10_000)),
  penaltyProvision: required(z.string().max(10_000)),
  penalty: required(z.string().max(30_000)),
  /** 责令改正 and the like, ordered beside the penalty (never worded as one). */
  order: optionalText(30_000),
  fine: z.number().int().min(0),
  cashOnTheSpot: z.boolean().default(false),
  /** 第六十八条第（二）项: paying later would be hard (remote places, a party passing through). */
  hardToPayLater: z.boolean().default(false),
  paymentPlace: optionalText(300),
  place: required(z.string().max(200)),
  /** 24-hour 10:30: when on the day it was decided (行政处罚法 第五十二条: the decision states its time and place). */
  time: z
    .string()
    .trim()
    .regex(/^(([01]?\d|2[0-3]):[0-5]\d)?$/, { error: 'documents.rules.timeFormat' })
    .default(''),
  officers: z.array(officerRef).max(4).default([]),
  partyRefused: z.boolean().default(false),
  ...remedyFields,
  date: isoDate,
});
type SummaryFields = z.output<typeof summaryFields>;

function summaryPenalty(type: string, kind: 'unit' | 'person'): DocumentTemplate<typeof summaryFields> {
  const codeLabel = kind === 'unit' ? '统一社会信用代码' : '身份证号';
  return {
    type,
    fields: summaryFields,
    preNumbered: (f) => f.formNo,
    form: [
      [
        { field: 'formNo', input: 'text', span: 8 },
        { field: 'place', input: 'text', span: 8 },
        { field: 'date', input: 'date', span: 4 },
        { field: 'time', input: 'text', label: 'decidedTime', span: 4 },
      ],
      [
        { field: 'partyName', input: 'text', span: 12, record: true },
        { field: 'code', input: 'text', span: 12, label: kind === 'unit' ? 'partyCode' : 'idNumber', record: true },
      ],
      [
        { field: 'address', input: 'text', span: 12, record: true },
        {
          field: 'representative',
          input: 'text',
          span: 12,
          label: kind === 'unit' ? 'legalRepresentative' : 'employerAndPost',
          record: true,
        },
      ],
      { field: 'facts', input: 'textarea', rows: 3 },
      [
        { field: 'violatedProvision', input: 'text', record: true },
        { field: 'penaltyProvision', input: 'text', record: true },
      ],
      [
        { field: 'penalty', input: 'text', span: 16, record: true },
        { field: 'fine', input: 'yuan', span: 8, record: true },
      ],
      [{ field: 'order', input: 'text', label: 'correctionOrder', record: true }],
      [
        { field: 'cashOnTheSpot', input: 'checkbox', span: 8 },
        { field: 'hardToPayLater', input: 'checkbox', span: 16, when: 'cashOnTheSpot' },
      ],
      { field: 'paymentPlace', input: 'text' },
      { field: 'officers', input: 'officers', label: 'officersOrder' },
      { field: 'partyRefused', input: 'checkbox' },
      { field: 'party', input: 'hidden' },
      { field: 'reviewAgency', input: 'hidden' },
      { field: 'court', input: 'hidden' },
    ],

    prefill(src) {
      const { today, roster, case: c } = src;
      const d = c?.detail;
      const party: PartyKey = kind === 'unit' ? 'unit' : typeof c?.party === 'number' ? c.party : 0;
      const part = partyPart(d, party);
      return {
        ...fromTheRecord(src, kind),
        party,
        formNo: '',
        facts: part.violations.map((v) => v.facts.replace(/[。；;.]$/, '')).join('；'),
        cashOnTheSpot: false,
        hardToPayLater: false,
        paymentPlace: c?.settings.finePaymentPlace ?? '',
        place: d?.unit.address ?? '',
        time: '',
        officers: officersOf(d?.handlerIds, roster),
        partyRefused: false,
        date: today,
      };
    },

    fromRecord: (src) => (src.case ? fromTheRecord(src, kind) : {}),

    issueChecks(f, src) {
      if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
      const { detail, rules } = src.case;
      const issues = summaryDecisionIssues(detail, f, rules);
      // Decided on the spot: on the day the violation was found.
      if (f.date !== detail.violationDate)
        issues.push({ path: ['date'], key: 'cases.rules.summaryNotOnSpot', params: { day: detail.violationDate } });
      issues.push(...officerChecks(f.officers, src.roster, f.date));
      issues.push(
        ...citationIssues(f.violatedProvision, ['violatedProvision']),
        ...citationIssues(f.penaltyProvision, ['penaltyProvision']),
      );
      if ((kind === 'unit') !== (f.party === 'unit')) issues.push({ path: ['party'], key: 'cases.rules.unknownParty' });
      const named = caseParty(detail, f.party);
      if (named && f.partyName !== named.name)
        issues.push({ path: ['partyName'], key: 'documents.rules.partyNameMismatch', params: { name: named.name } });
      const approved = partyPart(detail, f.party).totalFine;
      if (f.fine !== approved)
        issues.push({ path: ['fine'], key: 'documents.rules.totalFineMismatch', params: { approved } });
      issues.push(...narrativeIssues(f.facts, ['facts'], detail, f.party));
      if (!f.time) issues.push({ path: ['time'], key: 'validation.required' });
      const codeError = kind === 'unit' ? checkUscc(f.code).error : checkIdCard(f.code, f.date).error;
      if (codeError) issues.push({ path: ['code'], key: kind === 'unit' ? 'validation.uscc.checkChar' : codeError });
      if (f.fine > 0 && !f.cashOnTheSpot && !f.paymentPlace)
        issues.push({ path: ['paymentPlace'], key: 'validation.required' });
      if (f.fine > 0 && !f.cashOnTheSpot) issues.push(...paymentPlaceIssues(f.paymentPlace, src.case.settings));
      return issues;
    },

    body(f, { fonts, unit, blank }) {
      return [
        labelled(fonts, kind === 'unit' ? '被处罚单位' : '被处罚人', f.partyName),
        labelled(fonts, codeLabel, f.code),
        labelled(fonts, kind === 'unit' ? '地址' : '住址', f.address),
        labelled(fonts, kind === 'unit' ? '法定代表人（负责人）' : '所在单位及职务', f.representative),
        ...(blank
          ? [paragraph('违法事实：'), ruledLines(3)]
          : [paragraph(`违法事实：${you(f.party)}${f.facts.replace(/[。.]$/, '')}。`)]),
        paragraph(
          `以上行为违反了${f.violatedProvision || '　　　　　　'}的规定，依据${f.penaltyProvision || '　　　　　　'}和《中华人民共和国行政处罚法》第五十一条的规定，决定给予${blank ? '　　　　　　' : f.penalty}的行政处罚${blank ? '' : orderClause(f.order ?? '', you(f.party))}。`,
        ),
        ...(f.fine > 0 || blank ? [paragraph(paymentSentence(f, blank))] : []),
        paragraph(remedyClause(remedyOf(f, unit), '决定')),
        // 行政处罚法 第五十二条: the decision states where (and, with its date, when) it was made.
        labelled(fonts, '处罚时间', blank ? '' : f.time ? chineseDateTime(`${f.date}T${f.time}`) : ''),
        labelled(fonts, '处罚地点', blank ? '' : f.place),
        officerSignatures('执法人员', f.officers),
        partySignature('当事人或者委托代理人'),
        ...(f.partyRefused ? [paragraph('当事人拒绝签收，已由执法人员在本决定书上注明。')] : []),
        sealAndDate(unit.agencyName, blank ? null : f.date),
      ];
    },
  };
}

/** What the record decides: the party as the case names it, the 呈批's citations, penalty and fine, the remedy bodies. */
function fromTheRecord({ unit, case: c }: PrefillSource, kind: 'unit' | 'person') {
  const d = c?.detail;
  const party: PartyKey = kind === 'unit' ? 'unit' : typeof c?.party === 'number' ? c.party : 0;
  const person = d && party !== 'unit' ? d.persons[party] : undefined;
  const part = partyPart(d, party);
  return {
    party,
    partyName: (d && caseParty(d, party)?.name) ?? '',
    code: kind === 'unit' ? (d?.unit.code ?? '') : (person?.idNumber ?? ''),
    address: kind === 'unit' ? (d?.unit.address ?? '') : (person?.address ?? ''),
    representative:
      kind === 'unit' ? (d?.unit.legalRepresentative ?? '') : person ? `${d!.unit.name}${person.post}` : '',
    violatedProvision: part.violations.map((v) => v.violatedProvision).join('，'),
    penaltyProvision: part.violations.map((v) => v.penaltyProvision).join('，'),
    penalty: penaltyText(part.violations.map((v) => v.penalty)),
    order: part.violations
      .map((v) => v.order)
      .filter(Boolean)
      .join('，'),
    fine: part.totalFine,
    ...remedyPrefill(unit),
  };
}

/** The tick-box payment line: on the spot (with the official receipt), or within 15 days to the bank. */
function paymentSentence(f: SummaryFields, blank: boolean): string {
  const fine = blank ? '　　　　元' : yuanText(f.fine);
  // The printed box is ticked with √ (both in GB 2312, which the official fonts cover).
  const box = (on: boolean) => (blank ? '□' : on ? '√' : '□');
  // Taken on the spot, the form says on which ground of 第六十八条 (a fine up to 100 元, or one hard to collect later).
  const ground =
    !blank && f.cashOnTheSpot
      ? `（依据《中华人民共和国行政处罚法》第六十八条第（${f.fine <= 100 ? '一' : '二'}）项）`
      : '';
  return `罚款${fine}的履行方式和期限：${box(f.cashOnTheSpot)}当场缴纳${ground}；${box(!f.cashOnTheSpot)}自收到本决定书之日起15日内缴至${f.cashOnTheSpot ? '　　　　' : f.paymentPlace || '　　　　'}。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。`;
}

export const summaryPenaltyUnit = summaryPenalty('summary-penalty-unit', 'unit');
export const summaryPenaltyPerson = summaryPenalty('summary-penalty-person', 'person');
