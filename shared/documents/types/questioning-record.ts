import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces.js';
import { type FontSet, labelled, paragraph, ROOM, ruledLines, writeInLine } from '../layout.ts';
import { type DocumentTemplate, officerChecks, officerRef, officersOf } from '../template.ts';
import { localDateTime, optionalText, required } from '../../entities/common.ts';
import { timeRange } from './inspection-record.ts';
import { fromIdNumber } from './penalty-decision.ts';
import {
  BLANK_TIME_RANGE,
  caseDayChecks,
  genderAndAge,
  identityChecks,
  namesOf,
  oneCase,
  pairs,
  refusalChecks,
  signatureBlock,
  timeRangeChecks,
} from './investigation-common.ts';
import { caseNameOf } from '../case-documents.ts';

/**
 * 询问笔录: one interviewee per record (案卷评查), questioned by at least two officers who show their
 * 证件 (行政处罚法 第四十二条、第五十五条). The opening tells the interviewee who is asking and why, the
 * duty to answer truthfully and the right to refuse questions unrelated to the case, the consequence
 * of a false statement, and the right to ask for a recusal (第四十三条), with the answers recorded.
 * The questions and answers follow; the interviewee reads the record, may correct it and signs it.
 */

const qaRow = z.object({
  question: required(z.string().max(2000)),
  answer: required(z.string().max(8000)),
});

const questioningRecordFields = z.object({
  caseName: required(z.string().max(200)),
  startedAt: localDateTime,
  endedAt: localDateTime.or(z.literal('')).default(''),
  /** 第N次询问 of this interviewee in the case. */
  round: z.number().int().min(1).max(99).default(1),
  place: required(z.string().max(200)),
  interviewee: required(z.string().max(50)),
  gender: z.enum(['', '男', '女']).default(''),
  age: z.number().int().min(0).max(150).nullable().default(null),
  idNumber: optionalText(18),
  employer: optionalText(100),
  post: optionalText(50),
  homeAddress: optionalText(200),
  phone: optionalText(30),
  officers: z.array(officerRef).max(6).default([]),
  recorder: required(z.string().max(50)),
  present: optionalText(100),
  /** The interviewee's answer: whether the statement of rights and duties was understood. */
  understood: required(z.string().max(200)),
  /** The interviewee's answer: whether a recusal is asked for (and of whom, why). */
  recusalAnswer: required(z.string().max(500)),
  qa: z.array(qaRow).max(200).default([]),
  refusedToSign: z.boolean().default(false),
  refusalNote: optionalText(500),
});
type QuestioningFields = z.output<typeof questioningRecordFields>;

const day = (f: Pick<QuestioningFields, 'startedAt'>) => f.startedAt.slice(0, 10);

/** 问：… / 答：… with the labels in the heading face. */
function qa(fonts: FontSet, label: '问' | '答', text: string): Content {
  return {
    text: [{ text: `${label}：`, font: fonts.roles.heading }, text],
    margin: [0, 2, 0, 2],
    alignment: 'justify',
  } as Content;
}

/**
 * What the officers say first, in the record as a question. A blank form names no one in it (the
 * 询问人 and their 执法证号 are written in above and in the signatures), so nothing is left to fill in
 * mid-sentence.
 */
function opening(f: QuestioningFields, agency: string, blank: boolean): string {
  const who = blank
    ? `我们是${agency}的行政执法人员，这是我们的执法证件（出示证件）。现依法就上述案件向你调查了解有关情况。`
    : `我们是${agency}的行政执法人员${namesOf(f.officers)}，执法证号分别为${f.officers.map((o) => o.certificateNo).join('、') || ROOM}，这是我们的执法证件（出示证件）。现依法就${oneCase(f.caseName)}向你调查了解有关情况。`;
  return (
    `${who}根据《中华人民共和国行政处罚法》第五十五条的规定，你应当如实回答询问，并协助调查，不得拒绝或者阻挠；对与本案无关的问题，你有权拒绝回答。` +
    '如果作虚假陈述或者隐瞒事实，你将依法承担相应的法律责任。以上内容你听清楚了吗？'
  );
}

const RECUSAL =
  '根据《中华人民共和国行政处罚法》第四十三条的规定，你认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避。你是否申请执法人员回避？';

export const questioningRecord: DocumentTemplate<typeof questioningRecordFields> = {
  type: 'questioning-record',
  pageSignature: '被询问人',
  fields: questioningRecordFields,
  documentDate: day,
  form: [
    { field: 'caseName', input: 'text' },
    [
      { field: 'startedAt', input: 'datetime', label: 'questioningStartedAt', span: 8 },
      { field: 'endedAt', input: 'datetime', label: 'questioningEndedAt', span: 8 },
      { field: 'round', input: 'integer', span: 8 },
    ],
    { field: 'place', input: 'text', label: 'questioningPlace' },
    [
      { field: 'interviewee', input: 'text', span: 6 },
      { field: 'gender', input: 'select', options: ['男', '女'], span: 3 },
      { field: 'age', input: 'integer', span: 3 },
      { field: 'idNumber', input: 'text', span: 12 },
    ],
    [
      { field: 'employer', input: 'text', span: 12 },
      { field: 'post', input: 'text', span: 6 },
      { field: 'phone', input: 'text', span: 6 },
    ],
    { field: 'homeAddress', input: 'text' },
    { field: 'officers', input: 'officers', label: 'questioners' },
    [
      { field: 'recorder', input: 'text' },
      { field: 'present', input: 'text' },
    ],
    [
      { field: 'understood', input: 'text' },
      { field: 'recusalAnswer', input: 'text' },
    ],
    {
      field: 'qa',
      input: 'rows',
      add: 'addQuestion',
      columns: [
        { field: 'question', input: 'textarea', placeholder: 'question' },
        { field: 'answer', input: 'textarea', placeholder: 'answer' },
      ],
    },
    { field: 'refusedToSign', input: 'checkbox', label: 'intervieweeRefused' },
    { field: 'refusalNote', input: 'text', when: 'refusedToSign' },
  ],

  prefill({ today, unit, enterprise, inspection, roster, case: c }) {
    const d = c?.detail;
    const officers = officersOf(d?.handlerIds, roster);
    // The time and place the 询问通知书 set, and the person it summoned.
    const notice = d?.documents
      .filter((x) => x.type === 'questioning-notice' && x.status === 'issued' && !x.superseded)
      .at(-1)?.fields;
    const summoned = notice?.addresseeIsPerson ? String(notice.addressee ?? '') : '';
    const person = d?.persons.find((p) => p.name === summoned) ?? (summoned ? undefined : d?.persons[0]);
    const principal = inspection?.present.find((p) => p.role === 'principal') ?? inspection?.present[0];
    const idNumber = person?.idNumber ?? '';
    const given = idNumber ? fromIdNumber(idNumber, today) : { gender: '', age: '' };
    const interviewee =
      summoned || person?.name || principal?.name || enterprise?.principal || d?.unit.legalRepresentative || '';
    // 第N次询问: after the records of this interviewee already issued in the case.
    const earlier =
      d?.documents.filter(
        (x) =>
          x.type === 'questioning-record' &&
          x.status === 'issued' &&
          !x.superseded &&
          x.fields.interviewee === interviewee,
      ).length ?? 0;
    return {
      caseName: caseNameOf(d),
      startedAt: typeof notice?.questioningAt === 'string' ? notice.questioningAt : `${today}T09:00`,
      endedAt: '',
      round: earlier + 1,
      place: typeof notice?.place === 'string' ? notice.place : unit.address,
      interviewee,
      gender: given.gender as '' | '男' | '女',
      age: given.age ? Number(given.age) : null,
      idNumber,
      employer: d?.unit.name ?? enterprise?.name ?? '',
      post: person?.post ?? principal?.post ?? '',
      homeAddress: person?.address ?? '',
      phone: person?.phone ?? principal?.phone ?? '',
      officers,
      recorder: officers[1]?.name ?? '',
      present: '',
      understood: '',
      recusalAnswer: '',
      qa: [],
      refusedToSign: false,
      refusalNote: '',
    };
  },

  issueChecks(f, src) {
    const issues = caseDayChecks(src, day(f), ['startedAt']);
    if (!src.case) return issues;
    issues.push(...officerChecks(f.officers, src.roster, day(f)));
    issues.push(...timeRangeChecks(f.startedAt, f.endedAt, src.today));
    issues.push(...identityChecks(f, day(f)));
    if (!f.qa.length) issues.push({ path: ['qa'], key: 'documents.rules.questionsRequired' });
    issues.push(...refusalChecks(f));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const v = (s: string) => (blank ? '' : s);
    const { gender, age } = genderAndAge(f, day(f));
    return [
      labelled(fonts, '案件名称', v(f.caseName)),
      // A blank form has no room left on the time line for the round (第几次询问): it goes after the place.
      labelled(
        fonts,
        '询问时间',
        blank ? BLANK_TIME_RANGE : timeRange(f.startedAt, f.endedAt) + '　　第' + f.round + '次询问',
      ),
      blank ? labelled(fonts, '询问地点', '　'.repeat(14) + '第　　次询问') : labelled(fonts, '询问地点', f.place),
      pairs(fonts, blank, ['被询问人', f.interviewee], ['性别', gender], ['年龄', age]),
      pairs(fonts, blank, ['身份证号', f.idNumber], ['联系电话', f.phone]),
      pairs(fonts, blank, ['工作单位', f.employer], ['职务', f.post]),
      labelled(fonts, '住址', v(f.homeAddress)),
      labelled(fonts, ['询问人', v(f.officers.map((o) => o.name).join('、'))], ['工作单位', unit.agencyName]),
      labelled(fonts, ['记录人', v(f.recorder)], ['在场人', v(f.present) || (blank ? '' : '无')]),
      qa(fonts, '问', opening(f, unit.agencyName, blank)),
      blank ? writeInLine(fonts, '答：') : qa(fonts, '答', f.understood),
      qa(fonts, '问', RECUSAL),
      blank ? writeInLine(fonts, '答：') : qa(fonts, '答', f.recusalAnswer),
      ...(blank ? [ruledLines(16)] : f.qa.flatMap((r) => [qa(fonts, '问', r.question), qa(fonts, '答', r.answer)])),
      qa(
        fonts,
        '问',
        '以上笔录请你核对（或者已向你宣读）。如有遗漏或者差错，可以补充或者更正；无误的，请写明“以上笔录我已看过，与我所说的相符”并签名。',
      ),
      writeInLine(fonts, '答：'),
      ...(f.refusedToSign && !blank
        ? [
            paragraph(
              `被询问人拒绝在本笔录上签名${f.refusalNote ? `（${f.refusalNote.replace(/[。.]$/, '')}）` : ''}，询问人已在笔录上注明。`,
            ),
          ]
        : []),
      signatureBlock([
        { label: '被询问人' },
        { officer: '询问人', officers: blank ? [] : f.officers },
        { label: '记录人' },
      ]),
    ];
  },
};
