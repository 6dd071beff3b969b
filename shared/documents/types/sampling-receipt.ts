import { z } from 'zod';
import { chineseDate } from '../../domain/dates.ts';
import { dateOrBlank, itemsTable, labelled, paragraph, sealAndDate, writeInLine } from '../layout.ts';
import { type DocumentTemplate, officerChecks, officerRef, officersOf } from '../template.ts';
import { addresseeField, caseParty, you } from '../case-violations.ts';
import { partyNameCheck } from '../case-documents.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { caseDayChecks, pairs, refusalChecks, signatureBlock } from './investigation-common.ts';

/**
 * 抽样取证凭证 (行政处罚法 第五十六条: evidence may be collected by taking samples): what was taken
 * from the party, where and when, each sample with its specification, batch and quantity, and what
 * for; two officers and the party sign, and the party keeps a copy as its receipt.
 */

const sampleRow = z.object({
  name: required(z.string().max(100)),
  specification: optionalText(100),
  batchNo: optionalText(100),
  quantity: z.number().int().min(1, { error: 'documents.rules.sampleQuantity' }).max(999_999),
  unitOfMeasure: required(z.string().max(10)),
});

const samplingReceiptFields = z.object({
  party: addresseeField,
  partyName: required(z.string().max(100)),
  address: optionalText(200),
  phone: optionalText(30),
  place: required(z.string().max(200)),
  /** The day the samples were taken, which the receipt bears. */
  date: isoDate,
  samples: z.array(sampleRow).max(50).default([]),
  purpose: required(z.string().max(500)),
  officers: z.array(officerRef).max(6).default([]),
  refusedToSign: z.boolean().default(false),
  refusalNote: optionalText(500),
});

export const samplingReceipt: DocumentTemplate<typeof samplingReceiptFields> = {
  type: 'sampling-receipt',
  fields: samplingReceiptFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'address', input: 'text', span: 12 },
    ],
    [
      { field: 'phone', input: 'text', span: 6 },
      { field: 'place', input: 'text', label: 'samplingPlace', span: 12 },
      { field: 'date', input: 'date', label: 'samplingDate', span: 6 },
    ],
    {
      field: 'samples',
      input: 'rows',
      add: 'addSample',
      numbered: true,
      columns: [
        { field: 'name', input: 'text', placeholder: 'sampleName' },
        { field: 'specification', input: 'text', placeholder: 'itemSpec', width: 140 },
        { field: 'batchNo', input: 'text', placeholder: 'batchNo', width: 140 },
        { field: 'quantity', input: 'integer', placeholder: 'quantity', width: 90 },
        { field: 'unitOfMeasure', input: 'text', placeholder: 'unitOfMeasure', width: 70 },
      ],
    },
    { field: 'purpose', input: 'text' },
    { field: 'officers', input: 'officers', label: 'officersOrder' },
    { field: 'refusedToSign', input: 'checkbox', label: 'partyRefusedToSign' },
    { field: 'refusalNote', input: 'text', when: 'refusedToSign' },
    { field: 'party', input: 'hidden' },
  ],

  prefill({ today, enterprise, inspection, roster, case: c }) {
    const d = c?.detail;
    const party = c?.party ?? 'unit';
    const person = d && party !== 'unit' ? d.persons[party] : undefined;
    const principal = inspection?.present.find((p) => p.role === 'principal') ?? inspection?.present[0];
    return {
      party,
      partyName: (d && caseParty(d, party)?.name) ?? '',
      address: person ? person.address : (d?.unit.address ?? ''),
      phone: person ? person.phone : (principal?.phone ?? enterprise?.contacts[0]?.phone ?? ''),
      place: inspection?.place || d?.unit.address || '',
      date: today,
      samples: [],
      purpose: '委托具有相应资质的机构检验（检测），作为认定案件事实的证据',
      officers: officersOf(d?.handlerIds, roster),
      refusedToSign: false,
      refusalNote: '',
    };
  },

  issueChecks(f, src) {
    const issues = caseDayChecks(src, f.date, ['date']);
    if (!src.case) return issues;
    issues.push(...officerChecks(f.officers, src.roster, f.date));
    if (!f.samples.length) issues.push({ path: ['samples'], key: 'documents.rules.samplesRequired' });
    issues.push(...partyNameCheck(f.partyName, src, f.party));
    issues.push(...refusalChecks(f));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const y = blank ? '你（单位）' : you(f.party);
    const rows = blank
      ? []
      : f.samples.map((s) => [s.name, s.specification, s.batchNo, String(s.quantity), s.unitOfMeasure]);
    return [
      labelled(fonts, '当事人', blank ? '' : f.partyName),
      pairs(fonts, blank, ['地址', f.address], ['联系电话', f.phone]),
      labelled(
        fonts,
        ['抽样地点', blank ? '' : f.place],
        ['抽样日期', blank ? dateOrBlank(null) : chineseDate(f.date)],
      ),
      paragraph(`根据《中华人民共和国行政处罚法》第五十六条的规定，本机关依法对${y}的下列物品抽样取证：`),
      itemsTable(
        fonts,
        [
          { title: '样品名称', width: '*' },
          { title: '规格（型号）', width: 80 },
          { title: '批号（编号）', width: 80 },
          { title: '数量', width: 40 },
          { title: '单位', width: 36 },
        ],
        rows,
      ),
      blank ? writeInLine(fonts, '抽样目的：') : labelled(fonts, '抽样目的', f.purpose.replace(/[。.]$/, '') + '。'),
      ...(f.refusedToSign && !blank
        ? [
            paragraph(
              `当事人拒绝在本凭证上签名${f.refusalNote ? `（${f.refusalNote.replace(/[。.]$/, '')}）` : ''}，执法人员已在本凭证上注明。`,
            ),
          ]
        : []),
      signatureBlock([{ label: '当事人' }, { officer: '执法人员', officers: blank ? [] : f.officers }]),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
