import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceDir } from '../../electron/core/workspaces.ts';
import { call, newCore, setUp, tempDir } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts');

/** The CLI, as a second OS process on the same database file as the test's own core (the app). */
function run(dataRoot: string, inspectionId: number, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      CLI,
      'documents',
      'issue',
      '--type',
      'inspection-record',
      '--inspection',
      String(inspectionId),
      '--count',
      String(count),
      '--data-dir',
      dataRoot,
    ]);
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(err)),
    );
  });
}

describe('document numbers across processes', () => {
  it('gives the app and the CLI, issuing 100 documents each into one file, distinct gap-free numbers', async () => {
    const dataRoot = tempDir();
    const core = await newCore({ dataDir: workspaceDir(dataRoot, 'real') });
    try {
      const token = await setUp(core);
      const { inspection } = await inspectionReady(core, token);
      const mine = (async () => {
        const numbers: string[] = [];
        for (let i = 0; i < 100; i++) {
          const d = await call(
            core,
            'documents:create',
            { type: 'inspection-record', inspectionId: inspection.id },
            token,
          );
          numbers.push((await call(core, 'documents:issue', { id: d.id, version: d.version }, token)).numberText!);
        }
        return numbers;
      })();
      const [a, b] = await Promise.all([mine, run(dataRoot, inspection.id, 100)]);
      const serials = [...a, ...b].map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((x, y) => x - y);
      expect(serials).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      // Both really ran at once: each got numbers from across the range, not one block after the other.
      const firstOther = Math.min(...b.map((n) => Number(/〕(\d+)号$/.exec(n)![1])));
      expect(firstOther).toBeLessThan(100);
    } finally {
      await core.close();
    }
  }, 180_000);
});
