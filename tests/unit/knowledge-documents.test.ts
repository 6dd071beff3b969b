import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../shared/documents/registry.ts';

const catalogue = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/knowledge/documents.json'), 'utf8'),
) as { types: { id: string; name: string; code: string | null; internal: boolean; codeUncertain?: boolean }[] };

describe('the document catalogue', () => {
  it('numbers every decision that binds the party, so it is cited by its 文号 and listed on the 送达回执', () => {
    const binding = catalogue.types.filter(
      (t) => !t.internal && /决定书|催告书|移送书|听证会通知书|告知书|指令书|意见书|批准书/.test(t.name),
    );
    expect(binding.length).toBeGreaterThan(15);
    expect(binding.filter((t) => !t.code).map((t) => t.name)).toEqual([]);
  });

  it('gives each 代字 to one type (two types of one name share it: the 单位 and 个人 forms of a decision)', () => {
    const byCode = new Map<string, Set<string>>();
    for (const t of catalogue.types.filter((x) => x.code))
      byCode.set(t.code!, (byCode.get(t.code!) ?? new Set()).add(t.name.replace(/（(单位|个人)）$/, '')));
    expect([...byCode].filter(([, names]) => names.size > 1).map(([code]) => code)).toEqual([]);
  });

  it('has a template for every type the registry prints, and the registry prints no type it lacks', () => {
    const ids = new Set(catalogue.types.map((t) => t.id));
    expect(Object.keys(TEMPLATES).filter((t) => !ids.has(t))).toEqual([]);
  });
});
