import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces.js';
import { chineseDateTime } from '../../domain/dates.ts';
import { addCalendarDays } from '../../domain/workdays.ts';
import { addresseeLine, labelled, paragraph, ROOM, sealAndDate } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { isoDate, localDateTime, optionalText, required } from '../../entities/common.ts';
import { caseDayChecks, oneCase } from './investigation-common.ts';
import { caseNameOf } from '../case-documents.ts';

/**
 * 询问通知书: a unit or a person asked to come at a set time and place to be questioned about a case,
 * with the materials to bring. 行政处罚法 第五十五条: the party and those concerned answer truthfully
 * and assist the investigation; 安全生产法 第六十六条: a unit cooperates with the officers and does
 * not refuse or obstruct them.
 */

/** What a unit is usually asked to bring; the clerk adds the case's own papers. */
const MATERIALS = [
  '营业执照副本及复印件',
  '法定代表人（主要负责人）身份证明；委托他人接受询问的，提交授权委托书及受委托人身份证',
  '被询问人居民身份证及复印件',
  '与本案有关的安全生产责任制、管理制度、操作规程、台账等材料',
];

const questioningNoticeFields = z.object({
  addressee: required(z.string().max(100)),
  /** Addressed to a person (你) rather than to a unit (你单位, who sends someone). */
  addresseeIsPerson: z.boolean().default(false),
  caseName: required(z.string().max(200)),
  questioningAt: localDateTime,
  place: required(z.string().max(200)),
  materialsToBring: z
    .array(required(z.string().max(300)))
    .max(20)
    .default([]),
  contactPerson: required(z.string().max(50)),
  contactPhone: required(z.string().max(30)),
  agencyAddress: optionalText(200),
  date: isoDate,
});

export const questioningNotice: DocumentTemplate<typeof questioningNoticeFields> = {
  type: 'questioning-notice',
  fields: questioningNoticeFields,
  form: [
    [
      { field: 'addressee', input: 'text', span: 16 },
      { field: 'addresseeIsPerson', input: 'checkbox', span: 8 },
    ],
    { field: 'caseName', input: 'text' },
    [
      { field: 'questioningAt', input: 'datetime', span: 8 },
      { field: 'place', input: 'text', label: 'questioningPlace', span: 16 },
    ],
    { field: 'materialsToBring', input: 'paragraphs', add: 'addMaterial' },
    [
      { field: 'contactPerson', input: 'text' },
      { field: 'contactPhone', input: 'text' },
      { field: 'agencyAddress', input: 'text' },
    ],
    [{ field: 'date', input: 'date', span: 8 }],
  ],

  prefill({ today, unit, case: c }) {
    const d = c?.detail;
    return {
      addressee: d?.unit.name ?? '',
      addresseeIsPerson: false,
      caseName: caseNameOf(d),
      // Time to arrange the visit: three days on, in office hours.
      questioningAt: `${addCalendarDays(today, 3)}T09:00`,
      place: unit.address,
      materialsToBring: [...MATERIALS],
      contactPerson: d?.handlerNames[0] ?? '',
      contactPhone: unit.phone,
      agencyAddress: unit.address,
      date: today,
    };
  },

  issueChecks(f, src) {
    const issues = caseDayChecks(src, f.date, ['date']);
    if (!src.case) return issues;
    // The addressee must have the notice before the questioning.
    if (f.questioningAt.slice(0, 10) < f.date)
      issues.push({
        path: ['questioningAt'],
        key: 'documents.rules.questioningBeforeNotice',
        params: { date: f.date },
      });
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const y = blank ? '你（单位）' : f.addresseeIsPerson ? '你' : '你单位';
    const who = blank ? '你（单位）' : f.addresseeIsPerson ? '你' : '你单位派员';
    const when = blank ? '　　年　　月　　日　　时　　分' : chineseDateTime(f.questioningAt);
    const materials: Content[] = blank
      ? // The usual materials to tick, and lines for others.
        [
          ...f.materialsToBring.map((m) => paragraph(`□ ${m}`)),
          ...[0, 1].map(
            () =>
              ({
                table: {
                  widths: ['auto', '*'],
                  body: [[{ text: '□' }, { text: '', border: [false, false, false, true] }]],
                },
                layout: 'fillIn',
                margin: [28, 0, 0, 2],
              }) as Content,
          ),
        ]
      : f.materialsToBring.map((m, i, all) =>
          paragraph(`${i + 1}. ${m.replace(/[。；;.，,]+$/, '')}${i === all.length - 1 ? '。' : '；'}`),
        );
    return [
      addresseeLine(f.addressee, blank),
      paragraph(
        `为调查${blank ? oneCase('') : oneCase(f.caseName)}，根据《中华人民共和国行政处罚法》第五十五条和《中华人民共和国安全生产法》第六十六条的规定，请${who}于${when}到${blank ? ROOM : f.place}接受询问调查。`,
      ),
      ...(materials.length ? [paragraph('请携带以下材料：'), ...materials] : []),
      paragraph(`${y}应当如实回答询问，协助调查，不得拒绝或者阻挠。因故不能按时到达的，请事先与本机关联系。`),
      labelled(fonts, ['联系人', f.contactPerson], ['联系电话', f.contactPhone]),
      labelled(fonts, '本机关地址', f.agencyAddress),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
