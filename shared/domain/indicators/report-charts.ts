import type { ReportView } from './report.ts';

/**
 * The printed report's charts as ECharts options (the core draws them as SVG, the PDF embeds them as vectors). Text
 * in `font`, a font family of the document's set, so the chart prints in the official fonts; no animation, and no
 * white outline on labels (the PDF would show it as white text).
 */
const base = (font: string) => ({
  animation: false,
  textStyle: { fontFamily: font, fontSize: 11, color: '#222' },
  color: ['#1f4e79', '#c55a11', '#548235', '#7f6000'],
});

/** This year's 检查次数 month by month against last year's (months with no figure are left blank, not 0). */
export function trendOption(view: ReportView, font: string, id = 'inspections', name = '检查次数（家次）') {
  const series = view.trend.series.find((s) => s.id === id)!;
  const year = Number(view.period.to.slice(0, 4));
  return {
    ...base(font),
    title: { text: `${name}逐月对比`, left: 'center', textStyle: { fontFamily: font, fontSize: 13 } },
    legend: { bottom: 0, textStyle: { fontFamily: font } },
    grid: { left: 40, right: 20, top: 36, bottom: 44 },
    xAxis: {
      type: 'category',
      data: view.trend.months.map((m) => `${Number(m)}月`),
      axisLabel: { fontFamily: font, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: font } },
    series: [
      {
        type: 'line',
        name: `${year}年`,
        data: series.thisYear,
        label: { show: true, fontFamily: font, textBorderColor: 'transparent' },
      },
      { type: 'line', name: `${year - 1}年`, data: series.lastYear, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** The sectors side by side: 检查次数, 发现隐患数, 立案数 of each (top-level rows of the breakdown). */
export function sectorOption(view: ReportView, font: string, names: Record<string, string>) {
  const rows = view.breakdowns.sector.rows.filter((r) => r.parent === null);
  const ids = ['inspections', 'hazards', 'cases-filed'];
  return {
    ...base(font),
    title: { text: '分行业检查、隐患和立案', left: 'center', textStyle: { fontFamily: font, fontSize: 13 } },
    legend: { bottom: 0, textStyle: { fontFamily: font } },
    grid: { left: 80, right: 30, top: 36, bottom: 44 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: font } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label || '其他'),
      axisLabel: { fontFamily: font },
    },
    series: ids.map((id) => ({
      type: 'bar',
      name: names[id] ?? id,
      data: rows.map((r) => r.values[id] ?? 0),
      // A bar of nothing says nothing: no 0 printed beside it.
      label: {
        show: true,
        position: 'right',
        fontFamily: font,
        textBorderColor: 'transparent',
        formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
      },
    })),
  };
}
