import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { FormCell } from '../../../shared/documents/form.ts';
import { TEMPLATES } from '../../../shared/documents/registry.ts';
import { resources } from '../../../shared/i18n/resources.ts';

/** The renderer draws every document's form from its template's layout: it must be whole and labelled. */
describe.each(Object.values(TEMPLATES))('form of $type', (template) => {
  const cells: FormCell[] = template.form.flat();

  it('shows every field of the schema exactly once', () => {
    const shape = (template.fields as unknown as z.ZodObject).shape;
    expect(cells.map((c) => c.field).sort()).toEqual(Object.keys(shape).sort());
  });

  it('names translations that exist in both languages', () => {
    const keys = cells.flatMap((c) => [
      c.label ?? c.field,
      ...('add' in c ? [c.add] : []),
      ...(c.input === 'rows' ? c.columns.flatMap((col) => (col.placeholder ? [col.placeholder] : [])) : []),
    ]);
    // A select's choices are labelled docOptions.<field>.<option>.
    const options = cells.flatMap((c) => [
      ...('options' in c && c.options ? c.options.map((o) => [c.field, o]) : []),
      ...(c.input === 'rows' ? c.columns.flatMap((col) => (col.options ?? []).map((o) => [col.field, o])) : []),
    ]);
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = resources[lang].translation as unknown as {
        docFields: Record<string, string>;
        docOptions?: Record<string, Record<string, string>>;
      };
      expect(
        keys.filter((k) => !t.docFields[k]),
        lang,
      ).toEqual([]);
      expect(
        options.filter(([f, o]) => !t.docOptions?.[f]?.[o]),
        lang,
      ).toEqual([]);
    }
  });
});
