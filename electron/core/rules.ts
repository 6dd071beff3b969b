import type { Kysely } from 'kysely';
import { AppError } from '../../shared/base/errors.ts';
import type { ProcedureContext, ProcedureRules } from '../../shared/domain/case-procedure.ts';
import type { Settings } from '../../shared/entities/settings.ts';
import type { UnitProfile } from '../../shared/entities/unit.ts';
import type { DB } from './db/schema.ts';
import type { Knowledge } from './knowledge.ts';
import { readSettings } from './modules/settings/repository.ts';
import { getUnit } from './modules/unit/repository.ts';
import type { WorkCalendar } from '../../shared/domain/workdays.ts';

/**
 * What the rules of one call read: today, the work calendar, the statutory periods, the settings and the
 * procedure rules drawn from them, and the unit profile. dispatch builds it once per call, before the
 * handler runs (so before any transaction), and the handler passes it down: a call reads the settings
 * once, every module it reaches sees the same ones, and none reads them through the outer handle while
 * a transaction holds the connection (which would wait on itself).
 */
export interface RuleContext extends ProcedureContext {
  settings: Settings;
  /** null only before setup. */
  unit: UnitProfile | null;
}

export const procedureRules = (s: Settings): ProcedureRules => ({
  hearingThresholds: s.hearingThresholds,
  legalReviewTriggers: s.legalReviewTriggers,
  collectiveTriggers: s.collectiveTriggers,
  confirmedPeriods: s.confirmedPeriods,
  summaryLimits: s.summaryLimits,
});

export async function ruleContext(
  db: Kysely<DB>,
  sources: { today(): string; knowledge: Knowledge; calendar(): Promise<WorkCalendar> },
): Promise<RuleContext> {
  const [settings, unit, cal] = await Promise.all([readSettings(db), getUnit(db), sources.calendar()]);
  return {
    today: sources.today(),
    periods: sources.knowledge.periods,
    cal,
    rules: procedureRules(settings),
    settings,
    unit,
  };
}

/** The unit profile every page is headed with; a workspace not yet set up has none to print. */
export function unitOf(rc: RuleContext): UnitProfile {
  if (!rc.unit) throw new AppError('SETUP_REQUIRED');
  return rc.unit;
}
