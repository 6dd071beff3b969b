/**
 * An ECharts option drawn as SVG on the server, without a browser. ECharts numbers its elements' classes and ids by
 * instances made in the process; they are renumbered in order of appearance, so the same option gives the same
 * bytes every time (a report made again from the same figures is byte-identical).
 *
 * ECharts is loaded the first time a chart is drawn, not when the core starts: it takes about a second to load.
 */
let loaded: Promise<typeof import('echarts')> | null = null;

export async function chartSvg(option: Record<string, unknown>, width: number, height: number): Promise<string> {
  const echarts = await (loaded ??= import('echarts'));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    const names = new Map<string, string>();
    return chart.renderToSVGString().replace(/zr\d+-[\w-]+/g, (name) => {
      if (!names.has(name)) names.set(name, `e${names.size}`);
      return names.get(name)!;
    });
  } finally {
    chart.dispose();
  }
}
