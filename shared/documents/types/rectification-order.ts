import { z } from 'zod';
import { chineseDate } from '../../domain/dates.ts';
import {
  BLANK_DATE,
  dateOrBlank,
  labelled,
  officerSignatures,
  ordinal,
  paragraph,
  partySignature,
  sealAndDate,
} from '../layout.ts';
import { type DocumentTemplate, inspectionDay, officerChecks, officerRef, officersOf } from '../template.ts';
import { isoDate, required } from '../../entities/common.ts';
import { RECTIFICATION_DUTIES, remedyClause } from '../wording.ts';

/** 责令限期整改指令书: the problems found, each with its own deadline (安全生产法 第六十五条第（二）项). */

const rectificationOrderFields = z.object({
  enterpriseName: required(z.string().max(100)),
  inspectionDate: isoDate,
  items: z
    .array(
      z.object({
        hazardId: z.number().int().nullable().default(null),
        text: required(z.string().max(1000)),
        deadline: isoDate,
      }),
    )
    .max(50)
    .default([]),
  officers: z.array(officerRef).max(10).default([]),
  date: isoDate,
});

/** 第一、三项问题于2026年11月30日前整改完毕: items sharing a deadline are named together. */
function deadlineSentence(items: { deadline: string }[]): string {
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => groups.set(it.deadline, [...(groups.get(it.deadline) ?? []), i]));
  return (
    [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([d, idx]) => `第${idx.map(ordinal).join('、')}项问题于${chineseDate(d)}前整改完毕`)
      .join('；') + '。'
  );
}

export const rectificationOrder: DocumentTemplate<typeof rectificationOrderFields> = {
  type: 'rectification-order',
  fields: rectificationOrderFields,
  form: [
    [
      { field: 'enterpriseName', input: 'text', span: 12, record: true },
      { field: 'inspectionDate', input: 'date', span: 6 },
      { field: 'date', input: 'date', span: 6 },
    ],
    {
      field: 'items',
      input: 'rows',
      add: 'addItem',
      numbered: true,
      columns: [
        { field: 'text', input: 'textarea', placeholder: 'itemText' },
        { field: 'deadline', input: 'date', width: 170 },
        { field: 'hazardId', input: 'hidden' },
      ],
    },
    { field: 'officers', input: 'officers', label: 'officersOrder' },
  ],

  prefill({ today, enterprise, inspection, roster, hazards }) {
    const officers = officersOf(inspection?.officerIds, roster);
    return {
      enterpriseName: enterprise?.name ?? '',
      inspectionDate: inspectionDay(inspection, today),
      items: hazards
        .filter((h) => h.status === 'open' && h.deadline)
        .map((h) => ({ hazardId: h.id, text: h.description, deadline: h.deadline! })),
      officers,
      date: inspectionDay(inspection, today),
    };
  },

  // The unit inspected, as the ledger names it.
  fromRecord: ({ enterprise }) => (enterprise ? { enterpriseName: enterprise.name } : {}),

  issueChecks(f, { roster }) {
    const issues = officerChecks(f.officers, roster, f.date);
    if (!f.items.length) issues.push({ path: ['items'], key: 'documents.rules.itemsRequired' });
    f.items.forEach((it, i) => {
      if (it.deadline <= f.date)
        issues.push({ path: ['items', i, 'deadline'], key: 'documents.rules.deadlineAfterDate', params: { n: i + 1 } });
    });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    return [
      labelled(fonts, '被检查单位', f.enterpriseName),
      paragraph(
        `本机关于${dateOrBlank(blank ? null : f.inspectionDate)}对你单位进行现场检查，经查，你单位存在下列问题：`,
      ),
      ...(f.items.length
        ? f.items.map((it, i) => paragraph(`${ordinal(i)}、${it.text}`))
        : [paragraph('一、'), paragraph('二、'), paragraph('三、')]),
      paragraph(
        f.items.length
          ? `现责令你单位对上述${deadlineSentence(f.items)}`
          : '现责令你单位对上述第　　项问题于' + BLANK_DATE + '前整改完毕。',
      ),
      paragraph(RECTIFICATION_DUTIES),
      paragraph(remedyClause(unit, '指令')),
      officerSignatures('执法人员', f.officers),
      partySignature('被检查单位负责人'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
