import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportView } from '../../../shared/api/channels/reports.ts';
import { FIGURE_GROUPS, type ReportFigure } from '../../../shared/domain/indicators/report.ts';
import { periodName, reportText } from '../../../shared/domain/indicators/report-text.ts';
import { reportDocument } from '../../../shared/entities/report-document.ts';

const wording = reportDocument.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/report-document.json'), 'utf8'),
  ),
);

const figure = (id: string, value: number | null, more: Partial<ReportFigure> = {}): ReportFigure => ({
  id,
  group: 'inspections',
  kind: 'count',
  value,
  numerator: null,
  denominator: null,
  unavailable: null,
  previous: { value: null, source: 'none', change: null },
  lastYear: { value: null, source: 'none', change: null, entered: null },
  target: null,
  ...more,
});

describe('the report’s text', () => {
  it('names a period as an official text does', () => {
    expect(periodName({ from: '2026-10-01', to: '2026-12-31' })).toBe('2026年第四季度');
    expect(periodName({ from: '2026-11-01', to: '2026-11-30' })).toBe('2026年11月');
    expect(periodName({ from: '2026-01-01', to: '2026-12-31' })).toBe('2026年');
    expect(periodName({ from: '2026-10-01', to: '2026-11-25' })).toBe('2026年10月1日至11月25日');
    expect(periodName({ from: '2025-12-01', to: '2026-01-15' })).toBe('2025年12月1日至2026年1月15日');
  });

  it('takes every number from the figures, says 同比 only where last year is known, and names what was typed', () => {
    const view = {
      period: { from: '2026-07-01', to: '2026-09-30', kind: 'quarter' },
      asOf: '2026-10-15',
      versions: { enforcement: '2026.1', rules: '2026-1（示例）' },
      figures: [
        figure('enterprises-inspected', 12),
        figure('inspections', 30, {
          lastYear: { value: 24, source: 'records', change: 25, entered: null },
          target: {
            target: {
              indicator: 'inspections',
              kind: 'yoy',
              op: '>',
              value: 0,
              annual: false,
              due: null,
              basis: '',
              uncertain: true,
            },
            status: 'met',
            actual: 25,
          },
        }),
        figure('random-share', 20, { kind: 'ratio' }),
        figure('hazards', 8, {
          lastYear: {
            value: 10,
            source: 'entered',
            change: -20,
            entered: { value: 10, enteredBy: '管理员', enteredAt: '2026-10-02T01:00:00.000Z', note: '' },
          },
        }),
        figure('major-hazards', 1),
        figure('hazards-rectified', null, { kind: 'ratio' }),
        figure('cases-filed', 4, { lastYear: { value: 4, source: 'partial', change: 0, entered: null } }),
        figure('decisions', 3),
        figure('decisions-unit', 2),
        figure('decisions-person', 1),
        figure('penalty-rate', 10, { kind: 'quotient' }),
        figure('fines', 42000, { kind: 'sum' }),
        figure('fines-accident', 0, { kind: 'sum' }),
        figure('fines-collected', 40000, { kind: 'sum' }),
        figure('key-coverage', null, { kind: 'ratio', unavailable: 'indicators.unavailable.noPlan' }),
        figure('typical-cases', 50, {
          kind: 'rate',
          target: {
            target: {
              indicator: 'typical-cases',
              kind: 'min',
              op: '>=',
              value: 100,
              annual: false,
              due: null,
              basis: '',
              uncertain: false,
            },
            status: 'missed',
            actual: 50,
          },
        }),
      ],
    } as unknown as ReportView;
    const text = reportText(
      view,
      wording,
      { agencyName: '宣汉县应急管理局', squadName: '宣汉县应急管理综合行政执法大队' },
      'ab'.repeat(32),
    );
    // The agency heads the page; the title names the period.
    expect(text.title).toBe('2026年第三季度安全生产执法工作情况通报');
    expect(text.overall).toBe(
      '2026年第三季度，宣汉县应急管理综合行政执法大队共检查企业12家、30家次，同比上升25.0%，其中双随机抽查占20.0%；' +
        '发现事故隐患8项，同比下降20.0%，其中重大事故隐患1项，到期隐患整改率（无数据）；' +
        '立案4件，作出行政处罚决定3份（对单位2份、对个人1份），处罚率10.0%；' +
        '决定罚款42000元（其中事故调查处罚0元），收缴罚款40000元。',
    );
    expect(text.plan).toBe('本年度尚无经批准的执法计划。');
    expect(text.targets).toBe('未达到目标的指标：典型案例报送率。');
    expect(text.entered).toBe(
      '注：去年同期数据中，发现隐患数为管理员手工录入（管理员，2026年10月2日），其余取自本软件的记录。',
    );
    expect(text.notes).toContain('数据截至2026年9月30日');
    expect(text.hash).toBe('数据摘要（SHA-256前16位）：abababababababab');
  });

  it('has a printed name for every figure of the report', () => {
    for (const id of FIGURE_GROUPS.flatMap((g) => g.figures)) expect(wording.names[id], id).toBeTruthy();
  });
});
