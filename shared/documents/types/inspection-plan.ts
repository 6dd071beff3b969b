import { z } from 'zod';
import { INSPECTION_KINDS } from '../../base/vocabulary.ts';
import { dateOrBlank, labelled, paragraph, ruledLines } from '../layout.ts';
import type { Content } from 'pdfmake/interfaces.js';
import { type DocumentTemplate, inspectionDay, officerChecks, officerRef, officersOf } from '../template.ts';
import { isoDate, required } from '../../entities/common.ts';

/** 现场检查方案 (internal): whom, when, who goes, what is checked and how; approved before the visit. */

const inspectionPlanFields = z.object({
  enterpriseName: required(z.string().max(100)),
  address: z.string().trim().max(200).default(''),
  plannedDate: isoDate,
  method: z.string().trim().max(100).default(''),
  officers: z.array(officerRef).max(10).default([]),
  experts: z.string().trim().max(200).default(''),
  content: z.string().max(10_000, { error: 'validation.tooLong' }).default(''),
  date: isoDate,
});

export const inspectionPlan: DocumentTemplate<typeof inspectionPlanFields> = {
  type: 'inspection-plan',
  fields: inspectionPlanFields,
  form: [
    [
      { field: 'enterpriseName', input: 'text', record: true },
      { field: 'address', input: 'text' },
    ],
    [
      { field: 'plannedDate', input: 'date' },
      { field: 'method', input: 'text' },
      { field: 'date', input: 'date' },
    ],
    { field: 'officers', input: 'officers', label: 'officersOrder' },
    { field: 'experts', input: 'text' },
    { field: 'content', input: 'textarea', rows: 8 },
  ],

  prefill({ today, enterprise, inspection, roster, hazards }) {
    const officers = officersOf(inspection?.officerIds, roster);
    return {
      enterpriseName: enterprise?.name ?? '',
      address: enterprise?.address ?? '',
      plannedDate: inspectionDay(inspection, today),
      method: inspection ? INSPECTION_KINDS[inspection.kind] : '',
      officers,
      experts:
        inspection?.experts
          .map((x) => {
            const about = [x.title, x.organisation].filter(Boolean).join('，');
            return about ? `${x.name}（${about}）` : x.name;
          })
          .join('、') ?? '',
      // A plan for a 复查 lists the hazards to re-check; any other plan is written by the officer.
      content: inspection?.recheckOf ? hazards.map((h, i) => `${i + 1}. 复查：${h.description}`).join('\n') : '',
      date: today,
    };
  },

  // The unit inspected, as the ledger names it.
  fromRecord: ({ enterprise }) => (enterprise ? { enterpriseName: enterprise.name } : {}),

  issueChecks(f, { roster }) {
    const issues = officerChecks(f.officers, roster, f.plannedDate);
    if (!f.content.trim()) issues.push({ path: ['content'], key: 'documents.rules.contentRequired' });
    return issues;
  },

  body(f, { fonts, blank }) {
    const content = f.content
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    const approval: Content = {
      table: {
        widths: [90, '*'],
        body: [
          [
            { text: '承办人意见', font: fonts.roles.heading },
            { text: '\n\n签名：　　　　　　　　年　　月　　日', alignment: 'right' },
          ],
          [
            { text: '审核意见', font: fonts.roles.heading },
            { text: '\n\n签名：　　　　　　　　年　　月　　日', alignment: 'right' },
          ],
        ],
      },
      margin: [0, 14, 0, 0],
    } as Content;
    return [
      labelled(fonts, '被检查单位', f.enterpriseName),
      labelled(fonts, '地址', f.address),
      labelled(fonts, ['检查时间', dateOrBlank(blank ? null : f.plannedDate)], ['检查方式', f.method]),
      labelled(fonts, '检查人员', f.officers.map((o) => `${o.name}（执法证号${o.certificateNo}）`).join('、')),
      labelled(fonts, '随同专家', f.experts),
      { text: '检查内容：', font: fonts.roles.heading, margin: [0, 6, 0, 2] },
      ...(content.length ? content.map((p) => paragraph(p)) : [ruledLines(8)]),
      approval,
    ];
  },
};
