import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core.ts';
import { workspaceDir } from '../../electron/core/workspaces.ts';
import { call, RESOURCES, setUp, tempDir } from '../support/core.ts';
import { usccFor } from '../support/ledger.ts';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'cli', 'index.ts');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('npm run cli -- audit verify', () => {
  it('passes a whole chain, then reports an edited row and, with --head, a cut-off tail', async () => {
    const root = tempDir();
    const core = await createCore({ dataDir: workspaceDir(root, 'real'), resourcesDir: RESOURCES, autoBackup: false });
    const token = await setUp(core);
    for (let i = 1; i <= 4; i++) await call(core, 'enterprises:create', { uscc: usccFor(i), name: `企业${i}` }, token);
    await core.close();

    const ok = cli('audit', 'verify', '--data-dir', root);
    expect(ok.status).toBe(0);
    const head = JSON.parse(ok.stdout).head as string;

    const db = new Database(path.join(workspaceDir(root, 'real'), 'enforce.db'));
    db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;');
    db.exec('DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)');
    db.close();
    const cut = cli('audit', 'verify', '--data-dir', root);
    expect(cut.status).toBe(0);
    const withHead = cli('audit', 'verify', '--data-dir', root, '--head', head);
    expect(withHead.status).toBe(1);
    expect(JSON.parse(withHead.stdout).problems).toEqual([{ kind: 'truncated', seq: null }]);

    const db2 = new Database(path.join(workspaceDir(root, 'real'), 'enforce.db'));
    db2.exec("UPDATE audit_log SET user_name = '别人' WHERE seq = 3");
    db2.close();
    const edited = cli('audit', 'verify', '--data-dir', root);
    expect(edited.status).toBe(1);
    expect(JSON.parse(edited.stdout).problems).toContainEqual({ kind: 'edited', seq: 3 });
  });

  it('restores a database too damaged to open, keeping the damaged file', async () => {
    const root = tempDir();
    expect(cli('backup', 'create', '--data-dir', root).status).toBe(0);
    const [backup] = JSON.parse(cli('backup', 'list', '--data-dir', root).stdout);
    const dbFile = path.join(workspaceDir(root, 'real'), 'enforce.db');
    const bytes = fs.readFileSync(dbFile);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(dbFile, bytes);
    fs.writeFileSync(`${dbFile}.open-999999999`, '999999999');
    expect(cli('audit', 'verify', '--data-dir', root).status).toBe(1);
    const restored = cli('backup', 'restore', backup.name, '--data-dir', root);
    expect(restored.status).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({
      restored: backup.name,
      damagedCopy: expect.stringMatching(/^corrupt-/),
    });
    expect(cli('audit', 'verify', '--data-dir', root).status).toBe(0);
  });

  it('backs up and lists from the command line', () => {
    const root = tempDir();
    expect(cli('backup', 'create', '--data-dir', root).status).toBe(0);
    const list = JSON.parse(cli('backup', 'list', '--data-dir', root).stdout);
    expect(list).toHaveLength(1);
    expect(list[0].kind).toBe('manual');
  });
});
