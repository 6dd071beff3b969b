import { z } from 'zod';
import { hearingTriggered, noticeIssues, periodFor } from '../../domain/case-procedure.ts';
import { labelled, paragraph, ruledLines, sealAndDate } from '../layout.ts';
import type { DocumentTemplate } from '../template.ts';
import {
  addresseeField,
  BLANK_VIOLATION,
  caseParty,
  caseViolationRow,
  caseViolationsCell,
  narrativesIssues,
  partyPart,
  recordViolations,
  rowCitationIssues,
  you,
} from '../case-violations.ts';
import { partyNameCheck } from '../case-documents.ts';
import { isoDate, optionalText, required } from '../../entities/common.ts';
import { orderClause, penaltyText, yuanText } from '../wording.ts';

/**
 * 行政处罚告知书: the facts, the provisions, the proposed penalty, and the rights to state and defend
 * (行政处罚法 第四十四条、第四十五条) and, where the penalty is in the hearing range, to ask for a
 * hearing within 5 working days (第六十三条、第六十四条、第八十五条).
 */

const penaltyNoticeFields = z.object({
  party: addresseeField,
  partyName: required(z.string().max(100)),
  violations: z.array(caseViolationRow).max(30).default([]),
  evidence: optionalText(2000),
  /** 元: what the notice proposes; the decision may not exceed it (第四十五条). */
  totalFine: z.number().int().min(0),
  hearingRights: z.boolean().default(false),
  statementDays: z.number().int().min(1).max(30),
  contactPerson: optionalText(50),
  contactPhone: optionalText(30),
  agencyAddress: optionalText(200),
  date: isoDate,
});

export const penaltyNotice: DocumentTemplate<typeof penaltyNoticeFields> = {
  type: 'penalty-notice',
  fields: penaltyNoticeFields,
  form: [
    [
      { field: 'partyName', input: 'text', span: 16, record: true },
      { field: 'date', input: 'date', span: 8 },
    ],
    { field: 'party', input: 'hidden' },
    caseViolationsCell,
    { field: 'evidence', input: 'textarea', rows: 2 },
    [
      { field: 'totalFine', input: 'yuan', span: 8, record: true },
      { field: 'statementDays', input: 'integer', span: 8 },
      { field: 'hearingRights', input: 'checkbox', span: 8, record: true },
    ],
    [
      { field: 'contactPerson', input: 'text' },
      { field: 'contactPhone', input: 'text' },
      { field: 'agencyAddress', input: 'text' },
    ],
  ],

  prefill({ today, unit, case: c }) {
    const detail = c?.detail;
    const party = c?.party ?? 'unit';
    const statement = c ? periodFor(c.periods, 'statement', today, c.rules) : null;
    return {
      partyName: (detail && caseParty(detail, party)?.name) ?? '',
      ...partyPart(detail, party),
      hearingRights: !!(detail && c && hearingTriggered(detail, c.rules, party)),
      statementDays: statement?.length ?? 3,
      contactPerson: detail?.handlerNames[0] ?? '',
      contactPhone: unit.phone,
      agencyAddress: unit.address,
      date: today,
    };
  },

  fromRecord({ case: c }, f) {
    if (!c) return {};
    return {
      party: c.party,
      partyName: caseParty(c.detail, c.party)?.name ?? '',
      violations: recordViolations(c.detail, c.party, f.violations),
      totalFine: partyPart(c.detail, c.party).totalFine,
      hearingRights: hearingTriggered(c.detail, c.rules, c.party),
    };
  },

  issueChecks(f, src) {
    const issues = [];
    if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
    const { detail } = src.case;
    issues.push(...noticeIssues(detail, f, src.case.rules));
    if (!f.violations.length) issues.push({ path: ['violations'], key: 'cases.rules.violationsRequired' });
    issues.push(...rowCitationIssues(f.violations), ...narrativesIssues(f, detail));
    const approved = partyPart(detail, f.party).totalFine;
    if (f.totalFine !== approved)
      issues.push({ path: ['totalFine'], key: 'documents.rules.totalFineMismatch', params: { approved } });
    issues.push(...partyNameCheck(f.partyName, src, f.party));
    return issues;
  },

  body(f, { fonts, unit, blank }) {
    const y = you(f.party);
    const rows = f.violations.length ? f.violations : [BLANK_VIOLATION];
    // Several violations are assessed separately and combined (分别裁量、合并处罚): the total is stated once.
    const fine = f.totalFine > 0 && rows.length > 1 ? `，合计罚款${yuanText(f.totalFine)}` : '';
    return [
      labelled(fonts, '当事人', f.partyName),
      ...(blank
        ? [paragraph(`经查，${y}：`), ruledLines(3), paragraph('以上事实有　　　　　　等证据为证。')]
        : [
            paragraph(
              `经查，${y}${rows.map((v) => v.facts.replace(/[。；;.]$/, '')).join('；')}。${f.evidence ? `以上事实有${f.evidence}等证据为证。` : ''}`,
            ),
          ]),
      paragraph(
        `${y}的上述行为违反了${rows.map((v) => v.violatedProvision).join('，')}的规定，依据${rows.map((v) => v.penaltyProvision).join('，')}的规定，本机关拟对${y}作出${penaltyText(rows.map((v) => v.penalty))}${fine}的行政处罚${orderClause(
          rows
            .map((v) => v.order ?? '')
            .filter(Boolean)
            .join('，'),
          y,
        )}。`,
      ),
      paragraph(
        f.hearingRights
          ? `根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，${y}有权进行陈述和申辩，并有权要求举行听证。${y}可在收到本告知书之日起${f.statementDays}日内向本机关进行陈述和申辩；要求听证的，应当在收到本告知书之日起5日内提出。逾期不陈述和申辩、不要求听证的，视为${y}放弃上述权利。`
          : `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${y}可在收到本告知书之日起${f.statementDays}日内向本机关进行陈述和申辩。逾期不陈述和申辩的，视为${y}放弃上述权利。`,
      ),
      labelled(fonts, ['联系人', f.contactPerson], ['联系电话', f.contactPhone]),
      labelled(fonts, '本机关地址', f.agencyAddress),
      sealAndDate(unit.agencyName, blank ? null : f.date),
    ];
  },
};
