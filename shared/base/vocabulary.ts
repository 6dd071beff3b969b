/**
 * Closed vocabularies of the ledger. Keys are stored; the Chinese terms are the ones printed in
 * official lists and used in the Excel exchange format. On screen every term goes through i18n
 * (`vocab.<list>.<key>`), so the English UI is complete as well.
 */
export const SUPERVISION_CATEGORIES = {
  mine: '矿山',
  hazchem: '危险化学品',
  fireworks: '烟花爆竹',
  metallurgy: '金属冶炼',
  dust: '涉爆粉尘',
  ammonia: '液氨制冷',
  confined: '有限空间',
  industry: '其他工贸',
} as const;

export const ENFORCEMENT_LEVELS = { province: '省级', city: '市级', county: '县级' } as const;

export const STANDARDIZATION_GRADES = {
  none: '未达标',
  level1: '一级',
  level2: '二级',
  level3: '三级',
  small: '小微企业',
} as const;

export const RISK_GRADES = { major: '重大风险', high: '较大风险', general: '一般风险', low: '低风险' } as const;

export const CREDIT_STATUSES = { normal: '正常', watch: '重点关注名单', dishonest: '失信联合惩戒对象' } as const;

/** Why an officer is away (the working-day method's 非执法工作日 categories that are absences). */
export const ABSENCE_KINDS = {
  leave: '年休假/探亲/婚丧假',
  sick: '病事假',
  secondment: '借调',
  training: '学习培训',
  other: '其他',
} as const;

/** 《生产安全事故报告和调查处理条例》第三条, gravest first. */
export const ACCIDENT_GRADES = {
  especially: '特别重大事故',
  major: '重大事故',
  larger: '较大事故',
  general: '一般事故',
} as const;

/** 其他执法工作日, the working-day method's ten categories as county plans that follow the 2017 编制办法 list them. */
export const OTHER_ENFORCEMENT_DAYS = {
  supervision: '综合监管',
  licensing: '行政许可',
  accidents: '事故调查处理',
  complaints: '投诉举报核查',
  joint: '联合执法',
  registration: '登记备案',
  agencies: '中介机构检查',
  publicity: '宣传培训',
  litigation: '复议应诉',
  assigned: '上级交办执法任务',
} as const;

/** 非执法工作日, its seven categories. */
export const NON_ENFORCEMENT_DAYS = {
  duty: '机关值班',
  study: '学习培训考核会议',
  guidance: '指导下级',
  party: '党群活动',
  sick: '病事假',
  leave: '年休假/探亲/婚丧假',
  other: '其他非执法任务',
} as const;

export const OFFICER_POSTS = { officer: '执法人员', technical: '技术检查员', legal: '法制审核员' } as const;

export type SupervisionCategory = keyof typeof SUPERVISION_CATEGORIES;
export type EnforcementLevel = keyof typeof ENFORCEMENT_LEVELS;
export type StandardizationGrade = keyof typeof STANDARDIZATION_GRADES;
export type RiskGrade = keyof typeof RISK_GRADES;
export type CreditStatus = keyof typeof CREDIT_STATUSES;
export type OfficerPost = keyof typeof OFFICER_POSTS;
export type AbsenceKind = keyof typeof ABSENCE_KINDS;
export type AccidentGrade = keyof typeof ACCIDENT_GRADES;
export type OtherEnforcementDay = keyof typeof OTHER_ENFORCEMENT_DAYS;
export type NonEnforcementDay = keyof typeof NON_ENFORCEMENT_DAYS;

export function keysOf<T extends Record<string, string>>(vocab: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(vocab) as [keyof T & string, ...(keyof T & string)[]];
}

/** Reverse lookup for imports: accepts the Chinese term or the key itself. */
export function vocabKeyOf<T extends Record<string, string>>(vocab: T, value: string): (keyof T & string) | undefined {
  const v = value.trim();
  for (const [key, term] of Object.entries(vocab)) if (term === v || key === v) return key as keyof T & string;
  return undefined;
}

export const INSPECTION_KINDS = {
  plan: '计划检查',
  random: '双随机抽查',
  special: '专项检查',
  unannounced: '明查暗访',
  cross: '交叉互检',
  complaint: '举报核查',
  assigned: '交办',
  recheck: '复查',
  accident: '事故核查',
} as const;

/** Who was present for the enterprise during an inspection. */
export const PRESENT_ROLES = {
  principal: '主要负责人',
  safetyManager: '安全管理人员',
  operator: '岗位操作员工',
} as const;

/** How a document reached its recipient (民事诉讼法 送达 as 行政处罚法 第六十一条 applies it). */
export const SERVICE_METHODS = {
  direct: '直接送达',
  left: '留置送达',
  mail: '邮寄送达',
  entrusted: '委托送达',
  electronic: '电子送达',
  announcement: '公告送达',
} as const;

export type InspectionKind = keyof typeof INSPECTION_KINDS;
export type PresentRole = keyof typeof PRESENT_ROLES;

/** Where a case comes from (案件来源). */
export const CASE_SOURCES = {
  inspection: '监督检查发现',
  complaint: '投诉举报',
  referral: '有关部门移送',
  assignment: '上级交办',
  accident: '事故调查',
} as const;
/** 承办人 ×2 → 审核 → 审批: the signers of an approval form, in order. */
export const APPROVAL_ROLES = { handler: '承办人', review: '审核人', approve: '审批人' } as const;
/** The approval forms of a case: 立案审批表, 案件处理呈批表, 结案审批表. */
export const APPROVAL_STAGES = { filing: '立案审批', disposal: '案件处理呈批', closing: '结案审批' } as const;
export type CaseSource = keyof typeof CASE_SOURCES;
