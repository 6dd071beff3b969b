import { z } from 'zod';
import { APPROVAL_ROLES, APPROVAL_STAGES, CASE_SOURCES, keysOf } from '../base/vocabulary.ts';
import { DISCRETION_TIERS, VIOLATION_STAGES } from './discretion.ts';
import { id, isoDate, optionalText, required } from './common.ts';
import { fileUpload } from './file.ts';

/**
 * A penalty case (案件) from 立案 to 归档. The case row holds what was decided at 立案 and 呈批;
 * everything that happens to it afterwards is an appended event (approval signatures, 法制审核,
 * statements, payments, 归档, 复议…), never edited: a mistaken entry is retracted by another event.
 */
export const caseOutcome = z.enum(['penalty', 'no-penalty', 'transfer']);
export type CaseOutcome = z.output<typeof caseOutcome>;

export const caseInput = z.object({
  enterpriseId: id,
  source: z.enum(keysOf(CASE_SOURCES)),
  /** The inspection escalation it was opened from: its facts, hazards and evidence come with it. */
  escalationId: id.nullable().default(null),
  inspectionId: id.nullable().default(null),
  sourceNote: optionalText(1000),
  /** 案由, e.g. 涉嫌未采取措施消除事故隐患案. */
  cause: required(z.string().max(200)),
  facts: optionalText(4000),
  /** When the violation happened (or was found): the law and benchmark in force on that day apply. */
  violationDate: isoDate,
  /** 承办人: at least two officers (行政处罚法 第四十二条). */
  handlerIds: z.array(id).min(2, { error: 'cases.rules.twoHandlers' }).max(6),
  procedure: z.enum(['ordinary', 'summary']).default('ordinary'),
  /** 案情复杂: triggers 法制审核 and 集体讨论 where the settings say so. */
  complex: z.boolean().default(false),
  /** 涉嫌犯罪: the transfer path (行刑衔接); a fine cannot quietly replace it. */
  suspectedCrime: z.boolean().default(false),
});
export type CaseInput = z.input<typeof caseInput>;

/** A natural person fined beside the unit (e.g. 主要负责人 under 安全生产法 第九十四条). */
export const personParty = z.object({
  name: required(z.string().max(50)),
  idNumber: optionalText(18),
  post: required(z.string().max(50)),
  address: optionalText(200),
  phone: optionalText(30),
});
export type PersonParty = z.output<typeof personParty>;

/** Who a violation, document or payment concerns: 'unit', or the index of a person in `persons`. */
export const partyKey = z.union([z.literal('unit'), z.number().int().min(0)]);
export type PartyKey = z.output<typeof partyKey>;

export const violationInput = z.object({
  party: partyKey,
  facts: required(z.string().max(4000)),
  evidence: optionalText(2000),
  hazardId: id.nullable().default(null),
  /** 违反…的规定: down to 条/款/项 of the law named. */
  violatedProvision: required(z.string().max(300)),
  penaltyItemId: z.string().max(60),
  /** 依据…的规定, as cited: filled from the penalty item (《中华人民共和国安全生产法》第一百零二条) when left empty. */
  penaltyProvision: optionalText(300),
  stage: z.enum(VIOLATION_STAGES).default('first'),
  /** The benchmark row chosen (its circumstance text), if any. */
  benchmarkCircumstance: optionalText(300),
  circumstanceIds: z.array(z.string().max(60)).max(20).default([]),
  tier: z.enum(DISCRETION_TIERS),
  reasoning: required(z.string().max(2000)),
  /** 元, whole yuan. */
  fine: z.number().int().min(0).max(10_000_000_000),
  measures: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  /**
   * The person's 上一年年收入 in 元, where the article sets the fine as a share of it (第九十五条, 第九十六条,
   * 第一百一十条); and the 违法所得 in 元, where it sets the fine (and the confiscation) by it (第九十二条第二款,
   * 第一百零三条). Null where not established; `basisEvidence` names the proof of either.
   */
  income: z.number().int().min(0).max(10_000_000_000).nullable().default(null),
  gains: z.number().int().min(0).max(10_000_000_000).nullable().default(null),
  basisEvidence: optionalText(500),
});
export type ViolationInput = z.input<typeof violationInput>;
export type Violation = z.output<typeof violationInput>;

export const disposalInput = z.object({
  id,
  version: z.number().int(),
  outcome: caseOutcome,
  persons: z.array(personParty).max(10).default([]),
  violations: z.array(violationInput).max(30).default([]),
  /** Why an approved 呈批 is changed after the party was heard (a new 呈批 follows); required then. */
  revisionReason: optionalText(1000),
});

const signer = { name: required(z.string().max(50)), post: optionalText(50), date: isoDate };

/** One row of an approval form (立案 / 呈批 / 结案), as its signer wrote it on the paper. */
export const approvalSign = z.object({
  stage: z.enum(keysOf(APPROVAL_STAGES)),
  role: z.enum(keysOf(APPROVAL_ROLES)),
  ...signer,
  opinion: optionalText(1000),
  approved: z.boolean().default(true),
});
export type ApprovalSign = z.input<typeof approvalSign>;

/** What can be recorded on a case: each kind with its own fields, checked against the procedure. */
export const caseEvent = z.discriminatedUnion('kind', [
  approvalSign.extend({ kind: z.literal('approval') }),
  z.object({
    kind: z.literal('legal-review'),
    ...signer,
    result: z.enum(['pass', 'change', 'fail']),
    opinion: required(z.string().max(4000)),
  }),
  z.object({
    kind: z.literal('collective-discussion'),
    date: isoDate,
    chair: required(z.string().max(50)),
    attendees: z.array(z.string().trim().min(1).max(50)).min(3, { error: 'cases.rules.discussionAttendees' }).max(30),
    minutes: required(z.string().max(8000)),
    conclusion: required(z.string().max(2000)),
  }),
  /** 陈述申辩 heard (or expressly waived, 行政处罚法 第六十二条), for the party whose notice it answers. */
  z.object({
    kind: z.literal('statement'),
    date: isoDate,
    party: partyKey.default('unit'),
    waived: z.boolean().default(false),
    waivesHearing: z.boolean().default(false),
    content: optionalText(4000),
    adopted: z.boolean().default(false),
    reply: optionalText(2000),
  }),
  z.object({
    kind: z.literal('hearing-request'),
    date: isoDate,
    party: partyKey.default('unit'),
    note: optionalText(500),
  }),
  /**
   * 听证 held on the day the 听证会通知书 set, chaired by someone who did not investigate (第六十四条);
   * a party who does not attend has waived it. What was said is the 听证笔录, a document of its own.
   */
  z.object({
    kind: z.literal('hearing'),
    date: isoDate,
    party: partyKey.default('unit'),
    chair: required(z.string().max(50)),
    attended: z.boolean(),
  }),
  /** The receiving organ's answer to a 案件移送书 (公安机关: whether it opens a criminal case). */
  z.object({
    kind: z.literal('transfer-answer'),
    date: isoDate,
    organ: required(z.string().max(100)),
    result: z.enum(['accepted', 'declined']),
    note: optionalText(2000),
  }),
  z.object({
    kind: z.literal('payment'),
    date: isoDate,
    party: partyKey.default('unit'),
    amount: z.number().int().positive().max(100_000_000),
    receiptNo: optionalText(60),
    note: optionalText(500),
  }),
  /** 当场处罚决定 reported to the agency for 备案 (行政处罚法 第五十二条第三款): who received it. */
  z.object({
    kind: z.literal('summary-filed'),
    date: isoDate,
    party: partyKey.default('unit'),
    filedWith: required(z.string().max(50)),
  }),
  /** 申请人民法院强制执行 (行政强制法 第五十三条), within 3 months after the time to sue has run out. */
  z.object({
    kind: z.literal('court-application'),
    date: isoDate,
    party: partyKey.default('unit'),
    court: required(z.string().max(100)),
    note: optionalText(1000),
  }),
  /**
   * 当场收缴的罚款 handed in to the agency (行政处罚法 第七十一条): within 2 working days of collecting
   * it, and the agency pays it into the bank within 2 more.
   */
  z.object({
    kind: z.literal('cash-handed-in'),
    date: isoDate,
    party: partyKey.default('unit'),
    amount: z.number().int().positive().max(100_000_000),
    receivedBy: required(z.string().max(50)),
  }),
  /**
   * 先行调查取证: evidence gathered before 立案 because it would otherwise be lost (the unit's head approves,
   * and the case is filed within the period after it, 2015 办法 第二十三条). Without it, investigation waits for 立案.
   */
  z.object({
    kind: z.literal('pre-investigation'),
    date: isoDate,
    reason: required(z.string().max(1000)),
    approvedBy: required(z.string().max(50)),
  }),
  /**
   * 第一百一十三条: the request to the local government to close a unit penalised three times in 180 days or four in a year
   * with a major hazard (提请关闭; the government decides, 第一百一十五条).
   */
  z.object({
    kind: z.literal('closure-request'),
    date: isoDate,
    government: required(z.string().max(100)),
    note: optionalText(1000),
  }),
  /**
   * 行刑衔接: whether a case whose violations may be a crime goes to the police. Not to transfer is a decision of its
   * own, reasoned and approved by the head (国务院令第310号 第五条; 应急〔2019〕54号), recorded before the case is decided.
   */
  z.object({
    kind: z.literal('transfer-assessment'),
    date: isoDate,
    conclusion: z.enum(['transfer', 'not-transfer']),
    reasoning: required(z.string().max(2000)),
    approvedBy: required(z.string().max(50)),
  }),
  /**
   * 回避 (行政处罚法 第四十三条): an officer with an interest withdraws, on the party's application or
   * his own; the 负责人 decides. A recused officer may no longer sign or investigate in the case.
   */
  z.object({
    kind: z.literal('recusal'),
    date: isoDate,
    officer: required(z.string().max(50)),
    applicant: z.enum(['party', 'officer']),
    reason: required(z.string().max(1000)),
    decidedBy: required(z.string().max(50)),
    granted: z.boolean(),
  }),
  /**
   * 拒不改正 after the decision ordered correction and fined (安全生产法 第一百一十二条): from the day
   * after the correction order the original fine may be imposed again for every day, until corrected.
   */
  z.object({
    kind: z.literal('refused-correction'),
    date: isoDate,
    party: partyKey.default('unit'),
    orderedOn: isoDate,
    note: required(z.string().max(2000)),
  }),
  z.object({ kind: z.literal('corrected'), date: isoDate, party: partyKey.default('unit'), note: optionalText(1000) }),
  /**
   * The approved 呈批 changed after the party was heard (statement adopted, hearing held): recorded by
   * the change itself, it spends the earlier signatures — the changed penalty needs a new 呈批.
   */
  z.object({ kind: z.literal('disposal-revised'), date: isoDate, reason: required(z.string().max(1000)) }),
  z.object({ kind: z.literal('publication'), date: isoDate, where: required(z.string().max(200)) }),
  z.object({ kind: z.literal('publication-withdrawn'), date: isoDate, where: required(z.string().max(200)) }),
  z.object({
    kind: z.literal('archive'),
    date: isoDate,
    archiveNo: z.string().regex(/^\d{4}-\d{4}$/, { error: 'cases.rules.archiveNo' }),
    retention: z.enum(['永久', '30年', '10年']).default('永久'),
  }),
  /** 复议 or 诉讼 and, later, its result: appended even after 归档. */
  z.object({
    kind: z.literal('remedy'),
    date: isoDate,
    remedy: z.enum(['review', 'litigation']),
    organ: required(z.string().max(100)),
    outcome: z.enum(['pending', 'upheld', 'revoked', 'changed', 'withdrawn']),
    note: optionalText(2000),
  }),
  z.object({
    kind: z.literal('enforcement'),
    date: isoDate,
    party: partyKey.default('unit'),
    result: required(z.string().max(2000)),
  }),
  z.object({
    kind: z.literal('borrow'),
    date: isoDate,
    borrower: required(z.string().max(50)),
    purpose: required(z.string().max(200)),
    approvedBy: required(z.string().max(50)),
    returnedOn: isoDate.nullable().default(null),
  }),
  z.object({ kind: z.literal('retract'), date: isoDate, eventId: id, reason: required(z.string().max(500)) }),
]);
export type CaseEventInput = z.input<typeof caseEvent>;
export type CaseEventData = z.output<typeof caseEvent>;
export type CaseEventKind = CaseEventData['kind'];

export const recordInput = z.object({ id, event: caseEvent, scan: fileUpload.optional() });

/**
 * Kinds an earlier version recorded by hand, before they were documents: the approval of a 延期（分期）缴纳
 * (now the 延期（分期）缴纳罚款批准书) and the 催告 (now the 行政强制执行事先催告书). Files keep them, as
 * that version stored them, and the procedure still reads them; they are not in caseEvent, so no new
 * one is recorded.
 */
export const legacyCaseEvent = z.discriminatedUnion('kind', [
  /** 延期或者分期缴纳罚款 approved on the party's application (行政处罚法 第六十六条): the whole fine fell due on `until`. */
  z.object({
    kind: z.literal('deferral'),
    date: isoDate,
    party: partyKey.default('unit'),
    until: isoDate,
    instalments: z.number().int().min(1).max(12).default(1),
    approvedBy: required(z.string().max(50)),
  }),
  /** 催告书 served on a party who had not paid (行政强制法 第五十四条): the court may be asked 10 working days later. */
  z.object({ kind: z.literal('demand'), date: isoDate, party: partyKey.default('unit'), note: optionalText(500) }),
]);
export type LegacyCaseEventData = z.output<typeof legacyCaseEvent>;
/** What a stored event holds: a kind recorded today, or a legacy one in a file of an earlier version. */
export type StoredCaseEventData = CaseEventData | LegacyCaseEventData;

export interface CaseEvent {
  id: number;
  /** A kind recorded today, or in a file of an earlier version a legacy one (legacyCaseEvent). */
  data: StoredCaseEventData;
  scanName: string | null;
  scanSha256: string | null;
  enteredAt: string;
  enteredBy: string;
  /** A later 'retract' event took it back: it stays on the record, struck through. */
  retracted: { reason: string; by: string } | null;
}

/** A case document as the procedure sees it: which form, its date, and when it was served. */
export interface CaseDocument {
  id: number;
  type: string;
  typeName: string;
  status: 'draft' | 'issued' | 'voided';
  numberText: string | null;
  /** The pages its PDF printed on, once issued (null for one issued before the count was kept). */
  pages: number | null;
  date: string | null;
  servedOn: string | null;
  fields: Record<string, unknown>;
  /** The moment it was served (local time), where an hours period counts (停止供电's 24 hours). */
  servedAt: string | null;
  /** A correction replaced it: the procedure reads the correction. */
  superseded: boolean;
}

export interface CaseDeadline {
  /** The statutory period's id (knowledge/periods.json). */
  period: string;
  name: string;
  /** The party it concerns where a case decides on several (null: the case as a whole), and that party's name if a person. */
  party: PartyKey | null;
  partyName: string | null;
  basis: string;
  from: string;
  due: string;
  /** The step happened on this day (on time or late). */
  metOn: string | null;
  status: 'pending' | 'met' | 'late' | 'overdue';
  /** Touches a year the calendar does not cover, or the rule itself is 待核实. */
  uncertain: boolean;
  /** The document the period runs from (the notice or decision whose measure it times), where one does. */
  documentId: number | null;
}

export type CaseStage =
  | 'filing'
  | 'investigation'
  | 'disposal'
  | 'transfer'
  | 'hearing'
  | 'notice'
  | 'decision'
  | 'execution'
  | 'closing'
  | 'closed'
  | 'archived';

export interface Party {
  kind: 'unit' | 'person';
  name: string;
  code: string;
  post: string;
  address: string;
  legalRepresentative: string;
}

export interface CaseSummary {
  id: number;
  caseNo: string;
  enterpriseId: number;
  enterpriseName: string;
  cause: string;
  source: keyof typeof CASE_SOURCES;
  procedure: 'ordinary' | 'summary';
  stage: CaseStage;
  outcome: CaseOutcome | null;
  filedOn: string | null;
  totalFine: number;
  handlerNames: string[];
  createdAt: string;
  version: number;
}

export interface DailyPenalty {
  party: PartyKey;
  partyName: string | null;
  from: string;
  until: string;
  corrected: boolean;
  days: number;
  perDay: number;
  amount: number;
}

export interface Surcharge {
  party: PartyKey;
  partyName: string | null;
  due: string;
  days: number;
  amount: number;
  paused: boolean;
}

/**
 * A violation that may amount to 危险作业罪 (刑法 第一百三十四条之一): its penalty item punishes such an act, or the
 * hazard it stands on matched a criterion marked so. The case is assessed for transfer before it is decided.
 */
export interface CrimeRisk {
  /** The violation's index in the 呈批. */
  violation: number;
  /** 第（一）至（三）项 where the penalty item names it; null where a hazard criterion marks the risk. */
  situation: 1 | 2 | 3 | null;
  /** What marks it: the penalty item's article, or the criterion (its list and article). */
  marker: string;
}

export interface CaseDetail extends CaseSummary {
  escalationId: number | null;
  inspectionId: number | null;
  sourceNote: string;
  facts: string;
  violationDate: string;
  handlerIds: number[];
  complex: boolean;
  suspectedCrime: boolean;
  unit: Party;
  persons: PersonParty[];
  violations: Violation[];
  events: CaseEvent[];
  documents: CaseDocument[];
  /** Computed from the recorded events and documents: nothing here is typed in. */
  deadlines: CaseDeadline[];
  triggers: { hearing: boolean; legalReview: string[]; collectiveDiscussion: boolean };
  /** Violations that may amount to 危险作业罪: a transfer assessment is recorded before the decision (行刑衔接). */
  crimeRisks: CrimeRisk[];
  /** What the next step needs and what blocks it, by rule. */
  blockers: { step: string; key: string; params?: Record<string, unknown> }[];
  /** The one step the case waits for, who takes it and what the page does for it (domain/case-next.ts nextStep). */
  next: NextStep | null;
  /**
   * 第一百一十三条: with a major hazard, penalised 3 times in 180 days or 4 in a year (the window anchored on the penalties'
   * own dates) → 提请关闭; gone once the request is recorded on the case.
   */
  closurePrompt: { count: number; days: 180 | 365; from: string; to: string } | null;
  /** 加处罚款 per party with a payment deadline. */
  surcharges: Surcharge[];
  /** 按日连续处罚 (第一百一十二条) counted per refusal to correct: days so far and the original fine for each. */
  dailyPenalties: DailyPenalty[];
  /** Officers the 负责人 recused (回避): they may not sign the case's documents. */
  recused: string[];
  /** The approved 呈批 may be changed (to a lighter penalty) because the party was heard, before any decision. */
  disposalRevisable: boolean;
  paid: number;
  archived: boolean;
  /** Offered when the file is closed: the year's next free 归档号. */
  nextArchiveNo: string | null;
}

/** Who acts on a step: the case staff, the legal reviewer (法制审核), the head (审批). */
export type StepActor = 'clerk' | 'reviewer' | 'supervisor';
/** What the case page's 下一步 button does. */
export type NextAction =
  | { kind: 'sign'; stage: 'filing' | 'disposal' | 'closing' }
  | { kind: 'disposal' }
  | { kind: 'edit' }
  | { kind: 'document'; type: string; party?: number }
  | { kind: 'open-document'; documentId: number }
  | { kind: 'record'; event: CaseEventKind };
export interface NextStep {
  /** A cases.next.* key saying the step; `params` fill it in. */
  key: string;
  params?: Record<string, string>;
  who: StepActor;
  /** None where the step is waiting for time to pass or for what the blockers list. */
  action: NextAction | null;
}
