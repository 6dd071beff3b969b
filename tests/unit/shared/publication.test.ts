import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPersonalData, publicationRecords } from '../../../shared/domain/publication.ts';
import type { CaseDocument, Violation } from '../../../shared/entities/case.ts';

describe('公示 masks personal data', () => {
  it('keeps the surname of a person, two characters for a compound one', () => {
    expect(maskName('王明')).toBe('王*');
    expect(maskName('李晓燕')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    // 欧阳 alone is a given name too short to tell: one character kept.
    expect(maskName('欧阳')).toBe('欧*');
  });

  it('cuts 身份证号 and mobile numbers down to their ends, and masks the names given wherever they appear', () => {
    const text =
      '王明（身份证号513722198001011234，电话13900002222）作为主要负责人，王明未督促检查；统一社会信用代码91511722MA62A0XH5T不变';
    expect(maskPersonalData(text, ['王明'])).toBe(
      '王*（身份证号5137**********1234，电话139****2222）作为主要负责人，王*未督促检查；统一社会信用代码91511722MA62A0XH5T不变',
    );
    expect(maskPersonalData('51372219800101123X')).toBe('5137**********123X');
    // The person's own number is masked whatever its form: a 15-digit old card, a passport.
    expect(maskIdNumber('513722800101123')).toBe('5137*******1123');
    expect(maskIdNumber('E12345678')).toBe('*********');
    // A landline or a longer number is left as it is.
    expect(maskPersonalData('0818-5221234 或 123456789012345678901')).toBe('0818-5221234 或 123456789012345678901');
  });

  it('names the kinds of penalty, an order to correct not being one (第二十八条)', () => {
    const v = (fine: number, measures: string[]) =>
      ({
        party: 'unit',
        fine,
        measures,
        facts: '未设置报警装置',
        penaltyProvision: '《中华人民共和国安全生产法》第一百零二条',
      }) as unknown as Violation;
    const decision = {
      id: 1,
      type: 'penalty-decision-unit',
      status: 'issued',
      superseded: false,
      numberText: '宣应急罚〔2026〕1号',
      date: '2026-11-20',
      fields: { party: 'unit' },
    } as unknown as CaseDocument;
    const kinds = (violations: Violation[]) =>
      publicationRecords(
        {
          cause: '涉嫌未采取措施消除事故隐患案',
          unit: {
            kind: 'unit',
            name: '宣汉县东林化工有限公司',
            code: '',
            post: '',
            address: '',
            legalRepresentative: '王明',
          },
          persons: [],
          violations,
          documents: [decision],
        },
        '宣汉县应急管理局',
        { unit: 5, person: 2 },
      )[0].values.category;
    expect(kinds([v(20000, ['责令立即或者限期消除事故隐患'])])).toBe('罚款');
    expect(kinds([v(50000, ['责令停产停业整顿'])])).toBe('罚款；责令停产停业');
    expect(kinds([v(0, ['警告', '责令限期改正'])])).toBe('警告');
  });
});
