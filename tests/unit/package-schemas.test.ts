import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageJsonSchemas } from '../../shared/entities/exports/json-schemas.ts';

const DIR = path.resolve(import.meta.dirname, '..', '..', 'resources', 'schemas');

describe('the JSON Schemas shipped with the package format', () => {
  const generated = packageJsonSchemas();

  it('are what the zod schemas generate (npm run schemas writes them again)', () => {
    expect(fs.readdirSync(DIR).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated))
      expect(JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')), name).toEqual(schema);
  });

  it('describe every field of every record in Chinese and English', () => {
    for (const [name, schema] of Object.entries(generated)) {
      const properties = (schema as { properties: Record<string, { description?: string }> }).properties;
      for (const [field, p] of Object.entries(properties))
        expect(p.description, `${name} ${field}`).toMatch(/[\u4e00-\u9fff][^/]*\/ *[A-Za-z]/);
    }
  });
});
