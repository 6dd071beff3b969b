import { AppError } from '../../../../shared/base/errors.ts';
import type { HandlerGroup } from '../../context.ts';
import { download, refuseInDemo } from '../files.ts';
import { needsSetup } from '../accounts/repository.ts';
import { createBackup, exportDataPackage, importDataPackageBytes, listBackups, restoreBackup } from './backups.ts';

export const backupHandlers: HandlerGroup<'backups'> = {
  async 'backups:list'(_input, { core }) {
    return listBackups(core.dataDir);
  },
  async 'backups:create'(_input, { core, actor }) {
    const info = await createBackup(core, 'manual');
    await core.tx(async () => {
      core.record(actor, { action: 'backups:create', entityType: 'backup', entityId: info.name, after: info });
    });
    return info;
  },
  async 'backups:restore'({ name }, { core, actor }) {
    const result = await restoreBackup(core, name);
    // Written into the restored database, so its own log says when and by whom it was brought back.
    await core.tx(async () => {
      core.record(actor, { action: 'backups:restore', entityType: 'backup', entityId: name, after: result });
    });
    return result;
  },
  async 'backups:export-data'(_input, { core, actor, rules }) {
    refuseInDemo(core);
    const data = await exportDataPackage(core);
    await core.tx(async () => {
      core.record(actor, { action: 'backups:export-data', entityType: 'backup', entityId: null });
    });
    return download(`执法工作台数据迁移包_${rules.today}.zip`, data);
  },
};

export const importDataHandler: Pick<HandlerGroup<'setup'>, 'setup:import-data'> = {
  async 'setup:import-data'({ file }, { core }) {
    // Only onto an empty installation: this replaces the whole database.
    if (!(await needsSetup(core.store.db, core.dataDir))) throw new AppError('SETUP_DONE');
    await importDataPackageBytes(core, Buffer.from(file.dataBase64, 'base64'));
    const [{ n: enterprises }, { n: users }] = await Promise.all([
      core.store.db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      core.store.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { enterprises: Number(enterprises), users: Number(users) };
  },
};
