import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, newCore, setUp } from '../support/core.ts';

let core: Core;
afterEach(() => core?.close());

async function withEntries(): Promise<{ token: string; head: string }> {
  core = await newCore();
  const token = await setUp(core);
  for (let i = 1; i <= 5; i++) {
    await call(
      core,
      'officers:create',
      { name: `执法员${i}`, certificateNo: `5117220${i}`, certValidFrom: '2025-01-01', certValidTo: '2028-12-31' },
      token,
    );
  }
  const v = await call(core, 'audit:verify', {}, token);
  expect(v.ok).toBe(true);
  return { token, head: v.head! };
}

/** Someone with the database file and a SQLite tool: the triggers go first, then the row. */
function tamper(sql: string): void {
  const raw = core.state.store.raw;
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  raw.exec(sql);
}

describe('全过程记录 (hash-chained audit log)', () => {
  it('records who changed what, with before and after', async () => {
    const { token } = await withEntries();
    const list = await call(core, 'audit:list', {}, token);
    const created = list.items.find((e) => e.action === 'officers:create')!;
    expect(created).toMatchObject({ userName: '管理员', entityType: 'officer', before: null });
    expect(created.after).toMatchObject({ name: expect.stringMatching(/^执法员/) });
    // Filtered on the core (issue 18): by section, by who did it, by China's day.
    const officers = await call(core, 'audit:list', { page: 1, pageSize: 50, section: 'officers' }, token);
    expect(officers.total).toBeGreaterThan(0);
    expect(officers.items.every((e) => e.action.startsWith('officers:'))).toBe(true);
    expect((await call(core, 'audit:list', { page: 1, pageSize: 50, user: '无此人' }, token)).total).toBe(0);
    const day = created.at.slice(0, 10);
    const onDay = await call(
      core,
      'audit:list',
      { page: 1, pageSize: 50, from: '2000-01-01', to: '2000-01-02' },
      token,
    );
    expect(onDay.total).toBe(0);
    expect((await call(core, 'audit:list', { page: 1, pageSize: 50, from: day, to: addDay(day) }, token)).total).toBe(
      list.total,
    );
  });

  it('refuses UPDATE and DELETE through the database itself', async () => {
    await withEntries();
    expect(() => core.state.store.raw.exec("UPDATE audit_log SET user_name = 'x' WHERE seq = 2")).toThrow(
      /append-only/,
    );
    expect(() => core.state.store.raw.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  it('detects an edited entry', async () => {
    const { token } = await withEntries();
    tamper("UPDATE audit_log SET after_json = replace(after_json, '执法员3', '张三') WHERE seq = 5");
    const v = await call(core, 'audit:verify', {}, token);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ kind: 'edited', seq: 5 });
  });

  it('detects a deleted entry in the middle', async () => {
    const { token } = await withEntries();
    tamper('DELETE FROM audit_log WHERE seq = 3');
    const v = await call(core, 'audit:verify', {}, token);
    expect(v.problems).toContainEqual({ kind: 'deleted-or-reordered', seq: 4 });
  });

  it('detects reordered entries', async () => {
    const { token } = await withEntries();
    tamper(
      'UPDATE audit_log SET seq = 100 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 100;',
    );
    const v = await call(core, 'audit:verify', {}, token);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.kind)).toContain('deleted-or-reordered');
  });

  it('catches entries cut off the end only with a known head', async () => {
    const { token, head } = await withEntries();
    tamper('DELETE FROM audit_log WHERE seq >= (SELECT MAX(seq) - 1 FROM audit_log)');
    const plain = await call(core, 'audit:verify', {}, token);
    expect(plain.ok).toBe(true);
    const withHead = await call(core, 'audit:verify', { head }, token);
    expect(withHead.ok).toBe(false);
    expect(withHead.problems).toEqual([{ kind: 'truncated', seq: null }]);
    // The 16 digits a 评查表 prints find the same cut.
    const short = await call(core, 'audit:verify', { head: head.slice(0, 16) }, token);
    expect(short.problems).toEqual([{ kind: 'truncated', seq: null }]);
  });

  it('accepts an older head when newer entries were appended since', async () => {
    const { token, head } = await withEntries();
    await call(
      core,
      'officers:create',
      { name: '新人', certificateNo: '51172299', certValidFrom: '2025-01-01', certValidTo: '2028-12-31' },
      token,
    );
    expect((await call(core, 'audit:verify', { head }, token)).ok).toBe(true);
    expect((await call(core, 'audit:verify', { head: head.slice(0, 16) }, token)).ok).toBe(true);
  });
});

const addDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
