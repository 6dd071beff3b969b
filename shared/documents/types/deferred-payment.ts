import { z } from 'zod';
import { chineseDate } from '../../domain/dates.ts';
import { decisionOf, live } from '../../domain/case-procedure.ts';
import { dateOrBlank, itemsTable, labelled, ROOM, sealAndDate } from '../layout.ts';
import type { DocumentTemplate, PrefillSource } from '../template.ts';
import type { PartyKey } from '../../entities/case.ts';
import {
  addresseeField,
  caseParty,
  decisionPaymentPlace,
  partyPart,
  servedDecisionChecks,
  you,
} from '../case-violations.ts';
import { caseApprover, paragraphsFor } from '../case-documents.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { yuanText } from '../wording.ts';
import { yuanFigures } from '../../domain/amount.ts';
import { addCalendarDays } from '../../domain/workdays.ts';

/**
 * 延期（分期）缴纳罚款批准书 (行政处罚法 第六十六条第二款): a party with real financial difficulty
 * applies, the 负责人 approves, and the party is told in writing until when, or in which instalments,
 * the fine is paid. Issued, it moves the day the fine falls due (case-procedure.ts, deferralOf).
 */

const MODES = ['延期', '分期'] as const;

const instalment = z.object({
  until: isoDate,
  amount: z.number().int().min(0).max(100_000_000),
});

const deferralFields = z.object({
  party: addresseeField,
  partyName: required(z.string().max(100)),
  decisionNumber: required(z.string().max(60)),
  decisionDate: isoDate.nullable().default(null),
  /** The party's written application (第六十六条: 确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请). */
  appliedOn: isoDate,
  /** 元 still unpaid when the application was approved. */
  fine: z.number().int().min(0).max(100_000_000),
  mode: z.enum(MODES),
  instalments: z.array(instalment).max(12).default([]),
  paymentPlace: optionalText(300),
  approvedBy: required(z.string().max(50)),
  date: isoDate,
});

/** The party's fine less what it has paid. */
function unpaid(c: PrefillSource['case'], party: PartyKey): number {
  const paid = c
    ? live(c.detail.events, 'payment')
        .filter((p) => String(p.party ?? 'unit') === String(party))
        .reduce((s, p) => s + p.amount, 0)
    : 0;
  return Math.max(0, partyPart(c?.detail, party).totalFine - paid);
}

export const deferredPaymentLetter: DocumentTemplate<typeof deferralFields> = {
  type: 'deferred-payment-approval-letter',
  fields: deferralFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12, record: true },
      { field: 'decisionNumber', input: 'text', span: 8, record: true },
      { field: 'decisionDate', input: 'date', span: 4, record: true },
    ],
    [
      { field: 'appliedOn', input: 'date' },
      { field: 'fine', input: 'yuan', label: 'unpaidFine', record: true },
      { field: 'mode', input: 'select', options: MODES },
    ],
    {
      field: 'instalments',
      input: 'rows',
      label: 'instalments',
      add: 'addInstalment',
      numbered: true,
      columns: [
        { field: 'until', input: 'date', placeholder: 'payBy', width: 200 },
        { field: 'amount', input: 'yuan', placeholder: 'amount' },
      ],
    },
    { field: 'paymentPlace', input: 'text' },
    [
      { field: 'approvedBy', input: 'text', span: 12 },
      { field: 'date', input: 'date', span: 12 },
    ],
    { field: 'party', input: 'hidden' },
  ],

  prefill({ today, case: c }) {
    const party = c?.party ?? 'unit';
    const decision = c ? decisionOf(c.detail, party) : undefined;
    const fine = unpaid(c, party);
    return {
      party,
      partyName: (c && caseParty(c.detail, party)?.name) ?? '',
      decisionNumber: decision?.numberText ?? '',
      decisionDate: decision?.date ?? null,
      appliedOn: today,
      fine,
      mode: '延期',
      instalments: [{ until: addCalendarDays(today, 30), amount: fine }],
      paymentPlace: decisionPaymentPlace(decision) || (c?.settings.finePaymentPlace ?? ''),
      approvedBy: caseApprover(c?.detail),
      date: today,
    };
  },

  /** The decision as the case holds it, and what of its fine is still unpaid: the record's, not typed. */
  fromRecord({ case: c }) {
    if (!c) return {};
    const decision = decisionOf(c.detail, c.party);
    return {
      party: c.party,
      partyName: caseParty(c.detail, c.party)?.name ?? '',
      decisionNumber: decision?.numberText ?? '',
      decisionDate: decision?.date ?? null,
      fine: unpaid(c, c.party),
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const issues = servedDecisionChecks(f, src.case.detail);
    // Approved on the party's application, never before it.
    if (f.appliedOn > f.date) issues.push({ path: ['appliedOn'], key: 'documents.rules.deferralBeforeApplication' });
    if (f.mode === '延期' && f.instalments.length !== 1)
      issues.push({ path: ['instalments'], key: 'documents.rules.deferralOneDate' });
    if (f.mode === '分期' && f.instalments.length < 2)
      issues.push({ path: ['instalments'], key: 'documents.rules.instalmentsTwo' });
    f.instalments.forEach((x, i) => {
      const before = i ? f.instalments[i - 1].until : f.date;
      if (x.until <= before)
        issues.push({
          path: ['instalments', i, 'until'],
          key: 'documents.rules.instalmentDateOrder',
          params: { after: before },
        });
      if (x.amount <= 0) issues.push({ path: ['instalments', i, 'amount'], key: 'documents.rules.instalmentAmount' });
    });
    const sum = f.instalments.reduce((s, x) => s + x.amount, 0);
    if (f.instalments.length && sum !== f.fine)
      issues.push({ path: ['instalments'], key: 'documents.rules.instalmentSum', params: { sum, fine: f.fine } });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const y = you(f.party);
    const para = paragraphsFor(blank);
    const decided = blank
      ? `于${dateOrBlank(null)}对${y}作出的《行政处罚决定书》（${ROOM}）`
      : `于${chineseDate(f.decisionDate ?? f.date)}对${y}作出的《行政处罚决定书》（${f.decisionNumber}）`;
    const last = f.instalments.at(-1);
    const approved = blank
      ? `同意${y}延期（分期）缴纳罚款。延期至${dateOrBlank(null)}前缴纳（分${'　'}期缴纳，各期缴纳期限和金额见下表）。`
      : f.mode === '延期'
        ? `同意${y}延期缴纳罚款，${y}应当于${chineseDate(last?.until ?? f.date)}前缴纳罚款${yuanText(f.fine)}。`
        : `同意${y}分${f.instalments.length}期缴纳罚款${yuanText(f.fine)}，各期缴纳期限和金额如下：`;
    return [
      labelled(fonts, '当事人', f.partyName),
      para(
        `${y}于${dateOrBlank(blank ? null : f.appliedOn)}提出延期（分期）缴纳罚款的申请。本机关${decided}，决定对${y}处以罚款${blank ? ROOM : yuanText(f.fine)}。经审查，根据《中华人民共和国行政处罚法》第六十六条第二款的规定，经本机关负责人批准，${approved}`,
      ),
      ...(blank || f.mode === '分期'
        ? [
            itemsTable(
              fonts,
              [
                { title: '缴纳期限', width: '*' },
                { title: '金额（元）', width: 150 },
              ],
              blank ? [] : f.instalments.map((x) => [`${chineseDate(x.until)}前`, yuanFigures(x.amount * 100)]),
              4,
            ),
          ]
        : []),
      para(
        `请${y}按期将罚款缴至${blank || !f.paymentPlace ? ROOM : f.paymentPlace}。逾期不缴纳的，本机关将依法每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。`,
      ),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
