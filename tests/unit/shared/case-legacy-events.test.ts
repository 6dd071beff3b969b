import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledYears } from '../../../electron/core/modules/calendar/repository.ts';
import {
  type CaseRecord,
  caseDeadlines,
  deferralOf,
  eventIssues,
  type ProcedureContext,
} from '../../../shared/domain/case-procedure.ts';
import { buildCalendar } from '../../../shared/domain/workdays.ts';
import {
  type CaseDocument,
  type CaseEvent,
  caseEvent,
  legacyCaseEvent,
  recordInput,
  type StoredCaseEventData,
  violationInput,
} from '../../../shared/entities/case.ts';
import { periodCatalogue } from '../../../shared/entities/period.ts';

/*
 * Files of earlier versions hold a 延期（分期）缴纳 approval ('deferral') and a 催告 ('demand') recorded by
 * hand, before the 批准书 and the 催告书 were documents. No new one is recorded; the stored ones still count.
 */
const { periods } = periodCatalogue.parse(
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/periods.json'), 'utf8')),
);
const ctx = (today: string): ProcedureContext => ({
  today,
  periods,
  cal: buildCalendar(bundledYears()),
  rules: {
    hearingThresholds: { unit: 50_000, person: 10_000 },
    legalReviewTriggers: [],
    collectiveTriggers: [],
    confirmedPeriods: {},
    summaryLimits: { unit: 3000, person: 200 },
  },
});

/** As the core reads a row: the JSON an earlier version wrote, whatever its kind. */
let nextId = 1;
function stored(data: StoredCaseEventData, retracted = false): CaseEvent {
  return {
    id: nextId++,
    data: JSON.parse(JSON.stringify(data)),
    scanName: null,
    scanSha256: null,
    enteredAt: '2026-04-01T02:00:00.000Z',
    enteredBy: '办案员',
    retracted: retracted ? { reason: '录入错误', by: '办案员' } : null,
  };
}

const deferral = (until: string, party: 'unit' | number = 'unit') =>
  legacyCaseEvent.parse({ kind: 'deferral', date: '2026-03-20', party, until, instalments: 1, approvedBy: '陈局长' });
const demand = (date: string, party: 'unit' | number = 'unit') =>
  legacyCaseEvent.parse({ kind: 'demand', date, party });

const document = (id: number, type: string, servedOn: string, fields: Record<string, unknown>): CaseDocument => ({
  id,
  type,
  typeName: type,
  status: 'issued',
  numberText: null,
  date: servedOn,
  servedOn,
  fields,
  servedAt: null,
  superseded: false,
  pages: null,
});

/** A unit fined 5000 元, the decision served on Mon 5 January 2026; a person beside it fined 1000 元. */
function fined(events: CaseEvent[], documents: CaseDocument[] = []): CaseRecord {
  const violation = (party: 'unit' | number, fine: number) =>
    violationInput.parse({
      party,
      facts: `违法事实${party}`,
      violatedProvision: '《中华人民共和国安全生产法》第四十一条第二款',
      penaltyItemId: 'aqscf-102',
      tier: 'general',
      reasoning: '一般情节',
      fine,
    });
  return {
    procedure: 'ordinary',
    outcome: 'penalty',
    violationDate: '2025-11-20',
    complex: false,
    suspectedCrime: false,
    crimeRisks: [],
    handlerNames: ['张明', '李华'],
    persons: [{ name: '王五', idNumber: '', post: '主要负责人', address: '', phone: '' }],
    violations: [violation('unit', 5000), violation(0, 1000)],
    events,
    documents: [
      document(1, 'penalty-decision-unit', '2026-01-05', { party: 'unit' }),
      document(2, 'penalty-decision-person', '2026-01-05', { party: 0 }),
      ...documents,
    ],
  };
}
const paymentDue = (r: CaseRecord, party: 'unit' | number = 'unit') =>
  caseDeadlines(r, ctx('2026-02-01')).find((d) => d.period === 'payment' && d.party === party)?.due;

describe('legacy event kinds', () => {
  it('are refused as new records, and parse as stored', () => {
    const old = { kind: 'deferral', date: '2026-03-20', party: 'unit', until: '2026-12-31', approvedBy: '陈局长' };
    expect(caseEvent.safeParse(old).success).toBe(false);
    expect(recordInput.safeParse({ id: 1, event: old }).success).toBe(false);
    expect(recordInput.safeParse({ id: 1, event: { kind: 'demand', date: '2026-11-02', party: 'unit' } }).success).toBe(
      false,
    );
    expect(legacyCaseEvent.parse(old)).toEqual({ ...old, instalments: 1 });
    expect(legacyCaseEvent.parse({ kind: 'demand', date: '2026-11-02' })).toEqual({
      kind: 'demand',
      date: '2026-11-02',
      party: 'unit',
      note: '',
    });
  });
});

describe('a deferral recorded by hand', () => {
  it('moves the day the fine falls due to its date, for the whole fine', () => {
    // Without it: 15 days from service.
    expect(paymentDue(fined([]))).toBe('2026-01-20');
    const r = fined([stored(deferral('2026-12-31'))]);
    expect(paymentDue(r)).toBe('2026-12-31');
    expect(deferralOf(r, 'unit')).toEqual([{ until: '2026-12-31', amount: 5000 }]);
    // Only the party it was approved for; the latest one counts.
    expect(paymentDue(r, 0)).toBe('2026-01-20');
    expect(paymentDue(fined([stored(deferral('2026-12-31')), stored(deferral('2026-06-30'))]))).toBe('2026-06-30');
    expect(paymentDue(fined([stored(deferral('2026-06-30', 0))]), 0)).toBe('2026-06-30');
  });

  it('counts no longer once retracted, or once a 批准书 was issued to the party', () => {
    expect(paymentDue(fined([stored(deferral('2026-12-31'), true)]))).toBe('2026-01-20');
    const letter = document(3, 'deferred-payment-approval-letter', '2026-01-10', {
      party: 'unit',
      instalments: [{ until: '2026-04-30', amount: 5000 }],
    });
    expect(paymentDue(fined([stored(deferral('2026-12-31'))], [letter]))).toBe('2026-04-30');
  });

  it('moves the court window to its end when that is later than the time to sue', () => {
    const apply = (r: CaseRecord, date: string) =>
      eventIssues(r, { kind: 'court-application', date, party: 'unit', court: '示例县人民法院', note: '' }, ctx(date));
    // 6 months from service end on 5 July; the deferral ran to the end of the year.
    expect(apply(fined([stored(demand('2026-08-03'))]), '2026-09-01')).toEqual([]);
    expect(apply(fined([stored(deferral('2026-12-31')), stored(demand('2026-08-03'))]), '2026-09-01')).toEqual([
      expect.objectContaining({ key: 'cases.rules.courtTooEarly', params: { from: '2026-12-31' } }),
    ]);
  });
});

describe('a 催告 recorded by hand', () => {
  const apply = (events: CaseEvent[], date = '2026-09-01') =>
    eventIssues(
      fined(events),
      { kind: 'court-application', date, party: 'unit', court: '示例县人民法院', note: '' },
      ctx(date),
    ).map((i) => i.key);

  it('is the 催告 the court application waits for, 10 working days after it', () => {
    expect(apply([])).toEqual(['cases.rules.demandMissing']);
    // Mon 3 August: the 10 working days ran out on Mon 17 August.
    expect(apply([stored(demand('2026-08-03'))])).toEqual([]);
    // Tue 25 August: they run until Tue 8 September.
    expect(
      eventIssues(
        fined([stored(demand('2026-08-25'))]),
        { kind: 'court-application', date: '2026-09-01', party: 'unit', court: '示例县人民法院', note: '' },
        ctx('2026-09-01'),
      ),
    ).toEqual([expect.objectContaining({ key: 'cases.rules.demandWaitRunning', params: { until: '2026-09-08' } })]);
  });

  it('counts only for its party, on or before the day, and not once retracted', () => {
    expect(apply([stored(demand('2026-08-03', 0))])).toEqual(['cases.rules.demandMissing']);
    expect(apply([stored(demand('2026-08-03'), true)])).toEqual(['cases.rules.demandMissing']);
    expect(apply([stored(demand('2026-09-02'))], '2026-09-01')).toEqual(['cases.rules.demandMissing']);
  });
});
