import { z } from 'zod';
import { chineseDateTime, chineseTime } from '../../domain/dates.ts';
import { labelled, officerSignatures, paragraph, partySignature, ruledLines, sealAndDate } from '../layout.ts';
import { type DocumentTemplate, inspectionDay, officerChecks, officerRef, officersOf } from '../template.ts';
import { isoDate, localDateTime, optionalText, required } from '../../entities/common.ts';

/** 现场检查记录 (安全生产法 第六十八条: time, place, content, problems found and how they were handled). */

const inspectionRecordFields = z.object({
  enterpriseName: required(z.string().max(100)),
  address: optionalText(200),
  representative: optionalText(50),
  representativePost: optionalText(50),
  phone: optionalText(30),
  place: optionalText(200),
  startedAt: localDateTime,
  endedAt: localDateTime.or(z.literal('')).default(''),
  agency: required(z.string().max(60)),
  officers: z.array(officerRef).max(10).default([]),
  findings: z.string().max(20_000, { error: 'validation.tooLong' }).default(''),
  refusedToSign: z.boolean().default(false),
  refusalNote: optionalText(500),
  date: isoDate,
});

export function timeRange(start: string, end: string): string {
  if (!end) return chineseDateTime(start);
  return start.slice(0, 10) === end.slice(0, 10)
    ? `${chineseDateTime(start)}至${chineseTime(end)}`
    : `${chineseDateTime(start)}至${chineseDateTime(end)}`;
}

export const inspectionRecord: DocumentTemplate<typeof inspectionRecordFields> = {
  type: 'inspection-record',
  fields: inspectionRecordFields,
  form: [
    [
      { field: 'enterpriseName', input: 'text', record: true },
      { field: 'address', input: 'text' },
    ],
    [
      { field: 'representative', input: 'text' },
      { field: 'representativePost', input: 'text' },
      { field: 'phone', input: 'text' },
    ],
    [
      { field: 'place', input: 'text' },
      { field: 'startedAt', input: 'datetime' },
      { field: 'endedAt', input: 'datetime' },
    ],
    [
      { field: 'agency', input: 'text', span: 16 },
      { field: 'date', input: 'date', span: 8 },
    ],
    { field: 'officers', input: 'officers' },
    { field: 'findings', input: 'textarea', rows: 10 },
    { field: 'refusedToSign', input: 'checkbox' },
    { field: 'refusalNote', input: 'text', when: 'refusedToSign' },
  ],

  prefill({ today, unit, enterprise, inspection, roster }) {
    const officers = officersOf(inspection?.officerIds, roster);
    const principal = inspection?.present.find((p) => p.role === 'principal') ?? inspection?.present[0];
    return {
      enterpriseName: enterprise?.name ?? '',
      address: enterprise?.address ?? '',
      representative: principal?.name ?? enterprise?.principal ?? enterprise?.legalRepresentative ?? '',
      representativePost: principal?.post ?? '',
      phone: principal?.phone ?? enterprise?.contacts[0]?.phone ?? '',
      place: inspection?.place ?? enterprise?.address ?? '',
      startedAt: inspection?.startedAt ?? `${today}T09:00`,
      endedAt: inspection?.endedAt ?? '',
      agency: unit.agencyName,
      officers,
      findings: inspection?.findings ?? '',
      refusedToSign: inspection?.refusedToSign ?? false,
      refusalNote: inspection?.refusalNote ?? '',
      date: inspectionDay(inspection, today),
    };
  },

  // The unit inspected, as the ledger names it.
  fromRecord: ({ enterprise }) => (enterprise ? { enterpriseName: enterprise.name } : {}),

  issueChecks(f, { roster }) {
    const issues = officerChecks(f.officers, roster, f.startedAt.slice(0, 10));
    if (!f.findings.trim()) issues.push({ path: ['findings'], key: 'documents.rules.findingsRequired' });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const names = f.officers.map((o) => o.name).join('、') || '　　　　';
    const certs = f.officers.map((o) => o.certificateNo).join('、') || '　　　　';
    const findings = f.findings
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    return [
      labelled(fonts, '被检查单位', f.enterpriseName),
      labelled(fonts, '地址', f.address),
      labelled(
        fonts,
        ['法定代表人（负责人）', f.representative],
        ['职务', f.representativePost],
        ['联系电话', f.phone],
      ),
      labelled(fonts, '检查场所', f.place),
      labelled(
        fonts,
        '检查时间',
        blank ? '　　年　　月　　日　　时　　分至　　时　　分' : timeRange(f.startedAt, f.endedAt),
      ),
      labelled(fonts, '检查机关', f.agency),
      paragraph(
        `我们是${unit.agencyName}的行政执法人员${names}，证件号码为${certs}，已向你出示证件。现依法对你单位进行现场检查，请予以配合。`,
      ),
      { text: '检查情况：', font: fonts.roles.heading, margin: [0, 6, 0, 2] },
      ...(findings.length ? findings.map((p) => paragraph(p)) : blank ? [ruledLines(12)] : [paragraph('　')]),
      ...(f.refusedToSign
        ? [
            paragraph(
              `被检查单位负责人拒绝在本记录上签字${f.refusalNote ? `（${f.refusalNote}）` : ''}，检查人员已记录在案并报告本机关。`,
            ),
          ]
        : []),
      officerSignatures('检查人员', f.officers),
      partySignature('被检查单位现场负责人'),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
