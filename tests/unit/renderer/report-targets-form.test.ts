import { describe, expect, it } from 'vitest';
import { targetIssues } from '../../../renderer/src/features/reports/targets-form.ts';
import { reportTarget } from '../../../shared/entities/report-rules.ts';

const target = (t: Record<string, unknown>) => reportTarget.parse({ basis: '', kind: 'min', value: 1, ...t });

describe('the targets editor', () => {
  it('refuses a second target for a figure, an annual day not MM-DD, a share over 100%', () => {
    expect(
      targetIssues([
        target({ indicator: 'transfers', annual: true, due: '10-31' }),
        target({ indicator: 'officers-on-duty', value: 90 }),
        target({ indicator: 'transfers', kind: 'yoy', value: 0 }),
      ]),
    ).toEqual([{ row: 2, key: 'twice' }]);
    const bad = target({ indicator: 'plan-completion', value: 100 });
    expect(targetIssues([{ ...bad, annual: true, due: '13-01' }])).toEqual([{ row: 0, key: 'due' }]);
    expect(targetIssues([target({ indicator: 'officers-on-duty', value: 120 })])).toEqual([{ row: 0, key: 'share' }]);
    // A count may be anything; 处罚率 may pass 100%.
    expect(
      targetIssues([
        target({ indicator: 'inspections', value: 500 }),
        target({ indicator: 'penalty-rate', value: 150 }),
      ]),
    ).toEqual([]);
  });
});
