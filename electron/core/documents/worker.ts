import { parentPort } from 'node:worker_threads';
import type { WorkerTask } from './pool.ts';
import { renderPdf } from './render.ts';

// pdf-lib takes about 200 ms to load: only a worker asked to count or bind a case file's pages pays for it, never the
// first document's preview.
const binding = () => import('./binding.ts');

/** The render worker: a task in (pool.ts), its result or a coded error out. */
async function perform(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case 'render':
      return new Uint8Array(await renderPdf(task.spec));
    case 'pages':
      return (await binding()).pdfPages(task.pdfs);
    case 'bind':
      return (await binding()).bindFile(task.plan);
  }
}

parentPort!.on('message', async ({ id, task }: { id: number; task: WorkerTask }) => {
  try {
    parentPort!.postMessage({ id, ok: true, result: await perform(task) });
  } catch (e) {
    const err = e as { code?: string; details?: unknown; message?: string };
    parentPort!.postMessage({
      id,
      ok: false,
      code: err.code ?? 'RENDER_FAILED',
      details: err.details ?? { reason: err.message },
      message: err.message,
    });
  }
});
