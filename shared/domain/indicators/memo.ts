/**
 * What the dictionary derives from a list of records alone (an index by id, the list sorted, each case's 立案 day),
 * made once per list: the same records are counted for a period, its comparisons and each month of a trend. The lists
 * are never changed in place, and what is kept here is only read.
 */
const derived = new WeakMap<object, Map<string, unknown>>();
export function once<T>(list: object, what: string, make: () => T): T {
  let kept = derived.get(list);
  if (!kept) derived.set(list, (kept = new Map()));
  if (!kept.has(what)) kept.set(what, make());
  return kept.get(what) as T;
}
