import type { HandlerGroup } from '../../context.ts';
import { coveredYears, uncoveredNear } from '../../../../shared/domain/workdays.ts';
import { needsSetup } from '../accounts/repository.ts';

/** The app:* channel: what a host and the first screen need to know before anyone signs in. */
export const appHandlers: HandlerGroup<'app'> = {
  async 'app:info'(_input, { core, rules }) {
    return {
      version: core.version,
      workspace: core.workspace,
      needsSetup: await needsSetup(core.store.db, core.dataDir),
      unitName: rules.unit?.agencyName ?? null,
      calendar: { coveredYears: coveredYears(rules.cal), uncoveredYears: uncoveredNear(rules.cal, rules.today) },
      now: core.now().toISOString(),
      demoMaking: core.demoMaking(),
    };
  },
  async 'app:cancel-job'({ job }, { core }) {
    return { cancelled: core.jobs.cancel(job) };
  },
};
