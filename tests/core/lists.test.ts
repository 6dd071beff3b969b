import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, newCore, setUp } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

let core: Core;
afterEach(() => core?.close());
const clock = () => new Date('2026-11-22T03:00:00Z');

/** Three inspections by 张明 and 李华 (10, 15 and 20 November) and a 专项检查 by 张明 and 王强 on the 18th. */
async function fourInspections() {
  core = await newCore({ clock });
  const token = await setUp(core);
  const made = [];
  for (const [n, day] of [
    [1, '2026-11-10'],
    [2, '2026-11-15'],
    [3, '2026-11-20'],
  ] as const)
    made.push(await inspectionReady(core, token, n, day));
  const [zhang] = made[0].officers;
  const wang = await call(
    core,
    'officers:create',
    { name: '王强', certificateNo: '51172200103', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
    token,
  );
  const special = await call(
    core,
    'inspections:create',
    {
      enterpriseId: made[0].enterprise.id,
      kind: 'special',
      startedAt: '2026-11-18T23:30',
      place: '有限空间',
      officerIds: [zhang.id, wang.id],
      present: [],
      findings: '未见异常。',
    },
    token,
  );
  return { token, made, zhang, wang, special };
}

describe('lists filtered and sorted on the core', () => {
  it('finds inspections by the day they began, an officer, the kind, oldest or latest first', async () => {
    const { token, made, wang, special } = await fourInspections();
    const ids = async (input: object) =>
      (await call(core, 'inspections:list', input, token)).items.map((i) => i.startedAt.slice(0, 10));
    expect(await ids({})).toEqual(['2026-11-20', '2026-11-18', '2026-11-15', '2026-11-10']);
    expect(await ids({ order: 'asc' })).toEqual(['2026-11-10', '2026-11-15', '2026-11-18', '2026-11-20']);
    // Both ends included, the whole of the last day (an inspection begun at 23:30 is on that day).
    expect(await ids({ from: '2026-11-15', to: '2026-11-18' })).toEqual(['2026-11-18', '2026-11-15']);
    expect(await ids({ officerId: wang.id })).toEqual(['2026-11-18']);
    expect(await ids({ kind: 'special' })).toEqual(['2026-11-18']);
    expect(await ids({ enterpriseId: made[0].enterprise.id })).toEqual(['2026-11-18', '2026-11-10']);
    // The total counts what the filter matched, not the page.
    const page = await call(core, 'inspections:list', { from: '2026-11-11', pageSize: 1 }, token);
    expect(page).toMatchObject({ total: 3, items: [{ id: expect.any(Number) }] });
    expect(page.items[0].enterpriseName).toBe('宣汉县东林化工有限公司3');
    expect(special.kind).toBe('special');
    // The 复查 of an inspection, found from it.
    const recheck = await call(
      core,
      'inspections:create',
      {
        enterpriseId: made[1].enterprise.id,
        kind: 'recheck',
        recheckOf: made[1].inspection.id,
        startedAt: '2026-11-21T10:00',
        officerIds: made[1].officers.map((o) => o.id),
        findings: '复查整改情况',
      },
      token,
    );
    expect((await call(core, 'inspections:list', { recheckOf: made[1].inspection.id }, token)).items).toEqual([
      expect.objectContaining({ id: recheck.id }),
    ]);
    expect((await call(core, 'inspections:list', { recheckOf: made[0].inspection.id }, token)).total).toBe(0);
  });

  it('finds documents by the date they bear, kept as the draft changes and frozen when issued', async () => {
    const { token, made } = await fourInspections();
    const docs = [];
    for (const m of made)
      docs.push(
        await call(core, 'documents:create', { type: 'inspection-record', inspectionId: m.inspection.id }, token),
      );
    const dates = async (input: object) => (await call(core, 'documents:list', input, token)).items.map((d) => d.date);
    expect(await dates({ sort: 'date' })).toEqual(['2026-11-20', '2026-11-15', '2026-11-10']);
    expect(await dates({ sort: 'date', order: 'asc' })).toEqual(['2026-11-10', '2026-11-15', '2026-11-20']);
    expect(await dates({ from: '2026-11-12', to: '2026-11-15' })).toEqual(['2026-11-15']);

    // A draft re-dated is found under its new date; one with no date yet sorts last and is in no range.
    const first = docs[0];
    await call(
      core,
      'documents:save',
      { id: first.id, version: first.version, fields: { ...first.fields, date: '2026-11-21' } },
      token,
    );
    const second = docs[1];
    await call(
      core,
      'documents:save',
      { id: second.id, version: second.version, fields: { ...second.fields, date: '' } },
      token,
    );
    expect(await dates({ sort: 'date' })).toEqual(['2026-11-21', '2026-11-20', null]);
    expect(await dates({ sort: 'date', order: 'asc' })).toEqual(['2026-11-20', '2026-11-21', null]);
    expect(await dates({ from: '2026-11-01', to: '2026-11-30', sort: 'date' })).toEqual(['2026-11-21', '2026-11-20']);

    const third = docs[2];
    const issued = await call(core, 'documents:issue', { id: third.id, version: third.version }, token);
    expect(await dates({ status: 'issued' })).toEqual(['2026-11-20']);
    // Its correction starts from the same date until the clerk changes it.
    const correction = await call(core, 'documents:correct', { id: issued.id, reason: '检查地点写错，需更正' }, token);
    const drafts = (await call(core, 'documents:list', { status: 'draft', sort: 'date' }, token)).items;
    expect(drafts.find((d) => d.id === correction.id)?.date).toBe('2026-11-20');
  });
});
