import type { HandlerGroup } from '../context.ts';
import { coveredYears } from '../../../shared/domain/workdays.ts';
import { needsSetup } from './accounts/handlers.ts';
import { uncoveredNear } from './calendar/handlers.ts';
import { getUnit } from './unit/handlers.ts';

export const appHandlers: HandlerGroup<'app'> = {
  async 'app:info'(_input, { core }) {
    const cal = await core.calendar();
    return {
      version: core.version,
      workspace: core.workspace,
      needsSetup: await needsSetup(core),
      unitName: (await getUnit(core.store.db))?.agencyName ?? null,
      calendar: { coveredYears: coveredYears(cal), uncoveredYears: uncoveredNear(cal, core.today()) },
    };
  },
};

export const knowledgeHandlers: HandlerGroup<'knowledge'> = {
  async 'knowledge:industries'(_input, { core }) {
    return core.knowledge.industryList;
  },
  async 'knowledge:checklists'(_input, { core }) {
    return core.knowledge.checklists;
  },
};
