import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/base/errors.ts';
import type { EnterpriseHistoryEntry, ImportRowError } from '../../../../shared/api/contract.ts';
import type { Enterprise } from '../../../../shared/entities/enterprise.ts';
import { assertVersion, type CoreState, type HandlerGroup } from '../../context.ts';
import type { AccidentChannel } from './accidents.ts';
import { COLUMNS, type ParsedRow, writeLedgerWorkbook } from './excel.ts';
import { missingGlyphs } from '../../documents/glyphs.ts';
import { fontSetFor } from '../documents/service.ts';
import { findById, search, toColumns, toEnterprise } from './repository.ts';
import { knowledgeIssues } from './rules.ts';
import { download, refuseInDemo } from '../files.ts';

interface PendingImport {
  id: string;
  userId: number;
  fileName: string;
  rows: ParsedRow[];
  errors: ImportRowError[];
  createdAt: number;
}

/** Validated imports wait here for the user's confirmation; an hour is plenty to read a report. */
const pendingImports = new WeakMap<CoreState, Map<string, PendingImport>>();
const IMPORT_TTL_MS = 60 * 60 * 1000;
/** The columns documents print (the party's name, its representatives, where it is). */
const PRINTED_KEYS = ['name', 'legalRepresentative', 'principal', 'address', 'township'] as const;
const PRINTED = PRINTED_KEYS.map((key) => ({ key, header: COLUMNS.find((c) => c.key === key)!.header }));
function importsOf(core: CoreState): Map<string, PendingImport> {
  let map = pendingImports.get(core);
  if (!map) pendingImports.set(core, (map = new Map()));
  const now = core.now().getTime();
  for (const [k, v] of map) if (now - v.createdAt > IMPORT_TTL_MS) map.delete(k);
  return map;
}

async function getOrThrow(core: CoreState, id: number): Promise<Enterprise> {
  const row = await findById(core.store.db, id);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'enterprise', id });
  return toEnterprise(row, core.knowledge);
}

async function ensureUniqueUscc(core: CoreState, uscc: string, exceptId?: number): Promise<void> {
  let q = core.store.db.selectFrom('enterprises').select(['id', 'name']).where('uscc', '=', uscc);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  const other = await q.executeTakeFirst();
  if (other)
    throw new AppError('USCC_DUPLICATE', {
      issues: [{ path: ['uscc'], key: 'validation.uscc.duplicate', params: { name: other.name } }],
    });
}

function ensureKnowledge(core: CoreState, fields: Parameters<typeof knowledgeIssues>[0]): void {
  const { errors } = knowledgeIssues(fields, core.knowledge);
  if (errors.length) throw new AppError('VALIDATION', { issues: errors });
}

const FIELDS_SKIPPED_IN_HISTORY = new Set(['updatedAt', 'version', 'warnings', 'industryName', 'createdAt']);

function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): EnterpriseHistoryEntry['changes'] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: EnterpriseHistoryEntry['changes'] = [];
  for (const k of keys) {
    if (FIELDS_SKIPPED_IN_HISTORY.has(k)) continue;
    const b = before?.[k] ?? null,
      a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field: k, before: b, after: a });
  }
  return changes;
}

export const enterpriseHandlers: Omit<HandlerGroup<'enterprises'>, AccidentChannel> = {
  async 'enterprises:search'(input, { core }) {
    return search(core.store.db, core.knowledge, input);
  },
  async 'enterprises:get'({ id }, { core }) {
    return getOrThrow(core, id);
  },
  async 'enterprises:townships'(_input, { core }) {
    const rows = await core.store.db
      .selectFrom('enterprises')
      .select('township')
      .distinct()
      .where('township', '!=', '')
      .orderBy('township')
      .execute();
    return rows.map((r) => r.township);
  },
  async 'enterprises:history'({ id }, { core }) {
    await getOrThrow(core, id);
    const rows = await core.store.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'enterprise')
      .where('entityId', '=', String(id))
      .orderBy('seq', 'desc')
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userName: r.userName,
      action: r.action,
      changes: diff(r.beforeJson ? JSON.parse(r.beforeJson) : null, r.afterJson ? JSON.parse(r.afterJson) : null),
    }));
  },
  async 'enterprises:create'(input, { core, actor }) {
    ensureKnowledge(core, input);
    await ensureUniqueUscc(core, input.uscc);
    const at = core.now().toISOString();
    return core.tx(async (trx) => {
      const row = await trx
        .insertInto('enterprises')
        .values({ ...toColumns(input), status: 'active', createdAt: at, updatedAt: at, version: 1 })
        .returningAll()
        .executeTakeFirstOrThrow();
      const created = toEnterprise(row, core.knowledge);
      core.record(actor, { action: 'enterprises:create', entityType: 'enterprise', entityId: row.id, after: created });
      return created;
    });
  },
  async 'enterprises:update'({ id, version, enterprise: input }, { core, actor }) {
    const before = await getOrThrow(core, id);
    assertVersion(before, version);
    ensureKnowledge(core, input);
    await ensureUniqueUscc(core, input.uscc, id);
    return core.tx(async (trx) => {
      const row = await trx
        .updateTable('enterprises')
        .set({ ...toColumns(input), updatedAt: core.now().toISOString(), version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new AppError('STALE_VERSION');
      const after = toEnterprise(row, core.knowledge);
      core.record(actor, { action: 'enterprises:update', entityType: 'enterprise', entityId: id, before, after });
      return after;
    });
  },
  async 'enterprises:withdraw'({ id, version, reason }, { core, actor }) {
    const before = await getOrThrow(core, id);
    assertVersion(before, version);
    if (before.status === 'withdrawn') return before;
    return core.tx(async (trx) => {
      const at = core.now().toISOString();
      const row = await trx
        .updateTable('enterprises')
        .set({
          status: 'withdrawn',
          withdrawnAt: at,
          withdrawnBy: actor.userName,
          withdrawReason: reason,
          updatedAt: at,
          version: version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new AppError('STALE_VERSION');
      const after = toEnterprise(row, core.knowledge);
      core.record(actor, { action: 'enterprises:withdraw', entityType: 'enterprise', entityId: id, before, after });
      return after;
    });
  },
  async 'enterprises:reinstate'({ id, version }, { core, actor }) {
    const before = await getOrThrow(core, id);
    assertVersion(before, version);
    if (before.status === 'active') return before;
    return core.tx(async (trx) => {
      const row = await trx
        .updateTable('enterprises')
        .set({
          status: 'active',
          withdrawnAt: null,
          withdrawnBy: null,
          withdrawReason: null,
          updatedAt: core.now().toISOString(),
          version: version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new AppError('STALE_VERSION');
      const after = toEnterprise(row, core.knowledge);
      core.record(actor, { action: 'enterprises:reinstate', entityType: 'enterprise', entityId: id, before, after });
      return after;
    });
  },
  async 'enterprises:import-template'() {
    return download('企业档案导入模板.xlsx', await writeLedgerWorkbook([], { template: true, sheetName: '企业档案' }));
  },
  async 'enterprises:import-preview'({ file }, { core, session, rules }) {
    let read;
    try {
      // Read in the worker, off the thread that serves calls: 20,000 rows take seconds, which the dialog shows.
      read = await core.jobs.run('import', (job) =>
        core.readLedger(Buffer.from(file.dataBase64, 'base64'), (done, total) => job.progress('read', done, total)),
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'IMPORT_BAD_FILE')
        throw new AppError('IMPORT_BAD_FILE', { ...e.details, fileName: file.fileName });
      throw e;
    }
    const errors = [...read.errors];
    const warnings: ImportRowError[] = [];
    const fonts = fontSetFor(core, rules.settings.fontOverrides);
    const existing = new Map(
      (await core.store.db.selectFrom('enterprises').select(['uscc', 'name']).execute()).map((r) => [r.uscc, r.name]),
    );
    const seen = new Map<string, number>();
    const valid: ParsedRow[] = [];
    for (const r of read.rows) {
      const rowErrors: ImportRowError[] = [];
      const k = knowledgeIssues(r.fields, core.knowledge);
      for (const i of k.errors)
        rowErrors.push({
          row: r.row,
          column: '行业代码',
          reason: i.key,
          params: i.params,
          value: r.fields.industryCode,
        });
      for (const i of k.warnings)
        warnings.push({
          row: r.row,
          column: '行业代码',
          reason: i.key,
          params: i.params,
          value: r.fields.industryCode,
        });
      // Accepted, but said now: a character no document font has would stop the first document about the enterprise.
      for (const c of PRINTED)
        for (const m of missingGlyphs(fonts, r.fields[c.key]))
          warnings.push({
            row: r.row,
            column: c.header,
            reason: 'glyphs.missing',
            params: { char: m.char, codePoint: m.codePoint },
            value: r.fields[c.key],
          });
      const dupInDb = existing.get(r.fields.uscc);
      if (dupInDb !== undefined)
        rowErrors.push({
          row: r.row,
          column: '统一社会信用代码',
          reason: 'import.reasons.duplicateInLedger',
          params: { name: dupInDb },
          value: r.fields.uscc,
        });
      const firstRow = seen.get(r.fields.uscc);
      if (firstRow !== undefined)
        rowErrors.push({
          row: r.row,
          column: '统一社会信用代码',
          reason: 'import.reasons.duplicateInFile',
          params: { row: firstRow },
          value: r.fields.uscc,
        });
      else seen.set(r.fields.uscc, r.row);
      if (rowErrors.length) errors.push(...rowErrors);
      else valid.push(r);
    }
    errors.sort((a, b) => a.row - b.row);
    const id = randomUUID();
    importsOf(core).set(id, {
      id,
      userId: session!.userId,
      fileName: file.fileName,
      rows: valid,
      errors,
      createdAt: core.now().getTime(),
    });
    const badRows = new Set(errors.map((e) => e.row)).size;
    return {
      importId: id,
      fileName: file.fileName,
      totalRows: read.totalRows,
      validRows: read.totalRows - badRows,
      errors,
      warnings,
    };
  },
  async 'enterprises:import-commit'({ importId }, { core, session, actor }) {
    const pending = importsOf(core).get(importId);
    if (!pending || pending.userId !== session!.userId) throw new AppError('IMPORT_NOT_FOUND');
    // All or nothing: a file with bad rows is fixed and imported again, never half-applied.
    if (pending.errors.length) throw new AppError('IMPORT_HAS_ERRORS', { errors: pending.errors.length });
    const at = core.now().toISOString();
    const created = await core.jobs.run('import-commit', (job) =>
      core.tx(async () => {
        // Raw prepared statements on the same connection, inside the same transaction: 20,000 rows in about a second.
        const insert = core.store.raw
          .prepare(`INSERT INTO enterprises (uscc, name, legal_representative, principal, address, township, industry_code,
        categories_json, enforcement_level, standardization_grade, risk_grade, credit_status, accident_history, contacts_json, notes,
        status, created_at, updated_at, version) VALUES (@uscc, @name, @legalRepresentative, @principal, @address, @township, @industryCode,
        @categoriesJson, @enforcementLevel, @standardizationGrade, @riskGrade, @creditStatus, @accidentHistory, @contactsJson, @notes,
        'active', @at, @at, 1)`);
        let n = 0;
        for (const r of pending.rows) {
          const columns = toColumns(r.fields);
          let id: number;
          try {
            id = Number(insert.run({ ...columns, at }).lastInsertRowid);
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            if (message.includes('UNIQUE')) throw new AppError('USCC_DUPLICATE', { row: r.row, uscc: r.fields.uscc });
            throw new AppError('INTERNAL', { row: r.row });
          }
          core.record(actor, {
            action: 'enterprises:import',
            entityType: 'enterprise',
            entityId: id,
            after: { id, ...r.fields, source: pending.fileName, row: r.row },
          });
          if (++n % 1000 === 0) job.progress('write', n, pending.rows.length);
        }
        return n;
      }),
    );
    importsOf(core).delete(importId);
    return { created };
  },
  async 'enterprises:export'({ includeWithdrawn }, { core, rules }) {
    refuseInDemo(core);
    let q = core.store.db.selectFrom('enterprises').selectAll().orderBy('name');
    if (!includeWithdrawn) q = q.where('status', '=', 'active');
    const items = (await q.execute()).map((r) => toEnterprise(r, core.knowledge));
    return download(`企业档案_${rules.today}.xlsx`, await writeLedgerWorkbook(items, { sheetName: '企业档案' }));
  },
};
