import { z } from 'zod';

/** What a reviewer decides on a file: each judgement item or veto judged, and findings overruled with a reason. */
export const reviewDecisions = z
  .object({
    judgements: z
      .record(
        z.string().regex(/^[a-z0-9-]+$/),
        z.object({
          passed: z.boolean(),
          lost: z.number().min(0).max(100).optional(),
          comment: z.string().trim().max(1000).default(''),
        }),
      )
      .default({}),
    overruled: z
      .record(z.string().max(400), z.string().trim().min(1, { error: 'review.rules.reasonRequired' }).max(1000))
      .default({}),
  })
  .default({ judgements: {}, overruled: {} });

/** A review signed and kept: the result as it stood, who signed it, and the audit chain head then. */
export interface SavedReview {
  id: number;
  caseId: number;
  standardId: string;
  standardVersion: string;
  score: number;
  max: number;
  percent: number | null;
  grade: string | null;
  vetoed: boolean;
  reviewer: string;
  signedAt: string;
  auditHead: string | null;
  decisions: z.output<typeof reviewDecisions>;
  result: ReviewResult;
}

/**
 * A review's result as the domain computes it (domain/review/review.ts) and the reviewer's screen, the
 * 评查表 and a signed review keep it: findings of the machine checks, each priced by the standard.
 */

/** Where a finding points: a document's field, or (documentId null) the case's own record. */
export interface FieldAddress {
  documentId: number | null;
  path: (string | number)[];
}

export interface CheckFinding {
  check: string;
  address: FieldAddress;
  /** The hint's translation key (review.hints.*) and its values. */
  key: string;
  params?: Record<string, string | number>;
  /** The period is 待核实, or counts on a year the calendar lacks: the reviewer confirms it before deducting. */
  uncertain?: boolean;
}

export interface ReviewFinding extends CheckFinding {
  /** Stable across runs of the same file: how the reviewer's overruling finds it again. */
  id: string;
  basis: string;
  /** The reviewer overruled it, with the reason: listed, costing nothing. */
  overruled: string | null;
  /** The standard's item (or veto) the finding counts against; null when the standard prices no item for it. */
  itemId: string | null;
  vetoId: string | null;
  pointsLost: number;
}

export interface ItemResult {
  id: string;
  name: string;
  /** The name in English, where the standard gives one (for the English UI). */
  nameEn?: string;
  points: number | null;
  mode: 'auto' | 'judgement';
  lost: number;
  status: 'ok' | 'deducted' | 'pending';
  findings: ReviewFinding[];
  /** The reviewer's comment on a judgement item. */
  comment: string;
}

export interface ReviewResult {
  standard: {
    id: string;
    name: string;
    nameEn?: string;
    version: string;
    example: boolean;
    /** Absent in results signed before it was kept. */
    grades?: { name: string; nameEn?: string }[];
  };
  score: number;
  max: number;
  /** Score as a share of the points the standard gives (null when it gives none). */
  percent: number | null;
  grade: string | null;
  vetoed: boolean;
  vetoes: {
    id: string;
    name: string;
    nameEn?: string;
    mode: 'auto' | 'judgement';
    status: 'ok' | 'hit' | 'pending';
    findings: ReviewFinding[];
    comment: string;
  }[];
  sections: { id: string; name: string; nameEn?: string; items: ItemResult[] }[];
  /** Every finding, in the order of the standard. */
  findings: ReviewFinding[];
  pendingJudgements: number;
  /**
   * The grade is 暂评 (provisional): judgement or veto items still wait for the reviewer, listed here; the
   * grade assumes they pass. Absent in reviews signed before it was kept (a signed review has none pending).
   */
  pending?: { id: string; name: string; nameEn?: string }[];
  /** Items whose findings fail the file whatever it scored (failsFile): the grade is the floor. */
  failedBy?: { id: string; name: string; nameEn?: string }[];
  /** Checks the standard names that this version of the app does not run: their items are not decided. */
  unknownChecks: string[];
}
