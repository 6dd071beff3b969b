import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRules, type PlanRules } from '../../../shared/entities/plan-rules.ts';
import {
  BOUNDS,
  fromForm,
  newRuleId,
  percentOf,
  placeIssues,
  ratioOf,
  suggestVersion,
  toForm,
} from '../../../renderer/src/features/plans/rules-form.ts';

const BUNDLED: PlanRules = planRules.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge/plan-rules.json'), 'utf8'),
  ),
);

describe('the 分类分级 editor: shares in per cent, kept exact', () => {
  it.each([
    [0.125, 12.5],
    [0.07, 7],
    [0.143, 14.3],
    [0.2, 20],
    [0.3, 30],
    [1, 100],
    [0, 0],
    [0.005, 0.5],
  ])('%s ↔ %s%%', (ratio, percent) => {
    expect(percentOf(ratio)).toBe(percent);
    expect(ratioOf(percent)).toBe(ratio);
  });

  it('reads its bounds from the schema the core checks with', () => {
    expect(BOUNDS.percent).toEqual({ min: 0, max: 100 });
    expect(BOUNDS.cap).toEqual({ min: 1, max: 52 });
    expect(BOUNDS.rotationDraws).toEqual({ min: 0, max: 20 });
    expect(BOUNDS.accidentFreeYears).toEqual({ min: 0, max: 10 });
  });
});

describe('the form and back', () => {
  it('gives the bundled rules back unchanged, and what it sends passes the schema', () => {
    const back = fromForm(toForm(BUNDLED));
    expect(back).toEqual(BUNDLED);
    expect(planRules.safeParse(back).success).toBe(true);
  });

  it('sends an emptied select as no condition, and the last stratum and cap as the catch-alls', () => {
    const form = toForm(BUNDLED);
    form.strata[0].when = { riskGrades: ['major'], categories: [] };
    form.strata[3].when = { riskGrades: ['low'] };
    form.caps[7].when = { categories: ['mine'] };
    form.strata[2].percent = 12.5;
    form.strata[2].name = '  一般风险 ';
    const back = fromForm(form);
    expect(back.strata[0].when).toEqual({ riskGrades: ['major'] });
    expect(back.strata[3].when).toEqual({});
    expect(back.caps[7].when).toEqual({});
    expect(back.strata[2]).toEqual({ id: 'general', name: '一般风险', when: BUNDLED.strata[2].when, ratio: 0.125 });
    expect(planRules.safeParse(back).success).toBe(true);
  });

  it('keeps the ids it was given through a reorder', () => {
    const form = toForm(BUNDLED);
    form.strata = [form.strata[1], form.strata[0], form.strata[2], form.strata[3]];
    expect(fromForm(form).strata.map((s) => s.id)).toEqual(['watch', 'high', 'general', 'other']);
  });
});

describe('ids for new rows', () => {
  it('take the first number free in their list, in the form the schema allows', () => {
    expect(newRuleId('strata', ['high', 'watch'])).toBe('s-1');
    expect(newRuleId('strata', ['s-1', 's-3'])).toBe('s-2');
    expect(newRuleId('caps', ['c-1', 'c-2'])).toBe('c-3');
    expect(newRuleId('key', [])).toBe('k-1');
    expect(newRuleId('key', [])).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
  });
});

describe('a version for changed rules', () => {
  it('is today, numbered on when the rules already carry today', () => {
    expect(suggestVersion('2026-1（示例）', '2026-11-25')).toBe('2026-11-25');
    expect(suggestVersion('2026-11-25', '2026-11-25')).toBe('2026-11-25-2');
    expect(suggestVersion('2026-11-25-2', '2026-11-25')).toBe('2026-11-25-3');
    expect(suggestVersion('2026-11-24', '2026-11-25')).toBe('2026-11-25');
  });
});

describe("the core's issues under the editor's fields", () => {
  const registered = [
    ['version'],
    ['strata'],
    ['strata', 0, 'name'],
    ['strata', 0, 'percent'],
    ['strata', 0, 'when'],
    ['strata', 3, 'name'],
    ['strata', 3, 'percent'],
    ['caps'],
    ['caps', 0, 'cap'],
  ];

  it('drop the planRules prefix, put a ratio on its per-cent field and say its bounds', () => {
    const { fields, rest } = placeIssues(
      [
        { path: ['planRules', 'strata', 0, 'ratio'], key: 'validation.tooLong' },
        { path: ['planRules', 'strata', 3, 'name'], key: 'validation.tooShort' },
        { path: ['planRules', 'caps', 0, 'cap'], key: 'validation.tooLong' },
      ],
      registered,
    );
    expect(rest).toEqual([]);
    expect(fields).toEqual([
      {
        name: ['strata', 0, 'percent'],
        issues: [
          {
            path: ['planRules', 'strata', 0, 'ratio'],
            key: 'plans.rulesEditor.percentRange',
            params: { min: 0, max: 100 },
          },
        ],
      },
      {
        name: ['strata', 3, 'name'],
        issues: [{ path: ['planRules', 'strata', 3, 'name'], key: 'validation.tooShort' }],
      },
      {
        name: ['caps', 0, 'cap'],
        issues: [
          { path: ['planRules', 'caps', 0, 'cap'], key: 'plans.rulesEditor.range', params: { min: 1, max: 52 } },
        ],
      },
    ]);
  });

  it("go up to the nearest field: a condition's list to the condition, the fixed last row to its list", () => {
    const { fields } = placeIssues(
      [
        { path: ['planRules', 'strata', 0, 'when', 'categories'], key: 'validation.tooShort' },
        { path: ['planRules', 'strata', 3, 'when'], key: 'plans.rules.lastMatchesAll' },
        { path: ['planRules', 'caps', 7, 'id'], key: 'plans.rules.idTwice' },
      ],
      registered,
    );
    expect(fields.map((f) => [f.name, f.issues.map((i) => i.key)])).toEqual([
      [['strata', 0, 'when'], ['validation.tooShort']],
      [['strata'], ['plans.rules.lastMatchesAll']],
      [['caps'], ['plans.rules.idTwice']],
    ]);
  });

  it('leave what no field holds to be shown above the form', () => {
    const other = { path: ['fontOverrides'], key: 'validation.invalid' };
    const whole = { path: ['planRules'], key: 'validation.invalidType' };
    const unplaced = { path: ['planRules', 'key', 0, 'name'], key: 'validation.tooShort' };
    expect(placeIssues([other, whole, unplaced], registered)).toEqual({ fields: [], rest: [other, whole, unplaced] });
  });
});
