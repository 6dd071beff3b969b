import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingProblems, mapSheet, type UnmappedCode } from '../../../shared/domain/field-mapping.ts';
import { fieldMapping, type FieldMapping } from '../../../shared/entities/field-mapping.ts';

const DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'knowledge');
const bundled = fs
  .readdirSync(path.join(DIR, 'mappings'))
  .map((n) => [n, fieldMapping.parse(JSON.parse(fs.readFileSync(path.join(DIR, 'mappings', n), 'utf8')))] as const);

describe('字段映射: mapping files onto a province’s template', () => {
  it.each(bundled)('%s names only fields the records have, and codes every value it codes', (_n, m) => {
    expect(mappingProblems(m)).toEqual([]);
  });

  it('codes every document type of the catalogue in the default mapping', () => {
    const types = (
      JSON.parse(fs.readFileSync(path.join(DIR, 'documents.json'), 'utf8')) as { types: { id: string }[] }
    ).types.map((t) => t.id);
    const m = bundled.find(([n]) => n === 'default.json')![1];
    const codes = m.sheets.find((s) => s.table === 'documents')!.columns.find((c) => c.field === 'type')!.codes!;
    expect(types.filter((t) => !(t in codes))).toEqual([]);
  });

  it('finds a field no record has, a whole object, a value left out of a code table, a sheet twice', () => {
    const m: FieldMapping = fieldMapping.parse({
      id: 'broken',
      name: '坏的映射',
      version: '1',
      notes: '',
      sheets: [
        {
          table: 'inspections',
          sheet: '检查',
          columns: [
            { field: 'enterprise', header: '企业' },
            { field: 'evidence', header: '证据' },
            { field: 'kind', header: '类型', codes: { plan: '01' } },
            { field: 'refusedToSign', header: '拒签', codes: { true: '1' } },
          ],
        },
        { table: 'cases', sheet: '检查', columns: [{ field: 'violations.fine', header: '罚款' }] },
      ],
    });
    const problems = mappingProblems(m);
    expect(problems).toContain('检查.企业: no field inspections.enterprise');
    expect(problems).toContain('检查.证据: evidence is an object; name one of its fields');
    expect(problems).toContain('检查.类型: no code for recheck');
    expect(problems).toContain('检查.拒签: no code for false');
    expect(problems).toContain('检查: sheet twice');
  });

  it('reads paths through lists, joins them, codes each value and keeps numbers as numbers', () => {
    const unmapped: UnmappedCode[] = [];
    const sheet = mapSheet(
      {
        table: 'cases',
        sheet: '案件',
        columns: [
          { field: 'id', header: '编号', join: '；' },
          { field: 'violations.fine', header: '罚款', join: '；' },
          { field: 'procedure', header: '程序', codes: { ordinary: '普通' }, join: '；' },
          { field: 'complex', header: '复杂', join: '；' },
          { field: 'outcome', header: '结果', join: '；' },
        ],
      },
      [
        { id: 7, violations: [{ fine: 20000 }, { fine: 5000 }], procedure: 'ordinary', complex: true, outcome: null },
        { id: 8, violations: [], procedure: 'summary', complex: false, outcome: 'penalty' },
        { id: 9, violations: [], procedure: 'summary', complex: false, outcome: 'penalty' },
      ],
      unmapped,
    );
    expect(sheet.headers).toEqual(['编号', '罚款', '程序', '复杂', '结果']);
    expect(sheet.rows).toEqual([
      [7, '20000；5000', '普通', '是', ''],
      [8, '', 'summary', '否', 'penalty'],
      [9, '', 'summary', '否', 'penalty'],
    ]);
    // Reported once per value, however many rows hold it.
    expect(unmapped).toEqual([{ sheet: '案件', header: '程序', value: 'summary' }]);
  });

  it('keeps each item of a list in its place, an empty one included, so two columns line up', () => {
    const unmapped: UnmappedCode[] = [];
    const sheet = mapSheet(
      {
        table: 'cases',
        sheet: '案件',
        columns: [
          { field: 'violations.violatedProvision', header: '违反条款', join: '；' },
          { field: 'violations.penaltyProvision', header: '处罚依据', join: '；' },
          { field: 'procedure', header: '程序', codes: { ordinary: '普通' }, join: '；' },
        ],
      },
      [
        {
          violations: [
            { violatedProvision: 'A', penaltyProvision: '' },
            { violatedProvision: 'B', penaltyProvision: 'Y' },
          ],
          procedure: 'constructor',
        },
      ],
      unmapped,
    );
    expect(sheet.rows).toEqual([['A；B', '；Y', 'constructor']]);
    // A name every object has is no code.
    expect(unmapped).toEqual([{ sheet: '案件', header: '程序', value: 'constructor' }]);
  });
});
