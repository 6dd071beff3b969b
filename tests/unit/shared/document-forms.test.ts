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
    const keys = cells.flatMap((c) => [c.label ?? c.field,
      ...('add' in c ? [c.add] : []),
      ...(c.input === 'rows' ? c.columns.flatMap((col) => (col.placeholder ? [col.placeholder] : [])) : [])]);
    for (const lang of ['zh-CN', 'en'] as const) {
      const docFields = (resources[lang].translation as unknown as { docFields: Record<string, string> }).docFields;
      expect(keys.filter((k) => !docFields[k]), lang).toEqual([]);
    }
  });
});
