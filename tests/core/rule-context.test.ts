import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { call, newCore } from '../support/core.ts';
import { caseCounty } from '../support/cases.ts';

/**
 * One rule context per call (electron/core/rules.ts): dispatch reads the settings once, before the
 * handler, and everything the handler reaches (the prefill, the case's deadlines, the page, the
 * numbering) uses that one. Counted at the database: every statement that reads the settings table.
 */
let core: Core;
afterEach(() => core?.close());

function countSettingsReads(c: Core): { reads: number } {
  const counter = { reads: 0 };
  // Kysely asks the statement cache for every query it runs, a kept statement included.
  const statements = c.state.store.statements;
  const prepare = statements.prepare.bind(statements);
  statements.prepare = (sql: string) => {
    if (/from\s+"?settings"?/i.test(sql)) counter.reads++;
    return prepare(sql);
  };
  return counter;
}

describe('issuing one document reads the settings once', () => {
  it('a case document (告知书: prefill, case deadlines, page, numbering) and an inspection’s record', async () => {
    core = await newCore();
    const { token, enterprise, inspection, handlerIds, generate } = await caseCounty(core);
    const kase = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-11-02', stopAt: 'approved' });
    const notice = await call(core, 'documents:create', { type: 'penalty-notice', caseId: kase.id }, token);
    const saved = await call(
      core,
      'documents:save',
      { id: notice.id, version: notice.version, fields: { ...notice.fields, date: '2026-11-20' } },
      token,
    );

    const counter = countSettingsReads(core);
    const issued = await call(core, 'documents:issue', { id: saved.id, version: saved.version }, token);
    expect(issued.status).toBe('issued');
    expect(counter.reads).toBe(1);

    const record = await call(
      core,
      'documents:create',
      { type: 'inspection-record', inspectionId: inspection.id },
      token,
    );
    counter.reads = 0;
    await call(core, 'documents:issue', { id: record.id, version: record.version }, token);
    expect(counter.reads).toBe(1);
  });
});
