import { describe, expect, it } from 'vitest';
import { plainDataIssues } from '../../shared/base/plain-data.ts';

describe('plain data at the contract (issue 23)', () => {
  it('passes what JSON carries', () => {
    expect(plainDataIssues({ a: [1, 'x', true, null, { b: -0.5 }], c: undefined })).toEqual([]);
    expect(plainDataIssues(undefined)).toEqual([]);
    expect(plainDataIssues(Object.create(null))).toEqual([]);
  });

  it('names the first value JSON cannot carry', () => {
    expect(plainDataIssues({ fields: { fine: 10n } })).toEqual([
      { path: ['fields', 'fine'], key: 'validation.notPlainData' },
    ]);
    expect(plainDataIssues({ at: new Date(0) })).toEqual([{ path: ['at'], key: 'validation.notPlainData' }]);
    expect(plainDataIssues({ m: new Map() })).toEqual([{ path: ['m'], key: 'validation.notPlainData' }]);
    expect(plainDataIssues([Number.NaN])).toEqual([{ path: [0], key: 'validation.notPlainData' }]);
    expect(plainDataIssues({ f: () => 1 })).toEqual([{ path: ['f'], key: 'validation.notPlainData' }]);
  });

  it('stops at a cycle and at any depth of nesting without overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(plainDataIssues({ fields: cyclic })[0]).toMatchObject({ key: 'validation.tooDeep', params: { max: 64 } });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(plainDataIssues(deep)[0]).toMatchObject({ key: 'validation.tooDeep' });
    expect(
      plainDataIssues(
        Array.from({ length: 11 }, () => ({})),
        { depth: 64, nodes: 10 },
      )[0],
    ).toMatchObject({
      key: 'validation.tooComplex',
    });
  });
});
