import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { penaltyCatalogue } from '../../shared/entities/penalty-article.ts';

const file = path.resolve(import.meta.dirname, '../../resources/knowledge/penalty-articles.json');
const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
const parsed = penaltyCatalogue.safeParse(raw);
const items = parsed.success ? parsed.data.items : [];
const byId = (id: string) => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`${id} missing`);
  return item;
};

/** 九十 → 90, 一百零二 → 102, 一百一十九 → 119 (numerals up to 999, as used for article numbers). */
const digits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function cnNumber(s: string): number {
  let total = 0;
  let pending = 0;
  for (const ch of s) {
    if (ch in digits) pending = digits[ch];
    else if (ch === '百') {
      total += (pending || 1) * 100;
      pending = 0;
    } else if (ch === '十') {
      total += (pending || 1) * 10;
      pending = 0;
    } else throw new Error(`unexpected numeral ${ch} in ${s}`);
  }
  return total + pending;
}
const articleNumber = (article: string) => {
  const m = /^第([零一二三四五六七八九十百]+)条/.exec(article);
  if (!m) throw new Error(`cannot read article number from ${article}`);
  return cnNumber(m[1]);
};

describe('knowledge: 安全生产法 penalty articles', () => {
  it('parses with the penaltyCatalogue schema', () => {
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(parsed.data?.law).toBe('中华人民共和国安全生产法');
    expect(parsed.data?.effectiveFrom).toBe('2021-09-01');
  });

  it('keeps ids unique', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has min ≤ max in every range', () => {
    for (const i of items) {
      for (const r of [i.unitFine, i.personFine, i.overdue?.unitFine, i.overdue?.personFine]) {
        if (r && r.min !== null && r.max !== null) expect(r.min, i.id).toBeLessThanOrEqual(r.max);
      }
    }
  });

  it('keeps every article within 第九十条–第一百一十九条', () => {
    expect(cnNumber('九十')).toBe(90);
    expect(cnNumber('一百零二')).toBe(102);
    expect(cnNumber('一百一十九')).toBe(119);
    for (const i of items) {
      const n = articleNumber(i.article);
      expect(n, `${i.id}: ${i.article}`).toBeGreaterThanOrEqual(90);
      expect(n, `${i.id}: ${i.article}`).toBeLessThanOrEqual(119);
    }
  });

  it('covers every row of the §9 table and the stages it left as prose (第九十四条–第一百一十三条)', () => {
    // §9's 49 rows, plus (issue 15): 第九十四条第二款、第三款 (+2); 第九十五条 split into its four 项 (+3);
    // 第九十六条's accident stage (+1). 55 items.
    const from94to113 = items.filter((i) => articleNumber(i.article) >= 94 && articleNumber(i.article) <= 113);
    expect(from94to113).toHaveLength(55);
  });

  it('matches §9 spot checks', () => {
    // §9: "第九十七条第(一)项 … | ≤10万, plus an order to correct | — at first | 逾期: 停产停业整顿, unit 10–20万, DR 2–5万"
    const a97 = byId('aqsc-97-1');
    expect(a97.article).toBe('第九十七条第（一）项');
    expect(a97.unitFine).toEqual({ min: null, max: 100000 });
    expect(a97.personFine).toBeNull();
    expect(a97.criminal).toBe(false);

    // §9: "第九十八条第(一)项 … | … plus 10–50万 | DR 2–5万 at the first stage | 逾期: unit 50–100万, DR 5–10万; 刑"
    const a98 = byId('aqsc-98-1');
    expect(a98.unitFine).toEqual({ min: 100000, max: 500000 });
    expect(a98.personFine).toEqual({ min: 20000, max: 50000 });
    expect(a98.overdue).toEqual({ unitFine: { min: 500000, max: 1000000 }, personFine: { min: 50000, max: 100000 } });
    expect(a98.criminal).toBe(true);

    // §9: "第一百零二条 | … | ≤5万, plus an order to remove it at once or by a deadline | — at first | 拒不执行: 停产停业整顿 and DR 5–10万"
    const a102 = byId('aqsc-102');
    expect(a102.violatedProvision).toBe('第四十一条第二款');
    expect(a102.unitFine).toEqual({ min: null, max: 50000 });
    expect(a102.personFine).toBeNull();

    // §9: "第九十四条第一款 | … | None; the principal is the party | Principal 2–5万 …"
    expect(byId('aqsc-94-k1').personFine).toEqual({ min: 20000, max: 50000 });

    // §9: "第一百零九条 | … | 5–10万, plus an order to correct | None | 逾期: 10–20万"
    expect(byId('aqsc-109').unitFine).toEqual({ min: 50000, max: 100000 });
    expect(byId('aqsc-109').overdue).toEqual({ unitFine: { min: 100000, max: 200000 }, personFine: null });
  });

  it('flags the rows §9 marks UNCERTAIN', () => {
    expect(byId('aqsc-96-other-heads').uncertain).toBe(true);
    expect(byId('aqsc-113-4').uncertain).toBe(true);
    for (const i of items.filter((x) => x.uncertain)) expect(i.note, i.id).not.toBe('');
  });
});
