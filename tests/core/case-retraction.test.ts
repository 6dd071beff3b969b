import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import {
  CASE_RECORD_PERMISSION,
  permissionToRecord,
  retractRefusal,
  ROLE_BOUND_RECORDS,
} from '../../shared/domain/case-permissions.ts';
import { can, ROLE_PERMISSIONS, ROLES, type Role } from '../../shared/base/roles.ts';
import type { CaseEventData } from '../../shared/entities/case.ts';
import { resources } from '../../shared/i18n/resources.ts';
import { addUser, call, failure, newCore } from '../support/core.ts';
import { caseCounty, recordOn } from '../support/cases.ts';

/**
 * Only a role that may record an event may take it back: a clerk cannot withdraw the legal
 * reviewer's 法制审核 opinion. The role-bound kinds come from the domain's table, so a kind bound to
 * a role later is tested here as soon as it has a scene.
 */
let core: Core;
afterEach(() => core?.close());

/** A Sunday: every step below lies before it. */
const NOW = new Date('2026-11-22T02:00:00Z');
const RETRACTION = { date: '2026-11-20', reason: '登记有误' };

type County = Awaited<ReturnType<typeof caseCounty>>;
/** A case on which an event of the kind can still be taken back, and how a role records one there (its event id). */
interface Scene {
  open(county: County): Promise<number>;
  record(caseId: number, token: string): Promise<number>;
}

/** A case whose 立案审批表 the two 承办人 signed: its 审核 row is next. */
async function handlersSigned({ enterprise, handlerIds, token }: County): Promise<number> {
  const c = await call(
    core,
    'cases:create',
    {
      enterpriseId: enterprise.id,
      source: 'complaint',
      cause: '未按规定设置报警装置',
      violationDate: '2026-11-01',
      handlerIds,
    },
    token,
  );
  for (const name of ['张明', '李华'])
    await recordOn(core, c.id, { kind: 'approval', stage: 'filing', role: 'handler', name, date: '2026-11-02' }, token);
  return c.id;
}
const sign = (role: 'review' | 'approve', name: string) => async (id: number, token: string) =>
  (await call(core, 'cases:sign', { id, sign: { stage: 'filing', role, name, date: '2026-11-03' } }, token)).events.at(
    -1,
  )!.id;

/** Each role-bound record by its label: the kind, and an approval's row. */
const label = (r: { kind: string; role?: string }) => (r.role ? `${r.kind}/${r.role}` : r.kind);

const SCENES: Record<string, Scene> = {
  // The 审核 row of a form the 承办人 signed: taken back while the 审批 row is still empty.
  'approval/review': { open: handlersSigned, record: sign('review', '赵审核') },
  // A refused 审批 (不同意) is still the head's row: only the head's role takes it back.
  'approval/approve': {
    open: async (county) => {
      const id = await handlersSigned(county);
      await sign('review', '赵审核')(id, county.token);
      return id;
    },
    record: async (id, token) =>
      (
        await call(
          core,
          'cases:sign',
          { id, sign: { stage: 'filing', role: 'approve', name: '陈局长', date: '2026-11-03', approved: false } },
          token,
        )
      ).events.at(-1)!.id,
  },
  // A 4万 fine calls for 法制审核; once the 呈批 is approved and before any 告知书 the opinion may be taken back.
  'legal-review': {
    open: async ({ enterprise, handlerIds, generate }) =>
      (
        await generate({
          enterpriseId: enterprise.id,
          handlerIds,
          filedOn: '2026-09-01',
          variations: ['large-fine'],
          stopAt: 'approved',
        })
      ).id,
    record: async (id, token) =>
      (
        await call(
          core,
          'cases:legal-review',
          {
            id,
            review: { date: '2026-09-08', name: '赵审核', post: '法制审核员', result: 'fail', opinion: '裁量明显过重' },
          },
          token,
        )
      ).events.at(-1)!.id,
  },
};

async function county() {
  core = await newCore({ clock: () => NOW });
  const c = await caseCounty(core);
  const tokens = { admin: c.token } as Record<Role, string>;
  const names = { admin: '管理员' } as Record<Role, string>;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    tokens[role] = await addUser(core, c.token, `u-${role}`, role);
    names[role] = `u-${role}`;
  }
  return { ...c, tokens, names };
}

const words = (key: string, lang: 'zh-CN' | 'en') =>
  key
    .split('.')
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], resources[lang].translation);

describe('the legal reviewer’s opinion', () => {
  it('cannot be withdrawn by the clerk running the case, who is told the rule', async () => {
    const c = await county();
    const caseId = await SCENES['legal-review']!.open(c);
    const opinion = await SCENES['legal-review']!.record(caseId, c.tokens.reviewer);
    const refused = await failure(
      core,
      'cases:record',
      { id: caseId, event: { kind: 'retract', eventId: opinion, ...RETRACTION } },
      c.tokens.clerk,
    );
    expect(refused).toMatchObject({
      code: 'CASE_RETRACT_FORBIDDEN',
      messageKey: 'errors.CASE_RETRACT_FORBIDDEN',
      details: { reason: 'cases.rules.retractLegalReview' },
    });
    expect(words('cases.rules.retractLegalReview', 'zh-CN')).toBe('只有法制审核人员可以撤回法制审核意见');
    expect(words('cases.rules.retractLegalReview', 'en')).toBe(
      'Only a legal reviewer may retract a legal review opinion',
    );
    // The failing opinion stands: the decision still needs a passing one.
    expect(
      (await call(core, 'cases:get', { id: caseId }, c.token)).events.find((e) => e.id === opinion)?.retracted,
    ).toBeNull();
  });
});

describe.each(ROLE_BOUND_RECORDS.map((r) => [label(r), r] as const))('a %s record', (name, recorded) => {
  it('is recorded and taken back by the roles that may record it and by no other', async () => {
    const kind = recorded.kind;
    const scene = SCENES[name];
    if (!scene) throw new Error(`${name} is role-bound but has no scene here: add one to SCENES`);
    const needed = permissionToRecord(recorded);
    const recorders = ROLES.filter((r) => can(r, needed));
    const others = ROLES.filter((r) => !can(r, needed));
    expect(others.length).toBeGreaterThan(0);
    const c = await county();
    const caseId = await scene.open(c);
    const eventId = await scene.record(caseId, c.tokens[recorders[0]]);

    for (const role of others) {
      const rule = retractRefusal(ROLE_PERMISSIONS[role], { data: recorded as CaseEventData });
      // Nor may this role record one.
      await expect(scene.record(caseId, c.tokens[role]), role).rejects.toThrow(/FORBIDDEN/);
      expect(rule, role).not.toBeNull();
      expect(
        [words(rule!, 'zh-CN'), words(rule!, 'en')].every((w) => typeof w === 'string' && w.length > 0),
        rule!,
      ).toBe(true);
      const refused = {
        code: 'CASE_RETRACT_FORBIDDEN',
        details: { permission: needed, eventKind: kind, reason: rule },
      };
      expect(
        await failure(core, 'cases:retract', { id: caseId, eventId, ...RETRACTION }, c.tokens[role]),
        role,
      ).toMatchObject(refused);
      // Nor through the channel that records everything else.
      if (can(role, CASE_RECORD_PERMISSION)) {
        expect(
          await failure(
            core,
            'cases:record',
            { id: caseId, event: { kind: 'retract', eventId, ...RETRACTION } },
            c.tokens[role],
          ),
          role,
        ).toMatchObject(refused);
      }
    }
    expect(
      (await call(core, 'cases:get', { id: caseId }, c.token)).events.find((e) => e.id === eventId)?.retracted,
    ).toBeNull();

    // Each role that may record one takes one back, by either channel it may call.
    for (const [i, role] of recorders.entries()) {
      const mine = i === 0 ? eventId : await scene.record(caseId, c.tokens[role]);
      const after = await call(core, 'cases:retract', { id: caseId, eventId: mine, ...RETRACTION }, c.tokens[role]);
      expect(after.events.find((e) => e.id === mine)?.retracted, role).toEqual({
        reason: RETRACTION.reason,
        by: c.names[role],
      });
      if (can(role, CASE_RECORD_PERMISSION)) {
        const another = await scene.record(caseId, c.tokens[role]);
        const again = await call(
          core,
          'cases:record',
          { id: caseId, event: { kind: 'retract', eventId: another, ...RETRACTION } },
          c.tokens[role],
        );
        expect(again.events.find((e) => e.id === another)?.retracted, role).toEqual({
          reason: RETRACTION.reason,
          by: c.names[role],
        });
      }
    }
  });
});

describe('what the case staff record', () => {
  it('is not the legal reviewer’s to take back', async () => {
    const c = await county();
    const filed = await c.generate({
      enterpriseId: c.enterprise.id,
      handlerIds: c.handlerIds,
      filedOn: '2026-09-01',
      stopAt: 'filed',
    });
    const signature = filed.events.findLast((e) => e.data.kind === 'approval' && e.data.role === 'handler')!;
    expect(
      await failure(core, 'cases:retract', { id: filed.id, eventId: signature.id, ...RETRACTION }, c.tokens.reviewer),
    ).toMatchObject({
      code: 'CASE_RETRACT_FORBIDDEN',
      details: { permission: 'cases.write', eventKind: 'approval', reason: 'cases.rules.retractCaseRecord' },
    });
    // The clerk's own row stands under the 审核 and 审批 signed after it: those go first, by whom signed them (issue 18).
    expect(
      await failure(core, 'cases:retract', { id: filed.id, eventId: signature.id, ...RETRACTION }, c.tokens.clerk),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ key: 'cases.rules.retractSignOrder' }] } });
    const approveRow = filed.events.findLast((e) => e.data.kind === 'approval' && e.data.role === 'approve')!;
    const reviewRow = filed.events.findLast((e) => e.data.kind === 'approval' && e.data.role === 'review')!;
    await call(core, 'cases:retract', { id: filed.id, eventId: approveRow.id, ...RETRACTION }, c.tokens.supervisor);
    await call(core, 'cases:retract', { id: filed.id, eventId: reviewRow.id, ...RETRACTION }, c.tokens.reviewer);
    const after = await call(
      core,
      'cases:retract',
      { id: filed.id, eventId: signature.id, ...RETRACTION },
      c.tokens.clerk,
    );
    expect(after).toMatchObject({ stage: 'filing', filedOn: null });
  });
});

describe('a retraction', () => {
  it('is final: taking it back would change nothing, so it is refused', async () => {
    const c = await county();
    const caseId = await SCENES['legal-review']!.open(c);
    const opinion = await SCENES['legal-review']!.record(caseId, c.tokens.reviewer);
    const after = await call(core, 'cases:retract', { id: caseId, eventId: opinion, ...RETRACTION }, c.tokens.reviewer);
    const retraction = after.events.find((e) => e.data.kind === 'retract')!;
    const refused = await failure(
      core,
      'cases:record',
      { id: caseId, event: { kind: 'retract', eventId: retraction.id, ...RETRACTION } },
      c.tokens.clerk,
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ key: 'cases.rules.nothingToRetract' })] },
    });
  });
});
