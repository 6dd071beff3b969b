import { isCorrectionOrder } from './measures.ts';
import type { CaseDocument, Party, PartyKey, PersonParty, Violation } from '../entities/case.ts';
import { addMonths } from './periods.ts';
import { addCalendarDays } from './workdays.ts';
import { DECISION_TYPES, issued, violationsOf } from './case-procedure.ts';

/**
 * What is published of a penalty decision (安全生产法 第七十八条; 行政处罚法 第四十八条): the 双公示
 * fields of the 信用中国 schema, filled from the case and the decision as issued. Personal data is
 * masked (个人信息保护法 第六条): a person fined is named by the surname, and any 身份证号 or mobile
 * number in the text is cut down to its ends. How long it stays online is the unit's setting.
 */
export const PUBLICATION_FIELDS = [
  'partyName',
  'creditCode',
  'legalRepresentative',
  'idNumber',
  'decisionNumber',
  'violationType',
  'facts',
  'basis',
  'category',
  'content',
  'fineWan',
  'decisionDate',
  'publicUntil',
  'agency',
] as const;
export type PublicationField = (typeof PUBLICATION_FIELDS)[number];

export interface PublicationRecord {
  party: PartyKey;
  documentId: number;
  values: Record<PublicationField, string>;
}

export interface PublicationSource {
  cause: string;
  unit: Party;
  persons: PersonParty[];
  violations: Violation[];
  documents: CaseDocument[];
}

/** 王明 → 王*, 欧阳娜娜 → 欧阳**: the surname stays (two characters for the common compound ones). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name;
  const keep = chars.length >= 4 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
]);

/** Any certificate number (a 15-digit old ID, a passport) cut to its ends: the first and last 4 of a long one, all of a short one. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  return v.length >= 12 ? `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}` : '*'.repeat(v.length);
}

/** 身份证号 to its first 4 and last 4, mobile numbers to their first 3 and last 4, the names given masked. */
export function maskPersonalData(text: string, names: string[] = []): string {
  let out = text
    .replace(
      /(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g,
      (_, a: string, b: string) => `${a}${'*'.repeat(10)}${b}`,
    )
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
  for (const n of names.filter((x) => [...x].length > 1).sort((a, b) => b.length - a.length))
    out = out.split(n).join(maskName(n));
  return out;
}

/** The kinds of penalty a decision imposes, as the dataset names them. */
function categories(violations: Violation[]): string {
  const kinds = new Set<string>();
  for (const v of violations) {
    if (v.fine > 0) kinds.add('罚款');
    for (const m of v.measures) {
      if (/警告/.test(m)) kinds.add('警告');
      else if (/停产停业|停止建设|停止使用/.test(m)) kinds.add('责令停产停业');
      else if (/吊销|暂扣/.test(m)) kinds.add('暂扣或者吊销许可证');
      else if (/没收/.test(m)) kinds.add('没收违法所得、没收非法财物');
      else if (/关闭/.test(m)) kinds.add('责令关闭');
      else if (!isCorrectionOrder(m)) kinds.add('其他');
    }
  }
  return [...kinds].join('；');
}

/** One record per decision issued in the ordinary procedure (当场处罚 decisions are not published). */
export function publicationRecords(
  c: PublicationSource,
  agency: string,
  years: { unit: number; person: number },
): PublicationRecord[] {
  const persons = c.persons.map((p) => p.name);
  const mask = (text: string) => maskPersonalData(text, persons);
  return issued(c, ...DECISION_TYPES)
    .filter((d) => d.type.startsWith('penalty-decision-'))
    .map((d) => {
      const party: PartyKey =
        d.fields.party === undefined || d.fields.party === 'unit' ? 'unit' : Number(d.fields.party);
      const own = violationsOf(c, party);
      const person = party === 'unit' ? null : c.persons[party];
      const decided = d.date ?? '';
      const fine = own.reduce((s, v) => s + v.fine, 0);
      const values: Record<PublicationField, string> = {
        partyName: person ? maskName(person.name) : c.unit.name,
        creditCode: person ? '' : c.unit.code,
        legalRepresentative: person ? '' : c.unit.legalRepresentative,
        idNumber: person?.idNumber ? maskIdNumber(person.idNumber) : '',
        decisionNumber: d.numberText ?? '',
        violationType: mask(c.cause.replace(/^涉嫌/, '').replace(/案$/, '')),
        facts: mask(own.map((v) => v.facts.replace(/[。；;.]+$/, '')).join('；') + '。'),
        basis: mask([...new Set(own.map((v) => v.penaltyProvision))].join('、')),
        category: categories(own),
        content: mask(
          own.map((v) => [v.fine > 0 ? `罚款${v.fine}元` : '', ...v.measures].filter(Boolean).join('，')).join('；'),
        ),
        fineWan: fine ? String(fine / 10000) : '0',
        decisionDate: decided,
        // Online until the end of the set years (a decision of 2026-11-22 for 5 years: to 2031-11-21).
        publicUntil: decided ? addCalendarDays(addMonths(decided, 12 * (person ? years.person : years.unit)), -1) : '',
        agency,
      };
      return { party, documentId: d.id, values };
    });
}

/** The record as text to paste into the publication platform, one 字段：值 per line. */
export function publicationText(r: PublicationRecord, labels: Record<PublicationField, string>): string {
  return PUBLICATION_FIELDS.filter((f) => r.values[f])
    .map((f) => `${labels[f]}：${r.values[f]}`)
    .join('\n');
}
