import { AppError } from '../../shared/base/errors.ts';
import type { ProcedureContext, ProcedureRules } from '../../shared/domain/case-procedure.ts';
import type { Settings } from '../../shared/entities/settings.ts';
import type { UnitProfile } from '../../shared/entities/unit.ts';

/**
 * What the rules of one call read: today, the work calendar, the statutory periods, the settings and the
 * procedure rules drawn from them, and the unit profile. dispatch builds it (ruleContext, create-core.ts)
 * once per call, before the handler runs (so before any transaction), and the handler passes it down: a
 * call reads the settings once, every module it reaches sees the same ones, and none reads them through
 * the outer handle while a transaction holds the connection (which would wait on itself).
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

/** The unit profile every page is headed with; a workspace not yet set up has none to print. */
export function unitOf(rc: RuleContext): UnitProfile {
  if (!rc.unit) throw new AppError('SETUP_REQUIRED');
  return rc.unit;
}
