import type { ValidationIssue } from './errors.ts';

/**
 * What may come in through the contract: plain data as JSON carries it (objects, arrays, strings, finite numbers,
 * booleans, null). Electron's IPC clones more than JSON can hold — a cycle, a BigInt, a Map, a Date — and a value
 * like that reached a handler and failed as INTERNAL when it was saved. Walked without recursion, so no depth of
 * nesting can overflow the stack; bounded in depth and size, so no input can hold the core for long.
 */
export const PLAIN_DATA_LIMITS = { depth: 64, nodes: 1_000_000 };

export function plainDataIssues(input: unknown, limits = PLAIN_DATA_LIMITS): ValidationIssue[] {
  // A cycle never ends: it is caught by the depth bound, which JSON's own data never comes near.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let nodes = 0;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (++nodes > limits.nodes) return [{ path: [], key: 'validation.tooComplex', params: { max: limits.nodes } }];
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return [{ path, key: 'validation.notPlainData' }];
      continue;
    }
    if (typeof value !== 'object') return [{ path, key: 'validation.notPlainData' }];
    const proto = Object.getPrototypeOf(value) as unknown;
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null)
      return [{ path, key: 'validation.notPlainData' }];
    if (path.length >= limits.depth)
      return [{ path: path.slice(0, 8), key: 'validation.tooDeep', params: { max: limits.depth } }];
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [k, v] of entries) stack.push({ value: v, path: [...path, k] });
  }
  return [];
}
