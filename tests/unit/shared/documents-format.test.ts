import { describe, expect, it } from 'vitest';
import { yuanFigures, yuanInWords } from '../../../shared/domain/amount.ts';
import {
  chinaClock,
  chineseDate,
  chineseDateParams,
  chineseDateTime,
  chineseTime,
  chinaDate,
} from '../../../shared/domain/dates.ts';
import { draftNumber, formatDocumentNumber, numberSeries } from '../../../shared/domain/document-number.ts';

describe('文号', () => {
  it('joins prefix, 代字, year in 六角括号 and serial', () => {
    expect(formatDocumentNumber('宣应急', '责改', 2026, 3)).toBe('宣应急责改〔2026〕3号');
    expect(formatDocumentNumber('（宣）应急', '检记', 2026, 12)).toBe('（宣）应急检记〔2026〕12号');
    expect(draftNumber('宣应急', '复查')).toBe('宣应急复查〔\u3000\u3000\u3000〕\u3000\u3000号');
  });
  it('numbers by 代字 (types sharing one share the series), or within the case when the setting says so', () => {
    expect(numberSeries('rectification-order', '责改', 'per-type', 7)).toBe('code:责改');
    expect(numberSeries('penalty-decision-unit', '罚', 'per-type', null)).toBe(
      numberSeries('penalty-decision-person', '罚', 'per-type', null),
    );
    expect(numberSeries('rectification-order', '责改', 'per-case', 7)).toBe('case:7:责改');
    expect(numberSeries('inspection-record', '检记', 'per-case', null)).toBe('code:检记');
    expect(numberSeries('inspection-plan', null, 'per-type', null)).toBe('type:inspection-plan');
  });
});

describe('amounts in 大写', () => {
  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [1_000_000, '壹万元整'],
    [1_234_560, '壹万贰仟叁佰肆拾伍元陆角整'],
    [100_507, '壹仟零伍元零柒分'],
    [1_000_005, '壹万元零伍分'],
    [5_000_000, '伍万元整'],
    [10_100_000, '壹拾万壹仟元整'],
    [100_000_000, '壹佰万元整'],
    [2_000_000_000, '贰仟万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_000_010_000, '壹亿零壹佰元整'],
    [35, '叁角伍分'],
    [30, '叁角整'],
  ])('%i 分 → %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });
  it('refuses fractions of a 分 and negatives', () => {
    expect(() => yuanInWords(1.5)).toThrow();
    expect(() => yuanInWords(-1)).toThrow();
  });
  it('writes figures with separators', () => {
    expect(yuanFigures(1_234_560)).toBe('12,345.60');
    expect(yuanFigures(5)).toBe('0.05');
  });
});

describe('dates on documents', () => {
  it('writes 2026年11月22日 and times with Arabic numerals', () => {
    expect(chineseDate('2026-11-22')).toBe('2026年11月22日');
    expect(chineseDate('2026-01-05T08:00:00Z')).toBe('2026年1月5日');
    expect(chineseDateTime('2026-11-22T09:30')).toBe('2026年11月22日9时30分');
    expect(chineseTime('2026-11-22T11:00')).toBe('11时00分');
    expect(chineseDateTime('2026-11-22T09:05')).toBe('2026年11月22日9时05分');
  });
  it('counts days in China time whatever the PC clock zone', () => {
    expect(chinaDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(chinaDate(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
  });
  it('reads a moment the core stamped as the clock in China shows it', () => {
    // 21:45 UTC is 05:45 the next morning in Beijing: what a record's "登记于" must say on a PC set to UTC.
    expect(chinaClock('2026-11-22T21:45:10.123Z')).toEqual({ date: '2026-11-23', time: '05:45' });
    expect(chinaClock('2026-11-22T02:00:00Z')).toEqual({ date: '2026-11-22', time: '10:00' });
    expect(chinaClock('2026-11-22T10:00:00+08:00')).toEqual({ date: '2026-11-22', time: '10:00' });
    // Typed in as the clock in China read it (a service, an inspection's start): shown as typed, on any PC.
    expect(chinaClock('2026-09-28T10:00')).toEqual({ date: '2026-09-28', time: '10:00' });
    expect(chinaClock('not a time')).toBeNull();
  });
});

describe('days in a message from the core', () => {
  it('are said as Chinese readers read them; times, numbers and other text are left alone', () => {
    expect(
      chineseDateParams({
        from: '2026-11-23',
        to: '2026-11-27',
        at: '2026-11-23T09:30',
        n: 3,
        name: '2026-11-23号仓库',
      }),
    ).toEqual({ from: '2026年11月23日', to: '2026年11月27日', at: '2026-11-23T09:30', n: 3, name: '2026-11-23号仓库' });
    expect(chineseDateParams(undefined)).toBeUndefined();
  });
});
