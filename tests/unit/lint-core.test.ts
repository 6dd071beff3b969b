import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The core's own walls in eslint.config.js: only create-core.ts imports a handlers.ts, executors are
 * passed explicitly, a transaction reads through its own executor, and a repository never reaches for
 * the store. Each is shown failing on made-up code at the path it would have, and passing on the right way.
 */
const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function syntaxErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('modules talk through repositories', () => {
  const importing = "import { caseHandlers } from '../cases/handlers.ts';\nexport const used = caseHandlers;\n";

  it('a module importing another module’s handlers.ts fails', async () => {
    const messages = await syntaxErrors('electron/core/modules/documents/x.ts', importing);
    expect(messages).toEqual([expect.stringContaining('Only electron/core/create-core.ts imports a handlers.ts')]);
  });

  it('the hosts and the tests may not either', async () => {
    for (const file of ['electron/cli/x.ts', 'tests/core/x.test.ts'])
      expect(await syntaxErrors(file, importing)).toHaveLength(1);
  });

  it('create-core.ts may, and a repository import is fine anywhere', async () => {
    expect(await syntaxErrors('electron/core/create-core.ts', importing)).toEqual([]);
    const repository = "import { caseDetail } from '../cases/repository.ts';\nexport const used = caseDetail;\n";
    expect(await syntaxErrors('electron/core/modules/documents/x.ts', repository)).toEqual([]);
  });
});

describe('executors are explicit', () => {
  it('a default parameter of the outer handle fails', async () => {
    const code = 'export const f = (core: { store: { db: number } }, db = core.store.db) => db;\n';
    expect(await syntaxErrors('electron/core/modules/cases/x.ts', code)).toEqual([
      expect.stringContaining('Take the executor as a required parameter'),
    ]);
  });

  it('the outer handle inside a transaction fails; the transaction’s own is fine', async () => {
    const outer =
      'export const f = (core: { store: { db: number }; tx(fn: (trx: number) => unknown): unknown }) =>\n' +
      '  core.tx((trx) => [trx, core.store.db]);\n';
    expect(await syntaxErrors('electron/core/modules/cases/x.ts', outer)).toEqual([
      expect.stringContaining('Inside a transaction'),
    ]);
    const own = outer.replace(', core.store.db]', ']');
    expect(await syntaxErrors('electron/core/modules/cases/x.ts', own)).toEqual([]);
  });

  it('a repository reaching for core.store fails; one handed its executor is fine', async () => {
    const reaching = 'export const f = (core: { store: { db: number } }) => core.store.db;\n';
    expect(await syntaxErrors('electron/core/modules/cases/repository.ts', reaching)).toEqual([
      expect.stringContaining('A repository takes its executor'),
    ]);
    expect(
      await syntaxErrors('electron/core/modules/cases/repository.ts', 'export const f = (db: number) => db;\n'),
    ).toEqual([]);
  });
});
