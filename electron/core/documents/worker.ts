import { parentPort } from 'node:worker_threads';
import type { WorkerTask } from './pool.ts';
import { renderPdf } from './render.ts';

// pdf-lib takes about 200 ms to load: only a worker asked to count or bind a case file's pages pays for it, never the
// first document's preview.
const binding = () => import('./binding.ts');
const excel = () => import('../modules/enterprises/excel.ts');
const unpack = () => import('../modules/backups/unpack.ts');
const verify = () => import('../modules/exports/verify.ts');

/** The render worker: a task in (pool.ts), its result or a coded error out. */
async function perform(id: number, task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case 'render':
      return new Uint8Array(await renderPdf(task.spec));
    case 'pages':
      return (await binding()).pdfPages(task.pdfs);
    case 'bind':
      return (await binding()).bindFile(task.plan);
    case 'verify-package':
      return (await verify()).verifyPackageFile(task.file);
    case 'data-package':
      return (await unpack()).unpackDataPackage(task.zip, task.db, task.stage);
    case 'ledger': {
      const { BadWorkbook, readLedgerWorkbook } = await excel();
      try {
        return await readLedgerWorkbook(Buffer.from(task.data), (done, total) =>
          parentPort!.postMessage({ id, progress: { done, total } }),
        );
      } catch (e) {
        if (e instanceof BadWorkbook)
          throw Object.assign(new Error(e.reason), {
            code: 'IMPORT_BAD_FILE',
            details: { reason: `importFile.${e.reason}`, columns: e.columns?.join('、') },
          });
        throw e;
      }
    }
  }
}

parentPort!.on('message', async ({ id, task }: { id: number; task: WorkerTask }) => {
  try {
    parentPort!.postMessage({ id, ok: true, result: await perform(id, task) });
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
