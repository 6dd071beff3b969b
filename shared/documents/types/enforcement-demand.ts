import { z } from 'zod';
import { decisionOf, lateSurcharges } from '../../domain/case-procedure.ts';
import { dateOrBlank, labelled, paragraph, ROOM, sealAndDate } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { yuanText } from '../wording.ts';
import {
  addresseeField,
  caseParty,
  decisionPaymentPlace,
  partyPart,
  servedDecisionChecks,
  you,
} from '../case-violations.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';

/**
 * 行政强制执行事先催告书 (行政强制法 第三十五条、第五十四条): before asking the court to enforce an
 * unpaid fine, the party is told in writing what it must do and by when, how much the 加处罚款 has
 * reached, and that it may state its case; the court may be asked 10 working days after it was served.
 */

const demandFields = z.object({
  party: addresseeField,
  partyName: required(z.string().max(100)),
  decisionNumber: required(z.string().max(60)),
  decisionDate: isoDate.nullable().default(null),
  /** 元: the fine unpaid, and the 加处罚款 reached on the day of the 催告书. */
  fine: z.number().int().min(0).max(100_000_000),
  surcharge: z.number().int().min(0).max(100_000_000),
  /** 履行期限 the 催告书 gives, in days from its service. */
  performDays: z.number().int().min(1).max(30).default(10),
  paymentPlace: optionalText(300),
  contactPerson: optionalText(50),
  contactPhone: optionalText(30),
  date: isoDate,
});

export const enforcementDemand: DocumentTemplate<typeof demandFields> = {
  type: 'enforcement-demand',
  fields: demandFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12, record: true },
      { field: 'decisionNumber', input: 'text', span: 8, record: true },
      { field: 'decisionDate', input: 'date', span: 4, record: true },
    ],
    [
      { field: 'fine', input: 'yuan', record: true },
      { field: 'surcharge', input: 'yuan', record: true },
      { field: 'performDays', input: 'integer' },
    ],
    { field: 'paymentPlace', input: 'text' },
    [
      { field: 'contactPerson', input: 'text' },
      { field: 'contactPhone', input: 'text' },
      { field: 'date', input: 'date' },
    ],
    { field: 'party', input: 'hidden' },
  ],

  prefill(src) {
    const { today, unit, case: c } = src;
    const party = c?.party ?? 'unit';
    return {
      party,
      partyName: '',
      decisionNumber: '',
      decisionDate: null,
      fine: 0,
      surcharge: 0,
      performDays: 10,
      paymentPlace: c?.settings.finePaymentPlace ?? '',
      contactPerson: c?.detail.handlerNames[0] ?? '',
      contactPhone: unit.phone,
      date: today,
      ...enforcementDemand.fromRecord!(src, { date: today }),
    };
  },

  /** The decision as the case holds it, and the 加处罚款 reached on the day the 催告书 bears (第七十二条), computed. */
  fromRecord({ today, case: c }, f) {
    if (!c) return {};
    const decision = decisionOf(c.detail, c.party);
    // A day of the calendar up to today (a document never bears a later one): anything else counts to today.
    const on = typeof f.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.date) && f.date <= today ? f.date : today;
    const surcharge = lateSurcharges(c.detail, c.detail.deadlines, on).find((s) => String(s.party) === String(c.party));
    return {
      party: c.party,
      partyName: caseParty(c.detail, c.party)?.name ?? '',
      decisionNumber: decision?.numberText ?? '',
      decisionDate: decision?.date ?? null,
      fine: partyPart(c.detail, c.party).totalFine,
      surcharge: surcharge?.amount ?? 0,
      ...(decisionPaymentPlace(decision) ? { paymentPlace: decisionPaymentPlace(decision) } : {}),
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const issues = servedDecisionChecks(f, src.case.detail);
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const y = you(f.party);
    return [
      labelled(fonts, '当事人', f.partyName),
      paragraph(
        `本机关于${dateOrBlank(blank ? null : f.decisionDate)}对${y}作出${blank ? ROOM : `《行政处罚决定书》（${f.decisionNumber}）`}，决定给予${blank ? ROOM : `罚款${yuanText(f.fine)}`}的行政处罚。${y}至今未在规定期限内缴纳罚款。`,
      ),
      paragraph(
        `根据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，截至本催告书作出之日已加处罚款${blank ? ROOM : yuanText(f.surcharge)}（加处罚款的数额不超过罚款的数额）。`,
      ),
      paragraph(
        `根据《中华人民共和国行政强制法》第五十四条的规定，现催告${y}自收到本催告书之日起${blank ? '　　' : f.performDays}日内履行上述义务${blank ? `，缴至${ROOM}` : f.paymentPlace ? `，缴至${f.paymentPlace}` : ''}。`,
      ),
      paragraph(`${y}收到本催告书后有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。`),
      labelled(fonts, ['联系人', f.contactPerson], ['联系电话', f.contactPhone]),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
