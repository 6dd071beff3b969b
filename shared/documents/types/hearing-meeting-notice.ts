import { z } from 'zod';
import { concerns, hearingNoticeLatest, live } from '../../domain/case-procedure.ts';
import { chineseDate, chineseTime } from '../../domain/dates.ts';
import { dateOrBlank, labelled, paragraph, sealAndDate } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import { addresseeField, caseParty, you } from '../case-violations.ts';
import { partyNameCheck } from '../case-documents.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';

/**
 * 行政处罚听证会通知书 (行政处罚法 第六十四条): the time and place of the hearing, reaching the party
 * at least 7 working days before it; who chairs it (never an officer who investigated the case);
 * whether it is public; the party's rights to bring one or two agents and to ask for a recusal.
 */

const hearingNoticeFields = z.object({
  party: addresseeField,
  partyName: required(z.string().max(100)),
  cause: required(z.string().max(200)),
  hearingDate: isoDate,
  /** 24-hour 09:00; printed as the forms write times (9时00分). */
  hearingTime: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: 'documents.rules.timeFormat' }),
  place: required(z.string().max(200)),
  chair: required(z.string().max(50)),
  clerk: optionalText(50),
  /** 公开举行, unless state secrets, business secrets or privacy are involved. */
  isPublic: z.boolean().default(true),
  contactPerson: optionalText(50),
  contactPhone: optionalText(30),
  date: isoDate,
});

export const hearingMeetingNotice: DocumentTemplate<typeof hearingNoticeFields> = {
  type: 'hearing-meeting-notice',
  fields: hearingNoticeFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12 },
      { field: 'cause', input: 'text', span: 12 },
    ],
    [
      { field: 'hearingDate', input: 'date', span: 6 },
      { field: 'hearingTime', input: 'text', span: 6 },
      { field: 'place', input: 'text', span: 12 },
    ],
    [
      { field: 'chair', input: 'text', span: 8 },
      { field: 'clerk', input: 'text', span: 8 },
      { field: 'isPublic', input: 'checkbox', span: 8 },
    ],
    [
      { field: 'contactPerson', input: 'text' },
      { field: 'contactPhone', input: 'text' },
      { field: 'date', input: 'date' },
    ],
    { field: 'party', input: 'hidden' },
  ],

  prefill({ today, unit, case: c }) {
    const party = c?.party ?? 'unit';
    return {
      party,
      partyName: (c && caseParty(c.detail, party)?.name) ?? '',
      cause: c?.detail.cause ?? '',
      hearingDate: today,
      hearingTime: '09:00',
      place: unit.address,
      chair: '',
      clerk: '',
      isPublic: true,
      contactPerson: c?.detail.handlerNames[0] ?? '',
      contactPhone: unit.phone,
      date: today,
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { detail } = src.case;
    const issues = [];
    if (!live(detail.events, 'hearing-request').some((h) => concerns(h, f.party)))
      issues.push({ path: ['case'], key: 'cases.rules.noHearingRequest' });
    if (detail.handlerNames.includes(f.chair)) issues.push({ path: ['chair'], key: 'cases.rules.chairIsInvestigator' });
    if (f.clerk && detail.handlerNames.includes(f.clerk))
      issues.push({ path: ['clerk'], key: 'cases.rules.clerkIsInvestigator' });
    // Issued today, it must still reach the party 7 working days before the hearing.
    const latest = hearingNoticeLatest(f.hearingDate, src.case);
    if (latest && f.date > latest)
      issues.push({ path: ['hearingDate'], key: 'cases.rules.hearingNoticeLate', params: { latest } });
    issues.push(...partyNameCheck(f.partyName, src, f.party));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const y = you(f.party);
    const when = blank
      ? `${dateOrBlank(null)}\u3000\u3000时\u3000\u3000分`
      : `${chineseDate(f.hearingDate)}${chineseTime(`T${f.hearingTime}`)}`;
    return [
      labelled(fonts, '当事人', f.partyName),
      paragraph(
        `根据${y}的申请和《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，本机关定于${when}在${f.place || '　　　　　　'}${f.isPublic ? '公开' : '不公开'}举行${y}${f.cause ? f.cause.replace(/案$/, '') : '　　　　　　'}一案的听证会。`,
      ),
      paragraph(`本次听证会由${f.chair || '　　　　'}担任主持人${f.clerk ? `，${f.clerk}担任记录员` : ''}。`),
      paragraph(
        `${y}可以亲自参加听证，也可以委托一至二人代理；委托代理人参加听证的，应当提交授权委托书。${y}认为主持人与本案有直接利害关系的，有权申请回避。`,
      ),
      paragraph(`${y}无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。`),
      labelled(fonts, ['联系人', f.contactPerson], ['联系电话', f.contactPhone]),
      labelled(fonts, '本机关地址', unit.address),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
