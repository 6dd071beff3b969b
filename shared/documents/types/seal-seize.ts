import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces.js';
import { chineseDate } from '../../domain/dates.ts';
import { addCalendarDays } from '../../domain/workdays.ts';
import type { CaseDocument } from '../../entities/case.ts';
import { DEFAULT_GEOMETRY } from '../../entities/page-geometry.ts';
import {
  BLANK_DATE,
  itemsTable,
  labelled,
  officerSignatures,
  paragraph,
  partySignature,
  ROOM,
  ruledLines,
  sealAndDate,
  textWidthPt,
} from '../layout.ts';
import { type DocumentTemplate, officerChecks, officerRef, officersOf, type PrefillSource } from '../template.ts';
import { issued } from '../../domain/case-procedure.ts';
import {
  caseApprover,
  madeWhen,
  paragraphsFor,
  partyNameCheck,
  referredDate,
  referredDocument,
} from '../case-documents.ts';
import { documentRef, lastDayOf } from '../../domain/case-measures.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { remedyClause } from '../wording.ts';

/**
 * 查封扣押 (安全生产法 第六十五条第一款第（四）项; 行政强制法 第九条、第十八条、第二十四条至第二十八条):
 * the decision with its 清单 handed over on the spot, the one extension the law allows, and the
 * decision on what becomes of the things sealed or seized.
 */

/** 行政强制法 第九条第（二）项: the two measures, as the decision names them. */
const SEIZE_MEASURES = ['查封', '扣押'] as const;

/** 行政强制法 第二十五条: at most 30 days, extended once by at most 30 more. */
export const SEIZURE_MAX_DAYS = 30;
export const SEIZURE_MAX_EXTENSION_DAYS = 30;
/**
 * Sealed or seized on the spot before the paperwork: the decision follows within 48 hours (the 2015
 * 《安全生产违法行为行政处罚办法》; its successor, 应急管理部令第18号 in force 2026-02-01, is not yet read
 * here). Counted in days because the decision bears a day, not an hour.
 */
export const SEIZURE_PAPERWORK_DAYS = 2;

const DECISION = '查封扣押决定书';
const LIST_TITLE = '查封扣押（场所、设施、财物）清单';
/** The header every official form carries (the catalogue's header line, after the agency's name). */
const FORM_HEADER = '安全生产行政执法文书';
const DEFAULT_BASIS =
  '《中华人民共和国安全生产法》第六十五条第一款第（四）项和《中华人民共和国行政强制法》第九条、第二十四条';
const DISPOSAL_BASIS =
  '《中华人民共和国安全生产法》第六十五条第一款第（四）项和《中华人民共和国行政强制法》第二十七条、第二十八条';
/** Room for a number of days written by hand. */
const DAYS = '　'.repeat(2);

const caseFacts = (src: PrefillSource) => {
  const d = src.case?.detail;
  return d
    ? [d.facts, ...d.violations.map((v) => v.facts)]
        .map((x) => x.trim().replace(/[。；;.]+$/, ''))
        .filter(Boolean)
        .join('；')
    : '';
};

/** The period a 查封扣押决定书 on the case set, read from its fields; null if they are not a period. */
function periodOf(d: CaseDocument): { startsOn: string; end: string } | null {
  const { startsOn, periodDays } = d.fields;
  if (typeof startsOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(startsOn) || typeof periodDays !== 'number')
    return null;
  return { startsOn, end: lastDayOf(startsOn, periodDays) };
}

/** The 查封扣押决定书 a later document refers to, or the issue that there is none (or that it names another). */
const referredDecision = (ref: string, src: PrefillSource) =>
  referredDocument(src, 'seal-seize-decision', ref, 'cases.rules.noSeizeDecision');

// ---------------------------------------------------------------------------------------------
// 查封扣押决定书, with its 清单 on the next page

const seizedItem = z.object({
  name: required(z.string().max(200)),
  spec: optionalText(100),
  quantity: required(z.string().max(50)),
  location: optionalText(200),
});

const decisionFields = z.object({
  partyName: required(z.string().max(100)),
  /** 行政强制法 第二十四条第（一）项: the decision names the party and its address. */
  address: optionalText(200),
  measure: z.enum(SEIZE_MEASURES),
  facts: required(z.string().max(4000)),
  basis: required(z.string().max(500)),
  items: z.array(seizedItem).max(100).default([]),
  /** The day the measure takes effect (the day it was carried out, if that came first). */
  startsOn: isoDate,
  periodDays: z.number().int().min(1).max(365),
  /** Sealed or seized on the spot before this decision (then it is made within 48 hours). */
  seizedOn: isoDate.nullable().default(null),
  storage: required(z.string().max(300)),
  approvedBy: required(z.string().max(50)),
  approvedOn: isoDate,
  officers: z.array(officerRef).max(10).default([]),
  date: isoDate,
});

export const sealSeizeDecision: DocumentTemplate<typeof decisionFields> = {
  type: 'seal-seize-decision',
  fields: decisionFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'address', input: 'text', span: 12 },
    ],
    { field: 'facts', input: 'textarea', label: 'seizeFacts', rows: 3 },
    { field: 'basis', input: 'text', label: 'legalBasis', record: true },
    [
      { field: 'measure', input: 'select', options: SEIZE_MEASURES, span: 6 },
      { field: 'startsOn', input: 'date', span: 6 },
      { field: 'periodDays', input: 'integer', span: 6 },
      { field: 'seizedOn', input: 'date', span: 6 },
    ],
    { field: 'storage', input: 'text' },
    {
      field: 'items',
      input: 'rows',
      label: 'seizedItems',
      add: 'addSeizedItem',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'seizedItemName' },
        { field: 'spec', input: 'text', placeholder: 'itemSpec', width: 150 },
        { field: 'quantity', input: 'text', placeholder: 'itemQuantity', width: 100 },
        { field: 'location', input: 'text', placeholder: 'itemLocationState', width: 180 },
      ],
    },
    { field: 'officers', input: 'officers', label: 'officersOrder' },
    [
      { field: 'approvedBy', input: 'text', span: 8 },
      { field: 'approvedOn', input: 'date', span: 8 },
      { field: 'date', input: 'date', span: 8 },
    ],
  ],

  prefill(src) {
    const { today, roster, case: c } = src;
    return {
      partyName: c?.detail.unit.name ?? '',
      address: c?.detail.unit.address ?? '',
      measure: '查封',
      facts: caseFacts(src),
      basis: DEFAULT_BASIS,
      items: [],
      startsOn: today,
      periodDays: SEIZURE_MAX_DAYS,
      seizedOn: null,
      storage: '就地封存，加贴本机关封条',
      approvedBy: caseApprover(c?.detail),
      approvedOn: today,
      officers: officersOf(c?.detail.handlerIds, roster),
      date: today,
    };
  },

  // The department's power to seal and seize (安全生产法 第六十五条第一款第（四）项) and the procedure of 行政强制法.
  fromRecord: () => ({ basis: DEFAULT_BASIS }),

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const issues = officerChecks(f.officers, src.roster, f.date);
    if (f.periodDays > SEIZURE_MAX_DAYS)
      issues.push({ path: ['periodDays'], key: 'documents.rules.seizePeriodMax', params: { max: SEIZURE_MAX_DAYS } });
    if (!f.items.length) issues.push({ path: ['items'], key: 'documents.rules.seizedItemsRequired' });
    if (f.approvedOn > f.date)
      issues.push({
        path: ['approvedOn'],
        key: 'documents.rules.seizeApprovalLate',
        params: { approved: f.approvedOn },
      });
    if (f.seizedOn) {
      const latest = addCalendarDays(f.seizedOn, SEIZURE_PAPERWORK_DAYS);
      if (f.seizedOn > f.date) issues.push({ path: ['seizedOn'], key: 'documents.rules.seizedAfterDecision' });
      else if (f.date > latest)
        issues.push({
          path: ['date'],
          key: 'documents.rules.seizureDecisionLate',
          params: { seizedOn: f.seizedOn, latest },
        });
      // The period runs from the day the things were sealed or seized, not from the paperwork.
      if (f.startsOn !== f.seizedOn)
        issues.push({
          path: ['startsOn'],
          key: 'documents.rules.seizeStartsOnSeizure',
          params: { seizedOn: f.seizedOn },
        });
    } else if (f.startsOn < f.date) {
      issues.push({ path: ['startsOn'], key: 'documents.rules.seizeStartsBeforeDecision' });
    }
    issues.push(...partyNameCheck(f.partyName, src));
    return issues;
  },

  body(f, { fonts, unit, blank, numberText }) {
    const para = paragraphsFor(blank);
    const m = blank ? '查封（扣押）' : f.measure;
    const period = blank
      ? `期限为${DAYS}日，自${BLANK_DATE}起至${BLANK_DATE}止`
      : `期限为${f.periodDays}日，自${chineseDate(f.startsOn)}起至${chineseDate(lastDayOf(f.startsOn, f.periodDays))}止`;
    const onSpot =
      !blank && f.seizedOn ? `本机关执法人员已于${chineseDate(f.seizedOn)}依法当场实施${m}，现补办本决定。` : '';
    return [
      // 行政强制法 第二十四条第二款第（一）项: the party's name and address.
      labelled(fonts, '当事人', f.partyName),
      labelled(fonts, '地址', f.address),
      ...(blank
        ? [para('经查，你单位'), ruledLines(2)]
        : [para(`经查，${f.facts.trim().replace(/[。；;.]+$/, '')}。`)]),
      para(
        `依据${f.basis || ROOM}的规定，经本机关负责人批准，决定对你单位的有关场所、设施、财物（详见${LIST_TITLE}）予以${m}，${period}。${onSpot}`,
      ),
      para(
        `${m}期间，被${m}的场所、设施、财物的保管方式及地点：${blank ? ROOM : f.storage.replace(/[。.]$/, '')}。保管费用由本机关承担。你单位不得擅自启封、使用，不得转移、隐匿、损毁或者变卖被${m}的场所、设施、财物。`,
      ),
      para(
        `本机关将在${m}期限内依法作出处理决定；情况复杂的，经本机关负责人批准，可以延长${m}期限，延长期限不超过${SEIZURE_MAX_EXTENSION_DAYS}日。`,
      ),
      para(remedyClause(unit, '决定')),
      para(`附件：${LIST_TITLE}`),
      sealAndDate(unit.agencyName, blank ? null : f.date),
      ...seizureList(f, { fonts, unit, blank, numberText }),
    ];
  },
};

/** The 清单 on a page of its own, laid out as the form: header and double rule, title, the table, the signatures. */
function seizureList(
  f: z.output<typeof decisionFields>,
  { fonts, unit, blank, numberText }: Parameters<typeof sealSeizeDecision.body>[1],
): Content[] {
  const width = textWidthPt(DEFAULT_GEOMETRY);
  const rows = blank ? [] : f.items.map((it) => [it.name, it.spec, it.quantity, it.location]);
  return [
    {
      text: `${unit.agencyName}${FORM_HEADER}`,
      font: fonts.roles.header,
      bold: true,
      fontSize: DEFAULT_GEOMETRY.headerSizePt,
      alignment: 'center',
      pageBreak: 'before',
      margin: [0, 0, 0, 4],
    } as Content,
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.6 },
        { type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.5 },
      ],
      alignment: 'center',
    } as Content,
    {
      text: LIST_TITLE,
      font: fonts.roles.title,
      bold: true,
      fontSize: 18,
      alignment: 'center',
      margin: [0, 14, 0, 10],
    } as Content,
    labelled(fonts, '当事人', blank ? '' : f.partyName),
    paragraph(
      blank
        ? `依据本机关${BLANK_DATE}作出的《${DECISION}》，对下列场所、设施、财物予以查封（扣押）：`
        : `依据本机关${chineseDate(f.date)}作出的《${DECISION}》${numberText ? `（${numberText}）` : ''}，对下列场所、设施、财物予以${f.measure}：`,
      { indent: false },
    ),
    itemsTable(
      fonts,
      [
        { title: '名称', width: '*' },
        { title: '规格型号', width: 80 },
        { title: '数量', width: 60 },
        { title: '存放地点/状态', width: 110 },
      ],
      rows,
      10,
    ),
    labelled(fonts, '保管方式及地点', blank ? '' : f.storage.replace(/[。.]$/, '')),
    partySignature('当事人'),
    officerSignatures('执法人员', f.officers),
    sealAndDate(unit.agencyName, blank ? null : f.date),
  ];
}

// ---------------------------------------------------------------------------------------------
// 延长查封扣押期限决定书

const extensionFields = z.object({
  decisionNumber: required(z.string().max(100)),
  /** The day the decision named bears, as the case holds it. */
  decisionDate: isoDate.nullable().default(null),
  partyName: required(z.string().max(100)),
  originalEnd: isoDate,
  extendDays: z.number().int().min(1).max(365),
  reason: required(z.string().max(1000)),
  approvedBy: required(z.string().max(50)),
  approvedOn: isoDate,
  date: isoDate,
});

export const sealSeizeExtension: DocumentTemplate<typeof extensionFields> = {
  type: 'seal-seize-extension',
  fields: extensionFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'decisionNumber', input: 'text', label: 'seizeDecisionNumber', span: 12 },
    ],
    { field: 'decisionDate', input: 'hidden', record: true },
    [
      { field: 'originalEnd', input: 'date', span: 12 },
      { field: 'extendDays', input: 'integer', span: 12 },
    ],
    { field: 'reason', input: 'textarea', label: 'extensionReason', rows: 3 },
    [
      { field: 'approvedBy', input: 'text', span: 8 },
      { field: 'approvedOn', input: 'date', span: 8 },
      { field: 'date', input: 'date', span: 8 },
    ],
  ],

  prefill({ today, case: c }) {
    const decision = c ? issued(c.detail, 'seal-seize-decision').at(-1) : undefined;
    const period = decision ? periodOf(decision) : null;
    return {
      decisionNumber: decision ? documentRef(decision) : '',
      partyName: c?.detail.unit.name ?? '',
      originalEnd: period?.end ?? today,
      extendDays: SEIZURE_MAX_EXTENSION_DAYS,
      reason: '案情复杂，需进一步查清事实',
      approvedBy: caseApprover(c?.detail),
      approvedOn: today,
      date: today,
    };
  },

  fromRecord: (src, f) => ({ decisionDate: referredDate(src, 'seal-seize-decision', f.decisionNumber) }),

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { doc, issues } = referredDecision(f.decisionNumber, src);
    if (f.extendDays > SEIZURE_MAX_EXTENSION_DAYS)
      issues.push({
        path: ['extendDays'],
        key: 'documents.rules.extendDaysMax',
        params: { max: SEIZURE_MAX_EXTENSION_DAYS },
      });
    if (f.approvedOn > f.date)
      issues.push({
        path: ['approvedOn'],
        key: 'documents.rules.extensionApprovalLate',
        params: { approved: f.approvedOn },
      });
    const period = doc ? periodOf(doc) : null;
    if (doc && period) {
      // The period as the decision set it, not as typed here: an extension is made while it runs.
      if (f.originalEnd !== period.end)
        issues.push({ path: ['originalEnd'], key: 'documents.rules.originalEndMismatch', params: { end: period.end } });
      if (f.date > period.end)
        issues.push({ path: ['date'], key: 'cases.rules.extensionAfterPeriod', params: { end: period.end } });
      const ref = documentRef(doc);
      const earlier = issued(src.case.detail, 'seal-seize-extension').find(
        (x) => String(x.fields.decisionNumber ?? '').trim() === ref,
      );
      if (earlier) issues.push({ path: ['case'], key: 'cases.rules.extensionRepeated', params: { ref } });
    }
    issues.push(...partyNameCheck(f.partyName, src));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const para = paragraphsFor(blank);
    const made = `本机关${madeWhen(DECISION, blank ? '' : f.decisionNumber, '对你单位', f.decisionDate)}`;
    const basis = '经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条第一款的规定，决定将查封扣押期限延长';
    // A hand-fill form gives the reason lines of its own rather than a gap in the sentence.
    const text = blank
      ? [
          para(`${made}，查封（扣押）期限至${BLANK_DATE}届满。因：`),
          ruledLines(2),
          para(`${basis}${DAYS}日，至${BLANK_DATE}止。`),
        ]
      : [
          para(
            `${made}，查封扣押期限至${chineseDate(f.originalEnd)}届满。因${f.reason.trim().replace(/[。；;.]+$/, '')}，${basis}${f.extendDays}日，至${chineseDate(addCalendarDays(f.originalEnd, f.extendDays))}止。`,
          ),
        ];
    return [
      labelled(fonts, '当事人', blank ? '' : f.partyName),
      ...text,
      para('延长期间，你单位仍不得擅自启封、使用，不得转移、隐匿、损毁或者变卖被查封扣押的场所、设施、财物。'),
      para(remedyClause(unit, '决定')),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// 查封扣押处理决定书

const disposalItem = z.object({
  name: required(z.string().max(200)),
  quantity: required(z.string().max(50)),
  /** 解除查封, 解除扣押, 没收, 销毁, 移送… (行政强制法 第二十七条、第二十八条). */
  disposal: required(z.string().max(100)),
});

const disposalFields = z.object({
  decisionNumber: required(z.string().max(100)),
  /** The day the decision named bears, as the case holds it. */
  decisionDate: isoDate.nullable().default(null),
  partyName: required(z.string().max(100)),
  items: z.array(disposalItem).max(100).default([]),
  basis: required(z.string().max(500)),
  date: isoDate,
});

export const sealSeizeDisposal: DocumentTemplate<typeof disposalFields> = {
  type: 'seal-seize-disposal',
  fields: disposalFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'decisionNumber', input: 'text', label: 'seizeDecisionNumber', span: 12 },
    ],
    { field: 'decisionDate', input: 'hidden', record: true },
    { field: 'basis', input: 'text', record: true },
    {
      field: 'items',
      input: 'rows',
      label: 'disposalItems',
      add: 'addSeizedItem',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'seizedItemName' },
        { field: 'quantity', input: 'text', placeholder: 'itemQuantity', width: 100 },
        { field: 'disposal', input: 'text', placeholder: 'itemDisposal', width: 200 },
      ],
    },
    [{ field: 'date', input: 'date', span: 8 }],
  ],

  prefill({ today, case: c }) {
    const decision = c ? issued(c.detail, 'seal-seize-decision').at(-1) : undefined;
    const measure = decision?.fields.measure === '扣押' ? '扣押' : '查封';
    const items = Array.isArray(decision?.fields.items)
      ? (decision.fields.items as { name: string; quantity: string }[])
      : [];
    return {
      decisionNumber: decision ? documentRef(decision) : '',
      partyName: c?.detail.unit.name ?? '',
      items: items.map((it) => ({ name: it.name, quantity: it.quantity, disposal: `解除${measure}` })),
      basis: DISPOSAL_BASIS,
      date: today,
    };
  },

  fromRecord: (src, f) => ({
    basis: DISPOSAL_BASIS,
    decisionDate: referredDate(src, 'seal-seize-decision', f.decisionNumber),
  }),

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { issues } = referredDecision(f.decisionNumber, src);
    if (!f.items.length) issues.push({ path: ['items'], key: 'documents.rules.seizedItemsRequired' });
    issues.push(...partyNameCheck(f.partyName, src));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const para = paragraphsFor(blank);
    const rows = blank ? [] : f.items.map((it) => [it.name, it.quantity, it.disposal]);
    const releases = blank || f.items.some((it) => it.disposal.includes('解除'));
    return [
      labelled(fonts, '当事人', blank ? '' : f.partyName),
      para(
        `本机关${madeWhen(DECISION, blank ? '' : f.decisionNumber, '对你单位', f.decisionDate)}，对有关场所、设施、财物予以查封扣押。经调查核实，依据${f.basis || ROOM}的规定，本机关对查封扣押的场所、设施、财物作出如下处理决定：`,
      ),
      itemsTable(
        fonts,
        [
          { title: '名称', width: '*' },
          { title: '数量', width: 70 },
          { title: '处理决定', width: 150 },
        ],
        rows,
        6,
      ),
      ...(releases ? [para('决定解除查封扣押的，自本决定送达之日起解除；被扣押的财物，本机关立即退还你单位。')] : []),
      para(remedyClause(unit, '决定')),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
