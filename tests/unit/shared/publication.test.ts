import { describe, expect, it } from 'vitest';
import { maskName, maskPersonalData } from '../../../shared/domain/publication.ts';

describe('公示 masks personal data', () => {
  it('keeps the surname of a person, two characters for a compound one', () => {
    expect(maskName('王明')).toBe('王*');
    expect(maskName('李晓燕')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    // 欧阳 alone is a given name too short to tell: one character kept.
    expect(maskName('欧阳')).toBe('欧*');
  });

  it('cuts 身份证号 and mobile numbers down to their ends, and masks the names given wherever they appear', () => {
    const text = '王明（身份证号513722198001011234，电话13900002222）作为主要负责人，王明未督促检查；统一社会信用代码91511722MA62A0XH5T不变';
    expect(maskPersonalData(text, ['王明'])).toBe('王*（身份证号5137**********1234，电话139****2222）作为主要负责人，王*未督促检查；统一社会信用代码91511722MA62A0XH5T不变');
    expect(maskPersonalData('51372219800101123X')).toBe('5137**********123X');
    // A landline or a longer number is left as it is.
    expect(maskPersonalData('0818-5221234 或 123456789012345678901')).toBe('0818-5221234 或 123456789012345678901');
  });
});
