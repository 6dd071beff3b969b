import { z } from 'zod';
import { caseEvent, caseInput, caseOutcome, legacyCaseEvent, personParty, violationInput } from '../case.ts';
import { id, isoDate, isoDateTime, withdrawal } from '../common.ts';
import { documentStatus, serviceInput } from '../document.ts';
import { enterpriseInput } from '../enterprise.ts';
import { hazardInput, hazardStatus } from '../hazard.ts';
import { inspectionInput } from '../inspection.ts';
import { absenceInput, officerInput } from '../officer.ts';
import { accidentInput } from '../accident.ts';
import { planInputs } from '../plan.ts';
import { ACCIDENT_GRADES, keysOf } from '../../base/vocabulary.ts';
import { typicalCaseStatus } from '../typical-case.ts';

/**
 * 上报包的数据: one record per stored row of what a receiving system or the city needs, as data/<entity>.jsonl, a JSON
 * object a line. Each record is the input schema the core checks that entity with (so a package holds nothing the
 * app would not have accepted), with what the record adds once stored (id, status, times). The JSON Schemas shipped in
 * resources/schemas are generated from these (the input side, where a schema normalises, as the 统一社会信用代码 does).
 * Every field carries its Chinese name and an English one: `中文名 / English — what it holds`.
 */

/** Each top-level field described; a field left out of `names` fails the schema test. */
function described<S extends z.ZodRawShape>(shape: S, names: { [K in keyof S]: string }) {
  return z
    .object(
      Object.fromEntries(
        Object.entries(shape).map(([k, v]) => [k, (v as z.ZodType).describe(names[k])]),
      ) as unknown as S,
    )
    .strict();
}

const stamps = {
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};
const stampNames = {
  createdAt: '创建时间 / created at (UTC, ISO 8601)',
  updatedAt: '最后修改时间 / last changed at (UTC)',
};
const withdrawalNames = {
  withdrawnAt: '撤销时间 / withdrawn at (null while in force)',
  withdrawnBy: '撤销人 / withdrawn by',
  withdrawReason: '撤销原因 / why it was withdrawn',
};

export const enterpriseRecord = described(
  { id, ...enterpriseInput.shape, status: z.enum(['active', 'withdrawn']), ...withdrawal.shape, ...stamps },
  {
    id: '企业编号 / enterprise id (this unit)',
    uscc: '统一社会信用代码 / unified social credit code (GB 32100)',
    name: '企业名称 / name',
    legalRepresentative: '法定代表人 / legal representative',
    principal: '主要负责人 / principal',
    address: '地址 / address',
    township: '所在乡镇（街道）/ township',
    industryCode: '国民经济行业代码 / industry code (GB/T 4754)',
    categories: '监管类别 / supervision categories',
    enforcementLevel: '执法层级 / enforcement level (county, city…)',
    standardizationGrade: '安全生产标准化等级 / standardisation grade',
    riskGrade: '安全风险等级 / risk grade',
    creditStatus: '信用状况 / credit status',
    accidentHistory: '事故情况 / accident history',
    contacts: '联系人 / contacts',
    notes: '备注 / notes',
    status: '状态 / status: active, withdrawn',
    ...withdrawalNames,
    ...stampNames,
  },
);

const officerFields = officerInput.shape;
/** 执法人员: the certificate that lets them act, never their 身份证号 or phone (not needed to verify an act). */
export const officerRecord = described(
  {
    id,
    name: officerFields.name,
    certificateNo: officerFields.certificateNo,
    certValidFrom: officerFields.certValidFrom,
    certValidTo: officerFields.certValidTo,
    post: officerFields.post,
    onDuty: officerFields.onDuty,
    ...stamps,
  },
  {
    id: '执法人员编号 / officer id',
    name: '姓名 / name',
    certificateNo: '执法证号 / enforcement certificate number',
    certValidFrom: '执法证有效期起 / certificate valid from',
    certValidTo: '执法证有效期止 / certificate valid to',
    post: '岗位 / post',
    onDuty: '在岗 / on duty',
    ...stampNames,
  },
);

/** A stored file a record names (evidence/<hash> in the package). */
const storedFile = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), name: z.string() }).strict();
/** Evidence taken on site: the file, and who added it when. */
const evidenceFile = storedFile
  .extend({ sizeBytes: z.number().int().min(0), addedAt: isoDateTime, addedBy: z.string() })
  .strict();

export const inspectionRecord = described(
  {
    id,
    ...inspectionInput.shape,
    evidence: z.array(evidenceFile),
    status: z.enum(['active', 'withdrawn']),
    ...withdrawal.shape,
    ...stamps,
  },
  {
    id: '检查编号 / inspection id',
    enterpriseId: '被检查单位 / enterprise id',
    kind: '检查方式 / kind (plan, random, special, recheck…)',
    startedAt: '检查开始时间 / started at (local time)',
    endedAt: '检查结束时间 / ended at (local time)',
    place: '检查场所 / place',
    officerIds: '执法人员 / officer ids',
    experts: '随同专家 / experts',
    present: '企业在场人员 / enterprise staff present',
    findings: '检查情况 / findings',
    refusedToSign: '被检查单位负责人拒绝签字 / principal refused to sign',
    refusalNote: '拒签情况说明 / refusal note',
    recheckOf: '复查的原检查 / the inspection this re-checks',
    checklistId: '使用的检查表 / checklist used',
    drawId: '双随机抽查的抽取记录编号 / the 双随机 draw that picked the enterprise',
    unplannedReason: '计划外检查的原因 / why an inspection outside the plan was made',
    evidence: '现场照片与证据材料 / evidence files (evidence/<hash>)',
    status: '状态 / status: active, withdrawn',
    ...withdrawalNames,
    ...stampNames,
  },
);

export const hazardRecord = described(
  {
    id,
    enterpriseId: id,
    ...hazardInput.shape,
    photos: z.array(storedFile),
    status: hazardStatus,
    recheckInspectionId: id.nullable(),
    recheckedAt: z.string().nullable(),
    recheckNote: z.string(),
    extensions: z.array(
      z
        .object({
          requestedOn: isoDate,
          requestedUntil: isoDate,
          reason: z.string(),
          decision: z.enum(['approved', 'rejected']),
          previousDeadline: isoDate.nullable(),
          decidedAt: isoDateTime,
          decidedBy: z.string(),
        })
        .strict(),
    ),
    ...withdrawal.shape,
    ...stamps,
  },
  {
    id: '隐患编号 / hazard id',
    enterpriseId: '企业 / enterprise id',
    inspectionId: '发现隐患的检查 / inspection that found it',
    description: '隐患描述 / description',
    location: '隐患部位 / location',
    level: '隐患等级 / level: general, major',
    criteriaItemId: '重大事故隐患判定标准条目 / major-hazard criterion item',
    legalBasis: '法律依据 / legal basis',
    deadline: '整改期限 / rectification deadline',
    photos: '隐患照片 / photos (evidence/<hash>)',
    status: '整改状态 / status: open, rectified, not-rectified',
    recheckInspectionId: '复查检查 / re-check inspection',
    recheckedAt: '复查时间 / re-checked at',
    recheckNote: '复查意见 / re-check note',
    extensions: '延期整改 / deadline extensions',
    ...withdrawalNames,
    ...stampNames,
  },
);

export const caseRecord = described(
  {
    id,
    caseNo: z.string(),
    ...caseInput.shape,
    unit: z.record(z.string(), z.unknown()),
    outcome: caseOutcome.nullable(),
    persons: z.array(personParty),
    violations: z.array(violationInput),
    createdBy: z.string(),
    ...stamps,
  },
  {
    id: '案件编号 / case id',
    caseNo: '案件编号（本单位）/ case number',
    enterpriseId: '当事人（单位）/ enterprise id',
    source: '案件来源 / source',
    escalationId: '来源预警 / escalation it came from',
    inspectionId: '来源检查 / inspection it came from',
    sourceNote: '来源说明 / source note',
    cause: '案由 / cause',
    facts: '案件基本情况 / facts',
    violationDate: '违法行为发生（发现）日期 / violation date',
    handlerIds: '承办人 / handling officers',
    procedure: '程序 / procedure: ordinary, summary',
    complex: '案情复杂 / complex',
    suspectedCrime: '涉嫌犯罪 / suspected crime',
    unit: '当事人单位信息（立案时）/ the unit as a party',
    outcome: '处理结果 / outcome: penalty, no-penalty, transfer',
    persons: '一并处罚的个人 / persons fined',
    violations: '违法行为及处罚 / violations and penalties',
    createdBy: '立案人 / entered by',
    ...stampNames,
  },
);

export const caseEventRecord = described(
  {
    id,
    caseId: id,
    event: z.union([caseEvent, legacyCaseEvent]),
    scan: storedFile.nullable(),
    enteredAt: isoDateTime,
    enteredBy: z.string(),
  },
  {
    id: '记录编号 / event id',
    caseId: '案件 / case id',
    event: '办案记录（审批、陈述申辩、送达、缴款、结案…）/ what was recorded, by kind',
    scan: '签章扫描件 / signed scan (evidence/<hash>)',
    enteredAt: '登记时间 / entered at',
    enteredBy: '登记人 / entered by',
  },
);

export const documentRecord = described(
  {
    id,
    type: z.string(),
    status: documentStatus,
    enterpriseId: id.nullable(),
    inspectionId: id.nullable(),
    caseId: id.nullable(),
    numberText: z.string().nullable(),
    documentDate: isoDate.nullable(),
    fields: z.record(z.string(), z.unknown()),
    pdf: z.object({ path: z.string(), sha256: z.string(), pages: z.number().int().nullable() }).strict().nullable(),
    scan: storedFile.nullable(),
    issuedAt: isoDateTime.nullable(),
    issuedBy: z.string().nullable(),
    supersedesId: id.nullable(),
    correctionReason: z.string().nullable(),
    voidReason: z.string().nullable(),
    createdBy: z.string(),
    ...stamps,
  },
  {
    id: '文书编号 / document id',
    type: '文书种类 / document type (catalogue id)',
    status: '状态 / status: draft, issued, voided',
    enterpriseId: '企业 / enterprise id',
    inspectionId: '检查 / inspection id',
    caseId: '案件 / case id',
    numberText: '文号 / document number',
    documentDate: '文书日期 / the date it bears',
    fields: '文书内容（签发时冻结）/ fields as issued (frozen)',
    pdf: '签发的 PDF / the issued PDF (documents/…)',
    scan: '签章扫描件 / signed, sealed scan (evidence/<hash>)',
    issuedAt: '签发时间 / issued at',
    issuedBy: '签发人 / issued by',
    supersedesId: '更正的原文书 / the document it corrects',
    correctionReason: '更正原因 / why corrected',
    voidReason: '作废原因 / why voided',
    createdBy: '制作人 / made by',
    ...stampNames,
  },
);

export const serviceRecord = described(
  { id, documentId: id, ...serviceInput.shape, createdAt: isoDateTime, createdBy: z.string() },
  {
    id: '送达编号 / service id',
    documentId: '送达的文书 / document served',
    method: '送达方式 / method',
    servedAt: '送达时间 / served at (local time)',
    place: '送达地点 / place',
    recipient: '受送达人 / recipient',
    refused: '拒绝签收（留置送达）/ refused (left with witness)',
    witness: '见证人 / witness',
    officerIds: '送达人 / serving officers',
    note: '备注 / note',
    createdAt: '登记时间 / entered at',
    createdBy: '登记人 / entered by',
  },
);

export const reviewRecord = described(
  {
    id,
    caseId: id,
    standardId: z.string(),
    standardVersion: z.string(),
    score: z.number(),
    max: z.number(),
    percent: z.number().nullable(),
    grade: z.string().nullable(),
    vetoed: z.boolean(),
    decisions: z.unknown(),
    result: z.unknown(),
    reviewer: z.string(),
    signedAt: isoDateTime,
    auditHead: z.string().nullable(),
  },
  {
    id: '评查编号 / review id',
    caseId: '案件 / case id',
    standardId: '评查标准 / review standard',
    standardVersion: '标准版本 / standard version',
    score: '得分 / score',
    max: '满分 / maximum',
    percent: '得分率 / percent',
    grade: '等次 / grade',
    vetoed: '一票否决 / vetoed',
    decisions: '评查人的判断 / the reviewer’s judgements',
    result: '评查结果（逐项）/ the result, item by item',
    reviewer: '评查人 / reviewer',
    signedAt: '签署时间 / signed at',
    auditHead: '签署时全过程记录链头 / audit chain head when signed',
  },
);

export const typicalCaseRecord = described(
  {
    id,
    caseId: id,
    templateVersion: z.string(),
    fields: z.record(z.string(), z.string()),
    status: typicalCaseStatus,
    pdf: z.object({ path: z.string(), sha256: z.string(), pages: z.number().int().nullable() }).strict().nullable(),
    finalAt: isoDateTime.nullable(),
    finalBy: z.string().nullable(),
    sentOn: isoDate.nullable(),
    sentBy: z.string().nullable(),
    sentNote: z.string().nullable(),
    createdBy: z.string(),
    ...stamps,
  },
  {
    id: '典型案例编号 / typical case id',
    caseId: '案件 / case id',
    templateVersion: '字段表版本 / version of the field list it was written with',
    fields: '各字段内容（字段表见 typical-cases.json）/ the fields as written (ids of the field list)',
    status: '状态 / status: draft, final, sent',
    pdf: '定稿的 PDF / the finalised PDF (documents/…)',
    finalAt: '定稿时间 / finalised at',
    finalBy: '定稿人 / finalised by',
    sentOn: '报送日期 / sent on',
    sentBy: '报送登记人 / sent, as entered by',
    sentNote: '报送备注 / note on sending',
    createdBy: '起草人 / drafted by',
    ...stampNames,
  },
);

/** 请假、借调、培训: the days an officer was away, which the plan's working days and the draw's pool read. */
export const absenceRecord = described(
  {
    id,
    ...absenceInput.shape,
    note: z.string(),
    createdAt: isoDateTime,
    createdBy: z.string(),
    ...withdrawal.shape,
  },
  {
    id: '记录编号 / absence id',
    officerId: '执法人员 / officer id',
    kind: '类别 / kind: leave (年休假/探亲/婚丧假), sick (病事假), secondment (借调), training (学习培训), other',
    from: '起始日期 / first day away',
    to: '截止日期 / last day away',
    note: '说明 / note',
    createdAt: '登记时间 / entered at (UTC)',
    createdBy: '登记人 / entered by',
    ...withdrawalNames,
  },
);

/** 生产安全事故: an enterprise's accidents as dated records; the grade is computed from the figures (条例第三条). */
export const accidentRecord = described(
  {
    id,
    ...accidentInput.shape,
    grade: z.enum(keysOf(ACCIDENT_GRADES)),
    createdAt: isoDateTime,
    createdBy: z.string(),
    ...withdrawal.shape,
  },
  {
    id: '事故记录编号 / accident id',
    enterpriseId: '发生事故的单位 / enterprise id',
    occurredOn: '事故发生日期 / day it happened',
    deaths: '死亡人数 / deaths',
    seriousInjuries: '重伤人数（含急性工业中毒）/ serious injuries, acute industrial poisoning included',
    directLossYuan: '直接经济损失（元）/ direct economic loss, yuan',
    summary: '事故概况 / what happened',
    grade:
      '事故等级（按条例第三条由人数和损失计算）/ grade computed from the figures: especially, major, larger, general',
    createdAt: '登记时间 / entered at (UTC)',
    createdBy: '登记人 / entered by',
    ...withdrawalNames,
  },
);

/**
 * 年度执法计划: the working-day method's inputs, and once approved what it was approved on (the classification, the
 * rules' version and the figures), as frozen with its SHA-256, the approval and the filing with the city.
 */
export const planRecord = described(
  {
    id,
    year: z.number().int(),
    status: z.enum(['draft', 'approved', 'filed']),
    inputs: planInputs,
    snapshot: z.record(z.string(), z.unknown()).nullable(),
    snapshotSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    approvedOn: isoDate.nullable(),
    approvalRef: z.string().nullable(),
    approvedBy: z.string().nullable(),
    filedOn: isoDate.nullable(),
    filingRef: z.string().nullable(),
    filedBy: z.string().nullable(),
    createdBy: z.string(),
    ...stamps,
  },
  {
    id: '计划编号 / plan id',
    year: '年度 / year',
    status: '状态 / status: draft, approved (本级人民政府批准), filed (报市局备案)',
    inputs: '工作日测算的录入项 / the working-day method’s inputs',
    snapshot: '批准时的分类分级、规则版本与测算结果 / what it was approved on (classification, rules version, figures)',
    snapshotSha256: '批准内容的 SHA-256 / SHA-256 of the snapshot as stored',
    approvedOn: '批准日期 / approved on',
    approvalRef: '批复文号 / approval reference',
    approvedBy: '录入批准的人员 / approval entered by',
    filedOn: '备案日期 / filed on',
    filingRef: '备案回执 / filing receipt',
    filedBy: '录入备案的人员 / filing entered by',
    createdBy: '起草人 / drafted by',
    ...stampNames,
  },
);

/** 双随机 draws, as kept: what anyone needs to re-run each (its input and the witness's value) and what it gave. */
export const drawRecord = described(
  {
    id,
    planYear: z.number().int(),
    label: z.string(),
    input: z.record(z.string(), z.unknown()),
    witnessValue: z.string(),
    witnessName: z.string(),
    operator: z.string(),
    drawnAt: isoDateTime,
    result: z.record(z.string(), z.unknown()),
    resultSha256: z.string().regex(/^[0-9a-f]{64}$/),
  },
  {
    id: '抽查编号 / draw id',
    planYear: '计划年度 / plan year',
    label: '抽查名称 / label',
    input:
      '抽查输入：冻结的企业名录、分层比例、执法人员名录、近期组合 / the frozen input (pool, strata, inspectors, recent pairs)',
    witnessValue: '见证人录入的随机值 / the value the witness entered',
    witnessName: '见证人 / witness',
    operator: '操作人 / operator',
    drawnAt: '抽取时间 / drawn at (UTC)',
    result: '抽取结果 / the result (picks with their inspectors, strata, exclusions)',
    resultSha256: '结果的 SHA-256 / SHA-256 of the result',
  },
);

/** The data files of a package, in the order written: each entity's records sorted by id. */
export const RECORD_SCHEMAS = {
  enterprises: enterpriseRecord,
  officers: officerRecord,
  inspections: inspectionRecord,
  hazards: hazardRecord,
  cases: caseRecord,
  caseEvents: caseEventRecord,
  documents: documentRecord,
  services: serviceRecord,
  reviews: reviewRecord,
  typicalCases: typicalCaseRecord,
  absences: absenceRecord,
  accidents: accidentRecord,
  plans: planRecord,
  draws: drawRecord,
} as const;
export type RecordEntity = keyof typeof RECORD_SCHEMAS;
export type RecordOf<E extends RecordEntity> = z.input<(typeof RECORD_SCHEMAS)[E]>;
