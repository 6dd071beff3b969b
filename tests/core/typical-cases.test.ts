import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { unzipEntries } from '../../electron/core/modules/backups/zip.ts';
import { exportsDir } from '../../electron/core/modules/exports/service.ts';
import { verifyPackageFile } from '../../electron/core/modules/exports/verify.ts';
import { workspaceDir } from '../../electron/core/workspaces.ts';
import { fineText } from '../../shared/domain/typical-case.ts';
import { call, failure, RESOURCES, tempDir } from '../support/core.ts';
import { caseCounty, signReview } from '../support/cases.ts';

const clock = () => new Date('2026-11-25T06:00:00Z');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** A county (宣汉县, in 达州) with a decided case and a closed one whose review was signed without a veto. */
async function county() {
  const dataDir = workspaceDir(tempDir(), 'real');
  const core = await createCore({
    dataDir,
    resourcesDir: RESOURCES,
    autoBackup: false,
    clock,
  });
  cores.push(core);
  const c = await caseCounty(core);
  const decided = await c.generate({
    enterpriseId: c.enterprise.id,
    handlerIds: c.handlerIds,
    filedOn: '2026-09-01',
    variations: ['investigated'],
    stopAt: 'decided',
  });
  const closed = await c.generate({
    enterpriseId: c.enterprise.id,
    handlerIds: c.handlerIds,
    filedOn: '2026-08-03',
    variations: ['investigated'],
    stopAt: 'closed',
  });
  await signReview(core, c.token, closed.id);
  return { core, dataDir, ...c, decided, closed };
}

describe('典型执法案例', () => {
  it('offers the closed, reviewed case and says why the one still executing is not yet; the schedule is 达州’s and the ministry’s', async () => {
    const { core, token, decided, closed } = await county();
    const o = await call(core, 'typical:overview', {}, token);
    expect(o.level).toBe('county');
    expect(o.candidates.find((c) => c.caseId === closed.id)?.refusal).toBeNull();
    expect(o.candidates.find((c) => c.caseId === decided.id)?.refusal).toBe('typicalCases.rules.notClosed');
    // 2026-11-25: the ministry's Nov–Dec period and 达州's Oct–Nov one are due; the ones before them were missed.
    const current = o.periods.filter((p) => p.status !== 'missed');
    expect(current.map((p) => [p.rule, p.from, p.due, p.required, p.status])).toEqual([
      ['mem-county', '2026-11-01', '2026-12-31', 1, 'due'],
      ['dazhou-odd-month', '2026-10-01', '2026-11-30', 2, 'due'],
    ]);
    expect(o.periods.filter((p) => p.status === 'missed').map((p) => p.from)).toEqual(['2026-09-01', '2026-08-01']);
    const refused = await failure(core, 'typical:create', { caseId: decided.id }, token);
    expect(refused.details?.issues).toEqual([{ path: ['caseId'], key: 'typicalCases.rules.notClosed' }]);
  });

  it('drafts from the file, keeps the file’s fields as the file says, finalises, is sent, and packs with the case’s documents', async () => {
    const { core, dataDir, token, closed } = await county();
    const detail = await call(core, 'cases:get', { id: closed.id }, token);
    const decision = detail.documents.find((d) => d.type === 'penalty-decision-unit' && d.status === 'issued')!;
    const t = await call(core, 'typical:create', { caseId: closed.id }, token);
    expect(t.status).toBe('draft');
    expect(t.values.agency).toBe('宣汉县应急管理局');
    expect(t.values.decisionNumber).toBe(decision.numberText);
    expect(t.values.party.startsWith(detail.unit.name)).toBe(true);
    // The amount in words is computed from the 呈批's fine, never typed.
    const fine = detail.violations.filter((v) => v.party === 'unit').reduce((s, v) => s + v.fine, 0);
    expect(t.values.penalty).toContain(fineText(fine));
    expect(t.values.title).toContain(detail.unit.name);
    expect(t.values.summary).toContain(detail.violations[0].facts.replace(/[。；;.]+$/, ''));
    expect(t.missing).toEqual(['analysis']);
    expect(await failure(core, 'typical:create', { caseId: closed.id }, token)).toMatchObject({
      details: { issues: [{ key: 'typicalCases.rules.exists' }] },
    });

    // A field from the file is the file's: the clerk cannot type over it.
    const typedOver = await failure(
      core,
      'typical:save',
      { id: t.id, version: t.version, values: { penalty: '罚款人民币壹元整' } },
      token,
    );
    expect(typedOver.details?.issues).toEqual([{ path: ['values', 'penalty'], key: 'typicalCases.rules.fromFile' }]);
    const early = await failure(core, 'typical:finalize', { id: t.id, version: t.version }, token);
    expect(early.details?.issues).toEqual([{ path: ['values', 'analysis'], key: 'validation.required' }]);
    const saved = await call(
      core,
      'typical:save',
      {
        id: t.id,
        version: t.version,
        values: { analysis: '本案系未落实安全生产责任的典型案件。', title: '某化工企业案' },
      },
      token,
    );
    expect(saved.values.title).toBe('某化工企业案');
    expect(saved.values.penalty).toBe(t.values.penalty);
    const preview = await call(core, 'typical:preview', { id: t.id }, token);
    expect(Buffer.from(preview.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const final = await call(core, 'typical:finalize', { id: t.id, version: saved.version }, token);
    expect(final.status).toBe('final');
    expect(final.pdf?.pages).toBeGreaterThanOrEqual(1);
    expect(await failure(core, 'typical:save', { id: t.id, version: final.version, values: {} }, token)).toMatchObject({
      details: { issues: [{ key: 'typicalCases.rules.notDraft' }] },
    });
    const ahead = await failure(core, 'typical:sent', { id: t.id, version: final.version, on: '2026-11-26' }, token);
    expect(ahead.details?.issues).toEqual([{ path: ['on'], key: 'typicalCases.rules.sentInFuture' }]);
    const sent = await call(
      core,
      'typical:sent',
      { id: t.id, version: final.version, on: '2026-11-25', note: '部平台回执 001' },
      token,
    );
    expect(sent.sent).toEqual({ on: '2026-11-25', by: expect.any(String), note: '部平台回执 001' });
    expect(await failure(core, 'typical:reopen', { id: t.id, version: sent.version }, token)).toMatchObject({
      details: { issues: [{ key: 'typicalCases.rules.sent' }] },
    });
    const o = await call(core, 'typical:overview', {}, token);
    expect(o.periods.find((p) => p.rule === 'dazhou-odd-month' && p.status !== 'missed')).toMatchObject({ sent: 1 });
    expect(o.periods.find((p) => p.rule === 'mem-county' && p.from === '2026-11-01')).toMatchObject({
      sent: 1,
      status: 'met',
    });

    // The package: the write-up, its PDF, the case and its issued documents; verified with nothing but the file.
    const made = await call(core, 'typical:package', { id: t.id }, token);
    expect(made.manifest.kind).toBe('typical-case');
    const file = path.join(exportsDir(dataDir), made.name);
    const report = await verifyPackageFile(file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const entries = await unzipEntries(fs.readFileSync(file));
    const names = [...entries.keys()];
    expect(names).toContain(`documents/典型案例-${detail.caseNo}.pdf`);
    expect(names).toContain(`documents/${decision.numberText}.pdf`);
    expect(made.manifest.counts).toMatchObject({ typicalCases: 1, cases: 1, enterprises: 1, inspections: 0 });
    const line = JSON.parse(entries.get('data/typicalCases.jsonl')!.toString('utf8').trim()) as {
      status: string;
      fields: Record<string, string>;
    };
    expect(line.status).toBe('sent');
    expect(line.fields.penalty).toBe(t.values.penalty);
    expect((await call(core, 'typical:get', { id: t.id }, token)).package?.name).toBe(made.name);

    // The full package carries the write-up too, and still verifies whole.
    // (What the province would count as incomplete in the other, undecided file is let through here with a reason.)
    const blocked = await failure(core, 'exports:create', { kind: 'full' }, token);
    const overrides = (blocked.details?.problems as { code: string; subject?: string }[]).map((p) => {
      expect(p.code).toBe('incomplete');
      return { code: 'incomplete' as const, subject: p.subject!, reason: '测试放行' };
    });
    const full = await call(core, 'exports:create', { kind: 'full', overrides }, token);
    expect(full.manifest.counts.typicalCases).toBe(1);
    expect((await verifyPackageFile(path.join(exportsDir(dataDir), full.name))).ok).toBe(true);
  });

  it('follows the file until the clerk changes a draft; a changed draft the file moved under is held back until redrafted or kept', async () => {
    const { core, token, closed } = await county();
    const t = await call(core, 'typical:create', { caseId: closed.id }, token);
    const edited = `${t.values.result}本案已执行完毕。`;
    const saved = await call(
      core,
      'typical:save',
      { id: t.id, version: t.version, values: { result: edited, analysis: '典型意义。', summary: t.values.summary } },
      token,
    );
    expect(saved.values.result).toBe(edited);
    expect(saved.stale).toEqual({});
    // The decision corrected, under another date: the file now drafts otherwise.
    const detail = await call(core, 'cases:get', { id: closed.id }, token);
    const decision = detail.documents.find((d) => d.type === 'penalty-decision-unit' && d.status === 'issued')!;
    const correction = await call(core, 'documents:correct', { id: decision.id, reason: '决定日期有误' }, token);
    const redated = await call(
      core,
      'documents:save',
      { id: correction.id, version: correction.version, fields: { ...correction.fields, date: '2026-08-24' } },
      token,
    );
    const issued = await call(core, 'documents:issue', { id: redated.id, version: redated.version }, token);
    const now = await call(core, 'typical:get', { id: t.id }, token);
    expect(now.values.decisionNumber).toBe(issued.numberText);
    expect(now.values.decisionDate).toBe('2026年8月24日');
    // Saved as drafted, the summary follows the file; the clerk's 处理结果 is theirs, and held back.
    expect(now.values.summary).toBe(saved.values.summary);
    expect(Object.keys(now.stale)).toEqual(['result']);
    expect(now.stale.result).toContain('于2026年8月24日作出行政处罚决定');
    expect(now.values.result).toBe(edited);
    const held = await failure(core, 'typical:finalize', { id: t.id, version: now.version }, token);
    expect(held.details?.issues).toEqual([{ path: ['values', 'result'], key: 'typicalCases.rules.fileChanged' }]);
    // Kept against a draft the file has moved on from since the screen showed it: still held back.
    const keptOnOld = await call(
      core,
      'typical:save',
      { id: t.id, version: now.version, values: { result: edited }, basis: { result: saved.drafts.result } },
      token,
    );
    expect(Object.keys(keptOnOld.stale)).toEqual(['result']);
    // Kept against the draft the file gives now: the clerk's text stands.
    const kept = await call(
      core,
      'typical:save',
      { id: t.id, version: keptOnOld.version, values: { result: edited }, basis: { result: keptOnOld.drafts.result } },
      token,
    );
    expect(kept.stale).toEqual({});
    expect(kept.values.result).toBe(edited);
    // Redrafted (saved as the file drafts it now): it follows the file again, and finalises.
    const redrafted = await call(
      core,
      'typical:save',
      { id: t.id, version: kept.version, values: { result: now.stale.result } },
      token,
    );
    expect(redrafted.stale).toEqual({});
    const final = await call(core, 'typical:finalize', { id: t.id, version: redrafted.version }, token);
    expect(final.values.result).toContain('2026年8月24日');

    // The same write-up packed twice is the same bytes (a package is no change of the record); reopened, the package
    // is no longer its own.
    const a = await call(core, 'typical:package', { id: t.id }, token);
    const b = await call(core, 'typical:package', { id: t.id }, token);
    expect(b.name).not.toBe(a.name);
    expect(b.sha256).toBe(a.sha256);
    const reopened = await call(core, 'typical:reopen', { id: t.id, version: final.version }, token);
    expect(reopened.package).toBeNull();
    expect(reopened.status).toBe('draft');
    const again = await call(core, 'typical:finalize', { id: t.id, version: reopened.version }, token);
    // Sent as the version the clerk had open: one finalised again meanwhile is not what went.
    expect(
      await failure(core, 'typical:sent', { id: t.id, version: final.version, on: '2026-11-25' }, token),
    ).toMatchObject({ code: 'STALE_VERSION' });
    await call(core, 'typical:sent', { id: t.id, version: again.version, on: '2026-11-25' }, token);
    // Sent, it is frozen in the database itself: not even its note changes.
    expect(() =>
      core.state.store.raw.prepare(`UPDATE typical_cases SET sent_note = 'x' WHERE id = ?`).run(t.id),
    ).toThrow(/frozen/);
    expect(() => core.state.store.raw.prepare(`DELETE FROM typical_cases WHERE id = ?`).run(t.id)).toThrow(/frozen/);
  });

  it('refuses a write-up of a case whose signed review holds a veto', async () => {
    const { core, token, closed } = await county();
    const standard = await call(core, 'reviews:standard', {}, token);
    const veto = standard.vetoes.find((v) => v.mode === 'judgement')!;
    await signReview(core, token, closed.id, { [veto.id]: '证据不足' });
    const refused = await failure(core, 'typical:create', { caseId: closed.id }, token);
    expect(refused.details?.issues).toEqual([{ path: ['caseId'], key: 'typicalCases.rules.vetoed' }]);
  });
});
