import type { HandlerGroup } from '../../context.ts';
import { basesOf, drillOf, figuresOf, reportRulesOf, saveBases } from './service.ts';

/** The reports:* channels (issue 21): 统计报表's figures, their records, and the base figures of earlier years. */
export const reportHandlers: HandlerGroup<'reports'> = {
  async 'reports:figures'(period, { core, rules }) {
    return figuresOf(core, rules, period);
  },
  async 'reports:drill'(input, { core, rules }) {
    return drillOf(core, rules, input);
  },
  async 'reports:bases'({ year }, { core }) {
    return basesOf(core.store.db, year);
  },
  async 'reports:bases-save'(input, { core, rules, actor }) {
    return saveBases(core, rules, actor, input);
  },
  async 'reports:rules'(_input, { core, rules }) {
    return reportRulesOf(core, rules);
  },
};
