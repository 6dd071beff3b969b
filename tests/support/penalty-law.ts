import type { FineRange } from '../../shared/entities/penalty-article.ts';

/**
 * Every item of the 安全生产法 penalty catalogue, at every stage, as the statute sets it: transcribed by hand
 * from 第六章 法律责任 (LawRefBook/Laws 2f4c5c2, 社会法/安全生产法(2021-06-10).md), with the words each bound
 * comes from quoted beside it. tests/unit/knowledge-penalty-law.test.ts holds the catalogue to it;
 * tests/unit/shared/penalty-bounds.test.ts asks the amount check at its edges.
 */
/** 处X元以上Y元以下: both bounds. */
const range = (min: number, max: number): FineRange => ({ min, max });
/** 处Y元以下: no floor. */
export const upTo = (max: number): FineRange => ({ min: null, max });

export interface LawRow {
  id: string;
  article: string;
  /** Fragments of the statute, each of which the item's text contains. */
  quote: string[];
  /** Whether the text carries “构成犯罪的，依照刑法有关规定追究刑事责任”. */
  criminal: boolean;
  first: { unit: FineRange; person: FineRange };
  /** 逾期未改正 / 拒不改正 / 拒不执行: null where that stage carries no fine (or there is no such stage). */
  overdue: { unit: FineRange; person: FineRange } | null;
  /** A person's fine as a share of 上一年年收入 (percent). */
  personIncome?: { minPercent: number; maxPercent: number };
  /** 违法所得十万元以上的，并处违法所得二倍以上五倍以下的罚款; first.unit is then the fixed range below it. */
  unitGains?: { threshold: number; minTimes: number; maxTimes: number };
  /** 第一百一十四条第二款: 按照前款罚款数额的二倍以上五倍以下, of the grade's range (first.unit = [2×min, 5×max]). */
  aggravated?: { of: FineRange; minTimes: number; maxTimes: number };
}

const NONE = { unit: null, person: null };
const GAINS = { threshold: 100000, minTimes: 2, maxTimes: 5 };

// The articles' opening words, shared by their 项.
const Q95 =
  '生产经营单位的主要负责人未履行本法规定的安全生产管理职责，导致发生生产安全事故的，由应急管理部门依照下列规定处以罚款';
const Q96 =
  '生产经营单位的其他负责人和安全生产管理人员未履行本法规定的安全生产管理职责的，责令限期改正，处一万元以上三万元以下的罚款；导致发生生产安全事故的，暂停或者吊销其与安全生产有关的资格，并处上一年年收入百分之二十以上百分之五十以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任。';
const Q97 =
  '生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款:';
const Q98 =
  '生产经营单位有下列行为之一的，责令停止建设或者停产停业整顿，限期改正，并处十万元以上五十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款；逾期未改正的，处五十万元以上一百万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任:';
const Q99 =
  '生产经营单位有下列行为之一的，责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；情节严重的，责令停产停业整顿；构成犯罪的，依照刑法有关规定追究刑事责任:';
const Q101 =
  '生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任:';
const Q105 =
  '生产经营单位有下列行为之一的，责令限期改正，处五万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以下的罚款；逾期未改正的，责令停产停业整顿；构成犯罪的，依照刑法有关规定追究刑事责任:';
const Q110 =
  '生产经营单位的主要负责人在本单位发生生产安全事故时，不立即组织抢救或者在事故调查处理期间擅离职守或者逃匿的，给予降级、撤职的处分，并由应急管理部门处上一年年收入百分之六十至百分之一百的罚款；对逃匿的处十五日以下拘留；构成犯罪的，依照刑法有关规定追究刑事责任。';
const Q113 =
  '生产经营单位存在下列情形之一的，负有安全生产监督管理职责的部门应当提请地方人民政府予以关闭，有关部门应当依法吊销其有关证照。生产经营单位主要负责人五年内不得担任任何生产经营单位的主要负责人；情节严重的，终身不得担任本行业生产经营单位的主要负责人：';
const Q114 =
  '发生生产安全事故，对负有责任的生产经营单位除要求其依法承担相应的赔偿等责任外，由应急管理部门依照下列规定处以罚款:';
const Q114K2 =
  '发生生产安全事故，情节特别严重、影响特别恶劣的，应急管理部门可以按照前款罚款数额的二倍以上五倍以下对负有责任的生产经营单位处以罚款。';

export const LAW_TABLE: LawRow[] = [
  {
    id: 'aqsc-90',
    article: '第九十条第一款',
    quote: [
      '负有安全生产监督管理职责的部门的工作人员，有下列行为之一的，给予降级或者撤职的处分；构成犯罪的，依照刑法有关规定追究刑事责任:',
      '（四）在监督检查中发现重大事故隐患，不依法及时处理的。',
    ],
    criminal: true,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-90-k2',
    article: '第九十条第二款',
    quote: [
      '有前款规定以外的滥用职权、玩忽职守、徇私舞弊行为的，依法给予处分；构成犯罪的，依照刑法有关规定追究刑事责任。',
    ],
    criminal: true,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-91',
    article: '第九十一条',
    quote: [
      '由其上级机关或者监察机关责令改正，责令退还收取的费用；情节严重的，对直接负责的主管人员和其他直接责任人员依法给予处分。',
    ],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-92-k1',
    article: '第九十二条第一款',
    quote: ['出具失实报告的，责令停业整顿，并处三万元以上十万元以下的罚款；给他人造成损害的，依法承担赔偿责任。'],
    criminal: false,
    first: { unit: range(30000, 100000), person: null },
    overdue: null,
  },
  {
    id: 'aqsc-92-k2',
    article: '第九十二条第二款',
    quote: [
      '租借资质、挂靠、出具虚假报告的，没收违法所得；违法所得在十万元以上的，并处违法所得二倍以上五倍以下的罚款，没有违法所得或者违法所得不足十万元的，单处或者并处十万元以上二十万元以下的罚款；对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款',
      '构成犯罪的，依照刑法有关规定追究刑事责任。',
    ],
    criminal: true,
    first: { unit: range(100000, 200000), person: range(50000, 100000) },
    overdue: null,
    unitGains: GAINS,
  },
  {
    id: 'aqsc-92-k3',
    article: '第九十二条第三款',
    quote: [
      '对有前款违法行为的机构及其直接责任人员，吊销其相应资质和资格，五年内不得从事安全评价、认证、检测、检验等工作；情节严重的，实行终身行业和职业禁入。',
    ],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-93',
    article: '第九十三条第一款',
    quote: ['责令限期改正，提供必需的资金；逾期未改正的，责令生产经营单位停产停业整顿。'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-93-k2',
    article: '第九十三条第二款',
    quote: [
      '有前款违法行为，导致发生生产安全事故的，对生产经营单位的主要负责人给予撤职处分，对个人经营的投资人处二万元以上二十万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任。',
    ],
    criminal: true,
    first: { unit: null, person: range(20000, 200000) },
    overdue: null,
  },
  {
    id: 'aqsc-94-k1',
    article: '第九十四条第一款',
    quote: [
      '生产经营单位的主要负责人未履行本法规定的安全生产管理职责的，责令限期改正，处二万元以上五万元以下的罚款；逾期未改正的，处五万元以上十万元以下的罚款，责令生产经营单位停产停业整顿。',
    ],
    criminal: false,
    first: { unit: null, person: range(20000, 50000) },
    overdue: { unit: null, person: range(50000, 100000) },
  },
  {
    id: 'aqsc-94-k2',
    article: '第九十四条第二款',
    quote: ['导致发生生产安全事故的，给予撤职处分；构成犯罪的，依照刑法有关规定追究刑事责任。'],
    criminal: true,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-94-k3',
    article: '第九十四条第三款',
    quote: [
      '五年内不得担任任何生产经营单位的主要负责人；对重大、特别重大生产安全事故负有责任的，终身不得担任本行业生产经营单位的主要负责人。',
    ],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-95-1',
    article: '第九十五条第（一）项',
    quote: [Q95, '（一）发生一般事故的，处上一年年收入百分之四十的罚款；'],
    criminal: false,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 40, maxPercent: 40 },
  },
  {
    id: 'aqsc-95-2',
    article: '第九十五条第（二）项',
    quote: [Q95, '（二）发生较大事故的，处上一年年收入百分之六十的罚款；'],
    criminal: false,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 60, maxPercent: 60 },
  },
  {
    id: 'aqsc-95-3',
    article: '第九十五条第（三）项',
    quote: [Q95, '（三）发生重大事故的，处上一年年收入百分之八十的罚款；'],
    criminal: false,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 80, maxPercent: 80 },
  },
  {
    id: 'aqsc-95-4',
    article: '第九十五条第（四）项',
    quote: [Q95, '（四）发生特别重大事故的，处上一年年收入百分之一百的罚款。'],
    criminal: false,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 100, maxPercent: 100 },
  },
  // 第九十六条 is one 款: 1–3万 for not doing the duties; a share of income where that led to an accident.
  {
    id: 'aqsc-96-managers',
    article: '第九十六条',
    quote: [Q96],
    criminal: true,
    first: { unit: null, person: range(10000, 30000) },
    overdue: null,
  },
  {
    id: 'aqsc-96-other-heads',
    article: '第九十六条',
    quote: [Q96],
    criminal: true,
    first: { unit: null, person: range(10000, 30000) },
    overdue: null,
  },
  {
    id: 'aqsc-96-accident',
    article: '第九十六条',
    quote: [Q96],
    criminal: true,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 20, maxPercent: 50 },
  },
  {
    id: 'aqsc-97-1',
    article: '第九十七条第（一）项',
    quote: [Q97, '（一）未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师的；'],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-97-2',
    article: '第九十七条第（二）项',
    quote: [
      Q97,
      '（二）危险物品的生产、经营、储存、装卸单位以及矿山、金属冶炼、建筑施工、运输单位的主要负责人和安全生产管理人员未按照规定经考核合格的；',
    ],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-97-3',
    article: '第九十七条第（三）项',
    quote: [
      Q97,
      '（三）未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，或者未按照规定如实告知有关的安全生产事项的；',
    ],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-97-4',
    article: '第九十七条第（四）项',
    quote: [Q97, '（四）未如实记录安全生产教育和培训情况的；'],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-97-5',
    article: '第九十七条第（五）项',
    quote: [Q97, '（五）未将事故隐患排查治理情况如实记录或者未向从业人员通报的；'],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-97-6',
    article: '第九十七条第（六）项',
    quote: [Q97, '（六）未按照规定制定生产安全事故应急救援预案或者未定期组织演练的；'],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-97-7',
    article: '第九十七条第（七）项',
    quote: [Q97, '（七）特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的。'],
    criminal: false,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-98-1',
    article: '第九十八条第（一）项',
    quote: [Q98, '（一）未按照规定对矿山、金属冶炼建设项目或者用于生产、储存、装卸危险物品的建设项目进行安全评价的；'],
    criminal: true,
    first: { unit: range(100000, 500000), person: range(20000, 50000) },
    overdue: { unit: range(500000, 1000000), person: range(50000, 100000) },
  },
  {
    id: 'aqsc-98-2',
    article: '第九十八条第（二）项',
    quote: [
      Q98,
      '（二）矿山、金属冶炼建设项目或者用于生产、储存、装卸危险物品的建设项目没有安全设施设计或者安全设施设计未按照规定报经有关部门审查同意的；',
    ],
    criminal: true,
    first: { unit: range(100000, 500000), person: range(20000, 50000) },
    overdue: { unit: range(500000, 1000000), person: range(50000, 100000) },
  },
  {
    id: 'aqsc-98-3',
    article: '第九十八条第（三）项',
    quote: [
      Q98,
      '（三）矿山、金属冶炼建设项目或者用于生产、储存、装卸危险物品的建设项目的施工单位未按照批准的安全设施设计施工的；',
    ],
    criminal: true,
    first: { unit: range(100000, 500000), person: range(20000, 50000) },
    overdue: { unit: range(500000, 1000000), person: range(50000, 100000) },
  },
  {
    id: 'aqsc-98-4',
    article: '第九十八条第（四）项',
    quote: [
      Q98,
      '（四）矿山、金属冶炼建设项目或者用于生产、储存、装卸危险物品的建设项目竣工投入生产或者使用前，安全设施未经验收合格的。',
    ],
    criminal: true,
    first: { unit: range(100000, 500000), person: range(20000, 50000) },
    overdue: { unit: range(500000, 1000000), person: range(50000, 100000) },
  },
  {
    id: 'aqsc-99-1',
    article: '第九十九条第（一）项',
    quote: [Q99, '（一）未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志的；'],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-2',
    article: '第九十九条第（二）项',
    quote: [Q99, '（二）安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准的；'],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-3',
    article: '第九十九条第（三）项',
    quote: [Q99, '（三）未对安全设备进行经常性维护、保养和定期检测的；'],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-4',
    article: '第九十九条第（四）项',
    quote: [
      Q99,
      '（四）关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，或者篡改、隐瞒、销毁其相关数据、信息的；',
    ],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-5',
    article: '第九十九条第（五）项',
    quote: [Q99, '（五）未为从业人员提供符合国家标准或者行业标准的劳动防护用品的；'],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-6',
    article: '第九十九条第（六）项',
    quote: [
      Q99,
      '（六）危险物品的容器、运输工具，以及涉及人身安全、危险性较大的海洋石油开采特种设备和矿山井下特种设备未经具有专业资质的机构检测、检验合格，取得安全使用证或者安全标志，投入使用的；',
    ],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-7',
    article: '第九十九条第（七）项',
    quote: [Q99, '（七）使用应当淘汰的危及生产安全的工艺、设备的；'],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-99-8',
    article: '第九十九条第（八）项',
    quote: [Q99, '（八）餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置的。'],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    overdue: { unit: range(50000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-100',
    article: '第一百条',
    quote: ['依照有关危险物品安全管理的法律、行政法规的规定予以处罚；构成犯罪的，依照刑法有关规定追究刑事责任。'],
    criminal: true,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-101-1',
    article: '第一百零一条第（一）项',
    quote: [
      Q101,
      '（一）生产、经营、运输、储存、使用危险物品或者处置废弃危险物品，未建立专门安全管理制度、未采取可靠的安全措施的；',
    ],
    criminal: true,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-101-2',
    article: '第一百零一条第（二）项',
    quote: [Q101, '（二）对重大危险源未登记建档，未进行定期检测、评估、监控，未制定应急预案，或者未告知应急措施的；'],
    criminal: true,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-101-3',
    article: '第一百零一条第（三）项',
    quote: [
      Q101,
      '（三）进行爆破、吊装、动火、临时用电以及国务院应急管理部门会同国务院有关部门规定的其他危险作业，未安排专门人员进行现场安全管理的；',
    ],
    criminal: true,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-101-4',
    article: '第一百零一条第（四）项',
    quote: [Q101, '（四）未建立安全风险分级管控制度或者未按照安全风险分级采取相应管控措施的；'],
    criminal: true,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-101-5',
    article: '第一百零一条第（五）项',
    quote: [Q101, '（五）未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告的。'],
    criminal: true,
    first: { unit: upTo(100000), person: null },
    overdue: { unit: range(100000, 200000), person: range(20000, 50000) },
  },
  {
    id: 'aqsc-102',
    article: '第一百零二条',
    quote: [
      '生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；生产经营单位拒不执行的，责令停产停业整顿，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任。',
    ],
    criminal: true,
    first: { unit: upTo(50000), person: null },
    // 拒不执行: no unit fine at this stage.
    overdue: { unit: null, person: range(50000, 100000) },
  },
  {
    id: 'aqsc-103-k1',
    article: '第一百零三条第一款',
    quote: [
      '责令限期改正，没收违法所得；违法所得十万元以上的，并处违法所得二倍以上五倍以下的罚款；没有违法所得或者违法所得不足十万元的，单处或者并处十万元以上二十万元以下的罚款；对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；',
    ],
    criminal: false,
    first: { unit: range(100000, 200000), person: range(10000, 20000) },
    overdue: null,
    unitGains: GAINS,
  },
  {
    id: 'aqsc-103-k2',
    article: '第一百零三条第二款',
    quote: [
      '责令限期改正，处五万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以下的罚款；逾期未改正的，责令停产停业整顿。',
    ],
    criminal: false,
    first: { unit: upTo(50000), person: upTo(10000) },
    overdue: null,
  },
  // 第一百零三条第三款, first sentence only: the 款's criminal clause belongs to its second sentence.
  {
    id: 'aqsc-103-k3-s1',
    article: '第一百零三条第三款',
    quote: [
      '未按照规定对施工项目进行安全管理的，责令限期改正，处十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以下的罚款；逾期未改正的，责令停产停业整顿。',
    ],
    criminal: false,
    first: { unit: upTo(100000), person: upTo(20000) },
    overdue: null,
  },
  {
    id: 'aqsc-103-k3-s2',
    article: '第一百零三条第三款',
    quote: [
      '以上施工单位倒卖、出租、出借、挂靠或者以其他形式非法转让施工资质的，责令停产停业整顿，吊销资质证书，没收违法所得；违法所得十万元以上的，并处违法所得二倍以上五倍以下的罚款，没有违法所得或者违法所得不足十万元的，单处或者并处十万元以上二十万元以下的罚款；对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任。',
    ],
    criminal: true,
    first: { unit: range(100000, 200000), person: range(50000, 100000) },
    overdue: null,
    unitGains: GAINS,
  },
  {
    id: 'aqsc-104',
    article: '第一百零四条',
    quote: [
      '责令限期改正，处五万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以下的罚款；逾期未改正的，责令停产停业。',
    ],
    criminal: false,
    first: { unit: upTo(50000), person: upTo(10000) },
    overdue: null,
  },
  {
    id: 'aqsc-105-1',
    article: '第一百零五条第（一）项',
    quote: [
      Q105,
      '（一）生产、经营、储存、使用危险物品的车间、商店、仓库与员工宿舍在同一座建筑内，或者与员工宿舍的距离不符合安全要求的；',
    ],
    criminal: true,
    first: { unit: upTo(50000), person: upTo(10000) },
    overdue: null,
  },
  {
    id: 'aqsc-105-2',
    article: '第一百零五条第（二）项',
    quote: [
      Q105,
      '（二）生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道，或者占用、锁闭、封堵生产经营场所或者员工宿舍出口、疏散通道的。',
    ],
    criminal: true,
    first: { unit: upTo(50000), person: upTo(10000) },
    overdue: null,
  },
  {
    id: 'aqsc-106',
    article: '第一百零六条',
    quote: ['该协议无效；对生产经营单位的主要负责人、个人经营的投资人处二万元以上十万元以下的罚款。'],
    criminal: false,
    first: { unit: null, person: range(20000, 100000) },
    overdue: null,
  },
  {
    id: 'aqsc-107',
    article: '第一百零七条',
    quote: ['由生产经营单位给予批评教育，依照有关规章制度给予处分；构成犯罪的，依照刑法有关规定追究刑事责任。'],
    criminal: true,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-108',
    article: '第一百零八条',
    quote: [
      '责令改正；拒不改正的，处二万元以上二十万元以下的罚款；对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任。',
    ],
    criminal: true,
    // Both fines follow 拒不改正 (read so; the item is marked uncertain).
    first: NONE,
    overdue: { unit: range(20000, 200000), person: range(10000, 20000) },
  },
  {
    id: 'aqsc-109',
    article: '第一百零九条',
    quote: ['责令限期改正，处五万元以上十万元以下的罚款；逾期未改正的，处十万元以上二十万元以下的罚款。'],
    criminal: false,
    first: { unit: range(50000, 100000), person: null },
    // The article names no person's fine.
    overdue: { unit: range(100000, 200000), person: null },
  },
  {
    id: 'aqsc-110-k1',
    article: '第一百一十条第一款',
    quote: [Q110],
    criminal: true,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 60, maxPercent: 100 },
  },
  {
    id: 'aqsc-110-k2',
    article: '第一百一十条第二款',
    quote: ['生产经营单位的主要负责人对生产安全事故隐瞒不报、谎报或者迟报的，依照前款规定处罚。', Q110],
    criminal: true,
    first: NONE,
    overdue: null,
    personIncome: { minPercent: 60, maxPercent: 100 },
  },
  {
    id: 'aqsc-111',
    article: '第一百一十一条',
    quote: ['对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依照刑法有关规定追究刑事责任。'],
    criminal: true,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-112',
    article: '第一百一十二条',
    quote: ['可以自作出责令改正之日的次日起，按照原处罚数额按日连续处罚。'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-113-1',
    article: '第一百一十三条第（一）项',
    quote: [Q113, '（一）存在重大事故隐患，一百八十日内三次或者一年内四次受到本法规定的行政处罚的；'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-113-2',
    article: '第一百一十三条第（二）项',
    quote: [Q113, '（二）经停产停业整顿，仍不具备法律、行政法规和国家标准或者行业标准规定的安全生产条件的；'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-113-3',
    article: '第一百一十三条第（三）项',
    quote: [
      Q113,
      '（三）不具备法律、行政法规和国家标准或者行业标准规定的安全生产条件，导致发生重大、特别重大生产安全事故的；',
    ],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-113-4',
    article: '第一百一十三条第（四）项',
    quote: [Q113, '（四）拒不执行负有安全生产监督管理职责的部门作出的停产停业整顿决定的。'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-114-ordinary',
    article: '第一百一十四条第一款第（一）项',
    quote: [Q114, '（一）发生一般事故的，处三十万元以上一百万元以下的罚款；'],
    criminal: false,
    first: { unit: range(300000, 1000000), person: null },
    overdue: null,
  },
  {
    id: 'aqsc-114-larger',
    article: '第一百一十四条第一款第（二）项',
    quote: [Q114, '（二）发生较大事故的，处一百万元以上二百万元以下的罚款；'],
    criminal: false,
    first: { unit: range(1000000, 2000000), person: null },
    overdue: null,
  },
  {
    id: 'aqsc-114-major',
    article: '第一百一十四条第一款第（三）项',
    quote: [Q114, '（三）发生重大事故的，处二百万元以上一千万元以下的罚款；'],
    criminal: false,
    first: { unit: range(2000000, 10000000), person: null },
    overdue: null,
  },
  {
    id: 'aqsc-114-especially-major',
    article: '第一百一十四条第一款第（四）项',
    quote: [Q114, '（四）发生特别重大事故的，处一千万元以上二千万元以下的罚款。'],
    criminal: false,
    first: { unit: range(10000000, 20000000), person: null },
    overdue: null,
  },
  // 第一百一十四条第二款, read as [2 × the grade's minimum, 5 × its maximum] (an interpretation, marked uncertain).
  {
    id: 'aqsc-114-k2-1',
    article: '第一百一十四条第二款',
    quote: [Q114K2, '（一）发生一般事故的，处三十万元以上一百万元以下的罚款；'],
    criminal: false,
    first: { unit: range(600000, 5000000), person: null },
    overdue: null,
    aggravated: { of: range(300000, 1000000), minTimes: 2, maxTimes: 5 },
  },
  {
    id: 'aqsc-114-k2-2',
    article: '第一百一十四条第二款',
    quote: [Q114K2, '（二）发生较大事故的，处一百万元以上二百万元以下的罚款；'],
    criminal: false,
    first: { unit: range(2000000, 10000000), person: null },
    overdue: null,
    aggravated: { of: range(1000000, 2000000), minTimes: 2, maxTimes: 5 },
  },
  {
    id: 'aqsc-114-k2-3',
    article: '第一百一十四条第二款',
    quote: [Q114K2, '（三）发生重大事故的，处二百万元以上一千万元以下的罚款；'],
    criminal: false,
    first: { unit: range(4000000, 50000000), person: null },
    overdue: null,
    aggravated: { of: range(2000000, 10000000), minTimes: 2, maxTimes: 5 },
  },
  {
    id: 'aqsc-114-k2-4',
    article: '第一百一十四条第二款',
    quote: [Q114K2, '（四）发生特别重大事故的，处一千万元以上二千万元以下的罚款。'],
    criminal: false,
    first: { unit: range(20000000, 100000000), person: null },
    overdue: null,
    aggravated: { of: range(10000000, 20000000), minTimes: 2, maxTimes: 5 },
  },
  {
    id: 'aqsc-115',
    article: '第一百一十五条',
    quote: [
      '根据本法第九十五条、第一百一十条、第一百一十四条的规定应当给予民航、铁路、电力行业的生产经营单位及其主要负责人行政处罚的，也可以由主管的负有安全生产监督管理职责的部门进行处罚。',
      '予以关闭的行政处罚，由负有安全生产监督管理职责的部门报请县级以上人民政府按照国务院规定的权限决定；',
    ],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-116',
    article: '第一百一十六条',
    quote: ['应当依法承担赔偿责任；拒不承担或者其负责人逃匿的，由人民法院依法强制执行。'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
  {
    id: 'aqsc-117-119',
    article: '第一百一十七条',
    quote: ['本法下列用语的含义:', '第一百一十九条 本法自2002年11月1日起施行。'],
    criminal: false,
    first: NONE,
    overdue: null,
  },
];

// Amounts as the statute writes them: 10000 → 一万, 200000 → 二十万, 1000000 → 一百万, 20000000 → 二千万.
