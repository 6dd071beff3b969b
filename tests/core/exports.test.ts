import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { unzipEntries, zipEntries } from '../../electron/core/modules/backups/zip.ts';
import { readPackageData, TABLE_COVERAGE } from '../../electron/core/modules/exports/records.ts';
import { exportsDir } from '../../electron/core/modules/exports/service.ts';
import { verifyPackageFile } from '../../electron/core/modules/exports/verify.ts';
import { readPackage, writePackageRecords } from '../../electron/core/modules/exports/reader.ts';
import { filePath, storeFile } from '../../electron/core/files.ts';
import { workspaceDir } from '../../electron/core/workspaces.ts';
import { DATA_FILES } from '../../shared/domain/package-checks.ts';
import { call, failure, RESOURCES, setUp, tempDir } from '../support/core.ts';
import { caseCounty, signReview } from '../support/cases.ts';
import { usccFor } from '../support/ledger.ts';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts');
const clock = () => new Date('2026-11-25T06:00:00Z');
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** A county with a decided and a closed case (their PDFs issued), a photo on the inspection and a signed review. */
async function county(root = tempDir()) {
  const core = await createCore({
    dataDir: workspaceDir(root, 'real'),
    resourcesDir: RESOURCES,
    autoBackup: false,
    clock,
  });
  cores.push(core);
  const c = await caseCounty(core);
  await call(
    core,
    'inspections:attach-file',
    {
      id: c.inspection.id,
      file: { fileName: '现场照片.jpg', dataBase64: Buffer.from('jpeg bytes').toString('base64') },
    },
    c.token,
  );
  // The inspection's 现场检查记录, issued: complete as the province counts it.
  const record = await call(
    core,
    'documents:create',
    { type: 'inspection-record', inspectionId: c.inspection.id },
    c.token,
  );
  await call(core, 'documents:issue', { id: record.id, version: record.version }, c.token);
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
  // The closed file's review, every judgement passed, signed as seen.
  await signReview(core, c.token, closed.id);
  return { root, core, ...c, decided, closed };
}

/** The package's files by name, read with the app's own zip code. */
const entries = (file: string) => unzipEntries(fs.readFileSync(file));

describe('数据上报: incremental packages since the one accepted', () => {
  it('carries what was added, changed, withdrawn and deleted since the accepted package, and nothing else', async () => {
    const { root, core, token, enterprise, officers } = await county();
    const db = core.state.store.db;
    const byId = async (entity: keyof typeof DATA_FILES) => {
      const data = await readPackageData(db);
      return new Map((data.records[entity] as { id: number }[]).map((r) => [r.id, JSON.parse(JSON.stringify(r))]));
    };
    // Before the first package: a second enterprise, a third officer, and an inspection kept on paper (let through).
    const other = await call(
      core,
      'enterprises:create',
      { uscc: usccFor(950), name: '宣汉县南坝建材有限公司', address: '宣汉县南坝镇', principal: '李强' },
      token,
    );
    const retired = await call(
      core,
      'officers:create',
      { name: '周平', certificateNo: '51172200109', certValidFrom: '2024-01-01', certValidTo: '2028-12-31' },
      token,
    );
    const paper = await call(
      core,
      'inspections:create',
      {
        enterpriseId: other.id,
        kind: 'special',
        startedAt: '2026-11-21T09:00',
        officerIds: [officers[0].id],
        findings: '纸质办理。',
      },
      token,
    );
    const refused = await failure(core, 'exports:create', { kind: 'incremental' }, token);
    expect(refused.details).toMatchObject({ issues: [{ key: 'exports.rules.noAcceptedBase' }] });
    const blockers = (await failure(core, 'exports:create', { kind: 'full' }, token)).details as {
      problems: { subject: string; label?: string }[];
    };
    // Named as the user knows them: the enterprise and the day.
    expect(blockers.problems.find((p) => p.subject.startsWith(`inspections:${paper.id}:`))?.label).toBe(
      '宣汉县南坝建材有限公司 2026-11-21',
    );
    const overrides = blockers.problems.map((p) => ({
      code: 'incomplete' as const,
      subject: p.subject,
      reason: '纸质办理',
    }));
    const full = await call(core, 'exports:create', { kind: 'full', overrides }, token);
    await call(core, 'exports:accept', { id: full.id, on: '2026-11-25', note: '省平台回执 1' }, token);
    expect(await failure(core, 'exports:create', { kind: 'incremental' }, token)).toMatchObject({
      details: { issues: [{ key: 'exports.rules.nothingChanged' }] },
    });

    // After it: one enterprise changed, one withdrawn, one added; an inspection added with its record; an officer gone.
    const e = await call(core, 'enterprises:get', { id: enterprise.id }, token);
    await call(
      core,
      'enterprises:update',
      {
        id: e.id,
        version: e.version,
        enterprise: { uscc: e.uscc, name: e.name, address: e.address, principal: '王明远' },
      },
      token,
    );
    const o = await call(core, 'enterprises:get', { id: other.id }, token);
    await call(core, 'enterprises:withdraw', { id: o.id, version: o.version, reason: '企业已注销' }, token);
    const added = await call(
      core,
      'enterprises:create',
      { uscc: usccFor(951), name: '宣汉县北山砂石有限公司', address: '宣汉县北山镇', principal: '赵刚' },
      token,
    );
    const visit = await call(
      core,
      'inspections:create',
      {
        enterpriseId: added.id,
        kind: 'special',
        startedAt: '2026-11-25T09:00',
        officerIds: [officers[0].id, officers[1].id],
        findings: '未见异常。',
      },
      token,
    );
    const record = await call(core, 'documents:create', { type: 'inspection-record', inspectionId: visit.id }, token);
    await call(core, 'documents:issue', { id: record.id, version: record.version }, token);
    // No screen deletes a record, but one gone all the same (a database copied back by hand) is said, not left out.
    core.state.store.raw.prepare('DELETE FROM officers WHERE id = ?').run(retired.id);

    const inc = await call(core, 'exports:create', { kind: 'incremental' }, token);
    expect(inc.name).toBe('上报包_511722_增量_2026-11-25.zip');
    expect(inc.manifest).toMatchObject({
      kind: 'incremental',
      base: { name: full.name, sha256: full.sha256, sm3: full.sm3 },
      removed: { officers: [retired.id] },
      period: { from: full.manifest.period.to },
    });
    const file = path.join(exportsDir(core.state.dataDir), inc.name);
    const report = await verifyPackageFile(file);
    expect(report.problems).toEqual([]);
    // Exactly the records that differ, each as it now stands; the PDF of the new record, nothing already sent.
    const zip = await entries(file);
    const lines = (entity: keyof typeof DATA_FILES) =>
      zip
        .get(DATA_FILES[entity])!
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: number });
    const now = await byId('enterprises');
    expect(lines('enterprises')).toEqual([now.get(enterprise.id), now.get(other.id), now.get(added.id)]);
    expect(lines('enterprises')[1]).toMatchObject({ status: 'withdrawn' });
    expect(lines('inspections').map((r) => r.id)).toEqual([visit.id]);
    expect(lines('documents').map((r) => r.id)).toEqual([record.id]);
    for (const entity of ['officers', 'hazards', 'cases', 'caseEvents', 'services', 'reviews'] as const)
      expect(lines(entity), entity).toEqual([]);
    expect([...zip.keys()].filter((n) => n.startsWith('documents/'))).toHaveLength(1);
    expect([...zip.keys()].filter((n) => n.startsWith('evidence/'))).toEqual([]);
    // The inspection let through in the base holds nothing back now; the new one is complete.
    expect(inc.manifest.overrides).toEqual([]);

    // Not yet accepted, the next increment still follows the full package: nothing is left out of it.
    const again = await call(core, 'exports:create', { kind: 'incremental' }, token);
    expect(again.name).toBe('上报包_511722_增量_2026-11-25_2.zip');
    expect(again.manifest.counts).toEqual(inc.manifest.counts);
    // Only the newest can be marked: it carries all the older one did.
    expect(await failure(core, 'exports:accept', { id: inc.id, on: '2026-11-25', note: '' }, token)).toMatchObject({
      details: { issues: [{ key: 'exports.rules.newerMade' }] },
    });
    await call(core, 'exports:accept', { id: again.id, on: '2026-11-25', note: '' }, token);
    // The earlier twin can no longer be accepted, nor the full package again; the register says what was.
    for (const [id, key] of [
      [inc.id, 'exports.rules.laterAccepted'],
      [full.id, 'exports.rules.alreadyAccepted'],
    ] as const)
      expect(await failure(core, 'exports:accept', { id, on: '2026-11-25', note: '' }, token)).toMatchObject({
        details: { issues: [{ key }] },
      });
    const register = await call(core, 'exports:list', {}, token);
    expect(register.map((r) => [r.name, r.kind, r.accepted?.on ?? null, r.acceptable])).toEqual([
      [again.name, 'incremental', '2026-11-25', false],
      [inc.name, 'incremental', null, false],
      [full.name, 'full', '2026-11-25', false],
    ]);
    expect(register[0].baseName).toBe(full.name);
    const log = await call(core, 'audit:list', { section: 'exports' }, token);
    expect(log.items[0]).toMatchObject({ action: 'exports:accept', after: { name: again.name, on: '2026-11-25' } });

    // Only the latest accepted package's record state is kept: that is all an increment is ever made against.
    const kept = core.state.store.raw.prepare('SELECT DISTINCT export_id AS id FROM export_records').all();
    expect(kept).toEqual([{ id: again.id }]);

    // One more change, made and accepted from the command line.
    const v = await call(core, 'inspections:get', { id: visit.id }, token);
    await call(
      core,
      'inspections:update',
      {
        id: v.id,
        version: v.version,
        inspection: {
          enterpriseId: added.id,
          kind: 'special',
          startedAt: '2026-11-25T09:00',
          officerIds: [officers[0].id, officers[1].id],
          findings: '未见异常，企业已整改完毕。',
        },
      },
      token,
    );
    await core.close();
    cores.splice(0);
    const target = path.join(tempDir(), 'inc.zip');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args, '--data-dir', root, '--clock', '2026-11-26T10:00:00+08:00'], {
        encoding: 'utf8',
      });
    const made = cli('export', 'incremental', target);
    expect(made.status, made.stderr).toBe(0);
    const third = JSON.parse(made.stdout) as { id: number };
    expect((await verifyPackageFile(target)).manifest?.counts.inspections).toBe(1);
    expect(cli('export', 'accept', String(third.id), '--on', '2026-11-26').status).toBe(0);
    const listed = JSON.parse(cli('export', 'list').stdout) as { id: number; accepted: { on: string } | null }[];
    expect(listed[0]).toMatchObject({ id: third.id, accepted: { on: '2026-11-26' } });
  });
});

describe('录入与上报: the completeness figures of a period', () => {
  it('counts what the pre-upload check would hold back, and what the accepted package holds as it now stands', async () => {
    const { core, token, officers, enterprise, inspection } = await county();
    const bare = await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'special',
        startedAt: '2026-11-24T09:00',
        officerIds: [officers[0].id],
        findings: '未见异常。',
      },
      token,
    );
    const figures = async () =>
      Object.fromEntries((await call(core, 'exports:completeness', {}, token)).indicators.map((v) => [v.id, v]));
    const q = await call(core, 'exports:completeness', {}, token);
    expect([q.from, q.to, q.base]).toEqual(['2026-10-01', '2026-12-31', null]);
    let f = await figures();
    const inspections = (await readPackageData(core.state.store.db)).records.inspections.length;
    expect(f['inspections-complete']).toMatchObject({ numerator: inspections - 1, denominator: inspections });
    expect(f['inspections-complete'].short).toEqual([
      { entity: 'inspections', id: bare.id, label: `${enterprise.name} 2026-11-24` },
    ]);
    expect(f['cases-complete']).toMatchObject({ numerator: 2, denominator: 2 });
    expect(f.reported).toMatchObject({ numerator: 0, denominator: inspections + 2 });

    const overrides = [
      { code: 'incomplete' as const, subject: `inspections:${bare.id}:two-officers`, reason: '纸质办理' },
      { code: 'incomplete' as const, subject: `inspections:${bare.id}:record`, reason: '纸质办理' },
    ];
    const full = await call(core, 'exports:create', { kind: 'full', overrides }, token);
    await call(core, 'exports:accept', { id: full.id, on: '2026-11-25', note: '' }, token);
    f = await figures();
    expect(f.reported).toMatchObject({ numerator: inspections + 2, percent: 100 });
    // Changed after it was accepted: to be reported again.
    const i = await call(core, 'inspections:get', { id: bare.id }, token);
    await call(
      core,
      'inspections:update',
      {
        id: i.id,
        version: i.version,
        inspection: {
          enterpriseId: enterprise.id,
          kind: 'special',
          startedAt: '2026-11-24T09:00',
          officerIds: [officers[0].id, officers[1].id],
          findings: '未见异常。',
        },
      },
      token,
    );
    f = await figures();
    expect(f.reported.short).toEqual([{ entity: 'inspections', id: bare.id, label: `${enterprise.name} 2026-11-24` }]);

    // A 现场检查记录 voided since: the inspection it completed is no longer reported as it stands, and an increment
    // carrying the voided record is held back by that inspection, though the inspection itself did not change.
    const data = await readPackageData(core.state.store.db);
    const record = data.records.documents.find(
      (d) => d.inspectionId === inspection.id && d.type === 'inspection-record' && d.status === 'issued',
    )!;
    await call(core, 'documents:void', { id: record.id, reason: '记录有误，需重新制作' }, token);
    f = await figures();
    expect(f.reported.short.map((r) => r.id)).toEqual([inspection.id, bare.id]);
    const held = await failure(core, 'exports:create', { kind: 'incremental' }, token);
    expect(held).toMatchObject({ code: 'EXPORT_BLOCKED' });
    expect((held.details as { problems: { subject: string }[] }).problems.map((p) => p.subject)).toContain(
      `inspections:${inspection.id}:record`,
    );
  });
});

describe('公示 and a province’s template, filled from the record', () => {
  it('lists each decision to publish with its deadline, and writes it and the record as Excel and JSON', async () => {
    const { core, token, decided, closed } = await county();
    // The decided case's publication taken back (entered by mistake): its decision is still to publish.
    const detail = await call(core, 'cases:get', { id: decided.id }, token);
    const published = detail.events.find((e) => e.data.kind === 'publication')!;
    await call(
      core,
      'cases:retract',
      { id: decided.id, eventId: published.id, date: '2026-11-25', reason: '误登记，尚未公示' },
      token,
    );
    const rows = await call(core, 'exports:publications', {}, token);
    expect(rows.map((r) => [r.caseId, r.status])).toEqual([
      [closed.id, 'done'],
      [decided.id, expect.stringMatching(/^(overdue|soon|later)$/)],
    ]);
    const decision = rows[1];
    expect(decision.publishedOn).toBeNull();
    expect(decision.due! > decision.values.decisionDate).toBe(true);
    // What is published is the case page's own record of it.
    const own = await call(core, 'cases:publication', { id: decided.id }, token);
    expect(decision.values).toEqual(own[0].values);

    // 公示 as Excel: one row per decision, the dataset's headers, the fields as published.
    const pub = await call(
      core,
      'exports:table',
      { mapping: 'default', format: 'xlsx', tables: ['publications'] },
      token,
    );
    expect(pub.fileName).toBe('行政处罚公示_511722_2026-11-25.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(pub.dataBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['行政处罚公示']);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['行政相对人名称', '统一社会信用代码']);
    expect(sheet.rowCount).toBe(3);
    const decisionNumber = header.indexOf('行政处罚决定书文号') + 1;
    expect(sheet.getRow(3).getCell(decisionNumber).value).toBe(decision.values.decisionNumber);

    // The whole record in the app's own fields, codes in words; and as JSON, the same rows.
    const all = await call(core, 'exports:table', { mapping: 'default', format: 'json' }, token);
    const json = JSON.parse(Buffer.from(all.dataBase64, 'base64').toString('utf8')) as {
      mapping: { id: string };
      sheets: Record<string, Record<string, unknown>[]>;
    };
    const data = await readPackageData(core.state.store.db);
    expect(json.mapping.id).toBe('default');
    expect(json.sheets['现场检查']).toHaveLength(data.records.inspections.length);
    expect(json.sheets['现场检查'][0]).toMatchObject({
      检查编号: data.records.inspections[0].id,
      检查类型: expect.any(String),
    });
    expect(json.sheets['案件'].map((c) => c['案号'])).toEqual(data.records.cases.map((c) => c.caseNo));
    expect(json.sheets['行政处罚公示']).toHaveLength(2);
    // Only what is still to publish, when that is what is being submitted.
    const due = await call(
      core,
      'exports:table',
      { mapping: 'default', format: 'json', tables: ['publications'], pendingOnly: true },
      token,
    );
    const dueSheets = JSON.parse(Buffer.from(due.dataBase64, 'base64').toString('utf8')).sheets as Record<
      string,
      { 行政处罚决定书文号: string }[]
    >;
    expect(dueSheets['行政处罚公示'].map((r) => r['行政处罚决定书文号'])).toEqual([decision.values.decisionNumber]);

    // The example template: its own headers and code table.
    const example = await call(core, 'exports:table', { mapping: 'example-province', format: 'json' }, token);
    const ex = JSON.parse(Buffer.from(example.dataBase64, 'base64').toString('utf8')) as {
      sheets: Record<string, Record<string, unknown>[]>;
    };
    const kinds: Record<string, string> = { plan: '01', random: '02', special: '03', recheck: '08' };
    expect(ex.sheets['检查行为'].map((r) => r.JCLX)).toEqual(data.records.inspections.map((i) => kinds[i.kind]));

    // A template whose code table misses one of our values is refused, naming the column and the value.
    core.state.knowledge.mappings.push({
      id: 'partial',
      name: '缺代码的模板',
      version: '1',
      notes: '',
      sheets: [
        {
          table: 'inspections',
          sheet: '检查',
          columns: [{ field: 'kind', header: 'JCLX', codes: { recheck: '08' }, join: ',' }],
        },
      ],
    });
    const refused = await failure(core, 'exports:table', { mapping: 'partial', format: 'xlsx' }, token);
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ key: 'exports.mapping.unmappedCode', params: { sheet: '检查', header: 'JCLX' } }] },
    });
    const mappings = await call(core, 'exports:mappings', {}, token);
    expect(mappings.map((m) => m.id)).toEqual(['default', 'example-province', 'partial']);
  });
});

describe('数据上报: the full upload package', () => {
  it('holds every record as stored, the issued PDFs and the evidence, and passes the receiving side’s check', async () => {
    const { core, token, decided } = await county();
    const made = await call(core, 'exports:create', { kind: 'full' }, token);
    expect(made.name).toBe('上报包_511722_全量_2026-11-25.zip');
    const file = path.join(exportsDir(core.state.dataDir), made.name);
    const report = await verifyPackageFile(file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    // Read back, the data files are the database's records, line for line.
    const zip = await entries(file);
    const data = await readPackageData(core.state.store.db);
    for (const [entity, name] of Object.entries(DATA_FILES)) {
      const lines = zip.get(name)!.toString('utf8').trim().split('\n').filter(Boolean);
      expect(lines.map((l) => JSON.parse(l))).toEqual(
        JSON.parse(JSON.stringify(data.records[entity as keyof typeof data.records])),
      );
      expect(made.manifest.counts[entity]).toBe(lines.length);
    }
    expect(made.manifest.counts.cases).toBe(2);
    // The decision as issued, under its number, byte for byte the stored PDF.
    const decision = data.records.documents.find((d) => d.caseId === decided.id && d.type === 'penalty-decision-unit')!;
    expect(decision.pdf!.path).toBe(`documents/${decision.numberText}.pdf`);
    const pdf = await call(core, 'documents:pdf', { id: decision.id }, token);
    expect(zip.get(decision.pdf!.path)!.equals(Buffer.from(pdf.dataBase64, 'base64'))).toBe(true);
    expect([...zip.keys()].filter((n) => n.startsWith('evidence/'))).toHaveLength(1);
    // The export is in the audit log with its digests.
    const log = await call(core, 'audit:list', { section: 'exports' }, token);
    expect(log.items[0]).toMatchObject({
      action: 'exports:create',
      after: { name: made.name, sha256: made.sha256, sm3: made.sm3 },
    });
  });

  it('is read back by the receiving side into an empty database, where each case reviews as it did at home', async () => {
    const { core, token, decided, closed } = await county();
    const made = await call(core, 'exports:create', { kind: 'full' }, token);
    const { records, files } = await readPackage(fs.readFileSync(path.join(exportsDir(core.state.dataDir), made.name)));
    // The city's PC: a fresh installation of the same unit, the package's records and files written into it.
    const city = await createCore({
      dataDir: workspaceDir(tempDir(), 'real'),
      resourcesDir: RESOURCES,
      autoBackup: false,
      clock,
    });
    cores.push(city);
    const cityToken = await setUp(city);
    await city.state.tx((trx) => writePackageRecords(trx, records));
    for (const data of files.values()) storeFile(city.state.dataDir, data);
    for (const id of [decided.id, closed.id]) {
      const saved = (await call(core, 'reviews:history', { id }, token))[0];
      const decisions = saved ? saved.decisions : { judgements: {} };
      const home = await call(core, 'reviews:run', { id, decisions }, token);
      const there = await call(city, 'reviews:run', { id, decisions }, cityToken);
      expect(there.result).toEqual(home.result);
      expect(there.digest).toBe(home.digest);
      expect(there.documents).toEqual(home.documents);
    }
    // Not an empty comparison: a package without its services would review the closed file differently.
    const short = await createCore({
      dataDir: workspaceDir(tempDir(), 'real'),
      resourcesDir: RESOURCES,
      autoBackup: false,
      clock,
    });
    cores.push(short);
    const shortToken = await setUp(short);
    await short.state.tx((trx) => writePackageRecords(trx, { ...records, services: [] }));
    const run = (c: Core, t: string) => call(c, 'reviews:run', { id: closed.id, decisions: { judgements: {} } }, t);
    const [full, without] = [await run(city, cityToken), await run(short, shortToken)];
    expect(without.result.findings.length).toBeGreaterThan(full.result.findings.length);
  });

  it('cuts a package over the portal’s upload limit into volumes that join into the package itself', async () => {
    const { core, token, inspection } = await county();
    // A photo large enough (and random: it does not compress) to take the package over one MiB.
    const photo = randomBytes(1_600_000);
    await call(
      core,
      'inspections:attach-file',
      { id: inspection.id, file: { fileName: '全景.jpg', dataBase64: photo.toString('base64') } },
      token,
    );
    await call(core, 'settings:update', { exportVolumeMiB: 1 }, token);
    const made = await call(core, 'exports:create', { kind: 'full' }, token);
    const dir = exportsDir(core.state.dataDir);
    expect(made.bytes).toBeGreaterThan(1024 * 1024);
    const count = Math.ceil(made.bytes / (1024 * 1024));
    expect(count).toBeGreaterThan(1);
    expect(made.volumes!.map((v) => v.name)).toEqual(
      Array.from({ length: count }, (_, i) => `${made.name}.${String(i + 1).padStart(3, '0')}`),
    );
    expect(made.volumes![0].bytes).toBe(1024 * 1024);
    expect(made.volumes!.reduce((n, v) => n + v.bytes, 0)).toBe(made.bytes);
    // Joined in order they are the package, byte for byte; each volume's digests are its own.
    const joined = Buffer.concat(made.volumes!.map((v) => fs.readFileSync(path.join(dir, v.name))));
    expect(joined.equals(fs.readFileSync(path.join(dir, made.name)))).toBe(true);
    const { digestBuffer } = await import('../../electron/core/modules/exports/digest.ts');
    expect(await digestBuffer(fs.readFileSync(path.join(dir, made.volumes![1].name)))).toEqual({
      bytes: made.volumes![1].bytes,
      sha256: made.volumes![1].sha256,
      sm3: made.volumes![1].sm3,
    });
    // The receiving side checks the set from its first volume; one volume missing is caught.
    expect((await verifyPackageFile(path.join(dir, made.volumes![0].name))).ok).toBe(true);
    const lone = path.join(tempDir(), made.volumes![0].name);
    fs.copyFileSync(path.join(dir, made.volumes![0].name), lone);
    expect((await verifyPackageFile(lone)).ok).toBe(false);
    // The register keeps them; each can be downloaded again.
    expect((await call(core, 'exports:list', {}, token))[0].volumes).toEqual(made.volumes);
    const second = await call(core, 'exports:download', { name: made.volumes![1].name }, token);
    expect(
      Buffer.from(second.dataBase64, 'base64').equals(fs.readFileSync(path.join(dir, made.volumes![1].name))),
    ).toBe(true);
    // Under the limit, nothing is cut.
    await call(core, 'settings:update', { exportVolumeMiB: 64 }, token);
    expect((await call(core, 'exports:create', { kind: 'full' }, token)).volumes).toEqual([]);
  });

  it('holds back what the province counts as incomplete until it is put right or let through with a reason', async () => {
    const { root, core, token, enterprise, officers } = await county();
    const bare = await call(
      core,
      'inspections:create',
      {
        enterpriseId: enterprise.id,
        kind: 'special',
        startedAt: '2026-11-24T09:00',
        officerIds: [officers[0].id],
        findings: '未见异常。',
      },
      token,
    );
    const refused = await failure(core, 'exports:create', { kind: 'full' }, token);
    expect(refused).toMatchObject({ code: 'EXPORT_BLOCKED', details: { count: 2 } });
    const problems = (refused.details as { problems: { subject: string; key: string }[] }).problems;
    expect(problems.map((p) => [p.subject, p.key])).toEqual([
      [`inspections:${bare.id}:two-officers`, 'exports.incomplete.twoOfficers'],
      [`inspections:${bare.id}:record`, 'exports.incomplete.noRecord'],
    ]);
    // A reason for one is not a reason for the other.
    const one = [
      {
        code: 'incomplete' as const,
        subject: problems[0].subject,
        reason: '专项检查由一名执法人员陪同专家进行，已报备',
      },
    ];
    expect(await failure(core, 'exports:create', { kind: 'full', overrides: one }, token)).toMatchObject({
      details: { count: 1, problems: [{ subject: `inspections:${bare.id}:record` }] },
    });
    // Both let through, each with its reason: kept in the manifest and the audit log.
    const made = await call(
      core,
      'exports:create',
      {
        kind: 'full',
        overrides: [...one, { code: 'incomplete', subject: problems[1].subject, reason: '记录为纸质，已归档' }],
      },
      token,
    );
    expect(made.manifest.overrides).toEqual([
      ...one,
      { code: 'incomplete', subject: problems[1].subject, reason: '记录为纸质，已归档' },
    ]);
    const log = await call(core, 'audit:list', { section: 'exports' }, token);
    expect(log.items[0].after).toMatchObject({ overrides: made.manifest.overrides });
    // The same from the command line, the reasons in a file.
    await core.close();
    cores.splice(0);
    const reasons = path.join(tempDir(), 'reasons.json');
    fs.writeFileSync(
      reasons,
      JSON.stringify(made.manifest.overrides.map(({ subject, reason }) => ({ subject, reason }))),
    );
    const target = path.join(tempDir(), 'cli.zip');
    const args = ['export', 'full', target, '--data-dir', root, '--clock', '2026-11-25T14:00:00+08:00'];
    expect(spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' }).status).toBe(1);
    const cli = spawnSync(process.execPath, [CLI, ...args, '--overrides', reasons], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect((await verifyPackageFile(target)).manifest?.overrides).toEqual(made.manifest.overrides);
  });

  it('lets a finding through that the legal reviewer overruled when signing the file', async () => {
    const { core, token, enterprise, handlerIds, generate } = await county();
    // No 询问笔录: the review finds an investigation record missing.
    const bare = await generate({ enterpriseId: enterprise.id, handlerIds, filedOn: '2026-07-01', stopAt: 'closed' });
    const refused = await failure(core, 'exports:create', { kind: 'full' }, token);
    const held = (refused.details as { problems: { subject: string; record: { id: number } }[] }).problems.filter(
      (p) => p.record.id === bare.id,
    );
    expect(held.length).toBeGreaterThan(0);
    const standard = await call(core, 'reviews:standard', {}, token);
    const judgements = Object.fromEntries(
      [...standard.vetoes, ...standard.sections.flatMap((x) => x.items)]
        .filter((i) => i.mode === 'judgement')
        .map((i) => [i.id, { passed: true, comment: '' }]),
    );
    const overruled = Object.fromEntries(
      held.map((p) => [p.subject.split(':').slice(2).join(':'), '询问笔录在纸质卷宗中，已核实']),
    );
    const decisions = { judgements, overruled };
    const seen = (await call(core, 'reviews:run', { id: bare.id, decisions }, token)).digest;
    await call(core, 'reviews:sign', { id: bare.id, decisions, seen }, token);
    const made = await call(core, 'exports:create', { kind: 'full' }, token);
    expect(made.manifest.counts.reviews).toBe(2);
  });

  it('refuses, writing nothing, a record the receiving side would refuse, naming it', async () => {
    const { core, token, inspection } = await county();
    core.state.store.raw.prepare("UPDATE inspections SET officer_ids_json = '[1, 99]' WHERE id = ?").run(inspection.id);
    const refused = await failure(core, 'exports:create', { kind: 'full' }, token);
    expect(refused).toMatchObject({
      code: 'EXPORT_BLOCKED',
      details: {
        count: 1,
        problems: [
          {
            code: 'reference-missing',
            path: 'data/inspections.jsonl',
            record: { entity: 'inspections', id: inspection.id },
            detail: 'officers 99',
          },
        ],
      },
    });
    expect(fs.existsSync(exportsDir(core.state.dataDir)) ? fs.readdirSync(exportsDir(core.state.dataDir)) : []).toEqual(
      [],
    );
  });

  it('catches, without a database, a record changed, a PDF swapped and a manifest edited to match', async () => {
    const { core, token } = await county();
    const made = await call(core, 'exports:create', { kind: 'full' }, token);
    const file = path.join(exportsDir(core.state.dataDir), made.name);
    const zip = await entries(file);
    const repack = async (change: (m: Map<string, Buffer>) => void) => {
      const copy = new Map(zip);
      change(copy);
      const target = path.join(tempDir(), 'tampered.zip');
      fs.writeFileSync(target, await zipEntries([...copy].map(([name, data]) => ({ name, data }))));
      return (await verifyPackageFile(target)).problems.map((p) => `${p.code} ${p.path}${p.line ? `:${p.line}` : ''}`);
    };
    // A fine changed in the data: its digests no longer match.
    expect(
      await repack((m) =>
        m.set(
          'data/cases.jsonl',
          Buffer.from(
            m
              .get('data/cases.jsonl')!
              .toString()
              .replace(/"fine":(\d)/, (_all, d: string) => `"fine":${d === '9' ? '8' : '9'}`),
          ),
        ),
      ),
    ).toEqual(['sha256-mismatch data/cases.jsonl', 'sm3-mismatch data/cases.jsonl']);
    // The same, with the manifest's digests made to match: the record itself no longer checks (a referenced id gone).
    const manifest = JSON.parse(zip.get('manifest.json')!.toString());
    const { digestBuffer } = await import('../../electron/core/modules/exports/digest.ts');
    const officers = zip.get('data/officers.jsonl')!.toString().split('\n').slice(1).join('\n');
    const d = await digestBuffer(Buffer.from(officers));
    const forged = {
      ...manifest,
      files: manifest.files.map((f: { path: string }) =>
        f.path === 'data/officers.jsonl' ? { path: f.path, ...d } : f,
      ),
    };
    const problems = await repack((m) => {
      m.set('data/officers.jsonl', Buffer.from(officers));
      m.set('manifest.json', Buffer.from(JSON.stringify(forged)));
    });
    // One record fewer than the manifest counts, and the ids the other records name gone.
    expect(problems).toContain('count-mismatch data/officers.jsonl');
    expect(problems.filter((p) => p !== 'count-mismatch data/officers.jsonl').length).toBeGreaterThan(0);
    expect(
      problems
        .filter((p) => p !== 'count-mismatch data/officers.jsonl')
        .every((p) => p.startsWith('reference-missing')),
    ).toBe(true);
    // A data file dropped from the zip and the manifest alike.
    const noReviews = await repack((m) => {
      m.delete('data/reviews.jsonl');
      m.set(
        'manifest.json',
        Buffer.from(
          JSON.stringify({
            ...manifest,
            files: manifest.files.filter((f: { path: string }) => f.path !== 'data/reviews.jsonl'),
          }),
        ),
      );
    });
    expect(noReviews).toEqual(['file-missing data/reviews.jsonl', 'count-mismatch data/reviews.jsonl']);
    // A package of an earlier format holds only the data files of its version, and still verifies: format 2 came
    // before the 典型案例, 3 before the plan's inputs (absences, accidents). A package of the version that has them
    // must hold them.
    const without = (formatVersion: number, entities: string[]) => (m: Map<string, Buffer>) => {
      const paths = entities.map((e) => `data/${e}.jsonl`);
      for (const p of paths) m.delete(p);
      const counts = Object.fromEntries(
        Object.entries(manifest.counts as Record<string, number>).filter(([e]) => !entities.includes(e)),
      );
      m.set(
        'manifest.json',
        Buffer.from(
          JSON.stringify({
            ...manifest,
            formatVersion,
            counts,
            files: manifest.files.filter((f: { path: string }) => !paths.includes(f.path)),
          }),
        ),
      );
    };
    expect(manifest.formatVersion).toBe(4);
    expect(await repack(without(2, ['typicalCases', 'absences', 'accidents', 'plans', 'draws']))).toEqual([]);
    expect(await repack(without(3, ['absences', 'accidents', 'plans', 'draws']))).toEqual([]);
    expect(await repack(without(3, ['typicalCases', 'absences', 'accidents', 'plans', 'draws']))).toEqual([
      'file-missing data/typicalCases.jsonl',
      'count-mismatch data/typicalCases.jsonl',
    ]);
    expect(await repack(without(4, ['accidents']))).toEqual([
      'file-missing data/accidents.jsonl',
      'count-mismatch data/accidents.jsonl',
    ]);
    // A PDF swapped for another of the same name: the manifest and the document's own record both disagree.
    const pdfName = [...zip.keys()].find((n) => n.startsWith('documents/'))!;
    const swapped = await repack((m) => m.set(pdfName, Buffer.from('%PDF-1.7 forged')));
    expect(swapped[0]).toBe(`size-mismatch ${pdfName}`);
    expect(swapped.slice(1)).toEqual([expect.stringMatching(/^reference-missing data\/documents\.jsonl:\d+$/)]);
  });

  it('refuses a package whose stored PDF is gone or changed on the disk, and leaves nothing when cancelled', async () => {
    const { core, token, decided } = await county();
    const data = await readPackageData(core.state.store.db);
    const decision = data.records.documents.find((d) => d.caseId === decided.id && d.type === 'penalty-decision-unit')!;
    const stored = filePath(core.state.dataDir, decision.pdf!.sha256);
    const bytes = fs.readFileSync(stored);
    fs.writeFileSync(stored, Buffer.concat([bytes, Buffer.from('%% changed')]));
    expect(await failure(core, 'exports:create', { kind: 'full' }, token)).toMatchObject({
      code: 'EXPORT_BLOCKED',
      details: { problems: [{ code: 'sha256-mismatch', path: decision.pdf!.path }] },
    });
    fs.rmSync(stored);
    expect(await failure(core, 'exports:create', { kind: 'full' }, token)).toMatchObject({
      code: 'EXPORT_BLOCKED',
      details: {
        problems: [
          { code: 'reference-missing', record: { entity: 'documents', id: decision.id }, detail: decision.pdf!.path },
        ],
      },
    });
    fs.writeFileSync(stored, bytes);
    // Cancelled while it is written: the job stops, and no package, whole or partial, is left.
    const job = 'export:00000000-0000-4000-8000-000000000001';
    const cancel = (e: unknown) => {
      if ((e as { phase?: string }).phase === 'write') void core.dispatch('app:cancel-job', { job }, { token });
    };
    core.events.on('event', cancel);
    expect(await failure(core, 'exports:create', { kind: 'full', job }, token)).toMatchObject({
      code: 'JOB_CANCELLED',
    });
    core.events.off('event', cancel);
    expect(fs.readdirSync(exportsDir(core.state.dataDir))).toEqual([]);
  });

  it('makes the same bytes from the same data in two processes a day apart, from the command line', async () => {
    const { root } = await county();
    for (const c of cores.splice(0)) await c.close();
    const again = tempDir();
    fs.cpSync(root, again, { recursive: true });
    const out = tempDir();
    const make = (dataDir: string, clockAt: string, name: string) =>
      spawnSync(
        process.execPath,
        [CLI, 'export', 'full', path.join(out, name), '--data-dir', dataDir, '--clock', clockAt],
        {
          encoding: 'utf8',
          env: { ...process.env, TZ: name === 'one.zip' ? 'Asia/Shanghai' : 'America/New_York' },
        },
      );
    const one = make(root, '2026-11-25T10:00:00+08:00', 'one.zip');
    expect(one.status, one.stderr).toBe(0);
    const two = make(again, '2026-11-26T10:00:00+08:00', 'two.zip');
    expect(two.status, two.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'one.zip')).equals(fs.readFileSync(path.join(out, 'two.zip')))).toBe(true);
    const verified = spawnSync(process.execPath, [CLI, 'export', 'verify', path.join(out, 'two.zip')], {
      encoding: 'utf8',
    });
    expect(verified.status, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
  });

  it('clears a package cut short by a kill when the app next starts', async () => {
    const root = tempDir();
    const dataDir = workspaceDir(root, 'real');
    const first = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock });
    await first.close();
    fs.mkdirSync(exportsDir(dataDir), { recursive: true });
    const partial = path.join(exportsDir(dataDir), '.partial-0f2a.zip');
    fs.writeFileSync(partial, 'PK half a package');
    fs.writeFileSync(path.join(exportsDir(dataDir), '上报包_511722_全量_2026-11-24.zip'), 'kept: a whole one');
    const again = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock });
    cores.push(again);
    expect(fs.readdirSync(exportsDir(dataDir))).toEqual(['上报包_511722_全量_2026-11-24.zip']);
  });

  it('after a kill between the rename and the row, clears that package, and keeps every other one', async () => {
    const { core, token, inspection } = await county();
    await call(
      core,
      'inspections:attach-file',
      { id: inspection.id, file: { fileName: '全景.jpg', dataBase64: randomBytes(1_200_000).toString('base64') } },
      token,
    );
    await call(core, 'settings:update', { exportVolumeMiB: 1 }, token);
    const made = await call(core, 'exports:create', { kind: 'full' }, token);
    const dataDir = core.state.dataDir;
    await core.close();
    const dir = exportsDir(dataDir);
    // Nothing of a package made is left behind it: no intent marker once its row is committed.
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    const kept = [made.name, ...made.volumes!.map((v) => v.name)].sort();
    // Renamed into place, then killed before its row: its marker is still there.
    const orphan = made.name.replace('.zip', '_2.zip');
    for (const n of [orphan, `${orphan}.001`, `.pending-${orphan}`]) fs.writeFileSync(path.join(dir, n), 'PK whole');
    // A package whose row a restore took away has no marker: it is the user's, and stays.
    const restoredAway = made.name.replace('.zip', '_3.zip');
    for (const n of [restoredAway, '说明.txt']) fs.writeFileSync(path.join(dir, n), 'PK made before a restore');
    fs.writeFileSync(path.join(dataDir, 'enforce.db.open-999999999'), '999999999');
    const again = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false, clock });
    cores.push(again);
    expect(fs.readdirSync(dir).sort()).toEqual([...kept, restoredAway, '说明.txt'].sort());
  });

  it('keeps the demo county home', async () => {
    const root = tempDir();
    const demo = await createCore({
      dataDir: workspaceDir(root, 'demo'),
      resourcesDir: RESOURCES,
      workspace: 'demo',
      autoBackup: false,
      clock,
    });
    cores.push(demo);
    const token = (await call(demo, 'auth:sign-in', { username: 'clerk', password: 'demo1234' })).token;
    expect(await failure(demo, 'exports:create', { kind: 'full' }, token)).toMatchObject({
      code: 'DEMO_EXPORT_REFUSED',
    });
  });

  it('places every table of the database: in a data file, in the manifest, or kept home for a stated reason', async () => {
    const root = tempDir();
    const core = await createCore({
      dataDir: workspaceDir(root, 'real'),
      resourcesDir: RESOURCES,
      autoBackup: false,
      clock,
    });
    cores.push(core);
    const db = new Database(path.join(workspaceDir(root, 'real'), 'enforce.db'), { readonly: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()));
    db.close();
    expect(tables.filter((t) => !(t in TABLE_COVERAGE))).toEqual([]);
  });
});
