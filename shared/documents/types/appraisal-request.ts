import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces.js';
import {
  addresseeLine,
  dateOrBlank,
  heading,
  itemsTable,
  labelled,
  paragraph,
  ruledLines,
  sealAndDate,
  writeInLine,
} from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { caseDayChecks, oneCase } from './investigation-common.ts';
import { caseNameOf } from '../case-documents.ts';

/**
 * 鉴定委托书: a question of fact the officers cannot settle themselves (the cause of a failure, whether
 * equipment or goods meet a standard) put to a qualified appraisal organ, whose 鉴定意见 is evidence
 * (行政处罚法 第四十六条). It names the case, the items, what is to be determined, the materials
 * supplied and the day the opinion is wanted.
 */

const appraisalItem = z.object({
  name: required(z.string().max(200)),
  /** With its unit, as counted: 2桶, 1台. */
  quantity: required(z.string().max(30)),
});

const appraisalRequestFields = z.object({
  organ: required(z.string().max(100)),
  caseName: required(z.string().max(200)),
  items: z.array(appraisalItem).max(30).default([]),
  requirements: required(z.string().max(2000)),
  suppliedMaterials: z
    .array(required(z.string().max(300)))
    .max(30)
    .default([]),
  dueDate: isoDate,
  contactPerson: required(z.string().max(50)),
  contactPhone: required(z.string().max(30)),
  agencyAddress: optionalText(200),
  date: isoDate,
});

export const appraisalRequest: DocumentTemplate<typeof appraisalRequestFields> = {
  type: 'appraisal-request',
  fields: appraisalRequestFields,
  form: [
    [
      { field: 'organ', input: 'text', span: 12 },
      { field: 'caseName', input: 'text', span: 12 },
    ],
    {
      field: 'items',
      input: 'rows',
      label: 'appraisalItems',
      add: 'addAppraisalItem',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'itemName' },
        { field: 'quantity', input: 'text', placeholder: 'quantityWithUnit', width: 140 },
      ],
    },
    { field: 'requirements', input: 'textarea', rows: 3 },
    { field: 'suppliedMaterials', input: 'paragraphs', add: 'addMaterial' },
    [
      { field: 'dueDate', input: 'date', span: 8 },
      { field: 'date', input: 'date', span: 8 },
    ],
    [
      { field: 'contactPerson', input: 'text' },
      { field: 'contactPhone', input: 'text' },
      { field: 'agencyAddress', input: 'text' },
    ],
  ],

  prefill({ today, unit, case: c }) {
    const d = c?.detail;
    return {
      organ: '',
      caseName: caseNameOf(d),
      items: [],
      requirements: '',
      suppliedMaterials: [],
      dueDate: today,
      contactPerson: d?.handlerNames[0] ?? '',
      contactPhone: unit.phone,
      agencyAddress: unit.address,
      date: today,
    };
  },

  issueChecks(f, src) {
    const issues = caseDayChecks(src, f.date, ['date']);
    if (!src.case) return issues;
    if (!f.items.length) issues.push({ path: ['items'], key: 'documents.rules.appraisalItemsRequired' });
    if (f.dueDate <= f.date)
      issues.push({ path: ['dueDate'], key: 'documents.rules.dueAfterDate', params: { date: f.date } });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const rows = blank ? [] : f.items.map((it) => [it.name, it.quantity]);
    const materials: Content[] = f.suppliedMaterials.length
      ? f.suppliedMaterials.map((m, i, all) =>
          paragraph(`${i + 1}. ${m.replace(/[。；;.，,]+$/, '')}${i === all.length - 1 ? '。' : '；'}`),
        )
      : [paragraph('无。')];
    const requirements = f.requirements
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    return [
      addresseeLine(f.organ, blank),
      paragraph(
        `本机关在调查${blank ? oneCase('') : oneCase(f.caseName)}过程中，根据《中华人民共和国行政处罚法》第四十六条、第五十四条的规定，现委托你单位对下列物品（事项）进行鉴定：`,
      ),
      itemsTable(
        fonts,
        [
          { title: '名称', width: '*' },
          { title: '数量', width: 110 },
        ],
        rows,
        3,
      ),
      ...(blank
        ? [writeInLine(fonts, '鉴定要求：'), ruledLines(1)]
        : [heading(fonts, '鉴定要求：'), ...requirements.map((p) => paragraph(p))]),
      ...(blank ? [writeInLine(fonts, '提供的材料：'), ruledLines(1)] : [heading(fonts, '提供的材料：'), ...materials]),
      paragraph(
        `请于${dateOrBlank(blank ? null : f.dueDate)}前出具鉴定意见书（由鉴定人签名并加盖鉴定机构印章）送交本机关。`,
      ),
      labelled(fonts, ['联系人', f.contactPerson], ['联系电话', f.contactPhone]),
      labelled(fonts, '本机关地址', f.agencyAddress),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
