import type { AccidentGrade } from '../base/vocabulary.ts';

/**
 * 《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条: the grade is the gravest any one of the three figures
 * reaches — deaths, serious injuries (急性工业中毒 included), direct economic loss. "以上" includes the figure, "以下"
 * does not, so each threshold is the first value of the grade above.
 */
const THRESHOLDS: { grade: AccidentGrade; deaths: number; seriousInjuries: number; lossYuan: number }[] = [
  { grade: 'especially', deaths: 30, seriousInjuries: 100, lossYuan: 100_000_000 },
  { grade: 'major', deaths: 10, seriousInjuries: 50, lossYuan: 50_000_000 },
  { grade: 'larger', deaths: 3, seriousInjuries: 10, lossYuan: 10_000_000 },
];

export function accidentGrade(a: { deaths: number; seriousInjuries: number; directLossYuan: number }): AccidentGrade {
  for (const t of THRESHOLDS)
    if (a.deaths >= t.deaths || a.seriousInjuries >= t.seriousInjuries || a.directLossYuan >= t.lossYuan)
      return t.grade;
  return 'general';
}
