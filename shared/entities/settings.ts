import { z } from 'zod';
import { DEFAULT_GEOMETRY, documentGeometry } from './page-geometry.ts';
import { fileOrder } from './file-order.ts';
import { reviewStandard } from './review-standard.ts';
import { planRules } from './plan-rules.ts';
import { reportRules } from './report-rules.ts';

/** 系统设置: every setting an admin keeps, with its defaults. */

/** What may make a case need 法制审核 (or 集体讨论): the unit picks from these (domain/case-procedure.ts decides them). */
export const LEGAL_REVIEW_TRIGGERS = [
  'hearing',
  'suspension',
  'large-fine',
  'complex',
  'transfer',
  'all-ordinary',
] as const;
export type LegalReviewTrigger = (typeof LEGAL_REVIEW_TRIGGERS)[number];

const fontFile = z
  .string()
  .trim()
  .regex(/^$|\.(ttf|otf)$/i, { error: 'validation.font.singleFace' });
const FONT_FAMILIES = ['Song', 'Fang', 'Hei'] as const;
type FontOverrides = Partial<Record<(typeof FONT_FAMILIES)[number], { normal: string; bold?: string }>>;

const usualSigner = z.object({ name: z.string().trim().max(50), post: z.string().trim().max(50) });

/** Every setting; defaults live in DEFAULT_SETTINGS only, so a change never resets what it leaves out. */
export const settings = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  backupKeep: z.number().int().min(1).max(365),
  certExpiryWarningDays: z.number().int().min(0).max(365),
  documentLayout: documentGeometry,
  /** Whether a case's documents share the case serial or each type has its own series. */
  numberingScheme: z.enum(['per-type', 'per-case']),
  /**
   * Re-inspection within N days of the rectification deadline. The source remembers 10 days from the
   * 2015 办法 without certainty (a Hebei rule says 7): a setting, not a rule in code.
   */
  recheckWithinDays: z.number().int().min(1).max(60),
  recheckDaysAreWorkdays: z.boolean(),
  /**
   * 较大数额罚款 for the hearing right (and the 法制审核 trigger), in 元: set by each province; the
   * 2015 办法's fallback is 3万 for a unit and 1万 for a person ("以上" includes the number).
   */
  hearingThresholds: z.object({ unit: z.number().int().min(1), person: z.number().int().min(1) }),
  /** Which cases need 法制审核 before the decision (行政处罚法 第五十八条 and the unit's own list). */
  legalReviewTriggers: z.array(z.enum(LEGAL_REVIEW_TRIGGERS)),
  /** Which cases need 集体讨论 (第五十七条第二款): locally usually the same heavy list. */
  collectiveTriggers: z.array(z.enum(LEGAL_REVIEW_TRIGGERS)),
  /**
   * Who usually signs the 审核 and 审批 rows of the approval forms (立案 / 呈批 / 结案): the approval panel offers their
   * names; whoever records the row may still write another (a deputy standing in).
   */
  approvalSigners: z.object({ review: usualSigner, approve: usualSigner }),
  /** Where and how fines are paid, as the 决定书 states it (bank, account, or the non-tax e-payment channel). */
  finePaymentPlace: z.string().trim().max(300),
  /**
   * 当场处罚 caps (行政处罚法 第五十一条: 200 元 for a citizen, 3000 元 for an organisation); the 2015
   * 办法 had lower ones and the new 办法 is not yet read, so they are settings, never above the law's.
   */
  summaryLimits: z.object({ unit: z.number().int().min(0).max(3000), person: z.number().int().min(0).max(200) }),
  /**
   * Period lengths an admin has confirmed where the knowledge file marks them 待核实 (values that
   * depend on 应急管理部令第18号): period id → length. A confirmed value is no longer 待核实.
   */
  confirmedPeriods: z.record(z.string().regex(/^[a-z0-9-]+$/), z.number().int().min(1).max(365)),
  /**
   * Installed official fonts (仿宋_GB2312, 方正小标宋, SimSun…) an admin chose to use instead of the
   * bundled ones, by family; the only way the app reads a font outside its own folder. An emptied
   * path means the bundled font again.
   */
  /**
   * How long a published penalty decision stays online, in years, for an organisation and for a
   * person (a local rule, e.g. 5 and 2; no national figure).
   */
  publicationYears: z.object({ unit: z.number().int().min(1).max(20), person: z.number().int().min(1).max(20) }),
  /**
   * The largest file the province's portal takes for an upload, in MiB: a package larger is also cut into volumes of
   * this size (上报包.zip.001, .002…). Null: never cut.
   */
  // At most 256 MiB: a volume is downloaded through the app as one piece.
  exportVolumeMiB: z.number().int().min(1).max(256).nullable(),
  /** The province's own 案卷评查 standard, imported or edited by an admin; null means the bundled 示例. */
  reviewStandard: reviewStandard.nullable(),
  /** The province's own 卷内目录 order, imported by an admin; null means the bundled one (knowledge/file-order.json). */
  fileOrder: fileOrder.nullable(),
  /** 分类分级 for the annual plan as the unit set it; null means the bundled 示例 (knowledge/plan-rules.json). */
  planRules: planRules.nullable(),
  /** 统计报表's targets, sectors and 在岗 rules as the unit set them; null means the bundled 示例 (knowledge/report-rules.json). */
  reportRules: reportRules.nullable(),
  fontOverrides: z
    .partialRecord(
      z.enum(FONT_FAMILIES),
      z
        .object({ normal: fontFile.default(''), bold: fontFile.optional() })
        .refine((f) => f.normal || !f.bold, { error: 'validation.font.normalFirst', path: ['normal'] }),
    )
    .transform((o): FontOverrides =>
      Object.fromEntries(
        Object.entries(o)
          .filter(([, f]) => f?.normal)
          .map(([family, f]) => [family, f!.bold ? { normal: f!.normal, bold: f!.bold } : { normal: f!.normal }]),
      ),
    ),
});
export type Settings = z.output<typeof settings>;
/** A change to some settings: what is left out keeps its stored value. */
export const settingsChange = settings.partial();
export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 15,
  backupKeep: 14,
  certExpiryWarningDays: 60,
  documentLayout: DEFAULT_GEOMETRY,
  numberingScheme: 'per-type',
  recheckWithinDays: 10,
  recheckDaysAreWorkdays: false,
  fontOverrides: {},
  fileOrder: null,
  reviewStandard: null,
  planRules: null,
  reportRules: null,
  publicationYears: { unit: 5, person: 2 },
  exportVolumeMiB: null,
  hearingThresholds: { unit: 30000, person: 10000 },
  legalReviewTriggers: ['hearing', 'suspension', 'large-fine', 'complex', 'transfer'],
  collectiveTriggers: ['suspension', 'large-fine', 'complex'],
  confirmedPeriods: {},
  finePaymentPlace: '',
  approvalSigners: { review: { name: '', post: '' }, approve: { name: '', post: '' } },
  summaryLimits: { unit: 3000, person: 200 },
};
