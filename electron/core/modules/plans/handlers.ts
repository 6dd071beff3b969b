import { classifyAll } from '../../../../shared/domain/plans/classify.ts';
import { unitLevel } from '../../../../shared/domain/typical-case.ts';
import type { HandlerGroup } from '../../context.ts';
import { unitOf } from '../../rules.ts';
import { accidentDays } from '../enterprises/accidents.ts';
import { planRulesOf, planSubjects } from './repository.ts';

/** The plans:* channels (issue 20): 分类分级 first; the plan, its approval and the draws follow. */
export const planHandlers: HandlerGroup<'plans'> = {
  async 'plans:classification'(_input, { core, rules: cr }) {
    const db = core.store.db;
    const { rules, own } = planRulesOf(core, cr.settings);
    const subjects = await planSubjects(db, await accidentDays(db));
    const { rows, summary } = classifyAll(
      subjects.map((s) => s.subject),
      rules,
      { level: unitLevel(unitOf(cr).regionCode), today: cr.today },
    );
    return {
      today: cr.today,
      rules,
      rulesOwn: own,
      rows: rows.map((r, i) => ({ ...subjects[i].shown, ...r })),
      summary,
    };
  },
};
