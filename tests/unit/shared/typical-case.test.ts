import { describe, expect, it } from 'vitest';
import type { ScheduleRule, TypicalCaseField } from '../../../shared/entities/typical-case.ts';
import {
  editIssues,
  fineText,
  missingFields,
  periodOf,
  refusalOf,
  rulesFor,
  schedulePeriods,
  sourceValues,
  staleFields,
  type TypicalCaseFacts,
  unitLevel,
  valuesOf,
} from '../../../shared/domain/typical-case.ts';

const rule = (over: Partial<ScheduleRule>): ScheduleRule => ({
  id: 'r',
  name: 'r',
  nameEn: 'r',
  basis: 'b',
  level: 'county',
  months: 2,
  firstMonth: 1,
  count: 1,
  regions: [],
  uncertain: false,
  ...over,
});

describe('the reporting schedule', () => {
  it('reads the level from the region code (GB/T 2260)', () => {
    expect(unitLevel('510000')).toBe('province');
    expect(unitLevel('511700')).toBe('city');
    expect(unitLevel('511722')).toBe('county');
  });

  it('applies a local rule only inside its region, and a national one at its level only', () => {
    const rules = [rule({ id: 'mem' }), rule({ id: 'dz', regions: ['5117'] }), rule({ id: 'city', level: 'city' })];
    expect(rulesFor(rules, '511722').map((r) => r.id)).toEqual(['mem', 'dz']);
    expect(rulesFor(rules, '510105').map((r) => r.id)).toEqual(['mem']);
    expect(rulesFor(rules, '511700').map((r) => r.id)).toEqual(['city']);
  });

  it('cuts the year into periods from the first month, across the new year where it must', () => {
    expect(periodOf(rule({}), '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-12-31' });
    expect(periodOf(rule({}), '2026-01-01', 1)).toEqual({ from: '2025-11-01', to: '2025-12-31' });
    // 达州: two-month periods ending in every odd month: December to January, February to March…
    const dz = rule({ firstMonth: 12 });
    expect(periodOf(dz, '2026-12-05')).toEqual({ from: '2026-12-01', to: '2027-01-31' });
    expect(periodOf(dz, '2027-01-31')).toEqual({ from: '2026-12-01', to: '2027-01-31' });
    expect(periodOf(dz, '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(periodOf(rule({ months: 2, firstMonth: 2 }), '2024-02-10')).toEqual({
      from: '2024-02-01',
      to: '2024-03-31',
    });
    // A quarter and a half year.
    expect(periodOf(rule({ months: 3 }), '2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodOf(rule({ months: 6 }), '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('counts what was sent in each period: the last one met or missed, this one met or due', () => {
    const periods = schedulePeriods([rule({ count: 2, firstMonth: 12 })], '2026-12-05', [
      '2026-10-09',
      '2026-11-30',
      '2026-12-01',
      '2027-02-01',
    ]);
    expect(periods.map((p) => [p.from, p.due, p.sent, p.status])).toEqual([
      ['2026-10-01', '2026-11-30', 2, 'met'],
      ['2026-12-01', '2027-01-31', 1, 'due'],
    ]);
    expect(schedulePeriods([rule({})], '2026-12-05', [])[0].status).toBe('missed');
  });
});

const facts: TypicalCaseFacts = {
  agency: '宣汉县应急管理局',
  phone: '0818-5221234',
  cause: '涉嫌未采取措施消除事故隐患案',
  unit: {
    kind: 'unit',
    name: '宣汉县东林化工有限公司',
    code: '91511722T00009014B',
    post: '',
    address: '',
    legalRepresentative: '王明',
  },
  persons: [{ name: '欧阳娜娜', idNumber: '', post: '总经理', address: '', phone: '' }],
  violations: [
    {
      party: 'unit',
      facts: '危化品仓库未设置可燃气体报警装置，王明当场确认。',
      evidence: '',
      hazardId: null,
      violatedProvision: '《中华人民共和国安全生产法》第四十一条第二款',
      penaltyItemId: 'x',
      penaltyProvision: '《中华人民共和国安全生产法》第一百零二条',
      stage: 'first',
      benchmarkCircumstance: '',
      circumstanceIds: [],
      tier: 'general' as never,
      reasoning: '一般情节',
      fine: 23_000,
      measures: ['责令限期消除事故隐患'],
      income: null,
      gains: null,
      basisEvidence: '',
    },
    {
      party: 0,
      facts: '主要负责人欧阳娜娜未履行职责',
      evidence: '',
      hazardId: null,
      violatedProvision: '《中华人民共和国安全生产法》第二十一条第（五）项',
      penaltyItemId: 'y',
      penaltyProvision: '《中华人民共和国安全生产法》第九十四条第一款',
      stage: 'first',
      benchmarkCircumstance: '',
      circumstanceIds: [],
      tier: 'general' as never,
      reasoning: '一般情节',
      fine: 20_000,
      measures: [],
      income: null,
      gains: null,
      basisEvidence: '',
    },
  ],
  decisions: [
    { numberText: '宣应急罚〔2026〕3号', date: '2026-10-03', party: 'unit' },
    { numberText: '宣应急罚〔2026〕4号', date: '2026-10-03', party: 0 },
  ],
  industry: { code: '2614', name: '有机化学原料制造' },
  region: { code: '511722', township: '东乡街道' },
  inspectionDate: '2026-09-01',
  majorHazards: [],
  hazards: { open: 0, rectified: 2, notRectified: 1 },
  transferred: false,
  handlerNames: ['张明', '李华'],
};

describe('what the file gives a write-up', () => {
  it('names only whom a decision was issued to', () => {
    const v = sourceValues({ ...facts, decisions: facts.decisions.slice(0, 1) });
    expect(v.partyName).toBe('宣汉县东林化工有限公司');
    expect(v.penalty).toBe('对宣汉县东林化工有限公司罚款人民币贰万叁仟元整（¥23,000.00）。');
  });

  it('computes the amounts in words, keeps orders out of the penalties and masks the persons', () => {
    const v = sourceValues(facts);
    expect(fineText(23_000)).toBe('罚款人民币贰万叁仟元整（¥23,000.00）');
    expect(v.penalty).toBe(
      '对宣汉县东林化工有限公司罚款人民币贰万叁仟元整（¥23,000.00）；对欧阳**（总经理）罚款人民币贰万元整（¥20,000.00）。',
    );
    expect(v.result).toContain('同时责令限期消除事故隐患。');
    expect(v.decisionNumber).toBe('宣应急罚〔2026〕3号；宣应急罚〔2026〕4号');
    expect(v.decisionDate).toBe('2026年10月3日');
    expect(v.partyName).toBe('宣汉县东林化工有限公司；欧阳**（总经理）');
    expect(v.summary).toContain('2026年9月1日，宣汉县应急管理局执法人员对宣汉县东林化工有限公司进行执法检查时发现');
    expect(v.summary).not.toContain('欧阳娜娜');
    expect(v.title).toBe('宣汉县东林化工有限公司未采取措施消除事故隐患案');
    expect(v.rectification).toBe('检查发现的3项隐患，经复查2项已整改完毕，1项未整改。');
    expect(v.suspension).toBe('否');
    expect(v.majorHazard).toBe('无');
    expect(v.industry).toBe('2614 有机化学原料制造');
  });

  const fields: TypicalCaseField[] = [
    { id: 'title', label: '标题', labelEn: 'Title', draft: 'title', input: 'text', max: 10, required: true },
    { id: 'penalty', label: '处罚', labelEn: 'Penalty', from: 'penalty', input: 'text', max: 500, required: false },
    { id: 'analysis', label: '评析', labelEn: 'Analysis', input: 'textarea', max: 500, required: true },
  ];

  it('shows a draft’s file fields as the file stands, a drafted one as the file drafts it until the clerk changes it', () => {
    const v = sourceValues(facts);
    // Untouched (or saved as drafted): follows the file.
    expect(valuesOf(fields, {}, { title: '旧标题' }, v)).toEqual({ title: v.title, penalty: v.penalty, analysis: '' });
    expect(valuesOf(fields, { title: '旧标题' }, { title: '旧标题' }, v).title).toBe(v.title);
    // Changed by the clerk: the clerk's, whatever the file drafts now.
    expect(valuesOf(fields, { title: '某案' }, { title: '旧标题' }, v).title).toBe('某案');
    // Final: as frozen.
    expect(valuesOf(fields, { title: '某案', penalty: '旧' }, {}, null)).toEqual({
      title: '某案',
      penalty: '旧',
      analysis: '',
    });
    expect(missingFields(fields, { title: '某案', penalty: '', analysis: ' ' })).toEqual(['analysis']);
  });

  it('holds back a changed draft the file has moved under, until redrafted or confirmed', () => {
    const v = sourceValues(facts);
    // Drafted from an older file, then changed by the clerk: the file drafts otherwise now.
    expect(staleFields(fields, { title: '某案' }, { title: '旧标题' }, v)).toEqual(['title']);
    // Confirmed (the draft recorded is the file's now), or never changed: nothing to hold back.
    expect(staleFields(fields, { title: '某案' }, { title: v.title }, v)).toEqual([]);
    expect(staleFields(fields, {}, { title: '旧标题' }, v)).toEqual([]);
  });

  it('refuses typing over the file, an unknown field and a value over its length', () => {
    expect(editIssues(fields, { penalty: 'x', nope: 'y', title: '一二三四五六七八九十一' })).toEqual([
      { path: ['values', 'penalty'], key: 'typicalCases.rules.fromFile' },
      { path: ['values', 'nope'], key: 'typicalCases.rules.unknownField' },
      { path: ['values', 'title'], key: 'validation.tooLong' },
    ]);
  });

  it('sends only an ordinary-procedure penalty, closed, reviewed without a veto', () => {
    const ok = { outcome: 'penalty', procedure: 'ordinary' as const, decided: true, closed: true, vetoed: false };
    expect(refusalOf(ok)).toBeNull();
    expect(refusalOf({ ...ok, outcome: 'transfer' })).toBe('typicalCases.rules.notDecided');
    expect(refusalOf({ ...ok, procedure: 'summary' })).toBe('typicalCases.rules.summary');
    expect(refusalOf({ ...ok, closed: false })).toBe('typicalCases.rules.notClosed');
    expect(refusalOf({ ...ok, vetoed: true })).toBe('typicalCases.rules.vetoed');
  });
});
