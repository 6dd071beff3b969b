import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { AppError } from '../../../shared/base/errors.ts';

/**
 * 后台任务: work that takes longer than a glance — reading a ledger workbook and writing its rows today;
 * next a batch of reviews, an upload package, a quarterly report. A job tells the screens how far it has
 * got (`job-progress` events, which the hosts forward). A job that yields between its steps can be
 * cancelled: it stops at its next checkpoint with JOB_CANCELLED, having written nothing it was still to
 * commit. The ledger import does not yet yield (its rows are read in one synchronous pass), so no screen
 * offers to cancel it; the first job that does brings the channel and the button.
 */
export interface Job {
  readonly id: string;
  progress(phase: string, done: number, total: number): void;
  /** Throws JOB_CANCELLED once the job was cancelled: called between steps, never inside a transaction's writes. */
  checkpoint(): void;
  readonly signal: AbortSignal;
}

export interface JobProgressEvent {
  type: 'job-progress';
  job: string;
  phase: string;
  done: number;
  total: number;
}

export class Jobs {
  readonly #running = new Map<string, AbortController>();
  readonly #events: EventEmitter;

  constructor(events: EventEmitter) {
    this.#events = events;
  }

  /** Runs `work` as the job `kind:<uuid>` (or the id given, when the screen must know it beforehand). */
  async run<T>(kind: string, work: (job: Job) => Promise<T>, id = `${kind}:${randomUUID()}`): Promise<T> {
    // An id in use would take over the other job's cancel: refused.
    if (this.#running.has(id))
      throw new AppError('VALIDATION', { issues: [{ path: ['job'], key: 'validation.jobRunning' }] });
    const controller = new AbortController();
    this.#running.set(id, controller);
    const events = this.#events;
    const job: Job = {
      id,
      signal: controller.signal,
      progress(phase, done, total) {
        events.emit('event', { type: 'job-progress', job: id, phase, done, total } satisfies JobProgressEvent);
      },
      checkpoint() {
        if (controller.signal.aborted) throw new AppError('JOB_CANCELLED', { job: id });
      },
    };
    try {
      return await work(job);
    } finally {
      this.#running.delete(id);
    }
  }

  /** Asks a running job to stop; false when no such job is running (finished, or never started). */
  cancel(id: string): boolean {
    const controller = this.#running.get(id);
    controller?.abort();
    return !!controller;
  }

  get running(): string[] {
    return [...this.#running.keys()];
  }
}
