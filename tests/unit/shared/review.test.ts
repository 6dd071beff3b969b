import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IDS,
  periodHint,
  REVIEW_CHECKS,
  type ReviewCheck,
  type ReviewSnapshot,
} from '../../../shared/domain/review/checks.ts';
import { review } from '../../../shared/domain/review/review.ts';
import { summarise } from '../../../shared/domain/review/batch.ts';
import { reviewStandard } from '../../../shared/entities/review-standard.ts';
import { unknownChecks } from '../../../shared/domain/review/standard.ts';
import { resources } from '../../../shared/i18n/resources.ts';

const bundled = reviewStandard.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/review-standard.json'), 'utf8'),
  ),
);

/** A check that finds what it is told to, on a file filed on the day given. */
const fake = (id: string, n: number, appliesFrom = '2021-07-15'): ReviewCheck => ({
  id,
  basis: `basis of ${id}`,
  appliesFrom,
  appliesTo: null,
  run: () =>
    Array.from({ length: n }, (_, i) => ({
      check: id,
      address: { documentId: i + 1, path: ['date'] },
      key: 'review.hints.receiptMissing',
    })),
});
const snapshot = (filedOn = '2026-09-01') =>
  ({ detail: { filedOn, violationDate: '2026-08-30' } }) as unknown as ReviewSnapshot;
const standard = reviewStandard.parse({
  id: 'test',
  name: '测试标准',
  version: '1',
  effectiveFrom: '2021-01-01',
  grades: [
    { name: '优秀', min: 90 },
    { name: '合格', min: 60 },
    { name: '不合格', min: 0 },
  ],
  vetoes: [
    { id: 'veto-a', name: '否决项', mode: 'auto', checks: ['a'] },
    { id: 'veto-j', name: '事实清楚', mode: 'judgement' },
  ],
  sections: [
    {
      id: 's',
      name: '送达',
      items: [
        { id: 'per', name: '每处扣1分', points: 3, mode: 'auto', checks: ['b'], deduct: 1 },
        { id: 'all', name: '全扣', points: 7, mode: 'auto', checks: ['c'] },
        { id: 'none', name: '不计分', mode: 'auto', checks: ['d'] },
        { id: 'judge', name: '人工', points: 10, mode: 'judgement' },
      ],
    },
  ],
});

describe('review(snapshot, standard)', () => {
  it("deducts per finding up to the item's points, or the whole item, and lists findings without points", () => {
    const r = review(snapshot(), standard, undefined, [fake('a', 0), fake('b', 5), fake('c', 1), fake('d', 2)]);
    const items = Object.fromEntries(r.sections[0].items.map((i) => [i.id, i]));
    expect(items.per).toMatchObject({ lost: 3, status: 'deducted' });
    expect(items.per.findings.map((f) => f.pointsLost)).toEqual([1, 1, 1, 0, 0]);
    expect(items.all).toMatchObject({ lost: 7 });
    expect(items.none).toMatchObject({ lost: 0, status: 'deducted' });
    expect(items.judge).toMatchObject({ status: 'pending' });
    // 20 points in all, 10 lost: 50% is below 合格.
    expect(r).toMatchObject({ max: 20, score: 10, percent: 50, grade: '不合格', vetoed: false, pendingJudgements: 2 });
    expect(r.findings).toHaveLength(8);
  });

  it('grades by the bands, and a veto hit fails the file whatever it scored', () => {
    expect(review(snapshot(), standard, undefined, [fake('b', 1)])).toMatchObject({
      score: 19,
      percent: 95,
      grade: '优秀',
    });
    expect(review(snapshot(), standard, undefined, [fake('b', 1), fake('c', 0), fake('a', 1)])).toMatchObject({
      score: 0,
      grade: '不合格',
      vetoed: true,
    });
  });

  it('grades at the floor a file an item fails whatever it scored (a document missing), unless overruled', () => {
    const strict = {
      ...standard,
      sections: [
        {
          ...standard.sections[0],
          items: standard.sections[0].items.map((i) => (i.id === 'none' ? { ...i, failsFile: true } : i)),
        },
      ],
    };
    const r = review(snapshot(), strict, undefined, [fake('d', 1)]);
    expect(r).toMatchObject({ score: 20, percent: 100, grade: '不合格', failedBy: [{ id: 'none', name: '不计分' }] });
    const overruled = review(snapshot(), strict, { judgements: {}, overruled: { [r.findings[0].id]: '卷内另附' } }, [
      fake('d', 1),
    ]);
    expect(overruled).toMatchObject({ grade: '优秀', failedBy: [] });
  });

  it('says the grade is provisional (暂评) while veto or judgement items wait, naming them', () => {
    const r = review(snapshot(), standard, undefined, []);
    expect(r.pending).toEqual([
      { id: 'veto-j', name: '事实清楚' },
      { id: 'judge', name: '人工' },
    ]);
    const judged = review(
      snapshot(),
      standard,
      { judgements: { 'veto-j': { passed: true, comment: '' }, judge: { passed: true, comment: '' } }, overruled: {} },
      [],
    );
    expect(judged).toMatchObject({ pending: [], pendingJudgements: 0, grade: '优秀' });
  });

  it('runs only the checks in force on the day the file was filed', () => {
    expect(review(snapshot('2021-07-14'), standard, undefined, [fake('c', 1)]).findings).toEqual([]);
    expect(review(snapshot('2021-07-15'), standard, undefined, [fake('c', 1)]).findings).toHaveLength(1);
  });

  it('refuses a standard whose machine item names no check, and knows every check the bundled one names', () => {
    expect(
      reviewStandard.safeParse({
        ...standard,
        sections: [{ id: 's', name: 'x', items: [{ id: 'i', name: 'x', mode: 'auto' }] }],
      }).success,
    ).toBe(false);
    expect(unknownChecks(bundled, CHECK_IDS)).toEqual([]);
    expect(bundled.example).toBe(true);
  });

  it('names every check and its hints in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = resources[lang].translation as unknown as {
        review: { checks: Record<string, string>; hints: Record<string, string> };
      };
      expect(
        REVIEW_CHECKS.filter((c) => !t.review.checks[c.id]).map((c) => c.id),
        lang,
      ).toEqual([]);
      const source = fs.readFileSync(
        path.resolve(import.meta.dirname, '../../../shared/domain/review/checks.ts'),
        'utf8',
      );
      // Fixed keys, and the …Late/…Missing pair of every period a check reads.
      const hints = [
        ...(source.match(/review\.hints\.\w+/g) ?? []).map((k) => k.split('.')[2]),
        ...REVIEW_CHECKS.flatMap((c) => c.periods ?? []).flatMap((p) => [
          `${periodHint(p)}Late`,
          `${periodHint(p)}Missing`,
        ]),
      ];
      expect(hints.length).toBeGreaterThan(10);
      expect(
        hints.filter((k) => !t.review.hints[k]),
        lang,
      ).toEqual([]);
    }
  });

  it('sums a batch up by officer, by deduction and by the document at fault', () => {
    const file = (caseId: number, handlerNames: string[], checks: ReviewCheck[]) => ({
      caseId,
      handlerNames,
      documentNames: { 1: '行政处罚决定书（单位）', 2: '询问笔录' },
      result: review(snapshot(), standard, undefined, checks),
    });
    const s = summarise([
      file(1, ['张明', '李华'], [fake('c', 1)]),
      file(2, ['张明', '王强'], [fake('b', 2), fake('c', 1)]),
      file(3, ['李华', '王强'], []),
    ]);
    expect(s).toMatchObject({ files: 3, vetoed: 0 });
    // 65% (13/20), 55% (11/20), 100%.
    expect(s.averagePercent).toBe(73.3);
    expect(s.byOfficer.map((o) => [o.name, o.files, o.averagePercent, o.findings])).toEqual([
      ['张明', 2, 60, 4],
      ['王强', 2, 77.5, 3],
      ['李华', 2, 82.5, 1],
    ]);
    expect(s.byCheck.map((c) => [c.check, c.files, c.findings, c.pointsLost])).toEqual([
      ['c', 2, 2, 14],
      ['b', 1, 2, 2],
    ]);
    expect(s.byDocument).toEqual([
      { name: '行政处罚决定书（单位）', findings: 3 },
      { name: '询问笔录', findings: 1 },
    ]);
  });

  it("takes the reviewer's judgements and overrulings: a failed veto fails the file, an overruled finding costs nothing", () => {
    const checks = [fake('b', 2), fake('c', 1)];
    const first = review(snapshot(), standard, undefined, checks);
    const cFinding = first.findings.find((f) => f.check === 'c')!;
    const r = review(
      snapshot(),
      standard,
      {
        judgements: {
          judge: { passed: false, lost: 4, comment: '询问笔录未逐页签名' },
          'veto-j': { passed: true, comment: '' },
        },
        overruled: { [cFinding.id]: '已补正送达' },
      },
      checks,
    );
    const items = Object.fromEntries(r.sections[0].items.map((i) => [i.id, i]));
    expect(items.all).toMatchObject({ lost: 0, status: 'ok' });
    expect(items.all.findings[0]).toMatchObject({ overruled: '已补正送达', pointsLost: 0 });
    expect(items.judge).toMatchObject({ lost: 4, status: 'deducted', comment: '询问笔录未逐页签名' });
    expect(r).toMatchObject({ score: 20 - 2 - 4, pendingJudgements: 0, vetoed: false });
    expect(
      review(
        snapshot(),
        standard,
        { judgements: { 'veto-j': { passed: false, comment: '事实不清' } }, overruled: {} },
        checks,
      ),
    ).toMatchObject({ vetoed: true, score: 0, grade: '不合格' });
    // The same finding has the same id on the next run.
    expect(review(snapshot(), standard, undefined, checks).findings.map((f) => f.id)).toEqual(
      first.findings.map((f) => f.id),
    );
  });
});
