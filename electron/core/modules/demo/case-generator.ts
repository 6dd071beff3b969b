import type { Result } from '../../../../shared/api/client.ts';
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/api/contract.ts';
import type { ApprovalSign, CaseDetail, CaseEventInput, ViolationInput } from '../../../../shared/entities/case.ts';
import { addCalendarDays, addWorkdays, buildCalendar, type WorkCalendar } from '../../../../shared/domain/workdays.ts';
import { usccCheckChar } from '../../../../shared/base/uscc.ts';

/**
 * Builds realistic case files through the contract, exactly as a clerk's screens would: every step
 * passes the same validation and procedure rules, so a generated file is one the app could hold.
 * Named variations make the late or missing steps the rules only flag (late service, late
 * publication, late payment) or leave a file incomplete at a stage, for tests, the demo county and
 * the benchmarks of the review work. It lives beside the demo seed, its one user in the app: it
 * builds fixture files, it is not a service the core offers.
 */
export type Dispatch = (channel: string, input: unknown, envelope: { token: string }) => Promise<Result<unknown>>;

export const CASE_VARIATIONS = [
  'late-service',
  'late-publication',
  'late-payment',
  'statement-waived',
  'statement-heard',
  'large-fine',
  'no-penalty',
  'person-fined',
  'hearing',
  'transfer-accepted',
  'transfer-declined',
  'summary',
  'investigated',
  // Defects a case-file review must find (the review corpus): decided after 90 days, a record made after the decision,
  // a payment without its receipt, a 听证会通知书 served too late for the hearing.
  'late-decision',
  'investigated-late',
  'no-receipt',
  'late-hearing-notice',
  'off-benchmark',
  'shallow-citation',
  'no-service-receipt',
  // …a 询问通知书 addressed by the unit's short name; a 当场处罚 form sent with another unit's code (which the
  // record's own replaces: the near-miss that shows it cannot reach paper).
  'short-name',
  'wrong-code',
  // The alarm switched off rather than missing (第九十九条第（四）项, 危险作业罪 第（一）项): assessed for transfer and,
  // with no real danger found, decided as an administrative case.
  'crime-risk',
] as const;
export type CaseVariation = (typeof CASE_VARIATIONS)[number];
/** Where an incomplete file stops: after 立案, after 呈批, after the 告知书 was served, after the decision. */
export type CaseStop = 'filed' | 'approved' | 'noticed' | 'decided' | 'closed' | 'archived';

export interface CaseRecipe {
  enterpriseId: number;
  handlerIds: [number, number, ...number[]];
  /** 立案 day; every later step is laid out after it (and never after today). */
  filedOn: string;
  variations?: CaseVariation[];
  stopAt?: CaseStop;
  escalationId?: number | null;
  suspectedCrime?: boolean;
  cause?: string;
  /** A legal reviewer's session, for cases whose 法制审核 is required. */
  reviewerToken?: string;
  archiveNo?: string;
  /** The pre-printed number of a 当场处罚 form (summary variation). */
  formNo?: string;
  /** The day of the violation (default two days before 立案). */
  violationDate?: string;
  /** The day of the 询问笔录 (investigated variation; default the day after 立案, or before it when investigated first). */
  investigatedOn?: string;
  /** The day the 案件移送书 reaches the police (transfer variations; default the day the transfer is approved). */
  transferredOn?: string;
  /** 当场处罚: the day the decision is filed with the agency (default the day after). */
  summaryFiledOn?: string;
  /** 当场处罚: the fine taken in cash on the spot, handed in to the agency on this day. */
  cashHandedInOn?: string;
  /** The hazard the unit's violation stands on (one found at an inspection). */
  hazardId?: number;
}

export class GeneratorError extends Error {
  readonly channel: string;
  readonly error: unknown;
  constructor(channel: string, error: unknown) {
    super(`${channel} refused: ${JSON.stringify(error)}`);
    this.channel = channel;
    this.error = error;
  }
}

/**
 * `signers`: whose sessions sign the 审核 and 审批 rows of the approval forms (a clerk's session may sign neither);
 * by default the generator's own, which must then be allowed to.
 */
export function caseGenerator(dispatch: Dispatch, token: string, signers?: { review: string; approve: string }) {
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>, as = token): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input, { token: as });
    if (!r.ok) throw new GeneratorError(channel, r.error);
    return r.data as OutputOf<C>;
  }
  const record = (id: number, event: CaseEventInput) => call('cases:record', { id, event });
  const day = (from: string, n: number) => addCalendarDays(from, n);
  let calendar: WorkCalendar | null = null;
  /**
   * A day that is late for a period of `workdays` working days from `from` on any calendar: the
   * `days` calendar days a variation names, or the working day after the period where a long
   * holiday (国庆, 春节) stretches the period past them. Files dated back from today are late
   * whatever today is.
   */
  async function lateDay(from: string, days: number, workdays: number): Promise<string> {
    calendar ??= buildCalendar((await call('calendar:get', {})).data);
    const after = addWorkdays(calendar, from, workdays + 1).date;
    const plain = day(from, days);
    return after > plain ? after : plain;
  }

  /** Made, filled in (over the prefill, or from it) and issued. */
  type Fill = Record<string, unknown> | ((prefilled: Record<string, unknown>) => Record<string, unknown>);
  async function issue(caseId: number, type: string, date: string, fill: Fill = {}, party?: number) {
    const draft = await call('documents:create', { type, caseId, party });
    const fields = typeof fill === 'function' ? fill(draft.fields) : fill;
    const saved = await call('documents:save', {
      id: draft.id,
      version: draft.version,
      fields: { ...draft.fields, ...fields, date },
    });
    return call('documents:issue', { id: saved.id, version: saved.version });
  }
  async function serve(documentId: number, on: string, officerIds: number[], recipient = '王明', place = '当事人住所') {
    return call('documents:serve', {
      id: documentId,
      service: { method: 'direct', servedAt: `${on}T10:00`, recipient, place, officerIds },
    });
  }
  const sign = (id: number, row: ApprovalSign) =>
    call('cases:sign', { id, sign: row }, row.role === 'handler' ? token : (signers?.[row.role] ?? token));
  async function approve(caseId: number, stage: 'filing' | 'disposal' | 'closing', on: string, officers: string[]) {
    await sign(caseId, { stage, role: 'handler', name: officers[0], post: '执法人员', date: on, opinion: '建议同意' });
    await sign(caseId, { stage, role: 'handler', name: officers[1], post: '执法人员', date: on });
    await sign(caseId, { stage, role: 'review', name: '赵审核', post: '法制股股长', date: on, opinion: '同意' });
    return sign(caseId, {
      stage,
      role: 'approve',
      name: '陈局长',
      post: '局长',
      date: on,
      opinion: '同意',
      approved: true,
    });
  }

  /** One case file through to `stopAt` (default: archived). Returns the case as it stands. */
  return async function generate(recipe: CaseRecipe): Promise<CaseDetail> {
    const v = new Set(recipe.variations ?? []);
    const stop = recipe.stopAt ?? 'archived';
    const roster = await call('officers:list', {});
    // The county's own names (its police, bank, website), from the 复议机关 the unit profile names.
    const county = (await call('unit:get', {}))?.reviewAgency.replace(/人民政府$/, '') ?? '';
    const names = recipe.handlerIds.map((i) => roster.find((o) => o.id === i)?.name ?? String(i));
    const f = recipe.filedOn;
    const summary = v.has('summary');
    const transfer = v.has('transfer-accepted') || v.has('transfer-declined');
    // From an escalation, the case is linked to the inspection it came from, as the 立案 form links it.
    const inspectionId = recipe.escalationId
      ? ((await call('cases:draft-from-escalation', { escalationId: recipe.escalationId })).inspectionId ?? null)
      : null;
    let c = await call('cases:create', {
      enterpriseId: recipe.enterpriseId,
      source: recipe.escalationId || summary ? 'inspection' : 'complaint',
      escalationId: recipe.escalationId ?? null,
      inspectionId,
      cause: recipe.cause ?? (summary ? '未设置安全警示标志案' : '涉嫌未采取措施消除事故隐患案'),
      violationDate: recipe.violationDate ?? day(f, summary ? 0 : -2),
      handlerIds: recipe.handlerIds,
      facts: summary
        ? '现场检查发现液氨储罐区未设置明显的安全警示标志，当场责令改正。'
        : '群众举报该单位危化品仓库未设置可燃气体报警装置，经现场核查属实。',
      suspectedCrime: recipe.suspectedCrime ?? transfer,
      procedure: summary ? 'summary' : 'ordinary',
    });
    const archiveNo = recipe.archiveNo ?? `${f.slice(0, 4)}-${String(c.id).padStart(4, '0')}`;
    if (summary) return summaryCase(c, recipe, names, stop, archiveNo, county);
    c = await approve(c.id, 'filing', f, names);
    /** A 询问笔录 of the 法定代表人 (or, as a witness, of the warehouse keeper) on a day. */
    const questioned = (on: string, interviewee?: string) =>
      issue(c.id, 'questioning-record', on, {
        startedAt: `${on}T09:30`,
        endedAt: `${on}T10:40`,
        gender: '男',
        age: 46,
        post: interviewee ? '仓库保管员' : '总经理',
        understood: '听清楚了。',
        recusalAnswer: '不申请回避。',
        ...(interviewee ? { interviewee } : {}),
        qa: [
          {
            question: '你在单位担任什么职务？',
            answer: interviewee ? '我是仓库保管员。' : '我是公司总经理，全面负责公司的生产经营和安全生产工作。',
          },
          { question: '你单位危化品仓库是否设置了可燃气体报警装置？', answer: '没有设置，仓库建成后一直没有安装。' },
        ],
      });
    if (v.has('investigated')) {
      // 调查取证 the days after 立案 (or first, before it): the 法定代表人 questioned, then the evidence listed by its statutory kinds.
      const on = recipe.investigatedOn ?? day(f, 1);
      // Evidence that would be lost if it waited for 立案: gathered first, on the head's approval (先行调查取证).
      if (on < f)
        c = await record(c.id, {
          kind: 'pre-investigation',
          date: on,
          reason: '举报称该单位正在拆除仓库内设施，不及时询问、勘验证据可能灭失',
          approvedBy: '陈局长',
        });
      if (v.has('short-name')) {
        // The 询问通知书 the unit had first, addressed as people call it (华瑞化工) rather than by its registered name.
        await issue(c.id, 'questioning-notice', on, {
          addressee: c.unit.name.replace(/^.*?[县区市]/, '').replace(/(股份)?有限(责任)?公司$/, ''),
          questioningAt: `${on}T09:30`,
        });
      }
      await questioned(on);
      await issue(c.id, 'evidence-list', day(f, 2), (prefilled) => ({
        items: [
          {
            kind: '书证',
            name: '营业执照复印件',
            source: '当事人提供',
            collectedOn: day(f, 1),
            pages: 1,
            proves: '当事人主体资格',
          },
          {
            kind: '视听资料',
            name: '现场照片12张',
            source: '执法人员拍摄',
            collectedOn: day(f, -2),
            pages: 3,
            proves: '危化品仓库未设置可燃气体报警装置',
          },
          ...(prefilled.items as object[]),
        ],
      }));
      c = await call('cases:get', { id: c.id });
    }
    if (stop === 'filed') return c;

    // 35,000 元 for an ordinary hazard is above the benchmark row chosen (10,000–30,000): the off-benchmark defect.
    const fine = v.has('off-benchmark') ? 35000 : v.has('large-fine') || v.has('hearing') ? 40000 : 20000;
    const violation: ViolationInput = {
      party: 'unit',
      evidence: '现场检查记录、现场照片、询问笔录',
      hazardId: recipe.hazardId ?? null,
      ...(v.has('crime-risk')
        ? {
            facts: '关闭危化品仓库已安装的可燃气体报警装置，致其不能正常报警',
            violatedProvision: '《中华人民共和国安全生产法》第三十六条第三款',
            penaltyItemId: 'aqsc-99-4',
            benchmarkCircumstance: '',
          }
        : {
            facts: '危化品仓库未按规定设置可燃气体报警装置，未采取措施消除该事故隐患',
            // Cited without its 款: the shallow-citation defect.
            violatedProvision: `《中华人民共和国安全生产法》第四十一条${v.has('shallow-citation') ? '' : '第二款'}`,
            penaltyItemId: 'aqsc-102',
            benchmarkCircumstance: fine >= 40000 ? '重大事故隐患未采取措施消除' : '一般事故隐患未采取措施消除',
          }),
      stage: 'first',
      circumstanceIds: [],
      tier: v.has('no-penalty') ? 'waived' : 'general',
      reasoning: '一般事故隐患，未造成后果，按一般情节裁量',
      fine: v.has('no-penalty') ? 0 : fine,
      measures: ['责令限期消除事故隐患'],
    };
    // 主要负责人 fined beside the unit (第九十四条第一款): a 告知书 and a 决定书 of his own.
    const person = v.has('person-fined')
      ? {
          name: '王明',
          idNumber: '513722198001011234',
          post: '总经理',
          address: `${county}东乡街道南坝路8号`,
          phone: '13800000000',
        }
      : null;
    const personFine = 20000;
    const personViolation: ViolationInput = {
      party: 0,
      facts:
        '作为主要负责人，未组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，未督促、检查安全生产工作，及时消除生产安全事故隐患',
      evidence: '询问笔录、岗位职责文件',
      violatedProvision: '《中华人民共和国安全生产法》第二十一条第（五）项',
      penaltyItemId: 'aqsc-94-k1',
      stage: 'first',
      circumstanceIds: [],
      tier: 'general',
      reasoning: '未造成后果，按一般情节裁量',
      fine: personFine,
      measures: [],
    };
    let at = f;
    if (transfer) {
      // 调查终结: the 负责人 decides to transfer; the 案件移送书 goes to the police the same day; they answer two days later.
      // 危险作业罪 (刑法 第一百三十四条之一第（一）项): the alarm was switched off, not merely missing.
      c = await call('cases:save-disposal', {
        id: c.id,
        version: c.version,
        outcome: 'transfer',
        violations: [
          {
            ...violation,
            facts: '擅自关闭危化品仓库可燃气体报警装置，在事故隐患未消除的情况下继续组织装卸作业',
            reasoning: '涉嫌危险作业罪，依法移送公安机关',
          },
        ],
      });
      c = await approve(c.id, 'disposal', day(f, 3), names);
      if (stop === 'approved') return c;
      const letter = await issue(c.id, 'transfer-letter', day(f, 3), {
        crime: '危险作业罪',
        suspects: '王明（总经理）',
        materials: [
          ['涉嫌犯罪案件情况的调查报告', 1, 6],
          ['涉案物品清单', 1, 1],
          ['现场检查记录、现场照片', 1, 12],
          ['询问笔录', 3, 15],
        ].map(([name, items, pages]) => ({ name, items, pages })),
      });
      const sent = recipe.transferredOn ?? day(f, 3);
      await serve(letter.id, sent, recipe.handlerIds, `${county}公安局值班民警`, `${county}公安局`);
      c = await record(c.id, {
        kind: 'transfer-answer',
        date: day(sent, 2),
        organ: `${county}公安局`,
        result: v.has('transfer-accepted') ? 'accepted' : 'declined',
        note: v.has('transfer-accepted') ? '已立案侦查' : '经审查，尚不构成犯罪，不予立案',
      });
      if (v.has('transfer-accepted')) {
        if (stop === 'noticed' || stop === 'decided') return c;
        c = await approve(c.id, 'closing', day(sent, 3), names);
        return stop === 'closed' ? c : record(c.id, { kind: 'archive', date: day(sent, 4), archiveNo });
      }
      at = day(sent, 2);
    }
    c = await call('cases:save-disposal', {
      id: c.id,
      version: c.version,
      outcome: v.has('no-penalty') ? 'no-penalty' : 'penalty',
      persons: person ? [person] : [],
      violations: [violation, ...(person ? [personViolation] : [])],
    });
    c = await approve(c.id, 'disposal', day(at, 3), names);
    if (stop === 'approved') return c;
    if (v.has('no-penalty')) {
      c = await approve(c.id, 'closing', day(at, 4), names);
      if (stop === 'closed' || stop === 'noticed' || stop === 'decided') return c;
      return record(c.id, { kind: 'archive', date: day(at, 5), archiveNo });
    }

    const review = async (on: string) => {
      if (!recipe.reviewerToken)
        throw new GeneratorError('cases:legal-review', 'a reviewer session is needed for this case');
      return call(
        'cases:legal-review',
        {
          id: c.id,
          review: {
            date: on,
            name: '赵审核',
            post: '法制审核员',
            result: 'pass',
            opinion: '事实清楚，证据确实充分，适用依据正确，程序合法，裁量适当。',
          },
        },
        recipe.reviewerToken,
      );
    };
    if (c.triggers.legalReview.length) c = await review(day(at, 4));
    if (c.triggers.collectiveDiscussion) {
      c = await record(c.id, {
        kind: 'collective-discussion',
        date: day(at, 4),
        chair: '陈局长',
        attendees: ['陈局长', '刘副局长', '赵审核'],
        minutes: '承办人汇报案情，与会人员讨论。',
        conclusion: '同意按呈批意见处罚。',
      });
    }
    const parties: (number | undefined)[] = [undefined, ...(person ? [0] : [])];
    for (const party of parties) {
      const notice = await issue(c.id, 'penalty-notice', day(at, 5), {}, party);
      await serve(notice.id, day(at, 5), recipe.handlerIds, party === undefined ? '王明' : person!.name);
    }
    if (v.has('statement-waived')) {
      for (const party of parties)
        c = await record(c.id, {
          kind: 'statement',
          date: day(at, 5),
          party: party ?? 'unit',
          waived: true,
          waivesHearing: true,
        });
    }
    if (v.has('statement-heard'))
      c = await record(c.id, {
        kind: 'statement',
        date: day(at, 6),
        content: '已经购置报警装置，请求从轻处罚',
        adopted: false,
        reply: '整改系法定义务，不属从轻情形',
      });
    let decidedOn = v.has('late-decision')
      ? day(f, 100)
      : v.has('statement-waived') || v.has('statement-heard')
        ? day(at, 7)
        : day(at, 19);
    if (v.has('hearing')) {
      // Asked the day after the notice; the 听证会通知书 goes out two days later for a hearing 15 days on (≥ 7 working days).
      c = await record(c.id, { kind: 'hearing-request', date: day(at, 6), note: '当事人书面申请听证' });
      const hearingOn = day(at, 23);
      const hn = await issue(c.id, 'hearing-meeting-notice', day(at, 8), {
        hearingDate: hearingOn,
        chair: '李法制',
        clerk: '孙记录',
      });
      // Served three days before the hearing: too late for it to be held (第六十四条第（二）项); the file stops there.
      await serve(hn.id, v.has('late-hearing-notice') ? day(hearingOn, -3) : day(at, 8), recipe.handlerIds);
      if (stop === 'noticed' || v.has('late-hearing-notice')) return call('cases:get', { id: c.id });
      c = await record(c.id, { kind: 'hearing', date: hearingOn, chair: '李法制', attended: true });
      // The record of what was said (prefilled with the chair's opening and the investigators' case), then the chair's report.
      await issue(c.id, 'hearing-record', hearingOn, (prefilled) => ({
        startedAt: `${hearingOn}T09:00`,
        endedAt: `${hearingOn}T10:30`,
        attendees: [
          { name: '王明', role: '法定代表人' },
          { name: '周律师', role: '委托代理人' },
        ],
        proceedings: [
          ...(prefilled.proceedings as object[]),
          { speaker: '委托代理人周律师', words: '当事人已购置报警装置，违法情节轻微，请求从轻处罚。' },
          { speaker: '主持人', words: '听证结束。' },
        ],
      }));
      await issue(c.id, 'hearing-report', hearingOn, {
        findings: '当事人危化品仓库未设置可燃气体报警装置的事实清楚，证据确实充分。',
        opinion: '事实清楚，证据充分，当事人申辩理由不成立，建议维持原处罚意见。',
      });
      // A hearing held brings its own 法制审核 (the trigger "hearing held").
      c = await review(day(hearingOn, 1));
      decidedOn = day(hearingOn, 2);
    }
    if (stop === 'noticed') return call('cases:get', { id: c.id });
    // 行刑衔接: a violation that may be 危险作业罪, not sent to the police, is decided on after a reasoned decision not to.
    if (c.crimeRisks.length && !transfer)
      c = await record(c.id, {
        kind: 'transfer-assessment',
        date: decidedOn,
        conclusion: 'not-transfer',
        reasoning: '报警装置关闭时间短，仓库内未储存危险化学品，不具有发生重大伤亡事故的现实危险，不构成危险作业罪',
        approvedBy: '陈局长',
      });

    const decisions = [];
    for (const party of parties) {
      const type = party === undefined ? 'penalty-decision-unit' : 'penalty-decision-person';
      decisions.push(
        await issue(
          c.id,
          type,
          decidedOn,
          { paymentPlace: `${county}农村信用合作联社（账号：88010120000012345）` },
          party,
        ),
      );
    }
    const servedOn = v.has('late-service') ? await lateDay(decidedOn, 14, 7) : decidedOn;
    for (const d of decisions) await serve(d.id, servedOn, recipe.handlerIds);
    // The 文书送达回执 each party signed, listing what was served on it (the file's proof of service).
    if (!v.has('no-service-receipt'))
      for (const party of parties) await issue(c.id, 'service-receipt', servedOn, {}, party);
    await record(c.id, {
      kind: 'publication',
      date: v.has('late-publication') ? await lateDay(decidedOn, 15, 7) : day(decidedOn, 2),
      where: `${county}人民政府网站`,
    });
    // A witness questioned after the decision was made: the evidence came after the penalty.
    if (v.has('investigated-late')) await questioned(day(decidedOn, 1), '赵六');
    if (stop === 'decided') return call('cases:get', { id: c.id });
    const paidOn = day(servedOn, v.has('late-payment') ? 20 : 10);
    c = await record(c.id, {
      kind: 'payment',
      date: paidOn,
      amount: fine,
      receiptNo: v.has('no-receipt') ? '' : `NT${String(c.id).padStart(8, '0')}`,
    });
    if (person)
      c = await record(c.id, {
        kind: 'payment',
        date: paidOn,
        party: 0,
        amount: personFine,
        receiptNo: `NT${String(c.id).padStart(8, '0')}P`,
      });
    c = await approve(c.id, 'closing', day(paidOn, 1), names);
    if (stop === 'closed') return c;
    return record(c.id, { kind: 'archive', date: day(paidOn, 2), archiveNo });
  };

  /** 当场处罚: decided on the spot on a pre-numbered form, handed over, paid, closed and archived. */
  async function summaryCase(
    c: CaseDetail,
    recipe: CaseRecipe,
    names: string[],
    stop: CaseStop,
    archiveNo: string,
    county: string,
  ): Promise<CaseDetail> {
    const f = recipe.filedOn;
    c = await call('cases:save-disposal', {
      id: c.id,
      version: c.version,
      outcome: 'penalty',
      violations: [
        {
          party: 'unit',
          facts: '液氨储罐区未设置明显的安全警示标志',
          evidence: '现场照片',
          violatedProvision: '《中华人民共和国安全生产法》第三十五条',
          penaltyItemId: 'aqsc-99-1',
          stage: 'first',
          circumstanceIds: [],
          tier: 'general',
          reasoning: '事实清楚，当场责令改正，按一般情节裁量',
          fine: 2000,
          measures: ['责令限期改正'],
        },
      ],
    });
    if (stop === 'filed' || stop === 'approved' || stop === 'noticed') return c;
    const decision = await issue(c.id, 'summary-penalty-unit', f, {
      formNo: recipe.formNo ?? `51172200${String(c.id).padStart(4, '0')}`,
      place: '液氨储罐区现场',
      time: '10:30',
      ...(recipe.variations?.includes('wrong-code') ? { code: neighbourCode(c.unit.code) } : {}),
      // Taken in cash: paying later at the bank would be hard for the party (第六十八条).
      ...(recipe.cashHandedInOn ? { cashOnTheSpot: true, hardToPayLater: true } : {}),
      paymentPlace: `${county}农村信用合作联社（账号：88010120000012345）`,
    });
    await serve(decision.id, f, recipe.handlerIds);
    await issue(c.id, 'service-receipt', f);
    const filedOn = recipe.summaryFiledOn ?? day(f, 1);
    await record(c.id, { kind: 'summary-filed', date: filedOn, filedWith: '赵审核' });
    if (stop === 'decided') return call('cases:get', { id: c.id });
    const receiptNo = `NT${String(c.id).padStart(8, '0')}`;
    if (recipe.cashHandedInOn) {
      await record(c.id, { kind: 'payment', date: f, amount: 2000, receiptNo });
      await record(c.id, {
        kind: 'cash-handed-in',
        date: recipe.cashHandedInOn,
        amount: 2000,
        receivedBy: '财务股刘会计',
      });
    } else await record(c.id, { kind: 'payment', date: day(f, 3), amount: 2000, receiptNo });
    // Closed once all is done: paid, handed in, filed.
    const closedOn = [day(f, 4), day(filedOn, 1), ...(recipe.cashHandedInOn ? [day(recipe.cashHandedInOn, 1)] : [])]
      .sort()
      .at(-1)!;
    c = await approve(c.id, 'closing', closedOn, names);
    return stop === 'closed' ? c : record(c.id, { kind: 'archive', date: day(closedOn, 1), archiveNo });
  }
}

/** Another unit's 统一社会信用代码, valid in itself: the next serial in the same register (a slip of the pen). */
function neighbourCode(code: string): string {
  const digit = (Number(code[16]) + 1) % 10;
  const first17 = `${code.slice(0, 16)}${Number.isNaN(digit) ? '1' : digit}`;
  return first17 + (usccCheckChar(first17) ?? '0');
}
