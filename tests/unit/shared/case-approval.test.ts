import { describe, expect, it } from 'vitest';
import { nextApprovalRole } from '../../../shared/domain/case-procedure.ts';
import type { CaseEvent, CaseEventData } from '../../../shared/entities/case.ts';

/** Events as the case holds them, in the order entered. */
function events(...data: CaseEventData[]): CaseEvent[] {
  return data.map((d, i) => ({
    id: i + 1,
    data: d,
    scanName: null,
    scanSha256: null,
    enteredAt: '',
    enteredBy: '张明',
    retracted: null,
  }));
}
const sign = (
  role: 'handler' | 'review' | 'approve',
  name: string,
  date = '2026-09-04',
  approved = true,
): CaseEventData => ({
  kind: 'approval',
  stage: 'disposal',
  role,
  name,
  post: '',
  date,
  opinion: '',
  approved,
});

describe('the signature a 呈批 waits for next', () => {
  it('is two different 承办人, then the 审核人, then the 审批人', () => {
    expect(nextApprovalRole([], 'disposal')).toBe('handler');
    // The same officer twice is one 承办人: the form still waits for the second.
    expect(nextApprovalRole(events(sign('handler', '张明'), sign('handler', '张明')), 'disposal')).toBe('handler');
    expect(nextApprovalRole(events(sign('handler', '张明'), sign('handler', '李华')), 'disposal')).toBe('review');
    expect(
      nextApprovalRole(events(sign('handler', '张明'), sign('handler', '李华'), sign('review', '赵审核')), 'disposal'),
    ).toBe('approve');
    const refused = events(
      sign('handler', '张明'),
      sign('handler', '李华'),
      sign('review', '赵审核'),
      sign('approve', '陈局长', '2026-09-04', false),
    );
    expect(nextApprovalRole(refused, 'disposal')).toBe('approve');
  });

  it('starts a fresh round once the police declined the transfer the 呈批 approved', () => {
    const spent = events(
      sign('handler', '张明'),
      sign('handler', '李华'),
      sign('review', '赵审核'),
      sign('approve', '陈局长'),
      { kind: 'transfer-answer', date: '2026-09-10', organ: '示例县公安局', result: 'declined', note: '' },
    );
    expect(nextApprovalRole(spent, 'disposal')).toBe('handler');
  });
});
