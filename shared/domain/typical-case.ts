import { yuanFigures, yuanInWords } from './amount.ts';
import { chineseDate } from './dates.ts';
import { isCorrectionOrder } from './measures.ts';
import { maskName, maskPersonalData } from './publication.ts';
import type { Party, PartyKey, PersonParty, Violation } from '../entities/case.ts';
import type {
  ScheduleRule,
  SchedulePeriod,
  TypicalCaseField,
  TypicalCaseSource,
  UnitLevel,
} from '../entities/typical-case.ts';

/**
 * 典型执法案例: what the file gives each field of a write-up, the reporting schedule as periods, and what a case needs
 * to be sent as typical. Pure: the core gathers the facts.
 */

/** What the core gathers from a decided case for its write-up. */
export interface TypicalCaseFacts {
  agency: string;
  phone: string;
  cause: string;
  unit: Party;
  persons: PersonParty[];
  violations: Violation[];
  /** The issued (not superseded) decisions of the ordinary or summary procedure, oldest first. */
  decisions: { numberText: string; date: string; party: PartyKey }[];
  /** GB/T 4754 code and name (the name empty where the code is not listed). */
  industry: { code: string; name: string };
  /** The unit's region code and the enterprise's township. */
  region: { code: string; township: string };
  inspectionDate: string | null;
  /** The 重大事故隐患 criteria the case's hazards matched, as cited (《…》第N条：…). */
  majorHazards: string[];
  /** The hazards of the inspection the case came from, by what their 复查 found. */
  hazards: { open: number; rectified: number; notRectified: number };
  transferred: boolean;
  handlerNames: string[];
}

const trimEnd = (s: string) => s.trim().replace(/[。；;.，,]+$/, '');
const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/** 罚款人民币叁万元整（¥30,000.00）: the words computed from the figure, never typed. */
export const fineText = (yuan: number) => `罚款人民币${yuanInWords(yuan * 100)}（¥${yuanFigures(yuan * 100)}）`;

/** What a party was ordered, fine first, as one clause (persons named by surname: the write-up is published). */
function penaltyOf(f: TypicalCaseFacts, party: PartyKey): string {
  const own = f.violations.filter((v) => String(v.party) === String(party));
  const fine = own.reduce((s, v) => s + v.fine, 0);
  // An order to put things right is no penalty (行政处罚法 第二十八条): the 处理结果 says it apart.
  const measures = unique(own.flatMap((v) => v.measures)).filter((m) => !isCorrectionOrder(m));
  const parts = [fine > 0 ? fineText(fine) : '', ...measures].filter(Boolean);
  if (!parts.length) return '';
  const who =
    party === 'unit' ? f.unit.name : `${maskName(f.persons[party]?.name ?? '')}（${f.persons[party]?.post ?? ''}）`;
  return `对${who}${parts.join('，')}`;
}

/** Every value the file gives, as the write-up prints it. */
export function sourceValues(f: TypicalCaseFacts): Record<TypicalCaseSource, string> {
  const names = f.persons.map((p) => p.name);
  const mask = (s: string) => maskPersonalData(s, names);
  // Whom the unit decided on: each issued decision's party, as the decisions name them.
  // The unit first, then each person in the 呈批's order, whatever order the decisions were dated in.
  const parties = [...new Set(f.decisions.map((d) => String(d.party)))]
    .map((p): PartyKey => (p === 'unit' ? 'unit' : Number(p)))
    .sort((a, b) => (a === 'unit' ? -1 : b === 'unit' ? 1 : a - b));
  const decidedPersons = parties.filter((p): p is number => p !== 'unit');
  const penalty = parties
    .map((p) => penaltyOf(f, p))
    .filter(Boolean)
    .join('；');
  const violated = unique(f.violations.map((v) => v.violatedProvision)).join('；');
  const basis = unique(f.violations.map((v) => v.penaltyProvision)).join('；');
  const decidedOn = unique(f.decisions.map((d) => d.date)).sort();
  const decisionDate = decidedOn.map(chineseDate).join('、');
  const facts = unique(f.violations.map((v) => trimEnd(v.facts))).join('；');
  const act = f.cause.replace(/^涉嫌/, '').replace(/案$/, '');
  const orders = unique(f.violations.flatMap((v) => v.measures)).filter(isCorrectionOrder);
  const { open, rectified, notRectified } = f.hazards;
  const total = open + rectified + notRectified;
  return {
    title: `${f.unit.name}${act}案`,
    agency: f.agency,
    decisionNumber: f.decisions.map((d) => d.numberText).join('；'),
    decisionDate,
    partyName: [
      ...(parties.includes('unit') ? [f.unit.name] : []),
      ...decidedPersons.map((i) => `${maskName(f.persons[i]?.name ?? '')}（${f.persons[i]?.post ?? ''}）`),
    ].join('；'),
    partyCode: f.unit.code,
    industry: f.industry.name ? `${f.industry.code} ${f.industry.name}` : f.industry.code,
    region: [f.region.code, f.region.township].filter(Boolean).join(' '),
    inspectionDate: f.inspectionDate ? chineseDate(f.inspectionDate) : '',
    violated,
    basis,
    penalty: penalty ? `${penalty}。` : '',
    suspension: f.violations.some((v) => v.measures.some((m) => /停产停业|停止建设|停止施工/.test(m))) ? '是' : '否',
    transferred: f.transferred ? '是' : '否',
    majorHazard: f.majorHazards.join('；') || '无',
    summary: mask(
      `${f.inspectionDate ? `${chineseDate(f.inspectionDate)}，${f.agency}执法人员对${f.unit.name}进行执法检查时发现：` : `经查，`}${facts}。上述行为违反了${violated}的规定。`,
    ),
    result: mask(
      `${f.agency}依据${basis}的规定，${decisionDate ? `于${decisionDate}` : ''}作出行政处罚决定：${penalty}。${orders.length ? `同时${orders.join('，')}。` : ''}${f.transferred ? '涉嫌犯罪部分已依法移送司法机关。' : ''}`,
    ),
    reasoning: mask(
      unique(f.violations.map((v) => trimEnd(v.reasoning))).join('；') + (f.violations.length ? '。' : ''),
    ),
    rectification: total
      ? `检查发现的${total}项隐患，经复查${rectified}项已整改完毕${notRectified ? `，${notRectified}项未整改` : ''}${open ? `，${open}项尚待复查` : ''}。`
      : '',
    contact: f.handlerNames[0] ?? '',
    phone: f.phone,
  };
}

/** A drafted field the clerk has changed: its text is no longer the draft it was made from. */
const edited = (id: string, stored: Record<string, string>, drafts: Record<string, string>) =>
  Object.hasOwn(stored, id) && stored[id] !== drafts[id];

/**
 * The values a write-up shows. While it is a draft: a field from the file as the file stands; a drafted field as the
 * file drafts it now until the clerk changes it, then as the clerk wrote it; the others as typed. Once final, as
 * frozen (`sources` null).
 */
export function valuesOf(
  fields: TypicalCaseField[],
  stored: Record<string, string>,
  drafts: Record<string, string>,
  sources: Record<TypicalCaseSource, string> | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (!sources) out[f.id] = stored[f.id] ?? '';
    else if (f.from) out[f.id] = sources[f.from];
    else if (f.draft && !edited(f.id, stored, drafts)) out[f.id] = sources[f.draft];
    else out[f.id] = stored[f.id] ?? '';
  }
  return out;
}

/**
 * Drafted fields the clerk changed whose draft the file has since changed (a decision corrected, a date moved): the
 * text may now disagree with the file, so it is not finalised until the clerk redrafts it or confirms it.
 */
export function staleFields(
  fields: TypicalCaseField[],
  stored: Record<string, string>,
  drafts: Record<string, string>,
  sources: Record<TypicalCaseSource, string>,
): string[] {
  return fields
    .filter((f) => f.draft && edited(f.id, stored, drafts) && drafts[f.id] !== sources[f.draft])
    .map((f) => f.id);
}

/** What the clerk may change: only fields that are not from the file, each within its length. */
export function editIssues(
  fields: TypicalCaseField[],
  values: Record<string, string>,
): { path: (string | number)[]; key: string; params?: Record<string, string | number> }[] {
  const issues: { path: (string | number)[]; key: string; params?: Record<string, string | number> }[] = [];
  const byId = new Map(fields.map((f) => [f.id, f]));
  for (const [k, v] of Object.entries(values)) {
    const f = byId.get(k);
    if (!f) issues.push({ path: ['values', k], key: 'typicalCases.rules.unknownField' });
    else if (f.from) issues.push({ path: ['values', k], key: 'typicalCases.rules.fromFile' });
    else if ([...v].length > f.max) issues.push({ path: ['values', k], key: 'validation.tooLong' });
  }
  return issues;
}

/** Required fields still empty. */
export const missingFields = (fields: TypicalCaseField[], values: Record<string, string>): string[] =>
  fields.filter((f) => f.required && !values[f.id]?.trim()).map((f) => f.id);

/** GB/T 2260: 省 ends 0000, 地级 ends 00, the rest are 县级. */
export function unitLevel(regionCode: string): UnitLevel {
  if (regionCode.endsWith('0000')) return 'province';
  if (regionCode.endsWith('00')) return 'city';
  return 'county';
}

/** The rules that bind a unit: those of its level, national or of a region it lies in. */
export const rulesFor = (schedule: ScheduleRule[], regionCode: string): ScheduleRule[] =>
  schedule.filter(
    (r) => r.level === unitLevel(regionCode) && (!r.regions.length || r.regions.some((p) => regionCode.startsWith(p))),
  );

const monthStart = (abs: number) => `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, '0')}-01`;
function monthEnd(abs: number): string {
  const y = Math.floor(abs / 12);
  const m = (abs % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The period of a rule holding a day, `back` periods before it. */
export function periodOf(rule: ScheduleRule, day: string, back = 0): { from: string; to: string } {
  const abs = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const offset = (((abs - (rule.firstMonth - 1)) % rule.months) + rule.months) % rule.months;
  const start = abs - offset - back * rule.months;
  return { from: monthStart(start), to: monthEnd(start + rule.months - 1) };
}

/**
 * For each rule binding the unit, the period before this one (missed, if it fell short) and this one (met, or due by
 * its last day): write-ups count in the period the day they were sent falls in.
 */
export function schedulePeriods(rules: ScheduleRule[], today: string, sentOn: string[]): SchedulePeriod[] {
  const out: SchedulePeriod[] = [];
  for (const rule of rules)
    for (const back of [1, 0]) {
      const { from, to } = periodOf(rule, today, back);
      const sent = sentOn.filter((d) => d >= from && d <= to).length;
      out.push({
        rule: rule.id,
        name: rule.name,
        nameEn: rule.nameEn,
        basis: rule.basis,
        uncertain: rule.uncertain,
        from,
        to,
        due: to,
        required: rule.count,
        sent,
        status: sent >= rule.count ? 'met' : back ? 'missed' : 'due',
      });
    }
  return out;
}

/**
 * Why a decided case may not be sent as typical (a translation key), or null: a penalty this unit decided in the
 * ordinary procedure, complete (结案), and the file's review without a veto — the ministry asks for strict, lawful, procedurally
 * correct cases.
 */
export function refusalOf(c: {
  outcome: string | null;
  procedure: 'ordinary' | 'summary';
  decided: boolean;
  closed: boolean;
  vetoed: boolean | null;
}): string | null {
  if (c.outcome !== 'penalty' || !c.decided) return 'typicalCases.rules.notDecided';
  // A 当场处罚 (a small fine on the spot, 行政处罚法 第五十一条) shows none of what a typical case is chosen for.
  if (c.procedure === 'summary') return 'typicalCases.rules.summary';
  if (!c.closed) return 'typicalCases.rules.notClosed';
  if (c.vetoed) return 'typicalCases.rules.vetoed';
  return null;
}
