import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { ImportRowError } from '../../../../shared/api/contract.ts';
import { issuesFromZod } from '../../../../shared/base/errors.ts';
import {
  CREDIT_STATUSES,
  ENFORCEMENT_LEVELS,
  RISK_GRADES,
  STANDARDIZATION_GRADES,
  SUPERVISION_CATEGORIES,
  vocabKeyOf,
} from '../../../../shared/base/vocabulary.ts';
import { type Enterprise, type EnterpriseFields, enterpriseInput } from '../../../../shared/entities/enterprise.ts';

/**
 * The ledger's Excel exchange format. Headers are Chinese because the files are for Chinese
 * offices and other systems; an export can be imported again unchanged.
 */
export const COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 24 },
  { key: 'name', header: '企业名称', required: true, width: 30 },
  { key: 'legalRepresentative', header: '法定代表人', width: 12 },
  { key: 'principal', header: '主要负责人', width: 12 },
  { key: 'address', header: '地址', width: 36 },
  { key: 'township', header: '乡镇（街道）', width: 14 },
  { key: 'industryCode', header: '行业代码', width: 10 },
  { key: 'categories', header: '监管类别', width: 22 },
  { key: 'enforcementLevel', header: '管辖层级', width: 10 },
  { key: 'standardizationGrade', header: '标准化等级', width: 12 },
  { key: 'riskGrade', header: '风险等级', width: 12 },
  { key: 'creditStatus', header: '信用状态', width: 16 },
  { key: 'accidentHistory', header: '事故记录', width: 30 },
  { key: 'contactName', header: '联系人', width: 12 },
  { key: 'contactRole', header: '联系人职务', width: 12 },
  { key: 'contactPhone', header: '联系电话', width: 16 },
  { key: 'notes', header: '备注', width: 24 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const HEADER_OF = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
const normalizeHeader = (h: string) =>
  h
    .replace(/[*＊\s]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

/** Which column a field path points at, for the row report. */
function columnOfPath(path: (string | number)[]): ColumnKey {
  const [first, , sub] = path;
  if (first === 'contacts') return sub === 'phone' ? 'contactPhone' : sub === 'role' ? 'contactRole' : 'contactName';
  return (first as ColumnKey) in HEADER_OF ? (first as ColumnKey) : 'name';
}

export class BadWorkbook extends Error {
  readonly reason:
    'notXlsx' | 'noSheet' | 'missingColumns' | 'empty' | 'tooLarge' | 'tooManyRows' | 'mergedHeader' | 'repeatedHeader';
  /** The columns (headers) or cells (A1:B1) the reason is about. */
  readonly columns?: string[];
  constructor(reason: BadWorkbook['reason'], columns?: string[]) {
    super(reason);
    this.reason = reason;
    this.columns = columns;
  }
}

/**
 * What a ledger workbook may be: a county's ledger is tens of thousands of rows and a few megabytes; a file past
 * these is refused before it is read, and a sheet whose rows run past the cap is refused as it is read (rows that
 * hold nothing are never visited, however far down the sheet a stray cell sits).
 */
export const LEDGER_LIMITS = { bytes: 20 * 2 ** 20, rows: 100_000 };

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

export interface ParsedRow {
  row: number;
  fields: EnterpriseFields;
}

const splitList = (s: string) =>
  s
    .split(/[、，,;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Which column each field is read from, by the header's text. A header merged across columns (a heading spanning
 * two) or a header given twice would leave it unclear which column holds the values: refused, naming the cells,
 * rather than read from the wrong one.
 */
function headerColumns(sheet: ExcelJS.Worksheet): Map<ColumnKey, number> {
  const colIndex = new Map<ColumnKey, number>();
  const cellsOf = new Map<ColumnKey, string[]>();
  const merged: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const def = COLUMNS.find((c) => normalizeHeader(c.header) === normalizeHeader(cellText(cell)));
    if (!def) return;
    // A merged range's other cells answer with its first cell's value: the range is named once, by its first cell.
    if (cell.isMerged && cell.master !== cell) {
      merged.push(`${cell.master.address}:${cell.address}`);
      return;
    }
    colIndex.set(def.key, col);
    cellsOf.set(def.key, [...(cellsOf.get(def.key) ?? []), cell.address]);
  });
  if (merged.length) {
    // One range per header: its first and last cell.
    const ranges = new Map<string, string>();
    for (const m of merged) ranges.set(m.split(':')[0], `${m.split(':')[0]}:${m.split(':')[1]}`);
    throw new BadWorkbook('mergedHeader', [...ranges.values()]);
  }
  const repeated = [...cellsOf.entries()].filter(([, cells]) => cells.length > 1);
  if (repeated.length)
    throw new BadWorkbook(
      'repeatedHeader',
      repeated.map(([key, cells]) => `${HEADER_OF[key]}（${cells.join('、')}）`),
    );
  return colIndex;
}

export interface LedgerRead {
  rows: ParsedRow[];
  errors: ImportRowError[];
  totalRows: number;
}

/** Reads and validates every row; nothing is written here. Runs in the worker (documents/pool.ts readLedger). */
export async function readLedgerWorkbook(
  data: Buffer,
  onProgress?: (done: number, total: number) => void,
  limits = LEDGER_LIMITS,
): Promise<LedgerRead> {
  if (data.length > limits.bytes) throw new BadWorkbook('tooLarge', [`${limits.bytes / 2 ** 20} MB`]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new BadWorkbook('notXlsx');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new BadWorkbook('noSheet');
  const colIndex = headerColumns(sheet);
  const missing = COLUMNS.filter((c) => 'required' in c && c.required && !colIndex.has(c.key)).map((c) => c.header);
  if (missing.length) throw new BadWorkbook('missingColumns', missing);

  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  // Only the rows the sheet holds, in order: a stray cell at row 1,048,576 is one row, not a million.
  const present: ExcelJS.Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    if (present.length >= limits.rows) throw new BadWorkbook('tooManyRows', [String(limits.rows)]);
    present.push(row);
  });
  const last = present.length;
  let totalRows = 0;
  for (const row of present) {
    const r = row.number;
    const get = (k: ColumnKey) => {
      if (!colIndex.has(k)) return '';
      const cell = row.getCell(colIndex.get(k)!);
      // Excel turns a typed 0810 into the number 810: GB/T 4754 codes have 2 or 4 digits, so pad back.
      if (k === 'industryCode' && typeof cell.value === 'number') {
        const digits = String(cell.value);
        return digits.length % 2 ? `0${digits}` : digits;
      }
      return cellText(cell);
    };
    const values = Object.fromEntries(COLUMNS.map((c) => [c.key, get(c.key)])) as Record<ColumnKey, string>;
    if (Object.values(values).every((v) => v === '')) continue;
    totalRows++;
    const rowErrors: ImportRowError[] = [];
    const vocab = <T extends Record<string, string>>(key: ColumnKey, list: T, fallback: keyof T | null) => {
      const v = values[key];
      if (!v) return fallback;
      const found = vocabKeyOf(list, v);
      if (!found)
        rowErrors.push({
          row: r,
          column: HEADER_OF[key],
          reason: 'import.reasons.notInList',
          params: { allowed: Object.values(list).join('、') },
          value: v,
        });
      return found ?? fallback;
    };
    const categories = splitList(values.categories)
      .map((v) => {
        const k = vocabKeyOf(SUPERVISION_CATEGORIES, v);
        if (!k)
          rowErrors.push({
            row: r,
            column: HEADER_OF.categories,
            reason: 'import.reasons.notInList',
            params: { allowed: Object.values(SUPERVISION_CATEGORIES).join('、') },
            value: v,
          });
        return k;
      })
      .filter((k): k is keyof typeof SUPERVISION_CATEGORIES => !!k);
    const candidate = {
      uscc: values.uscc,
      name: values.name,
      legalRepresentative: values.legalRepresentative,
      principal: values.principal,
      address: values.address,
      township: values.township,
      industryCode: values.industryCode,
      categories: [...new Set(categories)],
      enforcementLevel: vocab('enforcementLevel', ENFORCEMENT_LEVELS, 'county'),
      standardizationGrade: vocab('standardizationGrade', STANDARDIZATION_GRADES, 'none'),
      riskGrade: vocab('riskGrade', RISK_GRADES, null),
      creditStatus: vocab('creditStatus', CREDIT_STATUSES, 'normal'),
      accidentHistory: values.accidentHistory,
      contacts:
        values.contactName || values.contactPhone
          ? [
              {
                name: values.contactName || values.principal || values.legalRepresentative,
                role: values.contactRole,
                phone: values.contactPhone,
              },
            ]
          : [],
      notes: values.notes,
    };
    const parsed = enterpriseInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error as z.ZodError)) {
        const column = columnOfPath(issue.path);
        rowErrors.push({
          row: r,
          column: HEADER_OF[column],
          reason: issue.key,
          params: issue.params,
          value: values[column],
        });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ row: r, fields: parsed.data });
    if (onProgress && totalRows % 1000 === 0) onProgress(totalRows, last);
  }
  if (totalRows === 0) throw new BadWorkbook('empty');
  return { rows, errors, totalRows };
}

export function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function writeLedgerWorkbook(
  items: Enterprise[],
  opts: { template?: boolean; sheetName: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安全生产执法工作台';
  const sheet = wb.addWorksheet(opts.sheetName);
  sheet.columns = COLUMNS.map((c) => ({
    header: 'required' in c && c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  for (const e of items) {
    const contact = e.contacts[0];
    sheet.addRow({
      uscc: e.uscc,
      name: e.name,
      legalRepresentative: e.legalRepresentative,
      principal: e.principal,
      address: e.address,
      township: e.township,
      industryCode: e.industryCode,
      categories: e.categories.map((k) => SUPERVISION_CATEGORIES[k]).join('、'),
      enforcementLevel: ENFORCEMENT_LEVELS[e.enforcementLevel],
      standardizationGrade: STANDARDIZATION_GRADES[e.standardizationGrade],
      riskGrade: e.riskGrade ? RISK_GRADES[e.riskGrade] : '',
      creditStatus: CREDIT_STATUSES[e.creditStatus],
      accidentHistory: e.accidentHistory,
      contactName: contact?.name ?? '',
      contactRole: contact?.role ?? '',
      contactPhone: contact?.phone ?? '',
      notes: e.status === 'withdrawn' ? `[已注销] ${e.notes}`.trim() : e.notes,
    });
  }
  // Codes stay text: Excel would otherwise turn 91511722... into 9.15E+17.
  sheet.getColumn('uscc').numFmt = '@';
  sheet.getColumn('industryCode').numFmt = '@';
  sheet.getColumn('contactPhone').numFmt = '@';
  styleHeader(sheet);
  if (opts.template) {
    const help = wb.addWorksheet('填写说明');
    help.columns = [
      { header: '列', key: 'col', width: 18 },
      { header: '说明', key: 'text', width: 90 },
    ];
    const lists: Partial<Record<ColumnKey, string>> = {
      uscc: '18位，按 GB 32100 校验；全角、小写会自动转换。必填。',
      name: '营业执照上的全称。必填。',
      industryCode: 'GB/T 4754-2017 代码，2位大类或4位小类，如 2614、5942。',
      categories: `可填多个，用顿号分隔：${Object.values(SUPERVISION_CATEGORIES).join('、')}`,
      enforcementLevel: Object.values(ENFORCEMENT_LEVELS).join('、'),
      standardizationGrade: Object.values(STANDARDIZATION_GRADES).join('、'),
      riskGrade: Object.values(RISK_GRADES).join('、'),
      creditStatus: Object.values(CREDIT_STATUSES).join('、'),
      contactPhone: '手机号或带区号的固定电话，如 0818-5221234。',
    };
    for (const c of COLUMNS) help.addRow({ col: c.header, text: lists[c.key] ?? '' });
    styleHeader(help);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
