/**
 * One side of the bench's side-by-side render timings, in a process of its own so its CPU time is its own: the
 * other side's garbage is never collected on this side's clock. Renders a spec as asked ('ours' through the render
 * module, 'naive' through plain pdfmake given the font files) and answers with its CPU and wall milliseconds.
 */
import { renderPdf } from '../../electron/core/documents/render.ts';
import type { DocumentSpec } from '../../shared/documents/layout.ts';
import { naiveRender } from '../support/naive-render.ts';

const mode = process.argv[2] as 'ours' | 'naive';
const render = mode === 'ours' ? renderPdf : naiveRender;

process.on('message', async (spec: DocumentSpec) => {
  const u = process.cpuUsage();
  const t = process.hrtime.bigint();
  const pdf = await render(spec);
  const c = process.cpuUsage(u);
  process.send!({
    cpu: (c.user + c.system) / 1000,
    wall: Number(process.hrtime.bigint() - t) / 1e6,
    pages: Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0),
    rssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
});
process.send!('ready');
