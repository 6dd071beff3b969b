import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FineRange, penaltyCatalogue } from '../../shared/entities/penalty-article.ts';
import { LAW_TABLE as table, upTo } from '../support/penalty-law.ts';

/**
 * Every item of the 安全生产法 penalty catalogue, at every stage, against the statute: the bounds in
 * tests/support/penalty-law.ts are transcribed by hand from 第六章 法律责任 (LawRefBook/Laws 2f4c5c2, 社会法/安全生产法(2021-06-10).md), with
 * the words they come from quoted beside them. The test checks three ways: the catalogue equals the table;
 * each quoted fragment occurs in the item's `text`; and each bound of the table is written in the quote
 * (十万元以上二十万元以下, 百分之四十, 二倍以上五倍以下), so a wrong literal shows against its own words.
 */
const file = path.resolve(import.meta.dirname, '../../resources/knowledge/penalty-articles.json');
const catalogue = penaltyCatalogue.parse(JSON.parse(fs.readFileSync(file, 'utf8')));

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–100 as written in 百分之四十, 二倍: 十, 二十, 一百. */
function small(n: number): string {
  if (n === 100) return '一百';
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`no numeral for ${n}`);
  if (n < 10) return DIGITS[n];
  return `${n < 20 ? '' : DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
}
function yuan(n: number): string {
  const wan = n / 10000;
  if (!Number.isInteger(wan) || wan < 1) throw new Error(`not whole 万: ${n}`);
  if (wan <= 100) return `${small(wan)}万元`;
  if (wan < 1000 && wan % 100 === 0) return `${DIGITS[wan / 100]}百万元`;
  if (wan < 10000 && wan % 1000 === 0) return `${DIGITS[wan / 1000]}千万元`;
  throw new Error(`no numeral for ${n}`);
}
/** 处十万元以下 / 处十万元以上二十万元以下 (the 处 keeps 十万元以下 from matching inside 二十万元以下). */
const words = (r: NonNullable<FineRange>) =>
  r.min === null ? `处${yuan(r.max!)}以下` : `处${yuan(r.min)}以上${yuan(r.max!)}以下`;

const items = catalogue.items;
const byId = new Map(items.map((i) => [i.id, i]));

describe('the penalty catalogue against the statute (安全生产法 第九十条–第一百一十九条)', () => {
  it('spells amounts as the statute does', () => {
    expect(yuan(10000)).toBe('一万元');
    expect(yuan(100000)).toBe('十万元');
    expect(yuan(500000)).toBe('五十万元');
    expect(yuan(1000000)).toBe('一百万元');
    expect(yuan(2000000)).toBe('二百万元');
    expect(yuan(20000000)).toBe('二千万元');
    expect(small(40)).toBe('四十');
    expect(words(upTo(100000)!)).toBe('处十万元以下');
  });

  it('has a row for every item, and an item for every row, in order', () => {
    expect(table.map((r) => r.id)).toEqual(items.map((i) => i.id));
  });

  describe.each(table)('$id ($article)', (row) => {
    const item = byId.get(row.id)!;

    it('cites the article and stands on the quoted words', () => {
      expect(item.article).toBe(row.article);
      for (const q of row.quote) expect(item.text, q).toContain(q);
    });

    it('is a possible crime exactly where its text says so', () => {
      expect(item.criminal).toBe(row.criminal);
    });

    it('has the bounds of the statute at every stage', () => {
      expect({ unit: item.unitFine, person: item.personFine }).toEqual(row.first);
      expect(item.overdue && { unit: item.overdue.unitFine, person: item.overdue.personFine }).toEqual(row.overdue);
      expect(item.personIncome).toEqual(row.personIncome ?? null);
      expect(item.unitGains).toEqual(row.unitGains ?? null);
      // 没收违法所得 goes with the gains-based fine in every article that has one, and is offered as a measure.
      expect(item.confiscation).toBe(!!row.unitGains);
      expect(item.measures.includes('没收违法所得')).toBe(!!row.unitGains);
      // Income-based fines have no range in 元 of their own.
      if (row.personIncome) expect(item.personFine).toBeNull();
    });

    it('writes every bound of the row in the quoted words', () => {
      const quoted = row.quote.join('');
      const fixed = [row.first.person, row.overdue?.unit, row.overdue?.person];
      // The aggravated range is computed from the grade's, which is what the quote states.
      if (row.aggravated) {
        expect(row.first.unit).toEqual({
          min: row.aggravated.of!.min! * row.aggravated.minTimes,
          max: row.aggravated.of!.max! * row.aggravated.maxTimes,
        });
        expect(quoted).toContain(`${small(row.aggravated.minTimes)}倍以上${small(row.aggravated.maxTimes)}倍以下`);
        fixed.push(row.aggravated.of);
      } else fixed.push(row.first.unit);
      for (const r of fixed) if (r) expect(quoted).toContain(words(r));
      if (row.personIncome) {
        expect(quoted).toContain(`百分之${small(row.personIncome.minPercent)}`);
        expect(quoted).toContain(`百分之${small(row.personIncome.maxPercent)}`);
      }
      if (row.unitGains) {
        expect(quoted).toMatch(new RegExp(`违法所得在?${yuan(row.unitGains.threshold)}以上的`));
        expect(quoted).toContain(`${small(row.unitGains.minTimes)}倍以上${small(row.unitGains.maxTimes)}倍以下`);
        expect(quoted).toContain(`不足${yuan(row.unitGains.threshold)}的，单处或者并处`);
      }
    });
  });

  it('marks the reading of 第一百一十四条第二款 as uncertain, with a note saying so', () => {
    for (const row of table.filter((r) => r.aggravated)) {
      const item = byId.get(row.id)!;
      expect(item.uncertain, row.id).toBe(true);
      expect(item.note, row.id).toContain('待核实');
    }
  });
});
