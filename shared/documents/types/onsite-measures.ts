import { z } from 'zod';
import {
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
import { remedyClause } from '../wording.ts';

/**
 * 现场处理措施决定书 (安全生产法 第六十五条): what was found on site and the measures decided there —
 * remove the hazard at once; for a 重大事故隐患, withdraw the workers and stop production or the equipment.
 */

/** The power to decide measures on the spot (安全生产法 第六十五条第一款第（三）项): the law's, not the clerk's. */
const ONSITE_BASIS = '《中华人民共和国安全生产法》第六十五条第一款第（三）项';

const onsiteMeasuresFields = z.object({
  enterpriseName: required(z.string().max(100)),
  inspectionDate: isoDate,
  findings: z
    .array(required(z.string().max(1000)))
    .max(50)
    .default([]),
  basis: z.string().trim().max(500).default(''),
  measures: z
    .array(required(z.string().max(1000)))
    .max(20)
    .default([]),
  officers: z.array(officerRef).max(10).default([]),
  date: isoDate,
});

export const onsiteMeasures: DocumentTemplate<typeof onsiteMeasuresFields> = {
  type: 'onsite-measures',
  fields: onsiteMeasuresFields,
  form: [
    [
      { field: 'enterpriseName', input: 'text', span: 12, record: true },
      { field: 'inspectionDate', input: 'date', span: 6 },
      { field: 'date', input: 'date', span: 6 },
    ],
    { field: 'findings', input: 'paragraphs', label: 'violations', add: 'addItem' },
    { field: 'basis', input: 'text', record: true },
    { field: 'measures', input: 'paragraphs', add: 'addMeasure' },
    { field: 'officers', input: 'officers', label: 'officersOrder' },
  ],

  prefill({ today, enterprise, inspection, roster, hazards }) {
    const officers = officersOf(inspection?.officerIds, roster);
    const major = hazards.some((h) => h.level === 'major');
    return {
      enterpriseName: enterprise?.name ?? '',
      inspectionDate: inspectionDay(inspection, today),
      findings: hazards.map((h) => (h.location ? `${h.location}：${h.description}` : h.description)),
      basis: ONSITE_BASIS,
      measures: major
        ? [
            '立即从危险区域内撤出作业人员，暂时停产停业（停止使用相关设施、设备），重大事故隐患排除后经审查同意，方可恢复生产经营和使用。',
          ]
        : ['立即排除上述事故隐患。'],
      officers,
      date: inspectionDay(inspection, today),
    };
  },

  // The unit inspected, as the ledger names it.
  fromRecord: ({ enterprise }) => ({ basis: ONSITE_BASIS, ...(enterprise ? { enterpriseName: enterprise.name } : {}) }),

  issueChecks(f, { roster }) {
    const issues = officerChecks(f.officers, roster, f.date);
    if (!f.findings.length) issues.push({ path: ['findings'], key: 'documents.rules.itemsRequired' });
    if (!f.measures.length) issues.push({ path: ['measures'], key: 'documents.rules.measuresRequired' });
    if (!f.basis) issues.push({ path: ['basis'], key: 'documents.rules.basisRequired' });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    return [
      labelled(fonts, '被检查单位', f.enterpriseName),
      paragraph(
        `本机关于${dateOrBlank(blank ? null : f.inspectionDate)}现场检查时，发现你单位有下列违法违规行为和事故隐患：`,
      ),
      ...f.findings.map((x, i) => paragraph(`${ordinal(i)}、${x}`)),
      paragraph(`依据${f.basis || '　　　　　　'}的规定，现作出如下现场处理决定：`),
      ...f.measures.map((x, i) => paragraph(`${ordinal(i)}、${x}`)),
      paragraph(remedyClause(unit, '决定')),
      officerSignatures('执法人员', f.officers),
      partySignature('被检查单位负责人'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
