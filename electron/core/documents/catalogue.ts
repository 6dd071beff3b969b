import fs from 'node:fs';
import path from 'node:path';
import type { DocumentType } from '../../../shared/entities/document.ts';
import { TEMPLATES } from '../../../shared/documents/registry.ts';

/** The document catalogue (names, 代字, copies notes) is a versioned knowledge file, not code. */
export interface Catalogue {
  version: string;
  header: string;
  types: DocumentType[];
  byId: ReadonlyMap<string, DocumentType>;
}

/** Catalogue entries may carry markers for data still to verify; the app shows only what it uses. */
export function loadCatalogue(resourcesDir: string): Catalogue {
  const raw = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'documents.json'), 'utf8')) as {
    version: string;
    header: string;
    types: Omit<DocumentType, 'available'>[];
  };
  const types = raw.types.map((t) => ({ ...t, available: t.id in TEMPLATES }));
  return { version: raw.version, header: raw.header, types, byId: new Map(types.map((t) => [t.id, t])) };
}
