import { z } from 'zod';
import type { RowsCell } from './form.ts';
import { required } from '../entities/common.ts';
import type { Violation } from '../entities/case.ts';
import { totalFine } from '../domain/case-procedure.ts';
import { violationPenalty } from './wording.ts';

/**
 * The violations a 告知书 or 决定书 states, one row each: facts, the provision violated, the penalty
 * basis and the penalty, prefilled from the approved 呈批 (unitPart).
 */
export const caseViolationRow = z.object({
  facts: required(z.string().max(4000)),
  violatedProvision: required(z.string().max(300)),
  penaltyProvision: required(z.string().max(300)),
  penalty: required(z.string().max(500)),
});

export const caseViolationsCell: RowsCell<'violations'> = {
  field: 'violations', input: 'rows', label: 'caseViolations', add: 'addViolation', numbered: true, columns: [
    { field: 'facts', input: 'textarea', placeholder: 'violationFacts' },
    { field: 'violatedProvision', input: 'text', placeholder: 'violatedProvision', width: 220 },
    { field: 'penaltyProvision', input: 'text', placeholder: 'penaltyProvision', width: 220 },
    { field: 'penalty', input: 'text', placeholder: 'penalty', width: 220 },
  ],
};

/** What a blank form prints in the sentences: room to write each citation by hand (the facts get ruled lines). */
const ROOM = '　'.repeat(6);
export const BLANK_VIOLATION = { facts: '', violatedProvision: ROOM, penaltyProvision: ROOM, penalty: ROOM };

/**
 * The unit's part of the approved 呈批 as a unit's 告知书 or 决定书 states it: its violations, their
 * evidence and its total fine. A person fined beside the unit gets a decision of their own.
 */
export function unitPart(c: { violations: Violation[] } | null | undefined) {
  const own = (c?.violations ?? []).filter((v) => v.party === 'unit');
  return {
    violations: own.map((v) => ({ facts: v.facts, violatedProvision: v.violatedProvision, penaltyProvision: v.penaltyProvision, penalty: violationPenalty(v) })),
    evidence: own.map((v) => v.evidence).filter(Boolean).join('；'),
    totalFine: totalFine(own),
  };
}
