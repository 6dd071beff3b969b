import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledYears } from '../../../electron/core/modules/calendar/repository.ts';
import { CASE_PERIOD_IDS } from '../../../shared/domain/case-procedure.ts';
import { addMonths, periodEnd, periodInForce } from '../../../shared/domain/periods.ts';
import { buildCalendar } from '../../../shared/domain/workdays.ts';
import { periodCatalogue } from '../../../shared/entities/period.ts';

const cal = buildCalendar(bundledYears());
const { periods } = periodCatalogue.parse(
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/periods.json'), 'utf8')),
);
/** The version in force in 2026 (the 2015 办法 gave way on 1 February). */
const p = (id: string) => periodInForce(periods, id, '2026-06-01') ?? periods.find((x) => x.id === id)!;

/*
 * 2026 holidays that matter here: 中秋 25–27 September (Fri–Sun); 国庆 1–7 October; 调休 working days
 * Sunday 20 September and Saturday 10 October. 元旦 1–3 January, with Sunday 4 January worked.
 */
describe('statutory periods across holidays and 调休', () => {
  it.each([
    // 7 working days from Mon 28 Sep: 29(1) 30(2) | 1–7 Oct off | 8(3) 9(4) Sat 10 调休(5) | Sun 11 off | 12(6) 13(7).
    ['service', '2026-09-28', '2026-10-13'],
    // 5 working days from Thu 24 Sep: 25–27 中秋 off | 28(1) 29(2) 30(3) | 1–7 Oct off | 8(4) 9(5).
    ['hearing-request', '2026-09-24', '2026-10-09'],
    // 7 working days from Thu 17 Sep: 18(1) | Sat 19 off | Sun 20 调休(2) | 21(3) 22(4) 23(5) 24(6) | 25–27 off | 28(7).
    ['publication', '2026-09-17', '2026-09-28'],
    // 15 calendar days from Tue 22 Sep end on Wed 7 Oct, a holiday → Thu 8 Oct.
    ['payment', '2026-09-22', '2026-10-08'],
    // 90 days from Fri 3 Jul end on Thu 1 Oct (国庆) → Thu 8 Oct.
    ['decision', '2026-07-03', '2026-10-08'],
    // 60 days from Wed 5 Aug end on Sun 4 Oct (国庆) → Thu 8 Oct.
    ['review', '2026-08-05', '2026-10-08'],
    // 6 months from Sun 5 Apr end on Mon 5 Oct (国庆) → Thu 8 Oct.
    ['litigation', '2026-04-05', '2026-10-08'],
    // 2 working days from Wed 31 Dec 2025: 1–3 Jan off | Sun 4 Jan 调休(1) | Mon 5(2).
    ['cash-hand-in', '2025-12-31', '2026-01-05'],
    // Notice at least 7 working days before a hearing on Fri 16 Oct: back 15(1) 14(2) 13(3) 12(4) | Sun 11 off |
    // Sat 10 调休(5) | 9(6) 8(7) → served by Thu 8 Oct.
    ['hearing-notice', '2026-10-16', '2026-10-08'],
    // 3 working days to state and defend from Wed 30 Sep: 1–7 Oct off | 8(1) 9(2) Sat 10 调休(3).
    ['statement', '2026-09-30', '2026-10-10'],
    // 7 working days to decide on evidence kept from Fri 25 Sep (中秋 25–27): 28(1) 29(2) 30(3) | 1–7 Oct off | 8(4) 9(5) Sat 10 调休(6) | 12(7).
    ['evidence-disposal', '2026-09-25', '2026-10-12'],
    // 3 working days to withdraw a publication from Fri 2 Jan 2026 (元旦 1–3): Sun 4 调休(1) 5(2) 6(3).
    ['publication-withdrawal', '2026-01-02', '2026-01-06'],
  ])('%s from %s ends %s', (id, event, expected) => {
    expect(periodEnd(cal, p(id), event)).toMatchObject({ date: expected, uncertain: false, basis: p(id).basis });
  });

  it('marks a period that runs into an uncovered year 待核实, naming the year', () => {
    // 10 working days after a 催告 served Thu 24 Dec 2026: 25(1) 28(2) 29(3) 30(4) 31(5), then 2027 guessed Mon–Fri:
    // 1 Jan(6) 4(7) 5(8) 6(9) 7(10).
    expect(periodEnd(cal, p('enforcement-demand'), '2026-12-24')).toMatchObject({
      date: '2027-01-07',
      uncertain: true,
      uncoveredYears: [2027],
    });
  });

  it('counts hours on the clock for the 24-hour notice before a power cut', () => {
    expect(periodEnd(cal, p('power-cut-notice'), '2026-10-02T09:00')).toMatchObject({ date: '2026-10-01T09:00' });
  });

  it('keeps months to the same day, or the month’s last day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
  });

  it('applies the version of a rule in force on the day, and says which rules are uncertain', () => {
    expect(periodInForce(periods, 'filing-urgent', '2025-06-01')?.length).toBe(5);
    // Under 令第18号 the 5 days carry over until an admin confirms the new value (待核实).
    expect(periodInForce(periods, 'filing-urgent', '2026-03-01')).toMatchObject({ length: 5, uncertain: true });
    expect(periodEnd(cal, p('recheck'), '2026-11-30')).toMatchObject({ ruleUncertain: true });
    // 30 days under the 2015 办法 for a case filed in January 2026; 90 (待核实 under 令第18号) from February.
    expect(periodInForce(periods, 'decision', '2026-01-31')).toMatchObject({ length: 30, uncertain: false });
    expect(periodInForce(periods, 'decision', '2026-02-01')).toMatchObject({ length: 90, uncertain: true });
  });

  it('has every period the case procedure counts, in force today', () => {
    for (const id of CASE_PERIOD_IDS) expect(periodInForce(periods, id, '2026-11-22'), id).not.toBeNull();
  });

  it('counts the transfer (国务院令第310号): 3 days to approve, 24 hours to hand over, 3 days for the police', () => {
    // Report Fri 9 Oct + 3 days → Mon 12 Oct, a working day.
    expect(periodEnd(cal, p('transfer-approval'), '2026-10-09').date).toBe('2026-10-12');
    // Approved Mon 12 Oct: 24 hours on the clock, to the start of Tue 13 Oct.
    expect(periodEnd(cal, p('transfer-send'), '2026-10-12').date).toBe('2026-10-13T00:00');
  });
});
