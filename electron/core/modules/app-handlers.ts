import type { HandlerGroup } from '../context.ts';
import { needsSetup } from './accounts/handlers.ts';
import { getUnit } from './unit/handlers.ts';

export const appHandlers: HandlerGroup<'app'> = {
  async 'app:info'(_input, { core }) {
    const cal = await core.calendar();
    const year = Number(core.today().slice(0, 4));
    return {
      version: core.version,
      workspace: core.workspace,
      needsSetup: await needsSetup(core),
      unitName: (await getUnit(core.store.db))?.agencyName ?? null,
      calendar: { coveredYears: [...cal.years.keys()].sort((a, b) => a - b), currentYearCovered: cal.years.has(year), nextYearCovered: cal.years.has(year + 1) },
    };
  },
};

export const knowledgeHandlers: HandlerGroup<'knowledge'> = {
  async 'knowledge:industries'(_input, { core }) {
    return core.knowledge.industryList;
  },
};
