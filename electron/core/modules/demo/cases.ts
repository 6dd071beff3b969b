import type { SessionInfo } from '../../../../shared/api/contract.ts';
import { addCalendarDays } from '../../../../shared/domain/workdays.ts';
import type { EnterpriseListItem } from '../../../../shared/entities/enterprise.ts';
import type { Officer } from '../../../../shared/entities/officer.ts';
import { type CaseRecipe, caseGenerator, type Dispatch } from './case-generator.ts';
import { DEMO_PASSWORD } from './seed.ts';
import type { Job } from '../../jobs/jobs.ts';

/**
 * The demo county's case files, and a few inspections besides, made by the case generator through the contract exactly as the
 * clerk, the legal reviewer and the head would make them: one of each path and stage, dated back from today,
 * so a newcomer finds filed, noticed, decided, closed, transferred and on-the-spot cases to open.
 */
/** The demo county's case files: one of each path and stage, filed this many days before the app's today. */
const RECIPES = (
  back: (days: number) => string,
): Omit<CaseRecipe, 'enterpriseId' | 'handlerIds' | 'reviewerToken'>[] => [
  { filedOn: back(90), variations: ['statement-waived', 'investigated'] },
  {
    filedOn: back(75),
    variations: ['statement-heard', 'late-service', 'late-publication', 'investigated'],
    stopAt: 'decided',
  },
  { filedOn: back(60), variations: ['person-fined', 'statement-waived', 'investigated'], stopAt: 'closed' },
  { filedOn: back(45), variations: ['transfer-accepted', 'investigated'] },
  { filedOn: back(12), variations: ['hearing', 'investigated'], stopAt: 'noticed' },
  { filedOn: back(12), variations: ['summary'], formNo: '0000101' },
  // The alarm switched off: 危险作业罪 第（一）项 possible, the transfer assessment still to be made.
  { filedOn: back(20), variations: ['investigated', 'crime-risk'], stopAt: 'approved' },
  { filedOn: back(3), variations: ['investigated'], stopAt: 'filed' },
];
/**
 * Inspections that led to no case, so 现场检查 is not empty and its filters have something to find, each but the
 * latest with its 现场检查记录 (陈静, the legal officer, goes along where marked).
 */
const VISITS: { days: number; kind: string; place: string; findings: string; withChen?: boolean }[] = [
  { days: 30, kind: 'plan', place: '生产车间', findings: '1. 安全生产责任制已落实。\n2. 未发现事故隐患。' },
  { days: 21, kind: 'random', place: '危化品仓库', findings: '1. 仓库通风良好，报警装置运行正常。' },
  { days: 14, kind: 'special', place: '有限空间作业点', findings: '1. 有限空间作业审批手续齐全。', withChen: true },
  { days: 7, kind: 'complaint', place: '粉尘作业区', findings: '1. 举报反映的粉尘清扫问题已整改，现场未见积尘。' },
  { days: 2, kind: 'plan', place: '液氨制冷车间', findings: '1. 液氨储罐区泄漏报警装置运行正常。', withChen: true },
];
/** The steps the demo county's background part reports (a case file or an inspection each). */
export const DEMO_STEPS = RECIPES(() => '').length + VISITS.length;

export async function seedDemoCases(dispatch: Dispatch, today: string, job: Job): Promise<void> {
  const signIn = async (username: string) => {
    const r = await dispatch('auth:sign-in', { username, password: DEMO_PASSWORD }, { token: '' });
    if (!r.ok) throw new Error(`demo sign-in failed: ${JSON.stringify(r.error)}`);
    return (r.data as SessionInfo).token;
  };
  const clerk = await signIn('clerk');
  const reviewer = await signIn('reviewer');
  const supervisor = await signIn('supervisor');
  const list = async <T>(channel: string, input: unknown) => {
    const r = await dispatch(channel, input, { token: clerk });
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  const officers = await list<Officer[]>('officers:list', { includeOffDuty: false });
  const byName = (n: string) => officers.find((o) => o.name === n)!.id;
  const handlerIds: CaseRecipe['handlerIds'] = [byName('张明'), byName('李华')];
  const { items } = await list<{ items: EnterpriseListItem[] }>('enterprises:search', { pageSize: 20 });
  const generate = caseGenerator(dispatch, clerk, { review: reviewer, approve: supervisor });
  const back = (days: number) => addCalendarDays(today, -days);
  const recipes = RECIPES(back);
  const chen = officers.find((o) => o.name === '陈静')?.id;
  const total = DEMO_STEPS;
  let done = 0;
  const step = () => {
    job.checkpoint();
    job.progress('demo', done++, total);
  };
  for (const [i, r] of recipes.entries()) {
    step();
    // A file the calendar does not allow on this day (a hearing falling in a long holiday) is left out, never the demo.
    await generate({ ...r, enterpriseId: items[(i * 3) % items.length].id, handlerIds, reviewerToken: reviewer }).catch(
      (e: unknown) => console.warn('demo case left out:', e instanceof Error ? e.message : e),
    );
  }
  for (const [i, v] of VISITS.entries()) {
    step();
    const day = back(v.days);
    const r = await dispatch(
      'inspections:create',
      {
        enterpriseId: items[(i * 5 + 1) % items.length].id,
        kind: v.kind,
        startedAt: `${day}T09:30`,
        endedAt: `${day}T11:00`,
        place: v.place,
        officerIds: [handlerIds[0], (v.withChen && chen) || handlerIds[1]],
        present: [],
        findings: v.findings,
      },
      { token: clerk },
    );
    if (!r.ok) {
      console.warn('demo inspection left out:', JSON.stringify(r.error));
      continue;
    }
    // Its 现场检查记录 issued, as the province counts an inspection complete; the latest is still to be written up, so
    // the workbench's 检查录入完整率 has one to point at.
    if (i === VISITS.length - 1) continue;
    const inspectionId = (r.data as { id: number }).id;
    const doc = await dispatch('documents:create', { type: 'inspection-record', inspectionId }, { token: clerk });
    const issued =
      doc.ok &&
      (await dispatch(
        'documents:issue',
        { id: (doc.data as { id: number }).id, version: (doc.data as { version: number }).version },
        { token: clerk },
      ));
    if (!issued || !issued.ok)
      console.warn('demo inspection record left unissued:', JSON.stringify(issued ? issued.error : doc));
  }
  for (const token of [clerk, reviewer, supervisor]) await dispatch('auth:sign-out', {}, { token });
  job.progress('demo', total, total);
}
