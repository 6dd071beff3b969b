import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/base/errors.ts';
import type { PublicationRow } from '../../../../shared/api/channels/exports.ts';
import { urgency } from '../../../../shared/domain/case-procedure.ts';
import { type MappedSheet, mapSheet, type UnmappedCode } from '../../../../shared/domain/field-mapping.ts';
import { type PublicationSource, publicationRecords } from '../../../../shared/domain/publication.ts';
import type { Party } from '../../../../shared/entities/case.ts';
import type { MappedTable } from '../../../../shared/entities/field-mapping.ts';
import type { CoreState } from '../../context.ts';
import type { RuleContext } from '../../rules.ts';
import { caseSummaries, deadlinesOf } from '../cases/repository.ts';
import { styleHeader } from '../enterprises/excel.ts';
import { getUnit } from '../unit/repository.ts';
import { readPackageData } from './records.ts';
import { randomCheckRecords, type RandomCheckField } from '../../../../shared/domain/plans/publication.ts';
import type { DrawResult } from '../../../../shared/domain/plans/draw.ts';

/**
 * 公示 and the province's templates: the publication record of every decision issued in the ordinary procedure, with
 * the 7 working days the case tracks to publish it; and the record filled into a template by a mapping file, as
 * Excel or JSON. Both are read from the record as it stands, never typed again.
 */

/** Every decision to publish, with its deadline and whether it was published, oldest decision first. */
export async function publicationRows(core: CoreState, rules: RuleContext): Promise<PublicationRow[]> {
  const db = core.store.db;
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('documents')
        .select('caseId')
        .where('type', 'like', 'penalty-decision-%')
        .where('status', '=', 'issued')
        .where('caseId', 'is not', null)
        .$narrowType<{ caseId: number }>(),
    )
    .orderBy('id')
    .execute();
  const agency = rules.unit?.agencyName ?? '';
  const out: PublicationRow[] = [];
  for (const [i, { summary, record }] of (await caseSummaries(core, db, rows)).entries()) {
    const source: PublicationSource = {
      cause: summary.cause,
      unit: JSON.parse(rows[i].unitJson) as Party,
      persons: record.persons,
      violations: record.violations,
      documents: record.documents,
    };
    const deadlines = deadlinesOf(core, record, rules).filter((d) => d.period === 'publication');
    for (const p of publicationRecords(source, agency, rules.settings.publicationYears)) {
      const d = deadlines.find((x) => x.documentId === p.documentId);
      out.push({
        caseId: summary.id,
        caseNo: summary.caseNo,
        enterpriseName: summary.enterpriseName,
        documentId: p.documentId,
        values: p.values,
        due: d?.due ?? null,
        publishedOn: d?.metOn ?? null,
        // Published after its 7 working days: done, but said so.
        status: !d ? 'later' : d.status === 'late' ? 'late' : urgency(d, rules.cal, rules.today),
      });
    }
  }
  return out.sort((a, b) => a.values.decisionDate.localeCompare(b.values.decisionDate) || a.documentId - b.documentId);
}

/** 双随机抽查结果公示: every enterprise drawn, as drawn, with what its inspection under that draw found. */
export async function randomCheckRows(
  core: CoreState,
  rules: RuleContext,
): Promise<Record<RandomCheckField, string>[]> {
  const db = core.store.db;
  const draws = await db.selectFrom('draws').selectAll().orderBy('id').execute();
  const enterprises = new Map(
    (await db.selectFrom('enterprises').select(['id', 'name', 'uscc']).execute()).map((e) => [e.id, e]),
  );
  const officers = new Map(
    (await db.selectFrom('officers').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
  );
  const inspections = await db
    .selectFrom('inspections')
    .leftJoin('hazards', (j) =>
      j.onRef('hazards.inspectionId', '=', 'inspections.id').on('hazards.withdrawnAt', 'is', null),
    )
    .select((eb) => [
      'inspections.drawId',
      'inspections.enterpriseId',
      'inspections.startedAt',
      'inspections.officerIdsJson',
      eb.fn.count<number>('hazards.id').as('hazards'),
      eb.fn.sum<number>(eb.case().when('hazards.status', '!=', 'rectified').then(1).else(0).end()).as('openHazards'),
    ])
    .where('inspections.status', '=', 'active')
    .where('inspections.drawId', 'is not', null)
    .groupBy('inspections.id')
    .execute();
  return randomCheckRecords(
    {
      draws: draws.map((d) => ({
        id: d.id,
        planYear: d.planYear,
        label: d.label,
        drawnAt: d.drawnAt,
        resultSha256: d.resultSha256,
        picks: (JSON.parse(d.resultJson) as DrawResult).picks,
      })),
      enterprises,
      officers,
      inspections: inspections.map((i) => ({
        drawId: i.drawId!,
        enterpriseId: i.enterpriseId,
        startedAt: i.startedAt,
        officerIds: JSON.parse(i.officerIdsJson) as number[],
        hazards: Number(i.hazards),
        openHazards: Number(i.openHazards ?? 0),
      })),
    },
    core.knowledge.planDocument,
    rules.unit?.agencyName ?? '',
  );
}

export type TableFormat = 'xlsx' | 'json';

/**
 * The record filled into a mapping's sheets (all of them, or those of the tables asked for). Refused, naming each,
 * when a value has no code in the mapping's table: the province would read our code as something else.
 */
export async function mappedTables(
  core: CoreState,
  rules: RuleContext,
  input: { mapping: string; format: TableFormat; tables?: MappedTable[]; pendingOnly?: boolean },
): Promise<{ fileName: string; data: Buffer }> {
  const mapping = core.knowledge.mappings.find((m) => m.id === input.mapping);
  if (!mapping) throw new AppError('NOT_FOUND', { entity: 'mapping', id: input.mapping });
  const sheets = mapping.sheets.filter((s) => !input.tables || input.tables.includes(s.table));
  if (!sheets.length)
    throw new AppError('VALIDATION', { issues: [{ path: ['tables'], key: 'exports.mapping.noSheet' }] });
  const unit = await getUnit(core.store.db);
  if (!unit) throw new AppError('VALIDATION', { issues: [{ path: ['unit'], key: 'exports.rules.noUnit' }] });
  const needs = new Set(sheets.map((s) => s.table));
  const derived = new Set<MappedTable>(['publications', 'randomChecks']);
  const data = [...needs].some((t) => !derived.has(t)) ? await readPackageData(core.store.db) : null;
  const publications = needs.has('publications')
    ? (await publicationRows(core, rules))
        .filter((r) => !input.pendingOnly || (r.status !== 'done' && r.status !== 'late'))
        .map((r) => r.values)
    : [];
  const randomChecks = needs.has('randomChecks') ? await randomCheckRows(core, rules) : [];
  const unmapped: UnmappedCode[] = [];
  const mapped: MappedSheet[] = sheets.map((s) =>
    mapSheet(
      s,
      s.table === 'publications' ? publications : s.table === 'randomChecks' ? randomChecks : data!.records[s.table],
      unmapped,
    ),
  );
  if (unmapped.length)
    throw new AppError('VALIDATION', {
      issues: unmapped.slice(0, 50).map((u) => ({
        path: ['mapping', u.sheet, u.header],
        key: 'exports.mapping.unmappedCode',
        params: { sheet: u.sheet, header: u.header, value: u.value },
      })),
    });
  const only = input.tables?.length === 1 ? input.tables[0] : null;
  const stem = `${only === 'publications' ? '行政处罚公示' : only === 'randomChecks' ? '双随机抽查结果公示' : mapping.name.replace(/[\\/:*?"<>|（）()\s]+/g, '_').replace(/_+$/, '')}_${unit.regionCode}_${rules.today}`;
  if (input.format === 'json') {
    const doc = {
      mapping: { id: mapping.id, version: mapping.version },
      unit: { agencyName: unit.agencyName, regionCode: unit.regionCode },
      asOf: rules.today,
      sheets: Object.fromEntries(
        mapped.map((m) => [m.sheet, m.rows.map((r) => Object.fromEntries(m.headers.map((h, i) => [h, r[i]])))]),
      ),
    };
    return { fileName: `${stem}.json`, data: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`) };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '安全生产执法工作台';
  for (const m of mapped) {
    const sheet = wb.addWorksheet(m.sheet);
    sheet.columns = m.headers.map((h, i) => ({
      header: h,
      // Wide enough for the longest of the first rows, within reason.
      width: Math.min(60, Math.max(8, ...[h, ...m.rows.slice(0, 200).map((r) => String(r[i]))].map(cellWidth))),
    }));
    for (const r of m.rows) sheet.addRow(r);
    styleHeader(sheet);
  }
  return { fileName: `${stem}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** Columns as Excel counts them: a CJK character about two. */
const cellWidth = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2;
