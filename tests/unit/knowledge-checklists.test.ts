import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Checklist, checklist } from '../../shared/entities/checklist.ts';

const dir = path.resolve(import.meta.dirname, '../../resources/knowledge/checklists');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const raw = files.map((f) => ({ file: f, data: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown }));
const lists = new Map<string, Checklist>();
for (const { file, data } of raw) {
  const r = checklist.safeParse(data);
  if (r.success) lists.set(file, r.data);
}
const byFile = (f: string) => {
  const l = lists.get(f);
  if (!l) throw new Error(`${f} missing or invalid`);
  return l;
};

describe('knowledge checklists', () => {
  it('has the major-hazard standards from the domain notes', () => {
    expect(files).toEqual(
      expect.arrayContaining(['gongmao-major.json', 'hazchem-major.json', 'fireworks-major.json', 'mine-major.json']),
    );
  });

  it('parses every file with the checklist schema', () => {
    for (const { file, data } of raw) {
      const r = checklist.safeParse(data);
      expect(r.success, `${file}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))}`).toBe(true);
    }
  });

  it('keeps list ids and item ids unique across files, items prefixed with their list id', () => {
    const listIds = [...lists.values()].map((l) => l.id);
    expect(new Set(listIds).size).toBe(listIds.length);
    const seen = new Map<string, string>();
    for (const [file, l] of lists) {
      for (const item of l.items) {
        expect(seen.get(item.id), `${item.id} in ${file} also in ${seen.get(item.id)}`).toBeUndefined();
        seen.set(item.id, file);
        expect(item.id.startsWith(`${l.id}-`), `${item.id} should start with ${l.id}-`).toBe(true);
      }
    }
  });

  it('marks every item of a major-hazard list as major', () => {
    for (const l of lists.values()) {
      if (l.kind !== 'major-hazard') continue;
      for (const item of l.items) expect(item.major, `${l.id}/${item.id}`).toBe(true);
    }
  });

  it('narrows item categories only within the list categories', () => {
    for (const l of lists.values()) {
      for (const item of l.items)
        for (const c of item.categories ?? []) expect(l.categories, `${item.id}`).toContain(c);
    }
  });

  it('explains every uncertain or criminal-risk item in its note', () => {
    for (const l of lists.values()) {
      for (const item of l.items)
        if (item.uncertain || item.criminalRisk) expect(item.note.length, item.id).toBeGreaterThan(0);
    }
  });

  it('has exactly 20 items in the 化工/危化 and 烟花爆竹 standards', () => {
    expect(byFile('hazchem-major.json').items).toHaveLength(20);
    expect(byFile('fireworks-major.json').items).toHaveLength(20);
  });

  it('cites provisions in the expected form', () => {
    for (const l of lists.values()) {
      for (const item of l.items) {
        for (const p of [item.violatedProvision, item.penaltyProvision])
          if (p !== null) expect(p, item.id).toMatch(/^《[^》]+》第.+条/);
      }
    }
  });
});
