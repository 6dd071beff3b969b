import type { HandlerGroup } from '../../context.ts';
import { getUnit, saveUnit } from './repository.ts';

export const unitHandlers: HandlerGroup<'unit'> = {
  async 'unit:get'(_input, { core }) {
    return getUnit(core.store.db);
  },
  async 'unit:update'(input, { core, actor }) {
    return core.tx((trx) => saveUnit(trx, core, actor, input));
  },
};
