import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces.js';
import type { ValidationIssue } from '../../base/errors.ts';
import { chineseDate } from '../../domain/dates.ts';
import { concerns, hearingNoticeOf, hearingRecordOf, live } from '../../domain/case-procedure.ts';
import type { CaseDetail, PartyKey } from '../../entities/case.ts';
import { heading, itemsTable, labelled, paragraph, ruledLines, writeInLine } from '../layout.ts';
import type { DocumentTemplate, PrefillSource } from '../template.ts';
import { addresseeField, caseParty } from '../case-violations.ts';
import { caseNameOf, partyNameCheck } from '../case-documents.ts';
import { isoDate, localDateTime, optionalText, required } from '../../entities/common.ts';
import { timeRange } from './inspection-record.ts';
import { BLANK_TIME_RANGE, refusalChecks, signatureBlock, timeRangeChecks } from './investigation-common.ts';
import { orderClause, violationWording } from '../wording.ts';

/**
 * 听证笔录 and 听证会报告书 (行政处罚法 第六十四条、第六十五条): the record of what was said at the
 * hearing — the investigators' facts, evidence and proposal, the party's defence and cross-examination
 * — read and signed by those who spoke; then the chair's report with an opinion. The decision is made
 * on the record (第六十五条), so neither may be missing when the hearing was held.
 */

const attendee = z.object({ name: required(z.string().max(50)), role: required(z.string().max(50)) });
/** What one speaker said, in the order of the hearing. */
const speech = z.object({ speaker: required(z.string().max(50)), words: required(z.string().max(8000)) });

const recordFields = z.object({
  party: addresseeField,
  caseName: required(z.string().max(200)),
  partyName: required(z.string().max(100)),
  startedAt: localDateTime,
  endedAt: localDateTime.or(z.literal('')).default(''),
  place: required(z.string().max(200)),
  isPublic: z.boolean().default(true),
  chair: required(z.string().max(50)),
  clerk: required(z.string().max(50)),
  /** The officers who investigated: they state the case at the hearing, they do not chair it. */
  investigators: required(z.string().max(200)),
  /** The party's side: the 法定代表人 or the person fined, and up to two 委托代理人. */
  attendees: z.array(attendee).max(6).default([]),
  proceedings: z.array(speech).max(200).default([]),
  refusedToSign: z.boolean().default(false),
  refusalNote: optionalText(500),
});
type RecordFields = z.output<typeof recordFields>;

const day = (f: Pick<RecordFields, 'startedAt'>) => f.startedAt.slice(0, 10);

/** The hearing recorded as held for the party on the day, with the party present. */
const heldOn = (d: CaseDetail, party: PartyKey, on: string) =>
  live(d.events, 'hearing')
    .filter((h) => concerns(h, party) && h.date === on)
    .at(-1);

/** The investigators' statement as the record opens it: the facts, the provisions and the proposal of the 呈批. */
function proposal(d: CaseDetail, party: PartyKey): string {
  const own = d.violations.filter((v) => String(v.party) === String(party));
  if (!own.length) return '';
  return (
    own
      .map(
        (v) =>
          `${v.facts.replace(/[。；;.]+$/, '')}，违反了${v.violatedProvision}的规定，依据${v.penaltyProvision}的规定，建议给予${violationWording(v).penalty}的行政处罚${orderClause(violationWording(v).order, '')}`,
      )
      .join('；') +
    '。证据有：' +
    (own
      .map((v) => v.evidence)
      .filter(Boolean)
      .join('；') || '（见案卷）') +
    '。'
  );
}

const CHAIR_OPENING =
  '现在开始听证。宣布听证纪律；核对听证参加人的身份；告知当事人的权利和义务；询问当事人是否申请主持人、记录员回避。';

function prefillRecord(src: PrefillSource): z.input<typeof recordFields> {
  const c = src.case;
  const party = c?.party ?? 'unit';
  const d = c?.detail;
  const notice = d ? hearingNoticeOf(d, party)?.fields : undefined;
  const held = d && typeof notice?.hearingDate === 'string' ? heldOn(d, party, notice.hearingDate) : undefined;
  const on = held?.date ?? (typeof notice?.hearingDate === 'string' ? notice.hearingDate : src.today);
  const name = (d && caseParty(d, party)?.name) ?? '';
  const own = party === 'unit' ? d?.unit.legalRepresentative : name;
  return {
    party,
    caseName: caseNameOf(d),
    partyName: name,
    startedAt: `${on}T09:00`,
    endedAt: '',
    place: typeof notice?.place === 'string' ? notice.place : src.unit.address,
    isPublic: notice?.isPublic !== false,
    chair: held?.chair ?? (typeof notice?.chair === 'string' ? notice.chair : ''),
    clerk: typeof notice?.clerk === 'string' ? notice.clerk : '',
    investigators: d?.handlerNames.join('、') ?? '',
    attendees: own ? [{ name: own, role: party === 'unit' ? '法定代表人' : '当事人' }] : [],
    proceedings: [
      { speaker: '主持人', words: CHAIR_OPENING },
      ...(d && proposal(d, party) ? [{ speaker: '调查人员', words: proposal(d, party) }] : []),
    ],
    refusedToSign: false,
    refusalNote: '',
  };
}

export const hearingRecord: DocumentTemplate<typeof recordFields> = {
  type: 'hearing-record',
  pageSignature: '当事人或者委托代理人',
  fields: recordFields,
  documentDate: day,
  form: [
    [
      { field: 'caseName', input: 'text', span: 14 },
      { field: 'partyName', input: 'text', span: 10 },
    ],
    [
      { field: 'startedAt', input: 'datetime', label: 'hearingStartedAt', span: 8 },
      { field: 'endedAt', input: 'datetime', label: 'hearingEndedAt', span: 8 },
      { field: 'isPublic', input: 'checkbox', span: 8 },
    ],
    { field: 'place', input: 'text', label: 'hearingPlace' },
    [
      { field: 'chair', input: 'text' },
      { field: 'clerk', input: 'text' },
      { field: 'investigators', input: 'text' },
    ],
    {
      field: 'attendees',
      input: 'rows',
      label: 'hearingAttendees',
      add: 'addAttendee',
      columns: [
        { field: 'name', input: 'text', placeholder: 'attendeeName', width: 200 },
        { field: 'role', input: 'text', placeholder: 'attendeeRole' },
      ],
    },
    {
      field: 'proceedings',
      input: 'rows',
      label: 'proceedings',
      add: 'addSpeech',
      columns: [
        { field: 'speaker', input: 'text', placeholder: 'speaker', width: 140 },
        { field: 'words', input: 'textarea', placeholder: 'words' },
      ],
    },
    { field: 'refusedToSign', input: 'checkbox', label: 'partyRefusedToSign' },
    { field: 'refusalNote', input: 'text', when: 'refusedToSign' },
    { field: 'party', input: 'hidden' },
  ],
  prefill: prefillRecord,

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { detail } = src.case;
    const issues: ValidationIssue[] = [];
    const held = heldOn(detail, f.party, day(f));
    if (!held?.attended)
      issues.push({ path: ['startedAt'], key: 'documents.rules.hearingNotHeld', params: { date: day(f) } });
    else if (held.chair !== f.chair)
      issues.push({ path: ['chair'], key: 'documents.rules.hearingChairMismatch', params: { chair: held.chair } });
    if (detail.handlerNames.includes(f.chair)) issues.push({ path: ['chair'], key: 'cases.rules.chairIsInvestigator' });
    issues.push(...timeRangeChecks(f.startedAt, f.endedAt, src.today));
    if (!f.attendees.length) issues.push({ path: ['attendees'], key: 'documents.rules.hearingAttendeesRequired' });
    // 第六十四条第（七）项: the investigators state the case, the party defends and cross-examines.
    if (f.proceedings.length < 2)
      issues.push({ path: ['proceedings'], key: 'documents.rules.hearingProceedingsRequired' });
    issues.push(...refusalChecks(f));
    issues.push(...partyNameCheck(f.partyName, src, f.party));
    return issues;
  },

  body(f, { fonts, blank }) {
    const v = (s: string) => (blank ? '' : s);
    const said = (who: string, words: string): Content =>
      ({
        text: [{ text: `${who}：`, font: fonts.roles.heading }, words],
        margin: [0, 2, 0, 2],
        alignment: 'justify',
      }) as Content;
    return [
      labelled(fonts, '案件名称', v(f.caseName)),
      labelled(fonts, '听证时间', blank ? BLANK_TIME_RANGE : timeRange(f.startedAt, f.endedAt)),
      labelled(fonts, ['听证地点', v(f.place)], ['听证方式', blank ? '公开 / 不公开' : f.isPublic ? '公开' : '不公开']),
      labelled(fonts, ['主持人', v(f.chair)], ['记录员', v(f.clerk)]),
      labelled(fonts, '案件调查人员', v(f.investigators)),
      labelled(fonts, '当事人', v(f.partyName)),
      heading(fonts, '当事人及其委托代理人：'),
      itemsTable(
        fonts,
        [
          { title: '姓名', width: 150 },
          { title: '身份（法定代表人、委托代理人等）', width: '*' },
        ],
        blank ? [] : f.attendees.map((a) => [a.name, a.role]),
        3,
      ),
      heading(fonts, '听证记录：'),
      ...(blank ? [ruledLines(18)] : f.proceedings.map((s) => said(s.speaker, s.words))),
      said('主持人', '以上笔录请当事人及其委托代理人核对。如有遗漏或者差错，可以补充或者更正；无误的，请签名。'),
      ...(blank ? [writeInLine(fonts, '当事人意见：')] : []),
      ...(f.refusedToSign && !blank
        ? [
            paragraph(
              `当事人拒绝在本笔录上签名${f.refusalNote ? `（${f.refusalNote.replace(/[。.]$/, '')}）` : ''}，记录员已在笔录上注明。`,
            ),
          ]
        : []),
      signatureBlock([
        { label: '当事人或者委托代理人' },
        { label: '案件调查人员' },
        { label: '主持人' },
        { label: '记录员' },
      ]),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// 听证会报告书

export const ADOPTION = ['不予采纳', '部分采纳', '予以采纳'] as const;

const reportFields = z.object({
  party: addresseeField,
  caseName: required(z.string().max(200)),
  partyName: required(z.string().max(100)),
  hearingDate: isoDate,
  place: required(z.string().max(200)),
  chair: required(z.string().max(50)),
  clerk: required(z.string().max(50)),
  /** The investigators' facts, evidence and proposal as they stated them. */
  caseStated: required(z.string().max(8000)),
  /** The party's statement, defence and cross-examination. */
  defence: required(z.string().max(8000)),
  /** What the hearing established: the facts and evidence as the chair finds them (the reasons the decision gives). */
  findings: required(z.string().max(8000)),
  /** Whether the party's defence is adopted: the decision states it, with the findings as its reasons. */
  adoption: z.enum(ADOPTION).default('不予采纳'),
  /** 处理意见和建议. */
  opinion: required(z.string().max(4000)),
  date: isoDate,
});

export const hearingReport: DocumentTemplate<typeof reportFields> = {
  type: 'hearing-report',
  fields: reportFields,
  form: [
    [
      { field: 'caseName', input: 'text', span: 14 },
      { field: 'partyName', input: 'text', span: 10 },
    ],
    [
      { field: 'hearingDate', input: 'date', span: 6 },
      { field: 'place', input: 'text', label: 'hearingPlace', span: 18 },
    ],
    [
      { field: 'chair', input: 'text' },
      { field: 'clerk', input: 'text' },
      { field: 'date', input: 'date' },
    ],
    { field: 'caseStated', input: 'textarea', rows: 3 },
    { field: 'defence', input: 'textarea', rows: 3 },
    { field: 'findings', input: 'textarea', label: 'hearingFindings', rows: 3 },
    [{ field: 'adoption', input: 'select', options: ADOPTION, span: 8 }],
    { field: 'opinion', input: 'textarea', label: 'hearingOpinion', rows: 3 },
    { field: 'party', input: 'hidden' },
  ],

  prefill({ today, unit, case: c }) {
    const party = c?.party ?? 'unit';
    const d = c?.detail;
    const rec = d ? hearingRecordOf(d, party)?.fields : undefined;
    const speeches = Array.isArray(rec?.proceedings) ? (rec.proceedings as { speaker: string; words: string }[]) : [];
    const by = (re: RegExp) =>
      speeches
        .filter((s) => re.test(s.speaker))
        .map((s) => s.words)
        .join('\n');
    const str = (x: unknown, or = '') => (typeof x === 'string' ? x : or);
    return {
      party,
      caseName: str(rec?.caseName, caseNameOf(d)),
      partyName: str(rec?.partyName, (d && caseParty(d, party)?.name) ?? ''),
      hearingDate: str(rec?.startedAt, today).slice(0, 10),
      place: str(rec?.place, unit.address),
      chair: str(rec?.chair),
      clerk: str(rec?.clerk),
      caseStated: by(/调查/) || (d ? proposal(d, party) : ''),
      defence: by(/当事人|代理人|法定代表人/),
      findings: '',
      adoption: '不予采纳' as const,
      opinion: '',
      date: today,
    };
  },

  issueChecks(f, src) {
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const rec = hearingRecordOf(src.case.detail, f.party);
    if (!rec) return [{ path: ['case'], key: 'documents.rules.hearingRecordFirst' }];
    const issues: ValidationIssue[] = [];
    const heard = String(rec.fields.startedAt ?? '').slice(0, 10);
    if (f.hearingDate !== heard)
      issues.push({ path: ['hearingDate'], key: 'documents.rules.hearingDateMismatch', params: { date: heard } });
    if (f.date < heard)
      issues.push({ path: ['date'], key: 'documents.rules.reportBeforeHearing', params: { date: heard } });
    if (f.chair !== rec.fields.chair)
      issues.push({
        path: ['chair'],
        key: 'documents.rules.hearingChairMismatch',
        params: { chair: String(rec.fields.chair) },
      });
    return issues;
  },

  body(f, { fonts, blank }) {
    const v = (s: string) => (blank ? '' : s);
    const part = (title: string, text: string, lines: number): Content[] => [
      heading(fonts, title),
      ...(blank
        ? [ruledLines(lines)]
        : text
            .split(/\n+/)
            .filter(Boolean)
            .map((p) => paragraph(p))),
    ];
    return [
      labelled(fonts, '案件名称', v(f.caseName)),
      labelled(fonts, '当事人', v(f.partyName)),
      labelled(
        fonts,
        ['听证时间', blank ? '　　年　　月　　日' : chineseDate(f.hearingDate)],
        ['听证地点', v(f.place)],
      ),
      labelled(fonts, ['主持人', v(f.chair)], ['记录员', v(f.clerk)]),
      ...part('一、案件调查人员提出的违法事实、证据和行政处罚建议：', f.caseStated, 4),
      ...part('二、当事人的陈述、申辩和质证意见：', f.defence, 4),
      ...part('三、听证认定的事实和证据：', f.findings, 4),
      ...(blank ? [] : [paragraph(`对当事人的陈述、申辩意见：${f.adoption}。`)]),
      ...part('四、处理意见和建议：', f.opinion, 3),
      labelled(fonts, '报告日期', blank ? '　　年　　月　　日' : chineseDate(f.date)),
      signatureBlock([{ label: '主持人' }]),
    ];
  },
};
