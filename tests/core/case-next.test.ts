import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import type { CaseStop } from '../../electron/core/modules/demo/case-generator.ts';
import { call, newCore } from '../support/core.ts';
import { caseCounty, recordOn } from '../support/cases.ts';

/**
 * 下一步 (issue 18): the case page's one step, computed by the core from the rules it refuses with — so the step
 * offered is the one the core then accepts, and the person named is the one whose role may take it.
 */
let core: Core;
afterEach(() => core?.close());
const NOW = new Date('2026-11-22T02:00:00Z');

async function county() {
  core = await newCore({ clock: () => NOW });
  return caseCounty(core);
}

describe('the next step of a case', () => {
  it('walks the 立案审批表 row by row, naming whose row it is', async () => {
    const c = await county();
    const k = await call(
      core,
      'cases:create',
      {
        enterpriseId: c.enterprise.id,
        source: 'complaint',
        cause: '未按规定设置报警装置',
        violationDate: '2026-11-01',
        handlerIds: c.handlerIds,
      },
      c.token,
    );
    const steps = [k.next];
    for (const [role, name] of [
      ['handler', '张明'],
      ['handler', '李华'],
      ['review', '赵审核'],
      ['approve', '陈局长'],
    ])
      steps.push(
        (await recordOn(core, k.id, { kind: 'approval', stage: 'filing', role, name, date: '2026-11-20' }, c.token))
          .next,
      );
    expect(steps.map((s) => [s?.key, s?.params?.role, s?.who])).toEqual([
      ['cases.next.sign.filing', 'handler', 'clerk'],
      ['cases.next.sign.filing', 'handler', 'clerk'],
      ['cases.next.sign.filing', 'review', 'reviewer'],
      ['cases.next.sign.filing', 'approve', 'supervisor'],
      // Filed: the investigation leads to the 呈批.
      ['cases.next.disposal', undefined, 'clerk'],
    ]);
    expect(steps[0]?.action).toEqual({ kind: 'sign', stage: 'filing' });
  });

  it.each<[CaseStop, string[], string, Record<string, unknown> | null]>([
    ['approved', ['statement-waived'], 'cases.next.document', { kind: 'document', type: 'penalty-notice' }],
    ['decided', ['statement-waived'], 'cases.next.payment', { kind: 'record', event: 'payment' }],
    ['closed', ['statement-waived'], 'cases.next.archive', { kind: 'record', event: 'archive' }],
  ])('after %s (%s): %s', async (stopAt, variations, key, action) => {
    const c = await county();
    const k = await c.generate({
      enterpriseId: c.enterprise.id,
      handlerIds: c.handlerIds,
      filedOn: '2026-09-01',
      variations: variations as never,
      stopAt,
    });
    expect(k.next?.key).toBe(key);
    expect(k.next?.action).toMatchObject(action!);
    expect(k.next?.who).toBe('clerk');
  });

  it('is none once archived, and goes on with a draft already begun rather than a second one', async () => {
    const c = await county();
    const archived = await c.generate({
      enterpriseId: c.enterprise.id,
      handlerIds: c.handlerIds,
      filedOn: '2026-09-01',
    });
    expect(archived.next).toBeNull();
    const approved = await c.generate({
      enterpriseId: c.enterprise.id,
      handlerIds: c.handlerIds,
      filedOn: '2026-09-01',
      stopAt: 'approved',
    });
    const draft = await call(core, 'documents:create', { type: 'penalty-notice', caseId: approved.id }, c.token);
    const after = await call(core, 'cases:get', { id: approved.id }, c.token);
    expect(after.next).toMatchObject({
      key: 'cases.next.finish',
      action: { kind: 'open-document', documentId: draft.id },
    });
  });

  it('hands the decision to the legal reviewer where 法制审核 is required and not yet passed', async () => {
    const c = await county();
    const k = await c.generate({
      enterpriseId: c.enterprise.id,
      handlerIds: c.handlerIds,
      filedOn: '2026-09-01',
      variations: ['statement-waived'],
      stopAt: 'noticed',
    });
    // The unit now has every ordinary case reviewed: this one's decision waits for the opinion.
    await call(core, 'settings:update', { legalReviewTriggers: ['all-ordinary'] }, c.token);
    const now = await call(core, 'cases:get', { id: k.id }, c.token);
    expect(now.stage).toBe('decision');
    expect(now.blockers.map((b) => b.key)).toContain('cases.rules.legalReviewRequired');
    expect(now.next).toMatchObject({
      key: 'cases.next.legalReview',
      who: 'reviewer',
      action: { kind: 'record', event: 'legal-review' },
    });
  });
});
