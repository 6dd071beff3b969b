import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/base/errors.ts';
import type { DocumentSpec } from '../../../shared/documents/layout.ts';
import type { BindPlan } from './binding.ts';
import type { LedgerRead } from '../modules/enterprises/excel.ts';
import type { UnpackedPackage } from '../modules/backups/unpack.ts';
import type { PackageReport } from '../../../shared/entities/export-package.ts';

/**
 * Work on files off the thread that answers the UI — rendering documents, binding case files, reading workbooks — in
 * one long-lived worker by default: it parses each face once and keeps it (fonts.ts), so a warm document costs tens
 * of milliseconds. A second worker holds its own faces (about 40 MiB more) and made a batch of twenty no faster on
 * the bench's two cores (`npm run bench`, documents.batchOfTwentyMs), so more are taken only when asked for. Workers
 * start on first use and stay.
 */
/**
 * What the worker does: render a spec, count the pages of PDFs to be filed, bind a case file (binding.ts), or read a
 * ledger workbook (enterprises/excel.ts), unpack and check a data package (backups/unpack.ts), or check an upload
 * package (exports/verify.ts).
 */
export type WorkerTask =
  | { kind: 'render'; spec: DocumentSpec }
  | { kind: 'pages'; pdfs: Uint8Array[] }
  | { kind: 'bind'; plan: BindPlan }
  | { kind: 'ledger'; data: Uint8Array }
  | { kind: 'data-package'; zip: string; db: string; stage: string }
  | { kind: 'verify-package'; file: string };
interface Job {
  id: number;
  task: WorkerTask;
  resolve(result: unknown): void;
  reject(e: unknown): void;
  progress?(done: number, total: number): void;
}
/** Errors the worker's work may end in that the user is told as they are; anything else is a failed rendering. */
const PASSED_ON: ErrorCode[] = ['DOCUMENT_GLYPH_MISSING', 'IMPORT_BAD_FILE', 'DATA_PACKAGE_BAD'];

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

  constructor(size = 1) {
    this.size = size;
  }

  render(spec: DocumentSpec): Promise<Buffer> {
    return this.run({ kind: 'render', spec }).then((pdf) => Buffer.from(pdf as Uint8Array));
  }

  /** Pages in each PDF as a case file would hold them; null for one that cannot be filed (encrypted, broken). */
  pdfPages(pdfs: Uint8Array[]): Promise<(number | null)[]> {
    return this.run({ kind: 'pages', pdfs }) as Promise<(number | null)[]>;
  }

  bind(plan: BindPlan): Promise<Buffer> {
    return this.run({ kind: 'bind', plan }).then((pdf) => Buffer.from(pdf as Uint8Array));
  }

  /** A ledger workbook read and checked row by row (IMPORT_BAD_FILE when it cannot be), with its progress. */
  readLedger(data: Uint8Array, progress?: (done: number, total: number) => void): Promise<LedgerRead> {
    return this.run({ kind: 'ledger', data }, progress) as Promise<LedgerRead>;
  }

  /** A data package at `zip` unpacked (its database to `db`, its files under `stage`) and its database checked. */
  unpackDataPackage(zip: string, db: string, stage: string): Promise<UnpackedPackage> {
    return this.run({ kind: 'data-package', zip, db, stage }) as Promise<UnpackedPackage>;
  }

  /** An upload package checked from its file alone, as the receiving side would (exports/verify.ts). */
  verifyPackage(file: string): Promise<PackageReport> {
    return this.run({ kind: 'verify-package', file }) as Promise<PackageReport>;
  }

  private run(task: WorkerTask, progress?: Job['progress']): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError('RENDER_FAILED'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject, progress });
      this.pump();
    });
  }

  private spawn(): Worker {
    // A bounded heap makes the worker collect a batch's garbage sooner (the app's peak RSS target is 400 MiB).
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 320 } });
    worker.unref();
    worker.on(
      'message',
      (msg: {
        id: number;
        ok: boolean;
        result?: unknown;
        code?: ErrorCode;
        details?: Record<string, unknown>;
        progress?: { done: number; total: number };
      }) => {
        // How far a long task has got: the task goes on.
        if (msg.progress) return this.running.get(worker)?.progress?.(msg.progress.done, msg.progress.total);
        const job = this.running.get(worker);
        this.running.delete(worker);
        this.idle.push(worker);
        if (job) {
          if (msg.ok) job.resolve(msg.result);
          else
            job.reject(
              new AppError(msg.code && PASSED_ON.includes(msg.code) ? msg.code : 'RENDER_FAILED', msg.details),
            );
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
      worker.postMessage({ id: job.id, task: job.task });
    }
    for (const w of this.idle) w.unref();
  }

  /** Each worker's V8 heap in use, MiB (the bench's figure: worker threads share the process's RSS). */
  async heapsMiB(): Promise<number[]> {
    const workers = [...this.all];
    // An idle worker is unref'd: held while it answers, or the process could exit mid-question.
    for (const w of workers) w.ref();
    try {
      const stats = await Promise.all(workers.map((w) => w.getHeapStatistics()));
      return stats.map((s) => Math.round(s.used_heap_size / 2 ** 20));
    } finally {
      for (const w of this.idle) w.unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AppError('RENDER_FAILED'));
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }
}
