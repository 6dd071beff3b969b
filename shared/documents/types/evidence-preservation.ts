import { z } from 'zod';
import { issued } from '../../domain/case-procedure.ts';
import { chineseDate } from '../../domain/dates.ts';
import { itemsTable, labelled, officerSignatures, paragraph, partySignature, sealAndDate } from '../layout.ts';
import { type DocumentTemplate, officerChecks, officerRef, officersOf } from '../template.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import type { ValidationIssue } from '../../base/errors.ts';
import { partyNameCheck } from '../case-documents.ts';

/**
 * 先行登记保存 (行政处罚法 第五十六条): where evidence may be lost or hard to obtain later, with the
 * 负责人's approval, the officers register the things and leave them in place or take them into
 * keeping; the party must not destroy or move them, and the agency decides what becomes of them
 * within 7 (working) days — the 处理决定书, whose lateness the case's deadlines show.
 */

const preservedItem = z.object({
  name: required(z.string().max(200)),
  spec: optionalText(100),
  quantity: required(z.string().max(50)),
  location: optionalText(200),
});

const noticeFields = z.object({
  partyName: required(z.string().max(100)),
  cause: required(z.string().max(200)),
  items: z.array(preservedItem).max(50).default([]),
  /** 就地保存 by the party, or where the agency keeps them. */
  storage: required(z.string().max(200)),
  approvedBy: required(z.string().max(50)),
  approvedOn: isoDate,
  officers: z.array(officerRef).max(6).default([]),
  date: isoDate,
});

const caseUnitName = (src: Parameters<DocumentTemplate['prefill']>[0]) =>
  src.case?.detail.unit.name ?? src.enterprise?.name ?? '';

function partyIssues(partyName: string, src: Parameters<DocumentTemplate['issueChecks']>[1]): ValidationIssue[] {
  return src.case ? partyNameCheck(partyName, src) : [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
}

export const evidencePreservationNotice: DocumentTemplate<typeof noticeFields> = {
  type: 'evidence-preservation-notice',
  fields: noticeFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'cause', input: 'text', span: 12 },
    ],
    {
      field: 'items',
      input: 'rows',
      add: 'addItem',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'itemName' },
        { field: 'spec', input: 'text', placeholder: 'itemSpec', width: 140 },
        { field: 'quantity', input: 'text', placeholder: 'itemQuantity', width: 100 },
        { field: 'location', input: 'text', placeholder: 'itemLocation', width: 160 },
      ],
    },
    { field: 'storage', input: 'text' },
    [
      { field: 'approvedBy', input: 'text' },
      { field: 'approvedOn', input: 'date' },
      { field: 'date', input: 'date' },
    ],
    { field: 'officers', input: 'officers' },
  ],

  prefill(src) {
    const { today, case: c, roster } = src;
    return {
      partyName: caseUnitName(src),
      cause: c?.detail.cause ?? '',
      items: [],
      storage: '就地封存，由当事人保管',
      approvedBy: '',
      approvedOn: today,
      officers: officersOf(c?.detail.handlerIds, roster),
      date: today,
    };
  },

  issueChecks(f, src) {
    const issues = partyIssues(f.partyName, src);
    issues.push(...officerChecks(f.officers, src.roster, f.date));
    if (!f.items.length) issues.push({ path: ['items'], key: 'cases.rules.itemsRequired' });
    // 经行政机关负责人批准: the approval comes first.
    if (f.approvedOn > f.date)
      issues.push({ path: ['approvedOn'], key: 'cases.rules.approvalAfterMeasure', params: { date: f.date } });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const rows = f.items.map((i) => [i.name, i.spec, i.quantity, i.location]);
    return [
      labelled(fonts, '当事人', f.partyName),
      paragraph(
        `因你单位${blank ? '　　　　　　　　' : f.cause.replace(/案$/, '')}，为防止证据灭失或者以后难以取得，经本机关负责人批准，根据《中华人民共和国行政处罚法》第五十六条的规定，决定对下列物品予以先行登记保存：`,
      ),
      itemsTable(
        fonts,
        [
          { title: '物品名称', width: '*' },
          { title: '规格型号', width: 90 },
          { title: '数量', width: 60 },
          { title: '存放地点', width: 100 },
        ],
        blank ? [] : rows,
      ),
      labelled(fonts, '保存方式及地点', blank ? '' : f.storage),
      paragraph(
        '在先行登记保存期间，你单位不得销毁或者转移上述物品。本机关将在七日内对先行登记保存的证据作出处理决定。',
      ),
      officerSignatures('执法人员', f.officers),
      partySignature('当事人'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};

const disposedItem = z.object({
  name: required(z.string().max(200)),
  quantity: required(z.string().max(50)),
  disposal: required(z.string().max(200)),
});

const disposalFields = z.object({
  noticeNumber: required(z.string().max(60)),
  noticeDate: isoDate.nullable().default(null),
  partyName: required(z.string().max(100)),
  items: z.array(disposedItem).max(50).default([]),
  basis: required(z.string().max(300)),
  date: isoDate,
});

/** The issued 先行登记保存证据通知书 a disposal decides on: the one it cites by number. */
const noticesOf = (src: Parameters<DocumentTemplate['prefill']>[0]) =>
  src.case ? issued(src.case.detail, 'evidence-preservation-notice') : [];

/** 行政处罚法 第五十六条: decided on within 7 days of the 先行登记保存; the law's, not the clerk's. */
const DISPOSAL_BASIS = '《中华人民共和国行政处罚法》第五十六条';

export const evidenceDisposalDecision: DocumentTemplate<typeof disposalFields> = {
  type: 'evidence-disposal-decision',
  fields: disposalFields,
  form: [
    [
      { field: 'noticeNumber', input: 'text', span: 10 },
      { field: 'noticeDate', input: 'date', span: 6 },
      { field: 'partyName', input: 'text', span: 8, record: true },
    ],
    {
      field: 'items',
      input: 'rows',
      add: 'addItem',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'itemName' },
        { field: 'quantity', input: 'text', placeholder: 'itemQuantity', width: 100 },
        { field: 'disposal', input: 'text', placeholder: 'itemDisposal', width: 220 },
      ],
    },
    [
      { field: 'basis', input: 'text', span: 16, record: true },
      { field: 'date', input: 'date', span: 8 },
    ],
  ],

  prefill(src) {
    const notice = noticesOf(src).at(-1);
    const items = (notice?.fields.items as { name: string; quantity: string }[] | undefined) ?? [];
    return {
      noticeNumber: notice?.numberText ?? '',
      noticeDate: notice?.date ?? null,
      partyName: caseUnitName(src),
      items: items.map((i) => ({ name: i.name, quantity: i.quantity, disposal: '解除先行登记保存，予以退还' })),
      basis: DISPOSAL_BASIS,
      date: src.today,
    };
  },

  fromRecord: (src) => ({ basis: DISPOSAL_BASIS, ...(src.case ? { partyName: caseUnitName(src) } : {}) }),

  issueChecks(f, src) {
    const issues = partyIssues(f.partyName, src);
    const notice = noticesOf(src).find((d) => d.numberText === f.noticeNumber);
    if (!notice) issues.push({ path: ['noticeNumber'], key: 'cases.rules.noPreservationNotice' });
    else if (notice.date && f.date < notice.date)
      issues.push({ path: ['date'], key: 'cases.rules.beforePreservation', params: { preserved: notice.date } });
    if (!f.items.length) issues.push({ path: ['items'], key: 'cases.rules.itemsRequired' });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const when = blank || !f.noticeDate ? '　　年　　月　　日' : chineseDate(f.noticeDate);
    return [
      labelled(fonts, '当事人', f.partyName),
      paragraph(
        `本机关于${when}以《先行登记保存证据通知书》（${blank ? '　　　　　　' : f.noticeNumber}）对你单位的有关物品予以先行登记保存。根据${blank ? '　　　　　　' : f.basis}的规定，现决定作如下处理：`,
      ),
      itemsTable(
        fonts,
        [
          { title: '物品名称', width: '*' },
          { title: '数量', width: 70 },
          { title: '处理决定', width: 170 },
        ],
        blank ? [] : f.items.map((i) => [i.name, i.quantity, i.disposal]),
      ),
      partySignature('当事人'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
