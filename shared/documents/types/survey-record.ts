import { z } from 'zod';
import { heading, labelled, paragraph, ROOM, ruledLines } from '../layout.ts';
import { type DocumentTemplate, officerChecks, officerRef, officersOf } from '../template.ts';
import { localDateTime, optionalText, required } from '../../entities/common.ts';
import { timeRange } from './inspection-record.ts';
import {
  BLANK_TIME_RANGE,
  caseDayChecks,
  namesOf,
  oneCase,
  pairs,
  refusalChecks,
  signatureBlock,
  timeRangeChecks,
} from './investigation-common.ts';
import { caseNameOf } from '../case-documents.ts';

/**
 * 勘验笔录: what at least two officers found on examining a place, equipment or goods for a case
 * (行政处罚法 第四十二条、第五十五条; 勘验笔录 is evidence under 第四十六条): when, where, what was
 * examined, who was there for the party and as witness, what was found, the photographs and
 * drawings attached, and the signatures. Where the party's person is absent or refuses to sign, a
 * witness signs.
 */

const surveyRecordFields = z.object({
  caseName: required(z.string().max(200)),
  startedAt: localDateTime,
  endedAt: localDateTime.or(z.literal('')).default(''),
  place: required(z.string().max(200)),
  weather: optionalText(50),
  /** The place, installation, equipment or goods examined. */
  subject: required(z.string().max(300)),
  officers: z.array(officerRef).max(6).default([]),
  recorder: required(z.string().max(50)),
  /** The party's person present (当事人或者其负责人、现场负责人). */
  partyPresent: optionalText(50),
  partyPresentPost: optionalText(100),
  witness: optionalText(50),
  witnessUnit: optionalText(100),
  findings: z.string().max(20_000, { error: 'validation.tooLong' }).default(''),
  photos: z.number().int().min(0).max(9999).default(0),
  drawings: z.number().int().min(0).max(999).default(0),
  refusedToSign: z.boolean().default(false),
  refusalNote: optionalText(500),
});

const day = (f: { startedAt: string }) => f.startedAt.slice(0, 10);

export const surveyRecord: DocumentTemplate<typeof surveyRecordFields> = {
  type: 'survey-record',
  pageSignature: '当事人',
  fields: surveyRecordFields,
  documentDate: day,
  form: [
    { field: 'caseName', input: 'text' },
    [
      { field: 'startedAt', input: 'datetime', label: 'surveyStartedAt' },
      { field: 'endedAt', input: 'datetime', label: 'surveyEndedAt' },
      { field: 'weather', input: 'text' },
    ],
    [
      { field: 'place', input: 'text', label: 'surveyPlace' },
      { field: 'subject', input: 'text' },
    ],
    { field: 'officers', input: 'officers', label: 'surveyors' },
    [
      { field: 'recorder', input: 'text', span: 8 },
      { field: 'partyPresent', input: 'text', span: 8 },
      { field: 'partyPresentPost', input: 'text', span: 8 },
    ],
    [
      { field: 'witness', input: 'text', span: 8 },
      { field: 'witnessUnit', input: 'text', span: 16 },
    ],
    { field: 'findings', input: 'textarea', label: 'surveyFindings', rows: 10 },
    [
      { field: 'photos', input: 'integer' },
      { field: 'drawings', input: 'integer' },
    ],
    { field: 'refusedToSign', input: 'checkbox', label: 'partyRefusedToSign' },
    { field: 'refusalNote', input: 'text', when: 'refusedToSign' },
  ],

  prefill({ today, enterprise, inspection, roster, case: c }) {
    const d = c?.detail;
    const officers = officersOf(d?.handlerIds, roster);
    const principal = inspection?.present.find((p) => p.role === 'principal') ?? inspection?.present[0];
    return {
      caseName: caseNameOf(d),
      startedAt: `${today}T09:00`,
      endedAt: '',
      place: inspection?.place || d?.unit.address || enterprise?.address || '',
      weather: '',
      subject: '',
      officers,
      recorder: officers[1]?.name ?? '',
      partyPresent: principal?.name ?? enterprise?.principal ?? '',
      partyPresentPost: principal?.post ?? '',
      witness: '',
      witnessUnit: '',
      findings: '',
      photos: 0,
      drawings: 0,
      refusedToSign: false,
      refusalNote: '',
    };
  },

  issueChecks(f, src) {
    const issues = caseDayChecks(src, day(f), ['startedAt']);
    if (!src.case) return issues;
    issues.push(...officerChecks(f.officers, src.roster, day(f)));
    issues.push(...timeRangeChecks(f.startedAt, f.endedAt, src.today));
    if (!f.findings.trim()) issues.push({ path: ['findings'], key: 'documents.rules.surveyFindingsRequired' });
    // Someone other than the officers attests the record when the party does not.
    if ((!f.partyPresent || f.refusedToSign) && !f.witness)
      issues.push({ path: ['witness'], key: 'documents.rules.witnessRequired' });
    issues.push(...refusalChecks(f));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const v = (s: string) => (blank ? '' : s);
    const findings = f.findings
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    const count = (n: number) => (blank ? '　　' : String(n));
    // 王明（总经理）: a person with their unit and post; on a blank form, room for both.
    const person = (label: string, name: string, post: string, none: string) =>
      blank
        ? labelled(fonts, [label, ''], ['单位及职务', ''])
        : labelled(fonts, label, name ? `${name}${post ? `（${post}）` : ''}` : none);
    return [
      labelled(fonts, '案件名称', v(f.caseName)),
      labelled(fonts, '勘验时间', blank ? BLANK_TIME_RANGE : timeRange(f.startedAt, f.endedAt)),
      pairs(fonts, blank, ['勘验场所', f.place], ['天气情况', f.weather]),
      labelled(fonts, '勘验对象', v(f.subject)),
      labelled(fonts, ['勘验人', v(f.officers.map((o) => o.name).join('、'))], ['工作单位', unit.agencyName]),
      person('当事人（到场人）', f.partyPresent, f.partyPresentPost, '未到场'),
      person('见证人', f.witness, f.witnessUnit, '无'),
      labelled(fonts, '记录人', v(f.recorder)),
      // A blank form names no one mid-sentence: the 勘验人 and their 执法证号 are written in above and in the signatures.
      paragraph(
        blank
          ? `我们是${unit.agencyName}的行政执法人员，已出示执法证件。现依法对上述勘验对象进行勘验，请予以配合。`
          : `我们是${unit.agencyName}的行政执法人员${namesOf(f.officers)}，执法证号分别为${f.officers.map((o) => o.certificateNo).join('、') || ROOM}，已出示执法证件。现依法对${f.subject}进行勘验，以调查${oneCase(f.caseName)}的有关情况，请予以配合。`,
      ),
      heading(fonts, '勘验情况：'),
      ...(findings.length && !blank ? findings.map((p) => paragraph(p)) : blank ? [ruledLines(14)] : [paragraph('　')]),
      paragraph(`附：现场照片${count(f.photos)}张，现场图${count(f.drawings)}张。`, { indent: false }),
      ...(f.refusedToSign && !blank
        ? [
            paragraph(
              `当事人（到场人）拒绝在本笔录上签名${f.refusalNote ? `（${f.refusalNote.replace(/[。.]$/, '')}）` : ''}，${f.witness ? `已由见证人${f.witness}见证，` : ''}勘验人已在笔录上注明。`,
            ),
          ]
        : []),
      signatureBlock([
        { label: '当事人' },
        { label: '见证人' },
        { officer: '勘验人', officers: blank ? [] : f.officers },
        { label: '记录人' },
      ]),
    ];
  },
};
