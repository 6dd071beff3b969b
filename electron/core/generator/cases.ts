import type { Result } from '../../../shared/api/client.ts';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/api/contract.ts';
import type { CaseDetail, CaseEventInput, ViolationInput } from '../../../shared/entities/case.ts';
import { addCalendarDays } from '../../../shared/domain/workdays.ts';

/**
 * Builds realistic case files through the contract, exactly as a clerk's screens would: every step
 * passes the same validation and procedure rules, so a generated file is one the app could hold.
 * Named variations make the late or missing steps the rules only flag (late service, late
 * publication, late payment) or leave a file incomplete at a stage, for tests, the demo county and
 * the benchmarks of the review work.
 */
export type Dispatch = (channel: string, input: unknown, envelope: { token: string }) => Promise<Result<unknown>>;

export const CASE_VARIATIONS = ['late-service', 'late-publication', 'late-payment', 'statement-waived', 'statement-heard', 'large-fine', 'no-penalty'] as const;
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

export function caseGenerator(dispatch: Dispatch, token: string) {
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>, as = token): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input, { token: as });
    if (!r.ok) throw new GeneratorError(channel, r.error);
    return r.data as OutputOf<C>;
  }
  const record = (id: number, event: CaseEventInput) => call('cases:record', { id, event });
  const day = (from: string, n: number) => addCalendarDays(from, n);

  async function issue(caseId: number, type: string, date: string, fields: Record<string, unknown> = {}) {
    const draft = await call('documents:create', { type, caseId });
    const saved = await call('documents:save', { id: draft.id, version: draft.version, fields: { ...draft.fields, ...fields, date } });
    return call('documents:issue', { id: saved.id, version: saved.version });
  }
  async function serve(documentId: number, on: string, officerIds: number[]) {
    return call('documents:serve', { id: documentId, service: { method: 'direct', servedAt: `${on}T10:00`, recipient: '王明', place: '当事人住所', officerIds } });
  }
  async function approve(caseId: number, stage: 'filing' | 'disposal' | 'closing', on: string, officers: string[]) {
    await record(caseId, { kind: 'approval', stage, role: 'handler', name: officers[0], post: '执法人员', date: on, opinion: '建议同意' });
    await record(caseId, { kind: 'approval', stage, role: 'handler', name: officers[1], post: '执法人员', date: on });
    await record(caseId, { kind: 'approval', stage, role: 'review', name: '赵审核', post: '法制股股长', date: on, opinion: '同意' });
    return record(caseId, { kind: 'approval', stage, role: 'approve', name: '陈局长', post: '局长', date: on, opinion: '同意', approved: true });
  }

  /** One case file through to `stopAt` (default: archived). Returns the case as it stands. */
  return async function generate(recipe: CaseRecipe): Promise<CaseDetail> {
    const v = new Set(recipe.variations ?? []);
    const stop = recipe.stopAt ?? 'archived';
    const roster = await call('officers:list', {});
    const names = recipe.handlerIds.map((i) => roster.find((o) => o.id === i)?.name ?? String(i));
    const f = recipe.filedOn;
    let c = await call('cases:create', {
      enterpriseId: recipe.enterpriseId, source: recipe.escalationId ? 'inspection' : 'complaint', escalationId: recipe.escalationId ?? null,
      cause: recipe.cause ?? '涉嫌未采取措施消除事故隐患案', violationDate: day(f, -2), handlerIds: recipe.handlerIds,
      facts: '群众举报该单位危化品仓库未设置可燃气体报警装置，经现场核查属实。', suspectedCrime: recipe.suspectedCrime ?? false,
    });
    c = await approve(c.id, 'filing', f, names);
    if (stop === 'filed') return c;

    const fine = v.has('large-fine') ? 40000 : 20000;
    const archiveNo = recipe.archiveNo ?? `${f.slice(0, 4)}-${String(c.id).padStart(4, '0')}`;
    const violation: ViolationInput = {
      party: 'unit', facts: '危化品仓库未按规定设置可燃气体报警装置，未采取措施消除该事故隐患', evidence: '现场检查记录、现场照片、询问笔录',
      violatedProvision: '《中华人民共和国安全生产法》第四十一条第二款', penaltyItemId: 'aqsc-102', stage: 'first',
      circumstanceIds: [], tier: v.has('no-penalty') ? 'waived' : 'general', reasoning: '一般事故隐患，未造成后果，按一般情节裁量',
      fine: v.has('no-penalty') ? 0 : fine, measures: ['责令限期消除事故隐患'],
    };
    c = await call('cases:save-disposal', { id: c.id, version: c.version, outcome: v.has('no-penalty') ? 'no-penalty' : 'penalty', violations: [violation] });
    c = await approve(c.id, 'disposal', day(f, 3), names);
    if (stop === 'approved') return c;
    if (v.has('no-penalty')) {
      c = await approve(c.id, 'closing', day(f, 4), names);
      if (stop === 'closed' || stop === 'noticed' || stop === 'decided') return c;
      return record(c.id, { kind: 'archive', date: day(f, 5), archiveNo });
    }

    if (c.triggers.legalReview.length) {
      if (!recipe.reviewerToken) throw new GeneratorError('cases:legal-review', 'a reviewer session is needed for this case');
      c = await call('cases:legal-review', { id: c.id, review: { date: day(f, 4), name: '赵审核', post: '法制审核员', result: 'pass', opinion: '事实清楚，证据确实充分，适用依据正确，程序合法，裁量适当。' } }, recipe.reviewerToken);
    }
    if (c.triggers.collectiveDiscussion) {
      c = await record(c.id, { kind: 'collective-discussion', date: day(f, 4), chair: '陈局长', attendees: ['陈局长', '刘副局长', '赵审核'], minutes: '承办人汇报案情，与会人员讨论。', conclusion: '同意按呈批意见处罚。' });
    }
    const notice = await issue(c.id, 'penalty-notice', day(f, 5));
    await serve(notice.id, day(f, 5), recipe.handlerIds);
    if (v.has('statement-waived')) c = await record(c.id, { kind: 'statement', date: day(f, 5), waived: true, waivesHearing: true });
    if (v.has('statement-heard')) c = await record(c.id, { kind: 'statement', date: day(f, 6), content: '已经购置报警装置，请求从轻处罚', adopted: false, reply: '整改系法定义务，不属从轻情形' });
    if (stop === 'noticed') return call('cases:get', { id: c.id });

    // After the statement period (3 working days) unless heard or waived: two weeks later is safe across any holiday.
    const decidedOn = v.has('statement-waived') || v.has('statement-heard') ? day(f, 7) : day(f, 19);
    const decision = await issue(c.id, 'penalty-decision-unit', decidedOn, { paymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' });
    const servedOn = v.has('late-service') ? day(decidedOn, 14) : decidedOn;
    await serve(decision.id, servedOn, recipe.handlerIds);
    await record(c.id, { kind: 'publication', date: v.has('late-publication') ? day(decidedOn, 15) : day(decidedOn, 2), where: '宣汉县人民政府网站' });
    if (stop === 'decided') return call('cases:get', { id: c.id });
    const paidOn = day(servedOn, v.has('late-payment') ? 20 : 10);
    c = await record(c.id, { kind: 'payment', date: paidOn, amount: fine, receiptNo: `NT${String(c.id).padStart(8, '0')}` });
    c = await approve(c.id, 'closing', day(paidOn, 1), names);
    if (stop === 'closed') return c;
    return record(c.id, { kind: 'archive', date: day(paidOn, 2), archiveNo });
  };
}
