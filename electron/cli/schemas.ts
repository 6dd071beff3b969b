/** Writes the package's JSON Schemas (resources/schemas) from the zod schemas: `npm run schemas`. */
import fs from 'node:fs';
import path from 'node:path';
import { packageJsonSchemas } from '../../shared/entities/exports/json-schemas.ts';

const dir = path.resolve(import.meta.dirname, '..', '..', 'resources', 'schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(packageJsonSchemas()))
  fs.writeFileSync(path.join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`written: ${dir}`);
