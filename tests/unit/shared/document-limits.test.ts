import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DRAFT_LIMITS, draftFields, maxItemsAt, maxLengthAt, tooLongIn } from '../../../shared/documents/limits.ts';
import { TEMPLATES } from '../../../shared/documents/registry.ts';
import { eachSchema } from '../../../shared/base/schema-walk.ts';

/** Every text limit a schema sets, wherever it sits, and the most fields an object of it has. */
function limitsIn(schema: z.ZodType): { texts: number[]; fields: number } {
  const texts: number[] = [];
  let fields = 0;
  eachSchema(schema, (s) => {
    if (s instanceof z.ZodString && s.maxLength !== null) texts.push(s.maxLength);
    if (s instanceof z.ZodObject) fields = Math.max(fields, Object.keys(s.shape).length);
  });
  return { texts, fields };
}

describe('how much a draft may hold', () => {
  it('the contract takes whatever any template allows', () => {
    for (const t of Object.values(TEMPLATES)) {
      const { texts, fields } = limitsIn(t.fields);
      expect(Math.max(0, ...texts), t.type).toBeLessThanOrEqual(DRAFT_LIMITS.chars);
      expect(fields, t.type).toBeLessThanOrEqual(DRAFT_LIMITS.fields);
    }
  });

  it("gives the form each text's limit: a field's, a column's, a paragraph's, or the contract's", () => {
    const record = TEMPLATES['inspection-record'].fields;
    expect(maxLengthAt(record, ['findings'])).toBe(20_000);
    expect(maxLengthAt(record, ['address'])).toBe(200);
    expect(maxLengthAt(TEMPLATES['rectification-order'].fields, ['items', 'text'])).toBe(1000);
    expect(maxLengthAt(TEMPLATES['penalty-decision-unit'].fields, ['statementSummary'])).toBe(40_000);
    expect(maxItemsAt(record, ['officers'])).toBe(10);
    expect(maxItemsAt(record, ['findings'])).toBe(DRAFT_LIMITS.items);
    // A date has no text limit of its own.
    expect(maxLengthAt(record, ['startedAt'])).toBe(DRAFT_LIMITS.chars);
  });

  it('finds what the clerk typed too long, not what is missing or what the record decides', () => {
    const t = TEMPLATES['penalty-decision-unit'];
    expect(tooLongIn(t, {})).toEqual([]);
    expect(tooLongIn(t, { statementSummary: 'x'.repeat(40_001) })).toEqual([]);
    const record = TEMPLATES['inspection-record'];
    expect(tooLongIn(record, { findings: '查'.repeat(20_001), address: 'x'.repeat(201) })).toEqual([
      { path: ['fields', 'address'], key: 'validation.tooLongMax', params: { max: 200 } },
      { path: ['fields', 'findings'], key: 'validation.tooLongMax', params: { max: 20_000 } },
    ]);
  });

  it('bounds any draft at the contract: each text, each list, the fields and the whole', () => {
    expect(draftFields.safeParse({ a: 'x', rows: [{ b: 1, c: null, d: ['y'] }], ok: true }).success).toBe(true);
    const issue = (v: unknown) => draftFields.safeParse(v).error?.issues[0];
    expect(issue({ rows: [{ a: 'x'.repeat(DRAFT_LIMITS.chars + 1) }] })).toMatchObject({
      path: ['rows', 0, 'a'],
      message: 'validation.tooLongMax',
      params: { max: DRAFT_LIMITS.chars },
    });
    expect(issue({ a: Array(DRAFT_LIMITS.items + 1).fill('') })).toMatchObject({
      path: ['a'],
      message: 'validation.tooManyMax',
    });
    const many = Object.fromEntries(Array.from({ length: DRAFT_LIMITS.fields + 1 }, (_, i) => [`f${i}`, '']));
    expect(issue(many)).toMatchObject({ message: 'validation.tooManyFields' });
    const whole = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, 'x'.repeat(DRAFT_LIMITS.chars)]));
    expect(issue(whole)).toMatchObject({ message: 'validation.draftTooLarge' });
  });
});
