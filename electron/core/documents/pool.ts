import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/base/errors.ts';
import type { DocumentSpec } from '../../../shared/documents/layout.ts';

/**
 * Rendering off the thread that answers the UI: a pool of worker threads sized to the machine
 * (cores − 1, at least one: one worker on two cores). Workers start on first use and stay.
 */
interface Job {
  id: number;
  spec: DocumentSpec;
  resolve(pdf: Buffer): void;
  reject(e: unknown): void;
}

// In development the worker is TypeScript beside this file; in the bundled app it is render-worker.mjs.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './render-worker.mjs', import.meta.url);

export class RenderPool {
  private readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;
  private closed = false;

  constructor(size = Math.max(1, os.availableParallelism() - 1)) {
    this.size = size;
  }

  render(spec: DocumentSpec): Promise<Buffer> {
    if (this.closed) return Promise.reject(new AppError('RENDER_FAILED'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, spec, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    // A bounded heap makes the worker collect garbage sooner: pdfkit re-parses fonts for every
    // document, and without a bound the heap balloons past what a batch needs (peak RSS target 400 MB).
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 320 } });
    worker.unref();
    worker.on(
      'message',
      (msg: { id: number; ok: boolean; pdf?: Uint8Array; code?: ErrorCode; details?: Record<string, unknown> }) => {
        const job = this.running.get(worker);
        this.running.delete(worker);
        this.idle.push(worker);
        if (job) {
          if (msg.ok && msg.pdf) job.resolve(Buffer.from(msg.pdf));
          else
            job.reject(new AppError(msg.code === 'DOCUMENT_GLYPH_MISSING' ? msg.code : 'RENDER_FAILED', msg.details));
        }
        this.pump();
      },
    );
    worker.on('error', (e) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.all.delete(worker);
      job?.reject(new AppError('RENDER_FAILED', { reason: e.message }));
      this.pump();
    });
    this.all.add(worker);
    return worker;
  }

  private pump(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.all.size < this.size ? this.spawn() : null);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, spec: job.spec });
    }
    for (const w of this.idle) w.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AppError('RENDER_FAILED'));
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }
}
