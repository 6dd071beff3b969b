import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/base/errors.ts';
import { resources } from '../../shared/i18n/resources.ts';
import { FIGURE_GROUPS } from '../../shared/domain/indicators/report.ts';

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const zh = flatten(resources['zh-CN'].translation as unknown as Tree);
const en = flatten(resources.en.translation as unknown as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Keys that reach the UI as data (from the core and the pure rules), not as literals the compiler sees. */
function keysInSource(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(
      /'((?:validation|import\.reasons|calendar\.importErrors|importFile|dataPackage|documents\.rules|cases\.rules|inspection\.plan|plans\.(?:draw|blockers|rules)|reports\.rules|indicators\.(?:excluded|unavailable|note))\.[\w.]+)'/g,
    ))
      found.add(m[1]);
  }
  return found;
}

describe('locales', () => {
  it('English has exactly the keys of Chinese, with the same placeholders', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, v] of zh) expect(placeholders(en.get(k)!), k).toEqual(placeholders(v));
  });

  it('every error code has a message', () => {
    for (const code of ERROR_CODES) {
      expect(zh.has(`errors.${code}`), code).toBe(true);
      expect(en.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('every figure of the report has its name and its 口径', () => {
    for (const id of FIGURE_GROUPS.flatMap((g) => g.figures)) {
      const base = id.endsWith('-complete') ? `indicators.${id}` : `indicators.enforcement.${id}`;
      for (const part of ['name', 'definition']) expect(zh.has(`${base}.${part}`), `${base}.${part}`).toBe(true);
    }
  });

  it('every message key the core and rules emit exists', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const keys = new Set([...keysInSource(path.join(root, 'shared')), ...keysInSource(path.join(root, 'electron'))]);
    expect(keys.size).toBeGreaterThan(20);
    for (const k of keys) expect(zh.has(k), k).toBe(true);
  });
});
