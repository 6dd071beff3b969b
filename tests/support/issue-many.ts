/**
 * A second OS process issuing documents into the same database file as the test's own core:
 * `node tests/support/issue-many.ts <dataDir> <inspectionId> <count>`. Prints the numbers it got.
 */
import { createCore } from '../../electron/core/create-core.ts';
import { RESOURCES } from './core.ts';

const [dataDir, inspectionId, count] = process.argv.slice(2);
const core = await createCore({ dataDir, resourcesDir: RESOURCES, autoBackup: false });
const as = { trusted: { userName: '第二进程' } };
const numbers: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const draft = await core.dispatch('documents:create', { type: 'inspection-record', inspectionId: Number(inspectionId) }, as);
  if (!draft.ok) throw new Error(JSON.stringify(draft.error));
  const d = draft.data as { id: number; version: number };
  const issued = await core.dispatch('documents:issue', { id: d.id, version: d.version }, as);
  if (!issued.ok) throw new Error(JSON.stringify(issued.error));
  numbers.push((issued.data as { numberText: string }).numberText);
}
await core.close();
console.log(JSON.stringify(numbers));
