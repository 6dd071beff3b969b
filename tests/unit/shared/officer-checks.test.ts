import { describe, expect, it } from 'vitest';
import { officerChecks } from '../../../shared/documents/template.ts';
import type { Officer } from '../../../shared/entities/officer.ts';

const officer = (id: number, name: string, certificateNo: string): Officer =>
  ({
    id,
    name,
    certificateNo,
    certValidFrom: '2024-01-01',
    certValidTo: '2028-12-31',
    post: 'officer',
    onDuty: true,
    idCard: '',
    phone: '',
    notes: '',
    certStatus: 'valid',
    daysToExpiry: 700,
    version: 1,
    createdAt: '',
    updatedAt: '',
  }) as Officer;
const roster = [officer(1, '张明', '51990001'), officer(2, '李华', '51990002')];
const keys = (refs: Parameters<typeof officerChecks>[0]) => officerChecks(refs, roster, '2026-11-20').map((i) => i.key);

describe('行政处罚法 第四十二条 on a document', () => {
  it('passes two roster officers with their own certificates', () => {
    expect(
      keys([
        { officerId: 1, name: '张明', certificateNo: '51990001' },
        { officerId: 2, name: '李华', certificateNo: '51990002' },
      ]),
    ).toEqual([]);
  });

  it('finds a roster pick by its id, so another officer’s certificate on the line is a mismatch', () => {
    // 李华 picked from the roster, 张明's number typed over it: the line is 李华's, and its number is wrong.
    expect(
      officerChecks(
        [
          { officerId: 1, name: '张明', certificateNo: '51990001' },
          { officerId: 2, name: '李华', certificateNo: '51990001' },
        ],
        roster,
        '2026-11-20',
      ),
    ).toEqual([
      {
        path: ['officers', 1],
        key: 'documents.rules.certificateMismatch',
        params: { name: '李华', roster: '51990002' },
      },
    ]);
  });

  it('counts one certificate once, whether picked or typed in by hand', () => {
    expect(
      keys([
        { officerId: 1, name: '张明', certificateNo: '51990001' },
        { officerId: null, name: '张明', certificateNo: '51990001' },
      ]),
    ).toEqual(['documents.rules.twoOfficers', 'documents.rules.duplicateOfficer']);
  });

  it('names an officer outside the roster and a certificate not valid on the day', () => {
    const expired = [officer(3, '王强', '51990003')].map((o) => ({ ...o, certValidTo: '2026-06-30' }));
    expect(
      officerChecks(
        [
          { officerId: null, name: '赵六', certificateNo: '99999999' },
          { officerId: 3, name: '王强', certificateNo: '51990003' },
        ],
        [...roster, ...expired],
        '2026-11-20',
      ).map((i) => [i.key, i.path]),
    ).toEqual([
      ['documents.rules.officerNotInRoster', ['officers', 0]],
      ['documents.rules.certificateInvalid', ['officers', 1]],
    ]);
  });
});
