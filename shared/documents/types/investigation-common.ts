import type { Content } from 'pdfmake/interfaces.js';
import type { ValidationIssue } from '../../api/errors.ts';
import { checkIdCard } from '../../domain/id-card.ts';
import { recusedOfficers } from '../../domain/case-measures.ts';
import type { CaseDetail } from '../../entities/case.ts';
import { labelled, type FontSet } from '../layout.ts';
import type { PrefillSource } from '../template.ts';
import { fromIdNumber } from './penalty-decision.ts';

/**
 * What the 调查取证 documents (询问通知书, 询问笔录, 勘验笔录, 抽样取证凭证, 鉴定委托书) share: the case
 * they are made in, the day they bear within the case, a record's time from–to, and the interviewee's
 * identity as the 身份证号 gives it.
 */

/** The room a hand-filled record leaves for its time from–to. */
export const BLANK_TIME_RANGE = '　　年　　月　　日　　时　　分至　　时　　分';
/** Room for a name or a short value written by hand in running text. */
export const ROOM = '　　　　　　';

/** 宣汉县东林化工有限公司涉嫌未采取措施消除事故隐患案: the case as the documents name it. */
export function caseNameOf(d: Pick<CaseDetail, 'unit' | 'cause'> | undefined): string {
  return d ? `${d.unit.name}${d.cause.endsWith('案') ? d.cause : `${d.cause}案`}` : '';
}

/** …涉嫌未采取措施消除事故隐患一案, as the sentences write it. */
export function oneCase(caseName: string): string {
  return caseName ? `${caseName.replace(/一?案$/, '')}一案` : `${ROOM}一案`;
}

/** 张明、李华, or the blank a hand-filled form leaves. */
export function namesOf(officers: { name: string }[], sep = '、'): string {
  return officers.map((o) => o.name).join(sep) || '　　　　';
}

/**
 * A document of the case's investigation: made within a case, dated not before the violation it
 * investigates (the core refuses a date still to come for every document).
 */
export function caseDayChecks(src: PrefillSource, day: string, path: string[]): ValidationIssue[] {
  if (!src.case) return [{ path: ['case'], key: 'cases.rules.notCaseDocument' }];
  const { violationDate } = src.case.detail;
  return day && day < violationDate ? [{ path, key: 'documents.rules.beforeViolation', params: { date: day, violationDate } }] : [];
}

/**
 * The 记录人 of a record (行政处罚法 第四十三条): an officer recused from the case writes nothing in
 * it either (the core holds the officers named on every document to the same rule).
 */
export function recorderChecks(src: PrefillSource, recorder: string): ValidationIssue[] {
  return src.case && recusedOfficers(src.case.detail).includes(recorder)
    ? [{ path: ['recorder'], key: 'cases.rules.officerRecused', params: { name: recorder } }] : [];
}

/** A record's time from–to: both given, the end after the start, and not still to come. */
export function timeRangeChecks(startedAt: string, endedAt: string, today: string): ValidationIssue[] {
  if (!endedAt) return [{ path: ['endedAt'], key: 'validation.required' }];
  if (endedAt <= startedAt) return [{ path: ['endedAt'], key: 'documents.rules.endBeforeStart' }];
  if (endedAt.slice(0, 10) > today) return [{ path: ['endedAt'], key: 'documents.rules.endedInFuture', params: { date: endedAt.slice(0, 10) } }];
  return [];
}

/**
 * The interviewee identified: a 身份证号 that is valid, with the 性别 and 年龄 it gives on the day
 * (GB 11643), or, without one, the 性别 and 年龄 written in.
 */
export function identityChecks(f: { idNumber: string; gender: string; age: number | null }, day: string): ValidationIssue[] {
  if (!f.idNumber) return f.gender && f.age !== null ? [] : [{ path: ['idNumber'], key: 'documents.rules.intervieweeIdentity' }];
  const id = checkIdCard(f.idNumber, day);
  if (id.error) return [{ path: ['idNumber'], key: id.error }];
  const given = fromIdNumber(f.idNumber, day);
  const issues: ValidationIssue[] = [];
  if (f.gender && f.gender !== given.gender) issues.push({ path: ['gender'], key: 'documents.rules.genderMismatch', params: { gender: given.gender } });
  if (f.age !== null && String(f.age) !== given.age) issues.push({ path: ['age'], key: 'documents.rules.ageMismatch', params: { age: given.age } });
  return issues;
}

/** 性别 and 年龄 as printed: as written, or else as the 身份证号 gives them on the day. */
export function genderAndAge(f: { idNumber: string; gender: string; age: number | null }, day: string): { gender: string; age: string } {
  const given = f.idNumber ? fromIdNumber(f.idNumber, day) : { gender: '', age: '' };
  return { gender: f.gender || given.gender, age: f.age !== null ? String(f.age) : given.age };
}

/** 拒绝签名 noted with what happened (the officers sign under the note). */
export function refusalChecks(f: { refusedToSign: boolean; refusalNote: string }): ValidationIssue[] {
  return f.refusedToSign && !f.refusalNote ? [{ path: ['refusalNote'], key: 'documents.rules.refusalNoteRequired' }] : [];
}

/** A heading on its own line (勘验情况：, 附：…), in the heading face. */
export function heading(fonts: FontSet, text: string): Content {
  return { text, font: fonts.roles.heading, margin: [0, 6, 0, 2] } as Content;
}

/**
 * Label–value pairs on one line; on a filled document a pair left empty is dropped (the first stays),
 * on a blank form every pair keeps its room to write in.
 */
export function pairs(fonts: FontSet, blank: boolean, ...list: [string, string][]): Content {
  const shown = blank ? list.map(([l]) => [l, ''] as [string, string]) : list.filter(([, v], i) => i === 0 || v);
  return labelled(fonts, ...shown);
}

/** 宣汉县东林化工有限公司： — or, on a blank form, a line to write the addressee on. */
export function addresseeLine(value: string, blank: boolean): Content {
  if (!blank) return { text: `${value}：`, margin: [0, 4, 0, 4] } as Content;
  return {
    table: { widths: [200, 'auto'], body: [[{ text: '', border: [false, false, false, true] }, { text: '：' }]] },
    layout: 'fillIn',
    margin: [0, 0, 0, 4],
  } as Content;
}

/**
 * The signatures of a record in one block kept on one page: each signer's line with the date beside
 * it, each officer's with the 执法证号 (at least two officers' lines, as 第四十二条 wants two).
 */
export function signatureBlock(rows: ({ label: string } | { officer: string; officers: { certificateNo: string }[] })[]): Content {
  const line = (text = '') => ({ text, border: [false, false, false, true] });
  const body = rows.flatMap((r) => ('label' in r
    ? [[{ text: `${r.label}（签名）：`, noWrap: true }, line(), { text: '日期：', noWrap: true }, line()]]
    : Array.from({ length: Math.max(2, r.officers.length) }, (_, i) => [
      { text: `${r.officer}（签名）：`, noWrap: true }, line(), { text: '执法证号：', noWrap: true }, line(r.officers[i]?.certificateNo ?? ''),
    ])));
  return { stack: [{ table: { widths: ['auto', '*', 'auto', 110], body }, layout: 'fillIn' }], unbreakable: true, margin: [0, 12, 0, 0] } as Content;
}

/** A label with a line after it to write on by hand (答：____, 鉴定要求：____). */
export function writeInLine(fonts: FontSet, label: string): Content {
  return {
    table: { widths: ['auto', '*'], body: [[{ text: label, font: fonts.roles.heading }, { text: '', border: [false, false, false, true] }]] },
    layout: 'fillIn',
    margin: [0, 0, 0, 4],
  } as Content;
}
