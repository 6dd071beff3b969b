import type { HandlerGroup } from '../../context.ts';
import { approvePlan, classification, filePlan, planOf, savePlan } from './service.ts';

/** The plans:* channels (issue 20): 分类分级 and the year's plan; the 双随机 draws follow. */
export const planHandlers: HandlerGroup<'plans'> = {
  async 'plans:classification'(_input, { core, rules: cr }) {
    const { rules, own, rows, summary } = await classification(core, cr);
    return { today: cr.today, rules, rulesOwn: own, rows, summary };
  },
  async 'plans:get'({ year }, { core, rules }) {
    return planOf(core, rules, year);
  },
  async 'plans:save'(input, { core, rules, actor }) {
    return savePlan(core, rules, actor, input);
  },
  async 'plans:approve'(input, { core, rules, actor }) {
    return approvePlan(core, rules, actor, input);
  },
  async 'plans:file'(input, { core, rules, actor }) {
    return filePlan(core, rules, actor, input);
  },
};
