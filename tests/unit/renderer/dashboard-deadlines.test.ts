import { describe, expect, it } from 'vitest';
import type { CaseDeadlineRow } from '../../../shared/api/channels/cases.ts';
import { overdueByOfficer } from '../../../renderer/src/features/dashboard/deadlines.ts';

const row = (urgency: 'overdue' | 'soon', handlerNames: string[]) => ({ urgency, handlerNames }) as CaseDeadlineRow;

describe('overdue deadlines by officer', () => {
  it('counts each officer’s overdue ones, most first, a shared case for both', () => {
    expect(
      overdueByOfficer([
        row('overdue', ['张明', '李华']),
        row('overdue', ['李华', '王芳']),
        row('soon', ['王芳', '王芳']),
        row('overdue', ['李华', '李华']),
        row('overdue', []),
      ]),
    ).toEqual([
      { name: '李华', count: 3 },
      { name: '王芳', count: 1 },
      { name: '张明', count: 1 },
    ]);
    expect(overdueByOfficer([row('soon', ['张明'])])).toEqual([]);
  });
});
