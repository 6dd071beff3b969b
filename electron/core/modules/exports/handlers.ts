import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../../shared/base/errors.ts';
import type { HandlerGroup } from '../../context.ts';
import { download, refuseInDemo } from '../files.ts';
import { mappedTables, publicationRows } from './tables.ts';
import { completenessOf } from './completeness.ts';
import { quarterOf } from '../../../../shared/domain/indicators/completeness.ts';
import { acceptExport, exportPackage, exportsDir, listExports } from './service.ts';

export const exportHandlers: HandlerGroup<'exports'> = {
  async 'exports:create'({ kind, job, overrides }, { core, actor, rules }) {
    // The demo county's names are made up: nothing of it leaves the PC as if it were real.
    refuseInDemo(core);
    const made = await core.jobs.run(
      'export',
      (j) => exportPackage(core, actor, rules, { kind, job: j, overrides }),
      job,
    );
    return {
      id: made.id,
      name: made.name,
      bytes: made.bytes,
      sha256: made.sha256,
      sm3: made.sm3,
      manifest: made.manifest,
      volumes: made.volumes,
    };
  },
  async 'exports:list'(_input, { core }) {
    return listExports(core);
  },
  async 'exports:accept'(input, { core, actor, rules }) {
    await acceptExport(core, actor, rules, input);
    return { ok: true };
  },
  async 'exports:publications'(_input, { core, rules }) {
    return publicationRows(core, rules);
  },
  async 'exports:completeness'({ from, to }, { core, rules }) {
    const q = quarterOf(rules.today);
    return completenessOf(core, rules, { from: from ?? q.from, to: to ?? q.to });
  },
  async 'exports:mappings'(_input, { core }) {
    return core.knowledge.mappings.map((m) => ({
      id: m.id,
      name: m.name,
      version: m.version,
      notes: m.notes,
      sheets: m.sheets.map((s) => ({ table: s.table, sheet: s.sheet, columns: s.columns.length })),
    }));
  },
  async 'exports:table'(input, { core, rules }) {
    refuseInDemo(core);
    const { fileName, data } = await mappedTables(core, rules, input);
    return download(fileName, data);
  },
  async 'exports:download'({ name }, { core }) {
    const file = path.join(exportsDir(core.dataDir), name);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { entity: 'export', id: name });
    return download(name, fs.readFileSync(file));
  },
  async 'exports:verify'({ file }, { core }) {
    // Checked from a file, as the receiving side would hold it: written aside, read as a stream in the worker (off
    // the thread that answers the window), removed after.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
    try {
      const target = path.join(dir, 'package.zip');
      await fs.promises.writeFile(target, Buffer.from(file.dataBase64, 'base64'));
      return await core.verifyPackage(target);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
