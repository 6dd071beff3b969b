import type { Content } from 'pdfmake/interfaces.js';
import type { ValidationIssue } from '../../base/errors.ts';
import { checkIdCard } from '../../base/id-card.ts';
import { type FontSet, labelled, ROOM } from '../layout.ts';
import type { PrefillSource } from '../template.ts';
import { fromIdNumber } from './penalty-decision.ts';

/**
 * What the 调查取证 documents (询问通知书, 询问笔录, 勘验笔录, 抽样取证凭证, 鉴定委托书) share: the case
 * they are made in, the day they bear within the case, a record's time from–to, and the interviewee's
 * identity as the 身份证号 gives it.
 */

/** The room a hand-filled record leaves for its time from–to. */
export const BLANK_TIME_RANGE = '　　年　　月　　日　　时　　分至　　时　　分';

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
  return day && day < violationDate
    ? [{ path, key: 'documents.rules.beforeViolation', params: { date: day, violationDate } }]
    : [];
}

/** A record's time from–to: both given, the end after the start, and not still to come. */
export function timeRangeChecks(startedAt: string, endedAt: string, today: string): ValidationIssue[] {
  if (!endedAt) return [{ path: ['endedAt'], key: 'validation.required' }];
  if (endedAt <= startedAt) return [{ path: ['endedAt'], key: 'documents.rules.endBeforeStart' }];
  if (endedAt.slice(0, 10) > today)
    return [{ path: ['endedAt'], key: 'documents.rules.endedInFuture', params: { date: endedAt.slice(0, 10) } }];
  return [];
}

/**
 * The interviewee identified: a 身份证号 that is valid, with the 性别 and 年龄 it gives on the day
 * (GB 11643), or, without one, the 性别 and 年龄 written in.
 */
export function identityChecks(
  f: { idNumber: string; gender: string; age: number | null },
  day: string,
): ValidationIssue[] {
  if (!f.idNumber)
    return f.gender && f.age !== null ? [] : [{ path: ['idNumber'], key: 'documents.rules.intervieweeIdentity' }];
  const id = checkIdCard(f.idNumber, day);
  if (id.error) return [{ path: ['idNumber'], key: id.error }];
  const given = fromIdNumber(f.idNumber, day);
  const issues: ValidationIssue[] = [];
  if (f.gender && f.gender !== given.gender)
    issues.push({ path: ['gender'], key: 'documents.rules.genderMismatch', params: { gender: given.gender } });
  if (f.age !== null && String(f.age) !== given.age)
    issues.push({ path: ['age'], key: 'documents.rules.ageMismatch', params: { age: given.age } });
  return issues;
}

/** 性别 and 年龄 as printed: as written, or else as the 身份证号 gives them on the day. */
export function genderAndAge(
  f: { idNumber: string; gender: string; age: number | null },
  day: string,
): { gender: string; age: string } {
  const given = f.idNumber ? fromIdNumber(f.idNumber, day) : { gender: '', age: '' };
  return { gender: f.gender || given.gender, age: f.age !== null ? String(f.age) : given.age };
}

/** 拒绝签名 noted with what happened (the officers sign under the note). */
export function refusalChecks(f: { refusedToSign: boolean; refusalNote: string }): ValidationIssue[] {
  return f.refusedToSign && !f.refusalNote
    ? [{ path: ['refusalNote'], key: 'documents.rules.refusalNoteRequired' }]
    : [];
}

/**
 * Label–value pairs on one line; on a filled document a pair left empty is dropped (the first stays),
 * on a blank form every pair keeps its room to write in.
 */
export function pairs(fonts: FontSet, blank: boolean, ...list: [string, string][]): Content {
  const shown = blank ? list.map(([l]) => [l, ''] as [string, string]) : list.filter(([, v], i) => i === 0 || v);
  return labelled(fonts, ...shown);
}

/**
 * The signatures of a record in one block kept on one page: each signer's line with the date beside
 * it, each officer's with the 执法证号 (at least two officers' lines, as 第四十二条 wants two).
 */
export function signatureBlock(
  rows: ({ label: string } | { officer: string; officers: { certificateNo: string }[] })[],
): Content {
  const line = (text = '') => ({ text, border: [false, false, false, true] });
  const body = rows.flatMap((r) =>
    'label' in r
      ? [[{ text: `${r.label}（签名）：`, noWrap: true }, line(), { text: '日期：', noWrap: true }, line()]]
      : Array.from({ length: Math.max(2, r.officers.length) }, (_, i) => [
          { text: `${r.officer}（签名）：`, noWrap: true },
          line(),
          { text: '执法证号：', noWrap: true },
          line(r.officers[i]?.certificateNo ?? ''),
        ]),
  );
  return {
    stack: [{ table: { widths: ['auto', '*', 'auto', 110], body }, layout: 'fillIn' }],
    unbreakable: true,
    margin: [0, 12, 0, 0],
    signing: true,
  } as Content;
}
