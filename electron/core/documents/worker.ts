import { parentPort } from 'node:worker_threads';
import type { DocumentSpec } from '../../../shared/documents/layout.ts';
import { renderPdf } from './render.ts';

/** The render worker: one DocumentSpec in, PDF bytes (or a coded error) out. */
parentPort!.on('message', async ({ id, spec }: { id: number; spec: DocumentSpec }) => {
  try {
    const pdf = await renderPdf(spec);
    parentPort!.postMessage({ id, ok: true, pdf: new Uint8Array(pdf) });
  } catch (e) {
    const err = e as { code?: string; details?: unknown; message?: string };
    parentPort!.postMessage({
      id,
      ok: false,
      code: err.code ?? 'RENDER_FAILED',
      details: err.details,
      message: err.message,
    });
  }
});
