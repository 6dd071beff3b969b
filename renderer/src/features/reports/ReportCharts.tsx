import { Card, Col, Empty, Row, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, ReportView } from '../../../../shared/api/channels/reports.ts';
import { TREND_IDS } from '../../../../shared/domain/indicators/report.ts';
import type { IndicatorValue } from '../../../../shared/domain/indicators/values.ts';
import { Chart, type ChartOption } from './Chart.tsx';
import { useFigureText } from './figure-text.ts';
import { englishMonth, groupDigits, isYuanKind, pieSlices, rowName, topLevel } from './report-format.ts';

const HEIGHT = 260;
/** The sector chart's three counts, stacked. */
const SECTOR_IDS = ['inspections', 'hazards', 'cases-filed'] as const;
const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#13c2c2', '#722ed1', '#a0d911', '#faad14'];
const AXIS_FONT = { fontSize: 11 };

/** The trend month by month against last year, and the sectors side by side and as shares of the inspections. */
export function ReportCharts({ view }: { view: ReportView }) {
  return (
    <Row gutter={16} data-testid="reports-charts">
      <Col span={10}>
        <TrendChart view={view} />
      </Col>
      <Col span={8}>
        <SectorBars view={view} />
      </Col>
      <Col span={6}>
        <SectorPie view={view} />
      </Col>
    </Row>
  );
}

function useSectorName() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (row: BreakdownRow) => {
      const n = rowName('sector', row, i18n.language);
      return 'key' in n ? t(`reports.breakdown.${n.key}`) : n.text;
    },
    [t, i18n.language],
  );
}

function TrendChart({ view }: { view: ReportView }) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  const [id, setId] = useState<string>('inspections');
  const year = Number(view.period.to.slice(0, 4));
  const series = view.trend.series.find((s) => s.id === id) ?? view.trend.series[0];
  const kind: IndicatorValue['kind'] = view.figures.find((f) => f.id === series?.id)?.kind ?? 'count';
  const noLastYear = !series || series.lastYear.every((v) => v === null);
  const option = useMemo((): ChartOption => {
    const en = i18n.language === 'en';
    const months = view.trend.months.map((m) => (en ? englishMonth(Number(m), 'short') : `${Number(m)}月`));
    const yuan = isYuanKind(kind);
    return {
      animation: false,
      color: ['#1677ff', '#bfbfbf'],
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 16, textStyle: AXIS_FONT },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? text.value(kind, v) : '—'),
      },
      xAxis: { type: 'category', data: months, axisLabel: AXIS_FONT, boundaryGap: false },
      yAxis: {
        type: 'value',
        minInterval: yuan ? undefined : 1,
        axisLabel: { ...AXIS_FONT, formatter: (v: number) => (yuan ? groupDigits(v) : String(v)) },
      },
      series: series
        ? [
            {
              type: 'line',
              name: t('reports.charts.year', { year }),
              data: series.thisYear,
              connectNulls: false,
              symbolSize: 6,
            },
            {
              type: 'line',
              name: t('reports.charts.year', { year: year - 1 }),
              data: series.lastYear,
              connectNulls: false,
              symbolSize: 6,
              lineStyle: { type: 'dashed' },
            },
          ]
        : [],
    };
  }, [view.trend.months, series, kind, year, t, i18n.language, text]);
  return (
    <Card
      size="small"
      title={t('reports.charts.trend')}
      style={{ height: '100%' }}
      data-testid="reports-trend"
      extra={
        <Select
          size="small"
          value={series?.id}
          onChange={setId}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          options={TREND_IDS.map((x) => ({ value: x, label: text.name(x) }))}
          data-testid="reports-trend-series"
        />
      }
    >
      <Chart option={option} height={HEIGHT} testId="reports-trend-chart" />
      {noLastYear && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="reports-trend-no-last-year">
          {t('reports.charts.noLastYear', { year: year - 1 })}
        </Typography.Text>
      )}
    </Card>
  );
}

function SectorBars({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const sectorName = useSectorName();
  const rows = useMemo(() => topLevel(view.breakdowns.sector.rows), [view]);
  const option = useMemo(
    (): ChartOption => ({
      animation: false,
      color: PALETTE,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 14, textStyle: AXIS_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // Sectors down the side: their names read whole, in either language.
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(sectorName),
        axisLabel: { ...AXIS_FONT, width: 96, overflow: 'break' },
      },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_FONT },
      series: SECTOR_IDS.map((id) => ({
        type: 'bar',
        stack: 'all',
        name: text.name(id),
        data: rows.map((r) => r.values[id] ?? 0),
        barMaxWidth: 22,
      })),
    }),
    [rows, sectorName, text],
  );
  const empty = rows.every((r) => SECTOR_IDS.every((id) => !r.values[id]));
  return (
    <Card size="small" title={t('reports.charts.sectors')} style={{ height: '100%' }} data-testid="reports-sectors">
      {empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('reports.charts.nothing')}
          style={{ height: HEIGHT - 16 }}
        />
      ) : (
        <Chart option={option} height={HEIGHT} testId="reports-sectors-chart" />
      )}
    </Card>
  );
}

function SectorPie({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const sectorName = useSectorName();
  const rows = useMemo(() => topLevel(view.breakdowns.sector.rows), [view]);
  const slices = useMemo(() => pieSlices(rows, 'inspections'), [rows]);
  const option = useMemo(
    (): ChartOption => ({
      animation: false,
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      // Below the ring, on as many lines as the sectors' names take.
      legend: { bottom: 0, itemWidth: 12, itemHeight: 10, itemGap: 8, textStyle: AXIS_FONT },
      series: [
        {
          type: 'pie',
          radius: ['36%', '62%'],
          center: ['50%', '40%'],
          // Each share on its slice: outside the ring the labels would not fit a quarter of the row.
          label: { position: 'inside', formatter: '{d}%', fontSize: 11, color: '#fff' },
          labelLine: { show: false },
          minShowLabelAngle: 20,
          data: slices.map((s) => ({ name: sectorName(rows.find((r) => r.key === s.key)!), value: s.value })),
        },
      ],
    }),
    [rows, slices, sectorName],
  );
  return (
    <Card size="small" title={t('reports.charts.share')} style={{ height: '100%' }} data-testid="reports-share">
      {slices.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('reports.charts.noInspections')}
          style={{ height: HEIGHT - 16 }}
        />
      ) : (
        <Chart option={option} height={HEIGHT} testId="reports-share-chart" />
      )}
    </Card>
  );
}
