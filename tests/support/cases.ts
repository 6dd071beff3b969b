import type { Core } from '../../electron/core/create-core.ts';
import { caseGenerator } from '../../electron/core/modules/demo/case-generator.ts';
import { call, failure, setUp } from './core.ts';
import { inspectionReady } from './documents.ts';

/**
 * A county ready for cases on a core: set up, an enterprise with an inspection, two certified
 * officers as the 承办人, and the case generator acting through the contract.
 */
export async function caseCounty(core: Core) {
  const token = await setUp(core);
  const { enterprise, officers, inspection } = await inspectionReady(core, token);
  const handlerIds = [officers[0].id, officers[1].id] as [number, number];
  const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
  return { token, enterprise, officers, inspection, handlerIds, generate };
}

/** A hazard left unrectified at its re-check (by default on its deadline): the escalation a case is opened from. */
export async function escalated(
  core: Core,
  county: Awaited<ReturnType<typeof caseCounty>>,
  deadline = '2026-11-21',
  recheckedOn = deadline,
): Promise<number> {
  const { token, enterprise, inspection, handlerIds } = county;
  const hazard = await call(
    core,
    'hazards:create',
    { inspectionId: inspection.id, description: '危化品仓库未设置可燃气体报警装置', deadline },
    token,
  );
  const recheck = await call(
    core,
    'inspections:create',
    {
      enterpriseId: enterprise.id,
      kind: 'recheck',
      recheckOf: inspection.id,
      startedAt: `${recheckedOn}T09:00`,
      officerIds: handlerIds,
    },
    token,
  );
  await call(
    core,
    'hazards:recheck',
    { id: hazard.id, recheckInspectionId: recheck.id, result: 'not-rectified', note: '仍未安装' },
    token,
  );
  const [escalation] = await call(core, 'escalations:list', { status: 'open' }, token);
  return escalation.id;
}

/** Through the channel that takes it: an approval row through cases:sign, every other event through cases:record. */
function recordInputOf(id: number, event: object): [string, object] {
  const { kind, ...sign } = event as { kind: string };
  return kind === 'approval' ? ['cases:sign', { id, sign }] : ['cases:record', { id, event }];
}

/** Records an event on a case as the user of `token` would, by its channel. */
export function recordOn(core: Core, id: number, event: object, token: string) {
  const [channel, input] = recordInputOf(id, event);
  return call(core, channel as 'cases:record', input as never, token);
}

/** The refusal of recording it (see recordOn). */
export function refusalOf(core: Core, id: number, event: object, token: string) {
  const [channel, input] = recordInputOf(id, event);
  return failure(core, channel as 'cases:record', input as never, token);
}

/**
 * A case file's review signed as seen, every judgement item judged: passed, but for the items named in `failed`
 * (with the reviewer's comment).
 */
export async function signReview(
  core: Core,
  token: string,
  caseId: number,
  failed: Record<string, string> = {},
): Promise<void> {
  const standard = await call(core, 'reviews:standard', {}, token);
  const judgements = Object.fromEntries(
    [...standard.vetoes, ...standard.sections.flatMap((x) => x.items)]
      .filter((i) => i.mode === 'judgement')
      .map((i) => [i.id, { passed: !Object.hasOwn(failed, i.id), comment: failed[i.id] ?? '' }]),
  );
  const seen = (await call(core, 'reviews:run', { id: caseId, decisions: { judgements } }, token)).digest;
  await call(core, 'reviews:sign', { id: caseId, decisions: { judgements }, seen }, token);
}
