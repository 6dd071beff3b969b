import { z } from 'zod';
import { LEGAL_REVIEW_TRIGGERS } from '../domain/case-procedure.ts';
import { ROLES } from '../domain/roles.ts';
import { DEFAULT_GEOMETRY, documentGeometry } from '../documents/layout.ts';
import { fileOrder } from '../domain/case-file.ts';
import { reviewStandard } from '../domain/review/standard.ts';
import { id, optionalText, phone, required } from './common.ts';

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, { error: 'validation.username' });
/** Eight characters with letters and digits: the floor most government IT policies ask for. */
export const password = z
  .string()
  .min(8, { error: 'validation.password.short' })
  .max(128, { error: 'validation.tooLong' })
  .regex(/[A-Za-z]/, { error: 'validation.password.weak' })
  .regex(/\d/, { error: 'validation.password.weak' });

export const role = z.enum(ROLES);

export const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

export const userInput = z.object({
  username,
  displayName: required(z.string().max(50)),
  role,
  password,
});

/** 本单位: the agency whose name heads every document. */
export const unitProfile = z.object({
  agencyName: required(z.string().max(60)),
  squadName: required(z.string().max(60)),
  regionCode: z
    .string()
    .trim()
    .regex(/^[1-8]\d{5}$/, { error: 'validation.regionCode' }),
  /** Exactly as printed before the per-document 代字, e.g. 宣应急 or （宣）应急. */
  numberPrefix: required(z.string().max(20)),
  reviewAgency: required(z.string().max(60)),
  court: required(z.string().max(60)),
  address: required(z.string().max(200)),
  phone: phone,
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, { error: 'validation.postalCode' })
    .default(''),
  notes: optionalText(500),
});
export type UnitProfile = z.output<typeof unitProfile>;
export type UnitProfileInput = z.input<typeof unitProfile>;

const fontFile = z
  .string()
  .trim()
  .regex(/^$|\.(ttf|otf)$/i, { error: 'validation.font.singleFace' });
const FONT_FAMILIES = ['Song', 'Fang', 'Hei'] as const;
type FontOverrides = Partial<Record<(typeof FONT_FAMILIES)[number], { normal: string; bold?: string }>>;

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
  /** The province's own 案卷评查 standard, imported or edited by an admin; null means the bundled 示例. */
  reviewStandard: reviewStandard.nullable(),
  /** The province's own 卷内目录 order, imported by an admin; null means the bundled one (knowledge/file-order.json). */
  fileOrder: fileOrder.nullable(),
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
  publicationYears: { unit: 5, person: 2 },
  hearingThresholds: { unit: 30000, person: 10000 },
  legalReviewTriggers: ['hearing', 'suspension', 'large-fine', 'complex', 'transfer'],
  collectiveTriggers: ['suspension', 'large-fine', 'complex'],
  confirmedPeriods: {},
  finePaymentPlace: '',
  summaryLimits: { unit: 3000, person: 200 },
};

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.number().nullable(),
  userName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.string().nullable(),
  problems: z.array(
    z.object({
      kind: z.enum(['edited', 'deleted-or-reordered', 'truncated']),
      seq: z.number().int().nullable(),
    }),
  ),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

export const backupInfo = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-restore', 'pre-migration']),
  createdAt: z.string(),
  sizeBytes: z.number(),
  auditHead: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export { phone };
