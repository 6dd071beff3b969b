import { z } from 'zod';
import { chineseDate } from '../../domain/dates.ts';
import { labelled, officerSignatures, ordinal, paragraph, partySignature, ruledLines, sealAndDate } from '../layout.ts';
import { type DocumentTemplate, inspectionDay, officerChecks, officerRef, officersOf } from '../template.ts';
import { isoDate, required } from '../../entities/common.ts';

/** 整改复查意见书: the re-inspection's opinion, referring back to the order's number and date. */

const recheckOpinionFields = z.object({
  enterpriseName: required(z.string().max(100)),
  originalDate: isoDate.or(z.literal('')).default(''),
  originalNumber: z.string().trim().max(60).default(''),
  opinion: z.string().max(20_000, { error: 'validation.tooLong' }).default(''),
  officers: z.array(officerRef).max(10).default([]),
  date: isoDate,
});

export const recheckOpinion: DocumentTemplate<typeof recheckOpinionFields> = {
  type: 'recheck-opinion',
  fields: recheckOpinionFields,
  form: [
    [
      { field: 'enterpriseName', input: 'text', label: 'recheckedUnit', record: true },
      { field: 'date', input: 'date' },
    ],
    [
      { field: 'originalNumber', input: 'text' },
      { field: 'originalDate', input: 'date' },
    ],
    { field: 'opinion', input: 'textarea', rows: 8 },
    { field: 'officers', input: 'officers', label: 'officersOrder' },
  ],

  prefill({ today, enterprise, inspection, roster, hazards, originalOrder }) {
    const officers = officersOf(inspection?.officerIds, roster);
    const lines = hazards.map(
      (h, i) =>
        `${ordinal(i)}、${h.description}：${h.status === 'rectified' ? '已整改完毕' : h.status === 'not-rectified' ? '未按期整改' : '待复查'}${h.recheckNote ? `（${h.recheckNote}）` : ''}。`,
    );
    return {
      enterpriseName: enterprise?.name ?? '',
      originalDate: originalOrder?.date ?? '',
      originalNumber: originalOrder?.numberText ?? '',
      opinion: lines.join('\n'),
      officers,
      date: inspectionDay(inspection, today),
    };
  },

  // The unit inspected, as the ledger names it.
  fromRecord: ({ enterprise }) => (enterprise ? { enterpriseName: enterprise.name } : {}),

  issueChecks(f, { roster }) {
    const issues = officerChecks(f.officers, roster, f.date);
    if (!f.originalNumber) issues.push({ path: ['originalNumber'], key: 'documents.rules.originalNumberRequired' });
    if (!f.originalDate) issues.push({ path: ['originalDate'], key: 'documents.rules.originalDateRequired' });
    if (!f.opinion.trim()) issues.push({ path: ['opinion'], key: 'documents.rules.opinionRequired' });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const ref =
      blank || !f.originalDate
        ? '本机关于　　年　　月　　日作出了《责令限期整改指令书》（　　　　〔　　〕　　号），经对你单位整改情况进行复查，提出如下意见：'
        : `本机关于${chineseDate(f.originalDate)}作出了《责令限期整改指令书》（${f.originalNumber}），经对你单位整改情况进行复查，提出如下意见：`;
    const opinion = f.opinion
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    return [
      labelled(fonts, '被复查单位', f.enterpriseName),
      paragraph(ref),
      ...(opinion.length ? opinion.map((p) => paragraph(p)) : [ruledLines(10)]),
      partySignature('被复查单位负责人'),
      officerSignatures('执法人员', f.officers),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
