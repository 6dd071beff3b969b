import { z } from 'zod';
import { concerns, decisionIssues, hearingReportOf, live } from '../../domain/case-procedure.ts';
import { checkIdCard } from '../../base/id-card.ts';
import { chineseDate } from '../../domain/dates.ts';
import { checkUscc } from '../../base/uscc.ts';
import type { ValidationIssue } from '../../base/errors.ts';
import type { CaseDetail, PartyKey } from '../../entities/case.ts';
import { labelled, ordinal, paragraph, ruledLines, sealAndDate } from '../layout.ts';
import type { DocumentTemplate, LayoutContext, PrefillSource } from '../template.ts';
import {
  addresseeField,
  rowCitationIssues,
  BLANK_VIOLATION,
  caseViolationRow,
  caseViolationsCell,
  narrativesIssues,
  partyPart,
  paymentPlaceIssues,
  recordViolations,
  you,
} from '../case-violations.ts';
import { partyNameCheck } from '../case-documents.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import type { DocumentForm } from '../form.ts';
import { orderClause, penaltyText, remedyClause, remedyFields, remedyOf, remedyPrefill, yuanText } from '../wording.ts';
import type { Content } from 'pdfmake/interfaces.js';

/**
 * 行政处罚决定书（单位）and（个人）with every element of 行政处罚法 第五十九条: the party, the facts
 * and evidence, the provisions violated, the penalty and its basis, how and where to pay within 15
 * days, the 3% surcharge (第七十二条), the remedy naming the 本级人民政府 and the court in full, the
 * agency and date. The two differ only in how they name the party.
 */

const decisionBody = {
  party: addresseeField,
  violations: z.array(caseViolationRow).max(30).default([]),
  evidence: required(z.string().max(2000)),
  /** 当事人陈述、申辩（听证）及采纳情况. */
  /** Generated from the statements and the hearing report: room for all of them. */
  statementSummary: optionalText(40_000),
  totalFine: z.number().int().min(0),
  paymentPlace: required(z.string().max(300)),
  ...remedyFields,
  date: isoDate,
};
type BodyFields = z.output<z.ZodObject<typeof decisionBody>> & { partyName: string };

const bodyForm: DocumentForm<keyof typeof decisionBody & string> = [
  caseViolationsCell,
  { field: 'evidence', input: 'textarea', rows: 2 },
  { field: 'statementSummary', input: 'textarea', rows: 2, record: true },
  [
    { field: 'totalFine', input: 'yuan', span: 8, record: true },
    { field: 'paymentPlace', input: 'text', span: 16 },
  ],
  [{ field: 'date', input: 'date', span: 8 }],
  { field: 'party', input: 'hidden' },
  { field: 'reviewAgency', input: 'hidden' },
  { field: 'court', input: 'hidden' },
];

/**
 * What the party said and what the agency made of it, from the record: the hearing (its defence, and whether
 * it was adopted and why, as the 听证会报告书 records them) and each 陈述、申辩 with its 复核. A party heard at a
 * hearing did state a defence there: the decision says so, never that the party raised none.
 */
function statementSummary(d: Pick<CaseDetail, 'events' | 'documents'>, party: PartyKey): string {
  const y = you(party);
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/[。.；;]$/, '') : '');
  const statements = live(d.events, 'statement').filter((s) => concerns(s, party));
  const said = statements.filter((s) => !s.waived);
  const hearing = live(d.events, 'hearing')
    .filter((h) => concerns(h, party))
    .at(-1);
  const parts: string[] = [];
  if (hearing && !hearing.attended) parts.push(`${y}经依法通知未参加听证，视为放弃听证权利。`);
  if (hearing?.attended) {
    parts.push(`本机关于${chineseDate(hearing.date)}依法举行了听证。`);
    const report = hearingReportOf(d, party)?.fields;
    const defence = text(report?.defence);
    parts.push(`${y}在听证中进行了陈述、申辩${defence ? `：${defence}` : ''}。`);
    // A report made before it recorded whether the defence was adopted says nothing of it: neither does the decision.
    if (report && typeof report.adoption === 'string') {
      const adoption = text(report.adoption);
      const reasons = text(report.findings);
      parts.push(`经复核，${adoption}${adoption !== '予以采纳' && reasons ? `，理由是：${reasons}` : ''}。`);
    }
  }
  for (const s of said)
    parts.push(
      `${y}提出：${text(s.content)}。经复核，${s.adopted ? '予以采纳' : '不予采纳'}${s.reply ? `，理由是：${text(s.reply)}` : ''}。`,
    );
  if (!said.length && !hearing?.attended)
    parts.push(statements.length ? `${y}明确表示放弃陈述、申辩的权利。` : `${y}在规定期限内未提出陈述、申辩。`);
  return parts.join('');
}

/** What the record decides on both decisions: the violations, the total, the defence, the remedy bodies. */
function bodyFromRecord({ unit, case: c }: PrefillSource, f: { violations?: unknown }) {
  if (!c) return {};
  return {
    party: c.party,
    violations: recordViolations(c.detail, c.party, f.violations),
    totalFine: partyPart(c.detail, c.party).totalFine,
    statementSummary: statementSummary(c.detail, c.party),
    ...remedyPrefill(unit),
  };
}

function prefillBody({ today, unit, case: c }: PrefillSource, party: PartyKey) {
  const d = c?.detail;
  return {
    ...partyPart(d, party),
    statementSummary: d ? statementSummary(d, party) : '',
    paymentPlace: c?.settings.finePaymentPlace ?? '',
    ...remedyPrefill(unit),
    date: today,
  };
}

/** The checks both decisions share: the procedure, the citations, the approved fine, the party's name. */
function bodyChecks(f: BodyFields, src: PrefillSource): ValidationIssue[] {
  if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
  const { detail, periods, cal, rules } = src.case;
  const issues = decisionIssues(detail, f, { periods, cal, rules });
  issues.push(...partyNameCheck(f.partyName, src, f.party));
  if (!f.violations.length) issues.push({ path: ['violations'], key: 'cases.rules.violationsRequired' });
  issues.push(
    ...rowCitationIssues(f.violations),
    ...narrativesIssues(f, detail),
    ...(f.totalFine > 0 ? paymentPlaceIssues(f.paymentPlace, src.case.settings) : []),
  );
  const approved = partyPart(detail, f.party).totalFine;
  if (f.totalFine !== approved)
    issues.push({ path: ['totalFine'], key: 'documents.rules.totalFineMismatch', params: { approved } });
  return issues;
}

function body(f: BodyFields, partyBlock: Content[], { unit, blank }: LayoutContext): Content[] {
  const y = you(f.party);
  const rows = f.violations.length ? f.violations : [BLANK_VIOLATION];
  const many = rows.length > 1;
  const fine = yuanText(f.totalFine);
  return [
    ...partyBlock,
    ...(blank
      ? [paragraph(`违法事实及证据：经查，${y}：`), ruledLines(3), paragraph('以上事实有　　　　　　等证据为证。')]
      : [
          paragraph(
            `违法事实及证据：经查，${y}${rows.map((v, i) => `${many ? `${ordinal(i)}是` : ''}${v.facts.replace(/[。；;.]$/, '')}`).join('；')}。以上事实有${f.evidence || '　　　　'}等证据为证。`,
          ),
        ]),
    paragraph(f.statementSummary ? `陈述、申辩及采纳情况：${f.statementSummary}` : '陈述、申辩及采纳情况：　　　　'),
    ...rows.map((v, i) =>
      paragraph(
        `${many ? `${ordinal(i)}、` : ''}${y}的上述${many ? '第' + ordinal(i) + '项' : ''}行为违反了${v.violatedProvision}的规定，依据${v.penaltyProvision}的规定，决定给予${v.penalty}的行政处罚${orderClause(v.order ?? '', y)}。`,
      ),
    ),
    ...(many
      ? [paragraph(`以上分别裁量、合并处罚，${penaltyText([f.totalFine > 0 ? `合计罚款${fine}` : ''])}。`)]
      : []),
    ...(f.totalFine > 0 || blank
      ? [
          paragraph(
            `罚款限${y}自收到本决定书之日起15日内缴至${f.paymentPlace || '　　　　'}。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。`,
          ),
        ]
      : []),
    paragraph(remedyClause(remedyOf(f, unit), '决定')),
    sealAndDate(unit.agencyName, blank ? null : f.date),
  ];
}

const unitFields = z.object({
  partyName: required(z.string().max(100)),
  partyCode: required(z.string().max(18)),
  address: required(z.string().max(200)),
  legalRepresentative: required(z.string().max(50)),
  ...decisionBody,
});

export const penaltyDecisionUnit: DocumentTemplate<typeof unitFields> = {
  type: 'penalty-decision-unit',
  fields: unitFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 14, record: true },
      { field: 'partyCode', input: 'text', span: 10, record: true },
    ],
    [
      { field: 'address', input: 'text', span: 14, record: true },
      { field: 'legalRepresentative', input: 'text', span: 10, record: true },
    ],
    ...bodyForm,
  ],
  prefill(src) {
    const u = src.case?.detail.unit;
    return {
      partyName: u?.name ?? '',
      partyCode: u?.code ?? '',
      address: u?.address ?? '',
      legalRepresentative: u?.legalRepresentative ?? '',
      ...prefillBody(src, 'unit'),
    };
  },
  fromRecord(src, f) {
    const u = src.case?.detail.unit;
    if (!u) return {};
    return {
      partyName: u.name,
      partyCode: u.code,
      address: u.address,
      legalRepresentative: u.legalRepresentative,
      ...bodyFromRecord(src, f),
    };
  },
  issueChecks(f, src) {
    const issues = bodyChecks(f, src);
    if (f.party !== 'unit') issues.push({ path: ['party'], key: 'cases.rules.unknownParty' });
    // The same party, named and coded the same, in every document of the case.
    const code = src.case?.detail.unit.code;
    if (code !== undefined && f.partyCode !== code)
      issues.push({ path: ['partyCode'], key: 'documents.rules.partyCodeMismatch', params: { code } });
    else if (checkUscc(f.partyCode).error) issues.push({ path: ['partyCode'], key: 'validation.uscc.checkChar' });
    return issues;
  },
  body(f, ctx) {
    return body(
      f,
      [
        labelled(ctx.fonts, '被处罚单位', f.partyName),
        labelled(ctx.fonts, '统一社会信用代码', f.partyCode),
        labelled(ctx.fonts, ['地址', f.address], ['法定代表人（负责人）', f.legalRepresentative]),
      ],
      ctx,
    );
  },
};

const personFields = z.object({
  partyName: required(z.string().max(50)),
  idNumber: required(z.string().max(18)),
  homeAddress: optionalText(200),
  employer: optionalText(100),
  post: optionalText(50),
  employerAddress: optionalText(200),
  phone: optionalText(30),
  ...decisionBody,
});

/** 性别 and 年龄 as the 身份证号 gives them (GB 11643: the birth date, and the sex in the 17th digit). */
export function fromIdNumber(idNumber: string, on: string): { gender: string; age: string } {
  const id = checkIdCard(idNumber, on);
  if (id.error || !id.birthDate) return { gender: '', age: '' };
  const [by, bm, bd] = id.birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return { gender: id.sex === 'male' ? '男' : '女', age: String(age) };
}

export const penaltyDecisionPerson: DocumentTemplate<typeof personFields> = {
  type: 'penalty-decision-person',
  fields: personFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 12, record: true },
      { field: 'idNumber', input: 'text', span: 12, record: true },
    ],
    [
      { field: 'homeAddress', input: 'text', span: 16, record: true },
      { field: 'phone', input: 'text', span: 8, record: true },
    ],
    [
      { field: 'employer', input: 'text', span: 10, record: true },
      { field: 'post', input: 'text', span: 6, record: true },
      { field: 'employerAddress', input: 'text', span: 8, record: true },
    ],
    ...bodyForm,
  ],
  prefill(src) {
    const c = src.case;
    const party = typeof c?.party === 'number' ? c.party : 0;
    const p = c?.detail.persons[party];
    return {
      partyName: p?.name ?? '',
      idNumber: p?.idNumber ?? '',
      homeAddress: p?.address ?? '',
      employer: c?.detail.unit.name ?? '',
      post: p?.post ?? '',
      employerAddress: c?.detail.unit.address ?? '',
      phone: p?.phone ?? '',
      ...prefillBody(src, party),
    };
  },
  fromRecord(src, f) {
    const c = src.case;
    const p = c && typeof c.party === 'number' ? c.detail.persons[c.party] : undefined;
    if (!c || !p) return {};
    return {
      partyName: p.name,
      idNumber: p.idNumber,
      homeAddress: p.address,
      employer: c.detail.unit.name,
      post: p.post,
      employerAddress: c.detail.unit.address,
      phone: p.phone,
      ...bodyFromRecord(src, f),
    };
  },
  issueChecks(f, src) {
    const issues = bodyChecks(f, src);
    if (f.party === 'unit') issues.push({ path: ['party'], key: 'cases.rules.unknownParty' });
    const id = checkIdCard(f.idNumber, f.date);
    if (id.error) issues.push({ path: ['idNumber'], key: id.error });
    // The person named and numbered as in the 呈批 (the 身份证号 identifies them on every document).
    const recorded = typeof f.party === 'number' ? src.case?.detail.persons[f.party]?.idNumber : undefined;
    if (recorded !== undefined && recorded !== f.idNumber)
      issues.push({ path: ['idNumber'], key: 'documents.rules.idNumberMismatch', params: { idNumber: recorded } });
    return issues;
  },
  body(f, ctx) {
    // 性别 and 年龄 as the 身份证号 gives them on the day of the decision.
    const { gender, age } = fromIdNumber(f.idNumber, f.date);
    return body(
      f,
      [
        labelled(ctx.fonts, ['被处罚人', f.partyName], ['性别', gender], ['年龄', age]),
        labelled(ctx.fonts, ['身份证号', f.idNumber], ['联系电话', f.phone]),
        labelled(ctx.fonts, '家庭住址', f.homeAddress),
        labelled(ctx.fonts, ['所在单位', f.employer], ['职务', f.post]),
        labelled(ctx.fonts, '单位地址', f.employerAddress),
      ],
      ctx,
    );
  },
};
