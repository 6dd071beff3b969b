import type { HandlerGroup } from '../../context.ts';
import { saveUnit } from './repository.ts';

/** The unit:* channels: the 本单位 profile an admin keeps (repository.ts). */
export const unitHandlers: HandlerGroup<'unit'> = {
  async 'unit:get'(_input, { rules }) {
    return rules.unit;
  },
  async 'unit:update'(input, { core, actor }) {
    return core.tx((trx) => saveUnit(trx, core, actor, input));
  },
};
