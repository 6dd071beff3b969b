import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/base/errors.ts';
import { type JobProgressEvent, Jobs } from '../../electron/core/jobs/jobs.ts';

/** Long-running work (electron/core/jobs): progress on the core's events, cancellation at the next checkpoint. */
describe('jobs', () => {
  it('reports progress under its id and is gone from the running list once done', async () => {
    const events = new EventEmitter();
    const seen: JobProgressEvent[] = [];
    events.on('event', (e: JobProgressEvent) => seen.push(e));
    const jobs = new Jobs(events);
    let id = '';
    const result = await jobs.run('count', async (job) => {
      id = job.id;
      expect(jobs.running).toEqual([id]);
      for (let i = 1; i <= 3; i++) job.progress('step', i, 3);
      return 'done';
    });
    expect(result).toBe('done');
    expect(id).toMatch(/^count:[0-9a-f-]{36}$/);
    expect(seen).toEqual([1, 2, 3].map((done) => ({ type: 'job-progress', job: id, phase: 'step', done, total: 3 })));
    expect(jobs.running).toEqual([]);
    expect(jobs.cancel(id)).toBe(false);
  });

  it('stops at the next checkpoint when cancelled, with JOB_CANCELLED, and runs nothing after it', async () => {
    const jobs = new Jobs(new EventEmitter());
    const steps: number[] = [];
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    const running = jobs.run(
      'batch',
      async (job) => {
        for (let i = 0; i < 5; i++) {
          job.checkpoint();
          steps.push(i);
          if (i === 1) await paused;
        }
      },
      'batch:fixed',
    );
    await Promise.resolve();
    expect(jobs.cancel('batch:fixed')).toBe(true);
    release();
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('JOB_CANCELLED');
    expect(steps).toEqual([0, 1]);
    expect(jobs.running).toEqual([]);
  });
});
