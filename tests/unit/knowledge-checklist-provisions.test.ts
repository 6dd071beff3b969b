import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChecklistItem, checklist } from '../../shared/entities/checklist.ts';
import { penaltyCatalogue } from '../../shared/entities/penalty-article.ts';

/**
 * The major-hazard criteria's provisions against the statutes (issue 15, "Hazard criteria → provisions"). The pairs
 * changed in the review are held here as literals, each with the words of the statute it stands on, transcribed from
 * the LawRefBook/Laws public transcription (commit 2f4c5c23716267af9dbebbbbd6cbbf732b101981): 社会法/安全生产法(2021-06-10).md,
 * 行政法规/安全生产许可证条例(2014-07-29).md, 行政法规/烟花爆竹安全管理条例(2016-02-06).md,
 * 行政法规/危险化学品安全管理条例(2013-12-07).md, 刑法/刑法.md. Where the penalty is the 安全生产法's, its quote must
 * occur in the penalty catalogue's `text` of that article. And every penalty the checklists take from the
 * 安全生产法 must be an article of its 第六章 法律责任 that the catalogue has.
 */
const dir = path.resolve(import.meta.dirname, '../../resources/knowledge/checklists');
const items = new Map<string, ChecklistItem>();
for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
  const list = checklist.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  for (const item of list.items) items.set(item.id, item);
}
const catalogue = penaltyCatalogue.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/knowledge/penalty-articles.json'), 'utf8'),
  ),
).items;

const AQSC = '《安全生产法》';
const EXIT_DUTY = '生产经营场所和员工宿舍应当设有符合紧急疏散要求、标志明显、保持畅通的出口、疏散通道';
const EXIT_PENALTY =
  '生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道，或者占用、锁闭、封堵生产经营场所或者员工宿舍出口、疏散通道的';
const exit = {
  violatedProvision: '《安全生产法》第四十二条第二款',
  penaltyProvision: '《安全生产法》第一百零五条第（二）项',
  violatedWords: EXIT_DUTY,
  penaltyWords: EXIT_PENALTY,
  criminalRisk: false,
  uncertain: true,
};

interface Corrected {
  violatedProvision: string;
  penaltyProvision: string;
  /** The statute's words for the duty and for the penalty, as transcribed. */
  violatedWords: string;
  penaltyWords: string;
  criminalRisk: boolean;
  uncertain: boolean;
}

const CORRECTED: Record<string, Corrected> = {
  // Blocked, missing or inadequate mine exits: 第一百零五条第（二）项 names both halves (未设有… / 占用、锁闭、封堵…).
  'mine-ug-exit-1': exit,
  'mine-ug-exit-2': exit,
  'mine-ug-exit-3': exit,
  'mine-ug-exit-4': exit,
  'mine-ug-exit-5': exit,
  // The 粉尘防爆安全规定 is not in the transcription: its 第二十九条 is withdrawn, the verifiable general pair stands.
  'gm-11-10': {
    violatedProvision: '《安全生产法》第四十一条第二款',
    penaltyProvision: '《安全生产法》第一百零二条',
    violatedWords: '采取技术、管理措施，及时发现并消除事故隐患',
    penaltyWords: '生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款',
    criminalRisk: false,
    uncertain: true,
  },
  'hc-20': {
    violatedProvision: '《危险化学品安全管理条例》第二十四条第二款',
    penaltyProvision: '《危险化学品安全管理条例》第八十条第一款第（五）项',
    violatedWords: '危险化学品的储存方式、方法以及储存数量应当符合国家标准或者国家有关规定',
    penaltyWords: '危险化学品的储存方式、方法或者储存数量不符合国家标准或者国家有关规定的',
    criminalRisk: false,
    uncertain: false,
  },
  'fw-14': {
    violatedProvision: '《安全生产许可证条例》第十三条',
    penaltyProvision: '《安全生产许可证条例》第二十一条',
    violatedWords: '企业不得转让、冒用安全生产许可证或者使用伪造的安全生产许可证',
    penaltyWords: '冒用安全生产许可证或者使用伪造的安全生产许可证的，依照本条例第十九条的规定处罚',
    criminalRisk: true,
    uncertain: true,
  },
  'fw-15': {
    violatedProvision: '《烟花爆竹安全管理条例》第十一条、第十三条',
    penaltyProvision: '《烟花爆竹安全管理条例》第三十七条第（一）项、第（五）项',
    violatedWords: '应当按照安全生产许可证核定的产品种类进行生产',
    penaltyWords: '未按照安全生产许可证核定的产品种类进行生产的',
    criminalRisk: true,
    uncertain: true,
  },
  'fw-17': {
    violatedProvision: '《安全生产许可证条例》第二条第二款',
    penaltyProvision: '《安全生产许可证条例》第十九条',
    violatedWords: '企业未取得安全生产许可证的，不得从事生产活动',
    penaltyWords: '未取得安全生产许可证擅自进行生产的，责令停止生产，没收违法所得，并处10万元以上50万元以下的罚款',
    criminalRisk: true,
    uncertain: true,
  },
  'fw-18': {
    violatedProvision: '《安全生产许可证条例》第九条第一款',
    penaltyProvision: '《安全生产许可证条例》第二十条',
    violatedWords: '安全生产许可证有效期满需要延期的，企业应当于期满前3个月向原安全生产许可证颁发管理机关办理延期手续',
    penaltyWords: '安全生产许可证有效期满未办理延期手续，继续进行生产的，责令停止生产，限期补办延期手续',
    criminalRisk: true,
    uncertain: true,
  },
};

/** 刑法 第一百三十四条之一's three 项, as transcribed (刑法/刑法.md): the grounds a criminalRisk note must name. */
const DANGEROUS_WORK = ['第一百三十四条之一第（一）项', '第一百三十四条之一第（二）项', '第一百三十四条之一第（三）项'];

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 第九十九条 → 99, 第一百零二条 → 102, 第一百一十九条 → 119. */
function articleNumber(cited: string): number {
  const m = /^第([零一二三四五六七八九十百]+)条/.exec(cited);
  if (!m) throw new Error(`no article in ${cited}`);
  let n = 0;
  let digit = 0;
  for (const ch of m[1]) {
    if (ch === '百') {
      n += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      n += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGIT[ch];
  }
  return n + digit;
}

/** The catalogue item a 安全生产法 penalty citation names (exactly, or by its 条 where the catalogue has no 项 for it). */
function catalogueItemFor(cited: string) {
  const exact = catalogue.find((i) => i.article === cited);
  if (exact) return exact;
  const tiao = /^第[^条]+条/.exec(cited)?.[0] ?? '';
  const same = catalogue.filter((i) => i.article.startsWith(tiao));
  if (same.some((i) => i.article.includes('项'))) return undefined;
  return same.find((i) => cited.startsWith(i.article));
}

describe('hazard criteria provisions against the statutes', () => {
  it('numbers articles as the statute does', () => {
    expect(articleNumber('第九十条')).toBe(90);
    expect(articleNumber('第九十九条第（三）项')).toBe(99);
    expect(articleNumber('第一百条')).toBe(100);
    expect(articleNumber('第一百零二条')).toBe(102);
    expect(articleNumber('第一百一十九条')).toBe(119);
  });

  describe.each(Object.entries(CORRECTED))('%s', (id, want) => {
    const item = items.get(id);

    it('cites the corrected pair', () => {
      expect(item, id).toBeDefined();
      expect({
        violatedProvision: item?.violatedProvision,
        penaltyProvision: item?.penaltyProvision,
        criminalRisk: item?.criminalRisk,
        uncertain: item?.uncertain,
      }).toEqual({
        violatedProvision: want.violatedProvision,
        penaltyProvision: want.penaltyProvision,
        criminalRisk: want.criminalRisk,
        uncertain: want.uncertain,
      });
    });

    it('quotes in its note the words it stands on, and the transcription they come from', () => {
      expect(item?.note).toContain(want.violatedWords);
      expect(item?.note).toContain(want.penaltyWords);
      expect(item?.note).toContain('2f4c5c2');
      if (want.uncertain) expect(item?.note).toMatch(/待核实|未核实|未核对|解读\[I\]/);
      if (want.criminalRisk) expect(DANGEROUS_WORK.some((g) => item?.note.includes(g))).toBe(true);
    });
  });

  it.each(Object.entries(CORRECTED).filter(([, w]) => w.penaltyProvision.startsWith(AQSC)))(
    '%s: finds the penalty words in the catalogue article, which punishes the provision cited',
    (_id, want) => {
      const hit = catalogueItemFor(want.penaltyProvision.slice(AQSC.length));
      expect(hit?.text).toContain(want.penaltyWords);
      expect(`${AQSC}${hit?.violatedProvision}`).toBe(want.violatedProvision);
    },
  );

  it('takes every 安全生产法 penalty from 第九十条–第一百一十九条, as an article the catalogue has', () => {
    const cited = [...items.values()].filter((i) => i.penaltyProvision?.startsWith(AQSC));
    expect(cited.length).toBeGreaterThan(0);
    for (const item of cited) {
      const article = item.penaltyProvision!.slice(AQSC.length);
      expect(article, item.id).toMatch(
        /^第[零一二三四五六七八九十百]+条(第[一二三四五六七八九十]+款)?(第（[一二三四五六七八九十]+）项)?$/,
      );
      const n = articleNumber(article);
      expect(n >= 90 && n <= 119, `${item.id}: ${article}`).toBe(true);
      expect(catalogueItemFor(article), `${item.id}: ${article} not in the penalty catalogue`).toBeDefined();
    }
  });

  it('pairs a 安全生产法 penalty with the provision the catalogue says it punishes', () => {
    for (const item of items.values()) {
      if (!item.penaltyProvision?.startsWith(AQSC) || !item.violatedProvision?.startsWith(AQSC)) continue;
      const hit = catalogueItemFor(item.penaltyProvision.slice(AQSC.length));
      if (hit?.violatedProvision) expect(item.violatedProvision, item.id).toBe(`${AQSC}${hit.violatedProvision}`);
    }
  });

  it('cites no provision of the 工贸企业粉尘防爆安全规定, whose text is not in the transcription', () => {
    for (const item of items.values())
      for (const p of [item.violatedProvision, item.penaltyProvision])
        expect(p ?? '', item.id).not.toContain('粉尘防爆安全规定');
  });

  it('flags 危险作业罪 only with a note naming the 项 of 刑法 第一百三十四条之一 it matches', () => {
    for (const item of items.values())
      if (item.criminalRisk)
        expect(
          DANGEROUS_WORK.some((g) => item.note.includes(g)),
          item.id,
        ).toBe(true);
  });
});
