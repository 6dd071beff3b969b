import type { TFunction } from 'i18next';
import type { PlanReason } from '../../../../shared/domain/plans/classify.ts';
import type { PlanRules } from '../../../../shared/entities/plan-rules.ts';
import i18next, { tKey } from '../../i18n.ts';
import { vocabLabel } from '../vocab.ts';
import { formatDate } from '../format.ts';

/** A share as the plan states it: 0.2 → 20%, 0.125 → 12.5%. */
export const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

/** The three lists of rules a reason may name. */
export type RuleList = 'key' | 'strata' | 'caps';
/** A rule's name as the screen shows it. */
export type RuleName = (list: RuleList, name: string) => string;

/**
 * Rule names are the rules' own data: the unit's as it wrote them. Only the bundled 示例's have an English name in the
 * locale (plans.exampleRules.<list>.<id>); a name the locale does not know is shown as written.
 */
export function ruleNamer(rules: PlanRules, own: boolean, english: boolean): RuleName {
  if (own || !english) return (_list, name) => name;
  return (list, name) => {
    const id = (rules[list] as { id: string; name: string }[]).find((r) => r.name === name)?.id;
    if (!id) return name;
    const key = `plans.exampleRules.${list}.${id}`;
    const label = tKey(key);
    return label === key ? name : label;
  };
}

/** Why an enterprise landed where it did, as one sentence in the UI language. */
export function reasonText(t: TFunction, reason: PlanReason, ruleName: RuleName = (_list, name) => name): string {
  switch (reason.code) {
    case 'withdrawn':
      return t('plans.reasons.withdrawn');
    case 'otherLevel':
      return t('plans.reasons.otherLevel', { level: vocabLabel(t, 'levels', reason.level) });
    case 'keyRule':
      return t('plans.reasons.keyRule', { rule: ruleName('key', reason.rule) });
    case 'accident':
      return t('plans.reasons.accident', { on: formatDate(reason.on), years: reason.years });
    case 'majorHazard':
      return t('plans.reasons.majorHazard', { on: formatDate(reason.on), years: reason.years });
    case 'credit':
      return t('plans.reasons.credit', { status: vocabLabel(t, 'credit', reason.status) });
    case 'promoted':
      return t('plans.reasons.promoted');
    case 'reliefGrade':
      return t('plans.reasons.reliefGrade', { grade: vocabLabel(t, 'grades', reason.grade) });
    case 'reliefAccidentFree':
      return t('plans.reasons.reliefAccidentFree', { years: reason.years });
    case 'reliefNotYetKnown':
      return t('plans.reasons.reliefNotYetKnown', { since: formatDate(reason.since), years: reason.years });
    case 'stratum':
      return t('plans.reasons.stratum', { rule: ruleName('strata', reason.rule), ratio: percent(reason.ratio) });
    case 'cap':
      return t('plans.reasons.cap', { rule: ruleName('caps', reason.rule), cap: reason.cap });
    case 'capped':
      return t('plans.reasons.capped', { wanted: reason.wanted, cap: reason.cap });
    default: {
      // A reason the core added and this screen does not know yet: said by its code rather than dropped.
      const unknown: never = reason;
      return (unknown as { code: string }).code;
    }
  }
}

/**
 * A stratum's name as a plan or a draw recorded it (its id and its name as written then): the bundled 示例's English
 * name where the name is still the example's own, else the name as written.
 */
export function stratumLabel(id: string, name: string): string {
  if (!i18next.language.startsWith('en')) return name;
  const key = `plans.exampleRules.strata.${id}`;
  const example = i18next.t(key as never, { lng: 'zh-CN' } as never) as unknown as string;
  return example === name ? tKey(key) : name;
}
