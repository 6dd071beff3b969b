import { z } from 'zod';
import { chineseDate } from '../../domain/dates.ts';
import { issued } from '../../domain/case-procedure.ts';
import type { CaseDetail } from '../../entities/case.ts';
import { itemsTable, labelled, ROOM } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { caseNameOf } from '../case-documents.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';

/**
 * 证据清单: the evidence of the case, item by item, each of one of the eight kinds the law admits
 * (行政处罚法 第四十六条), with where it came from, when it was gathered, its pages and what it proves.
 * Prefilled from the investigation records already issued; the clerk adds the rest (书证, 照片, 鉴定意见).
 */

/** 行政处罚法 第四十六条第一款, in the law's order and wording. */
export const EVIDENCE_KINDS = [
  '书证',
  '物证',
  '视听资料',
  '电子数据',
  '证人证言',
  '当事人的陈述',
  '鉴定意见',
  '勘验笔录、现场笔录',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const item = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  name: required(z.string().max(200)),
  source: optionalText(100),
  collectedOn: isoDate.or(z.literal('')).default(''),
  pages: z.number().int().min(0).max(9999).default(1),
  proves: optionalText(500),
});

const listFields = z.object({
  caseName: required(z.string().max(200)),
  items: z.array(item).max(200).default([]),
  preparedBy: required(z.string().max(50)),
  date: isoDate,
});

/** The records the investigation issued, as evidence of their kind (made by the officers: the number says where from). */
function fromRecords(d: CaseDetail): z.input<typeof item>[] {
  // Who speaks for the party: the 法定代表人 and the persons fined; anyone else questioned is a witness.
  const party = new Set([d.unit.legalRepresentative, ...d.persons.map((p) => p.name)].filter(Boolean));
  const kindOf = (type: string, fields: Record<string, unknown>): EvidenceKind | null => {
    switch (type) {
      case 'inspection-record':
      case 'survey-record':
        return '勘验笔录、现场笔录';
      case 'questioning-record':
        return party.has(String(fields.interviewee ?? '')) ? '当事人的陈述' : '证人证言';
      case 'sampling-receipt':
      case 'evidence-preservation-notice':
        return '物证';
      default:
        return null;
    }
  };
  const named: Record<string, (f: Record<string, unknown>) => string> = {
    'inspection-record': () => '现场检查记录',
    'survey-record': () => '勘验笔录',
    'questioning-record': (f) => `${String(f.interviewee ?? '')}询问笔录（第${String(f.round ?? 1)}次）`,
    'sampling-receipt': () => '抽样取证凭证及样品',
    'evidence-preservation-notice': () => '先行登记保存的物品及其清单',
  };
  return issued(d, ...Object.keys(named)).flatMap((doc) => {
    const kind = kindOf(doc.type, doc.fields);
    if (!kind) return [];
    return [
      {
        kind,
        name: `${named[doc.type](doc.fields)}${doc.numberText ? `（${doc.numberText}）` : ''}`,
        source: '',
        collectedOn: doc.date ?? '',
        // As many pages as it printed on (a 2-page 笔录 is 2 pages of evidence).
        pages: doc.pages ?? 1,
        proves: d.cause.replace(/^涉嫌/, '').replace(/案$/, ''),
      },
    ];
  });
}

export const evidenceList: DocumentTemplate<typeof listFields> = {
  type: 'evidence-list',
  fields: listFields,
  form: [
    { field: 'caseName', input: 'text' },
    {
      field: 'items',
      input: 'rows',
      label: 'evidenceItems',
      add: 'addEvidence',
      numbered: true,
      columns: [
        { field: 'kind', input: 'select', options: EVIDENCE_KINDS, placeholder: 'evidenceKind', width: 150 },
        { field: 'name', input: 'text', placeholder: 'evidenceName' },
        { field: 'source', input: 'text', placeholder: 'evidenceSource', width: 130 },
        { field: 'collectedOn', input: 'date', placeholder: 'collectedOn', width: 140 },
        { field: 'pages', input: 'integer', placeholder: 'pages', width: 70 },
        { field: 'proves', input: 'text', placeholder: 'proves', width: 180 },
      ],
    },
    [
      { field: 'preparedBy', input: 'text', span: 12 },
      { field: 'date', input: 'date', span: 12 },
    ],
  ],

  prefill({ today, inspection, case: c }) {
    const d = c?.detail;
    // The inspection the case came from: its 现场检查记录 is the first record of the facts.
    const inspected =
      inspection && d
        ? [
            {
              kind: '勘验笔录、现场笔录' as const,
              name: `现场检查记录（${chineseDate(inspection.startedAt.slice(0, 10))}检查）`,
              source: '',
              collectedOn: inspection.startedAt.slice(0, 10),
              pages: 1,
              proves: d.cause.replace(/^涉嫌/, '').replace(/案$/, ''),
            },
          ]
        : [];
    const items = d
      ? [...fromRecords(d), ...inspected].sort(
          (a, b) =>
            EVIDENCE_KINDS.indexOf(a.kind) - EVIDENCE_KINDS.indexOf(b.kind) ||
            (a.collectedOn ?? '').localeCompare(b.collectedOn ?? ''),
        )
      : [];
    return { caseName: caseNameOf(d), items, preparedBy: d?.handlerNames[0] ?? '', date: today };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const issues = [];
    if (!f.items.length) issues.push({ path: ['items'], key: 'documents.rules.evidenceRequired' });
    f.items.forEach((x, i) => {
      // Gathered before the list was made, and not before the facts it proves happened.
      if (x.collectedOn && x.collectedOn > f.date)
        issues.push({
          path: ['items', i, 'collectedOn'],
          key: 'documents.rules.evidenceAfterList',
          params: { date: f.date },
        });
    });
    return issues;
  },

  body(f, { fonts, blank }) {
    // The source goes with the name (营业执照复印件（当事人提供）): the name needs the width more than a column of its own.
    const rows = blank
      ? []
      : f.items.map((x) => [
          x.kind,
          x.source ? `${x.name}（${x.source}）` : x.name,
          x.collectedOn ? chineseDate(x.collectedOn) : '',
          x.pages ? String(x.pages) : '',
          x.proves,
        ]);
    return [
      labelled(fonts, '案件名称', blank ? '' : f.caseName),
      itemsTable(
        fonts,
        [
          { title: '证据种类', width: 58 },
          { title: '证据名称及来源', width: '*' },
          { title: '收集日期', width: 86 },
          { title: '页数', width: 26 },
          { title: '证明对象', width: 90 },
        ],
        rows,
        14,
      ),
      labelled(fonts, ['制作人', blank ? '' : f.preparedBy], ['制作日期', blank ? `${ROOM}` : chineseDate(f.date)]),
    ];
  },
};
