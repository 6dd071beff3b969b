import { z } from 'zod';
import type { ValidationIssue } from '../../base/errors.ts';
import { chineseDateTime } from '../../domain/dates.ts';
import { addCalendarDays } from '../../domain/workdays.ts';
import type { CaseDocument } from '../../entities/case.ts';
import { addresseeLine, labelled, ROOM, sealAndDate } from '../layout.ts';
import type { DocumentTemplate, PrefillSource } from '../template.ts';
import type { DocumentForm } from '../form.ts';
import { issued } from '../../domain/case-procedure.ts';
import {
  caseApprover,
  madeWhen,
  paragraphsFor,
  partyNameCheck,
  referredDate,
  referredDocument,
} from '../case-documents.ts';
import { documentRef } from '../../domain/case-measures.ts';
import { isoDate, localDateTime, required } from '../../entities/common.ts';
import { remedyClause } from '../wording.ts';

/**
 * 停止供电（供应民用爆炸物品）(安全生产法 第七十条): a unit that refuses to carry out a decision to stop
 * production, construction or the use of equipment, with a real danger of an accident, is made to by
 * having its power or its explosives cut off — approved by the agency's 主要负责人, notified in
 * writing, the unit told 24 hours ahead unless an emergency endangers safety, and lifted as soon as
 * the hazard is removed. The decision goes to the unit; the notices to the supplier.
 */

/** 第七十条第二款: 提前二十四小时通知生产经营单位. */
export const POWER_CUT_NOTICE_HOURS = 24;

const DECISION = '停止供电（供应民用爆炸物品）决定书';
const SUPPLIES = ['供电', '供应民用爆炸物品'] as const;
const BLANK_SUPPLY = '供电（供应民用爆炸物品）';
const BLANK_TIME = '　　年　　月　　日　　时　　分';
const REAL_DANGER = '有发生生产安全事故的现实危险';
const ARTICLE = '《中华人民共和国安全生产法》第七十条';

const clean = (s: string) => s.trim().replace(/[。；;，,.]+$/, '');
const when = (at: string, blank: boolean) => (blank ? BLANK_TIME : chineseDateTime(at));

const latestDecision = (src: PrefillSource): CaseDocument | undefined =>
  src.case ? issued(src.case.detail, 'power-stop-decision').at(-1) : undefined;
const text = (d: CaseDocument | undefined, k: string): string => (typeof d?.fields[k] === 'string' ? d.fields[k] : '');

/** What a notice to the supplier takes from the decision it follows: the supplier, the unit, the supply and its reference. */
function fromDecision(src: PrefillSource, d: CaseDocument | undefined) {
  return {
    supplier: text(d, 'supplier'),
    partyName: src.case?.detail.unit.name ?? '',
    supply: d?.fields.supply === '供应民用爆炸物品' ? ('供应民用爆炸物品' as const) : ('供电' as const),
    decisionNumber: d ? documentRef(d) : '',
  };
}

/** The notices follow an issued decision, and name it. */
const decisionIssues = (ref: string, src: PrefillSource) =>
  referredDocument(src, 'power-stop-decision', ref, 'cases.rules.noPowerStopDecision').issues;

// ---------------------------------------------------------------------------------------------
// 停止供电（供应民用爆炸物品）决定书, served on the unit

const decisionFields = z.object({
  partyName: required(z.string().max(100)),
  supply: z.enum(SUPPLIES),
  /** The 停产停业 / 停止施工 / 停止使用 decision the unit refused to carry out, with its number. */
  suspensionOrder: required(z.string().max(300)),
  reason: required(z.string().max(1000)),
  supplier: required(z.string().max(100)),
  cutAt: localDateTime,
  /** 危及生产安全的紧急情形: no 24 hours' notice. */
  emergency: z.boolean().default(false),
  approvedBy: required(z.string().max(50)),
  approvedOn: isoDate,
  date: isoDate,
});

export const powerStopDecision: DocumentTemplate<typeof decisionFields> = {
  type: 'power-stop-decision',
  fields: decisionFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'supply', input: 'select', options: SUPPLIES, span: 12 },
    ],
    { field: 'suspensionOrder', input: 'text' },
    { field: 'reason', input: 'textarea', label: 'powerStopReason', rows: 3 },
    [
      { field: 'supplier', input: 'text', span: 12 },
      { field: 'cutAt', input: 'datetime', span: 12 },
    ],
    { field: 'emergency', input: 'checkbox' },
    [
      { field: 'approvedBy', input: 'text', label: 'principalApprovedBy', span: 8 },
      { field: 'approvedOn', input: 'date', span: 8 },
      { field: 'date', input: 'date', span: 8 },
    ],
  ],

  prefill({ today, case: c }) {
    return {
      partyName: c?.detail.unit.name ?? '',
      supply: '供电',
      suspensionOrder: '',
      reason: '',
      supplier: '',
      cutAt: `${addCalendarDays(today, 1)}T09:00`,
      emergency: false,
      approvedBy: caseApprover(c?.detail),
      approvedOn: today,
      date: today,
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const issues: ValidationIssue[] = [];
    if (f.approvedOn > f.date)
      issues.push({
        path: ['approvedOn'],
        key: 'documents.rules.powerCutApprovalLate',
        params: { approved: f.approvedOn },
      });
    // The decision is the unit's notice; given on the day it bears at the earliest, so 24 hours run from that day's start.
    const earliest = `${addCalendarDays(f.date, POWER_CUT_NOTICE_HOURS / 24)}T00:00`;
    if (f.cutAt.slice(0, 10) < f.date) issues.push({ path: ['cutAt'], key: 'documents.rules.powerCutBeforeDecision' });
    else if (!f.emergency && f.cutAt < earliest)
      issues.push({
        path: ['cutAt'],
        key: 'documents.rules.powerCutNotice24h',
        params: { earliest: earliest.replace('T', ' ') },
      });
    issues.push(...partyNameCheck(f.partyName, src));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const para = paragraphsFor(blank);
    const supply = blank ? BLANK_SUPPLY : f.supply;
    const reason = clean(f.reason);
    const facts = blank
      ? `本机关依法对你单位作出${ROOM}${ROOM}，你单位拒不执行，${ROOM}${ROOM}，${REAL_DANGER}。`
      : `本机关依法对你单位作出${clean(f.suspensionOrder)}，你单位拒不执行，${reason}${reason.includes('现实危险') ? '' : `，${REAL_DANGER}`}。`;
    const urgency = !blank && f.emergency ? '因存在危及生产安全的紧急情形，本措施不提前二十四小时通知。' : '';
    return [
      labelled(fonts, '当事人', blank ? '' : f.partyName),
      para(facts),
      para(
        `依据${ARTICLE}第一款的规定，经本机关主要负责人批准，决定通知${blank || !f.supplier ? ROOM : f.supplier}自${when(f.cutAt, blank)}起停止对你单位${supply}，强制你单位履行上述决定。${urgency}`,
      ),
      para(
        `你单位依法履行行政决定、采取相应措施消除事故隐患后，本机关将及时解除上述措施，通知${blank || !f.supplier ? '有关单位' : f.supplier}恢复${supply}。`,
      ),
      para(remedyClause(unit, '决定')),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// 停止供电（供应民用爆炸物品）通知书, to the supplier

/** What both notices to the supplier name: the supplier, the party, what is supplied, and the decision behind them. */
const toSupplier = {
  supplier: required(z.string().max(100)),
  partyName: required(z.string().max(100)),
  supply: z.enum(SUPPLIES),
  decisionNumber: required(z.string().max(100)),
  /** The day the decision named bears, as the case holds it. */
  decisionDate: isoDate.nullable().default(null),
};
const toSupplierForm: DocumentForm<keyof typeof toSupplier> = [
  [
    { field: 'supplier', input: 'text', span: 12 },
    { field: 'partyName', input: 'text', span: 12 },
  ],
  [
    { field: 'supply', input: 'select', options: SUPPLIES, span: 12 },
    { field: 'decisionNumber', input: 'text', label: 'powerStopDecisionNumber', span: 12 },
  ],
  { field: 'decisionDate', input: 'hidden', record: true },
];
/** A notice to the supplier: the decision it carries out issued and cited, the party named as the case names it. */
const toSupplierChecks = (f: { decisionNumber: string; partyName: string }, src: PrefillSource): ValidationIssue[] =>
  src.case
    ? [...decisionIssues(f.decisionNumber, src), ...partyNameCheck(f.partyName, src)]
    : [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];

const noticeFields = z.object({
  ...toSupplier,
  cutAt: localDateTime,
  approvedBy: required(z.string().max(50)),
  date: isoDate,
});

export const powerStopNotice: DocumentTemplate<typeof noticeFields> = {
  type: 'power-stop-notice',
  fields: noticeFields,
  form: [
    ...toSupplierForm,
    [
      { field: 'cutAt', input: 'datetime', span: 8 },
      { field: 'approvedBy', input: 'text', label: 'principalApprovedBy', span: 8 },
      { field: 'date', input: 'date', span: 8 },
    ],
  ],

  prefill(src) {
    const d = latestDecision(src);
    return {
      ...fromDecision(src, d),
      cutAt: text(d, 'cutAt') || `${addCalendarDays(src.today, 1)}T09:00`,
      approvedBy: text(d, 'approvedBy') || caseApprover(src.case?.detail),
      date: src.today,
    };
  },

  fromRecord: (src, f) => ({ decisionDate: referredDate(src, 'power-stop-decision', f.decisionNumber) }),
  issueChecks: toSupplierChecks,

  body(f, { unit, blank }) {
    const para = paragraphsFor(blank);
    const party = blank ? ROOM : f.partyName;
    const supply = blank ? BLANK_SUPPLY : f.supply;
    return [
      addresseeLine(f.supplier, blank),
      para(
        `经查，${party}拒不执行本机关依法作出的停产停业（停止施工、停止使用相关设施、设备）决定，${REAL_DANGER}。依据${ARTICLE}第一款的规定，经本机关主要负责人批准，本机关已${madeWhen(DECISION, blank ? '' : f.decisionNumber, '', f.decisionDate)}。请你单位在保证安全的前提下，自${when(f.cutAt, blank)}起停止对${party}${supply}。`,
      ),
      para(`${party}依法履行行政决定、消除事故隐患后，本机关将及时书面通知你单位恢复${supply}。`),
      para('特此通知，请予配合。'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// 恢复供电（供应民用爆炸物品）通知书, to the supplier once the hazard is removed

const restoreFields = z.object({
  ...toSupplier,
  restoreAt: localDateTime,
  reason: required(z.string().max(1000)),
  date: isoDate,
});

export const powerRestoreNotice: DocumentTemplate<typeof restoreFields> = {
  type: 'power-restore-notice',
  fields: restoreFields,
  form: [
    ...toSupplierForm,
    { field: 'reason', input: 'textarea', label: 'restoreReason', rows: 2 },
    [
      { field: 'restoreAt', input: 'datetime', span: 12 },
      { field: 'date', input: 'date', span: 12 },
    ],
  ],

  prefill(src) {
    return {
      ...fromDecision(src, latestDecision(src)),
      restoreAt: `${src.today}T09:00`,
      reason: '已依法履行行政决定，采取相应措施消除了事故隐患',
      date: src.today,
    };
  },

  fromRecord: (src, f) => ({ decisionDate: referredDate(src, 'power-stop-decision', f.decisionNumber) }),
  issueChecks: toSupplierChecks,

  body(f, { unit, blank }) {
    const para = paragraphsFor(blank);
    const party = blank ? ROOM : f.partyName;
    const supply = blank ? BLANK_SUPPLY : f.supply;
    return [
      addresseeLine(f.supplier, blank),
      para(
        `本机关${madeWhen(DECISION, blank ? '' : f.decisionNumber, '', f.decisionDate)}，通知你单位停止对${party}${supply}。现${party}${blank ? '　　　　　　　　　　　　' : clean(f.reason)}。依据${ARTICLE}第二款的规定，本机关决定解除上述措施，请你单位自${when(f.restoreAt, blank)}起恢复对${party}${supply}。`,
      ),
      para('特此通知。'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
