import { z } from 'zod';
import type {
  AbsenceKind,
  CreditStatus,
  InspectionKind,
  RiskGrade,
  StandardizationGrade,
  SupervisionCategory,
} from '../../base/vocabulary.ts';
import type { Capacity } from '../../domain/plans/capacity.ts';
import type { Classification, classifyAll, PlanTrack } from '../../domain/plans/classify.ts';
import type { PlanRules } from '../../entities/plan-rules.ts';
import { planApprove, planFile, type PlanInputs, planSave, planYear } from '../../entities/plan.ts';
import type { DrawInput, DrawRecord, StratumQuota } from '../../domain/plans/draw.ts';
import type { PlanProgress, PlanStanding } from '../../domain/plans/standing.ts';
import { id } from '../../entities/common.ts';
import { channel } from './channel.ts';
import type { FileDownload } from './fragments.ts';

export interface ClassifiedEnterprise extends Classification {
  name: string;
  uscc: string;
  township: string;
  categories: SupervisionCategory[];
  standardizationGrade: StandardizationGrade;
  riskGrade: RiskGrade | null;
  creditStatus: CreditStatus;
}

export interface PlanClassification {
  today: string;
  /** The rules in force: the unit's own where an admin set them, else the bundled 示例. */
  rules: PlanRules;
  rulesOwn: boolean;
  rows: ClassifiedEnterprise[];
  summary: ReturnType<typeof classifyAll>['summary'];
}

/** One enterprise as the plan was approved on it. */
export interface PlanRow {
  enterpriseId: number;
  name: string;
  uscc: string;
  township: string;
  track: PlanTrack;
  visits: number;
  /** The 双随机 stratum's id and name (null on the 重点 list). */
  stratum: string | null;
  stratumName: string | null;
  ratio: number | null;
  cap: number | null;
  /** The cap's rule, named when an inspection over it is refused (absent from plans approved before it was kept). */
  capName?: string | null;
}

/** The plan as approved: what it was decided on, frozen with its SHA-256. */
export interface PlanSnapshot {
  classifiedOn: string;
  rulesVersion: string;
  statutoryWorkdays: number;
  rows: PlanRow[];
  strata: { id: string; name: string; ratio: number; enterprises: number; quota: number }[];
  capacity: Capacity;
  inputs: PlanInputs;
  /** The kinds the caps did not count when approved (absent from plans approved before it was kept). */
  capExempt?: InspectionKind[];
}

export interface Plan {
  year: number;
  status: 'none' | 'draft' | 'approved' | 'filed';
  version: number | null;
  inputs: PlanInputs;
  /** 法定工作日 of the year by the calendar; `calendarMissing` when the calendar does not hold the year (a guess). */
  statutoryWorkdays: number;
  calendarMissing: boolean;
  /** Live while drafted; as approved afterwards. */
  demand: { keyEnterprises: number; keyVisits: number; randomEnterprises: number; randomVisits: number };
  strata: PlanSnapshot['strata'];
  capacity: Capacity;
  /**
   * Working days the roster records officers away in the plan's year, by kind (请假、借调、培训): what the clerk's
   * 非执法工作日 should at least hold. Recorded as the year goes; a plan drafted in January sees little of it.
   */
  recordedAway: Partial<Record<AbsenceKind, number>>;
  /** What keeps it from approval now (translation keys with params), none once approved. */
  blockers: { key: string; params?: Record<string, string | number> }[];
  snapshotSha256: string | null;
  approvedOn: string | null;
  approvalRef: string | null;
  approvedBy: string | null;
  filedOn: string | null;
  filingRef: string | null;
  filedBy: string | null;
  /** 报市局备案 by the end of January of the plan's year. */
  filingDue: string;
  officersOnDuty: number;
  rulesVersion: string;
}

const drawLabel = z.object({
  year: planYear,
  label: z.string().trim().min(2, { error: 'validation.required' }).max(60),
});

/** 执法计划: the annual plan, 分类分级 and the 双随机 draws. */
export const planChannels = {
  /** Every enterprise of the ledger sorted for the plan, each with why. */
  'plans:classification': channel<PlanClassification>()({ input: z.object({}).default({}), access: 'ledger.read' }),
  /** The year's plan: computed live while drafted (supply against demand, what blocks approval), as approved after. */
  'plans:get': channel<Plan>()({ input: z.object({ year: planYear }), access: 'ledger.read' }),
  /** The working-day method's inputs; a plan approved is never changed. */
  'plans:save': channel<Plan>()({ input: planSave, access: 'ledger.write' }),
  /** The 本级人民政府's approval, entered: refused while demand exceeds supply; freezes what it was approved on. */
  'plans:approve': channel<Plan>()({ input: planApprove, access: 'cases.approve' }),
  /** Filed with the city (by the end of January). */
  'plans:file': channel<Plan>()({ input: planFile, access: 'ledger.write' }),
  /** The plan printed (an official document, a draft until approved) and as the table used in practice (Excel). */
  'plans:pdf': channel<FileDownload>()({ input: z.object({ year: planYear }), access: 'ledger.read' }),
  'plans:xlsx': channel<FileDownload>()({ input: z.object({ year: planYear }), access: 'ledger.read' }),
  /** The pool a 双随机 draw would be made on now, with its hash: shown and published before the witness gives a value. */
  'plans:draw-pool': channel<{
    input: DrawInput;
    poolSha256: string;
    quotas: StratumQuota[];
    inspectorsLeftOut: InspectorLeftOut[];
  }>()({
    input: drawLabel,
    access: 'ledger.read',
  }),
  /** The draw, on the pool published (its hash), the witness's value and name; kept whole as drawn. */
  'plans:draw': channel<DrawRecord>()({
    input: drawLabel.extend({
      poolSha256: z.string().regex(/^[0-9a-f]{64}$/),
      witnessName: z.string().trim().min(1, { error: 'validation.required' }).max(50),
      // Long enough not to be enumerated ahead (a six-digit number can be).
      witnessValue: z.string().trim().min(8, { error: 'plans.draw.valueTooShort' }).max(200),
    }),
    access: 'ledger.write',
  }),
  'plans:draws': channel<DrawRecord[]>()({ input: z.object({ year: planYear }), access: 'ledger.read' }),
  /** An enterprise's place in the year's approved plan, as the inspection form shows it before saving. */
  'plans:standing': channel<PlanStanding>()({
    /** `except`: the inspection being edited, not counted against the cap twice. */
    input: z.object({ enterpriseId: id, year: planYear, except: id.optional() }),
    access: 'inspections.read',
  }),
  /** How far the year's approved plan has been carried out (null while none is approved). */
  'plans:progress': channel<PlanProgress | null>()({ input: z.object({ year: planYear }), access: 'ledger.read' }),
  /** A draw as a file anyone can re-run (`npm run cli -- plans verify-draw <file>`). */
  'plans:draw-record': channel<FileDownload>()({
    input: z.object({ id: z.number().int().positive() }),
    access: 'ledger.read',
  }),
} as const;

export interface InspectorLeftOut {
  officerId: number;
  name: string;
  reason: 'offDuty' | 'certificate' | 'away';
}
