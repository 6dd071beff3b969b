import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of eslint.config.js hold: a forbidden import is a lint error naming the rule,
 * an allowed one is none. One ESLint instance lints made-up files at the paths they would have.
 */
const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The no-restricted-imports messages for a module at `filePath` importing `from`. */
async function restricted(filePath: string, from: string): Promise<string[]> {
  const code = `import * as m from '${from}';\nexport const used = m;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layers of shared/', () => {
  const forbidden: [string, string, string][] = [
    ['shared/base/x.ts', '../entities/case.ts', 'shared/entities/'],
    ['shared/base/x.ts', '../i18n/resources.ts', 'shared/i18n/'],
    ['shared/i18n/x.ts', '../entities/common.ts', 'shared/entities/'],
    ['shared/entities/x.ts', '../domain/case-procedure.ts', 'shared/domain/'],
    ['shared/entities/x.ts', '../documents/layout.ts', 'shared/documents/'],
    ['shared/entities/x.ts', '../api/contract.ts', 'shared/api/'],
    ['shared/domain/x.ts', '../documents/layout.ts', 'shared/documents/'],
    ['shared/domain/review/x.ts', '../../api/contract.ts', 'shared/api/'],
    ['shared/documents/x.ts', '../api/contract.ts', 'shared/api/'],
    ['shared/documents/types/x.ts', '../../i18n/resources.ts', 'shared/i18n/'],
  ];
  it.each(forbidden)('%s may not import %s', async (file, from, layer) => {
    const messages = await restricted(file, from);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`not from ${layer}`);
  });

  const allowed: [string, string][] = [
    ['shared/base/x.ts', './vocabulary.ts'],
    ['shared/i18n/x.ts', '../base/errors.ts'],
    ['shared/entities/x.ts', '../base/vocabulary.ts'],
    ['shared/entities/x.ts', './common.ts'],
    ['shared/domain/x.ts', '../entities/case.ts'],
    ['shared/domain/review/x.ts', '../../base/errors.ts'],
    ['shared/documents/types/x.ts', '../../domain/dates.ts'],
    ['shared/documents/x.ts', '../entities/page-geometry.ts'],
    ['shared/api/x.ts', '../documents/registry.ts'],
    ['shared/api/channels/x.ts', '../../i18n/resources.ts'],
  ];
  it.each(allowed)('%s may import %s', async (file, from) => {
    expect(await restricted(file, from)).toEqual([]);
  });

  it('keeps the outer wall in every layer', async () => {
    for (const layer of ['base', 'i18n', 'entities', 'domain', 'documents', 'api']) {
      expect(await restricted(`shared/${layer}/x.ts`, 'node:fs')).toHaveLength(1);
      expect(await restricted(`shared/${layer}/x.ts`, '../../electron/core/context.ts')).toHaveLength(1);
      expect(await restricted(`shared/${layer}/x.ts`, '../../renderer/src/app/clock.ts')).toHaveLength(1);
      expect(await restricted(`shared/${layer}/x.ts`, 'electron')).toHaveLength(1);
    }
  });
});

describe('the hosts', () => {
  it('keeps the Electron shell and the web host apart', async () => {
    expect(await restricted('electron/main/security/x.ts', '../../host/server.ts')).toHaveLength(1);
    expect(await restricted('electron/preload/x.ts', '../host/paths.ts')).toHaveLength(1);
    expect(await restricted('electron/host/x.ts', '../main/paths.ts')).toHaveLength(1);
    expect(await restricted('electron/main/security/x.ts', '../../common/app-files.ts')).toEqual([]);
    expect(await restricted('electron/host/x.ts', '../common/app-files.ts')).toEqual([]);
  });

  it('keeps electron/common neutral', async () => {
    for (const from of ['../host/server.ts', '../main/paths.ts', '../preload/index.ts', 'electron'])
      expect(await restricted('electron/common/x.ts', from)).toHaveLength(1);
    expect(await restricted('electron/common/x.ts', 'node:path')).toEqual([]);
  });
});
