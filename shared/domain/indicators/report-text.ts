import type { ReportView } from './report.ts';
import type { ReportDocument } from '../../entities/report-document.ts';
import { chineseDate } from '../dates.ts';
import { periodKind, type Period } from './periods.ts';
import type { ReportFigure } from './report.ts';

const QUARTERS = ['一', '二', '三', '四'];

/** A period as an official text names it: 2026年第四季度, 2026年11月, 2026年, or 2026年10月1日至11月25日. */
export function periodName(p: Period): string {
  const y = Number(p.from.slice(0, 4));
  const m = Number(p.from.slice(5, 7));
  switch (periodKind(p)) {
    case 'year':
      return `${y}年`;
    case 'quarter':
      return `${y}年第${QUARTERS[(m - 1) / 3]}季度`;
    case 'month':
      return `${y}年${m}月`;
    default: {
      const to = chineseDate(p.to);
      return `${chineseDate(p.from)}至${p.to.slice(0, 4) === p.from.slice(0, 4) ? to.slice(5) : to}`;
    }
  }
}

/** A wording template with its {{…}} filled in (a part not given is left to show). */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in values ? String(values[k]) : `{{${k}}}`));

/** A figure as the text writes it: a count or amount in figures (元 whole), a share with one decimal and %. */
export function figureText(f: ReportFigure | undefined, wording: Pick<ReportDocument, 'notAvailable'>): string {
  if (!f || f.value === null) return wording.notAvailable;
  if (f.kind === 'ratio' || f.kind === 'quotient' || f.kind === 'rate') return `${f.value.toFixed(1)}%`;
  return String(f.value);
}

export interface ReportText {
  title: string;
  overall: string;
  plan: string;
  other: string;
  targets: string;
  entered: string | null;
  notes: string;
  hash: string;
}

/**
 * The report's paragraphs, every number taken from the figures (the view counted from the record), the wording from
 * report-document.json: 同比 said only where last year's figure is counted or entered, the targets missed named,
 * the figures typed by an admin said to be so.
 */
export function reportText(
  view: ReportView,
  wording: ReportDocument,
  unit: { agencyName: string; squadName: string },
  dataSha256: string,
): ReportText {
  const by = new Map(view.figures.map((f) => [f.id, f]));
  const text = (id: string) => figureText(by.get(id), wording);
  const yoy = (id: string) => {
    const f = by.get(id);
    if (!f || f.lastYear.source === 'none' || f.lastYear.source === 'partial' || f.lastYear.change === null) return '';
    const n = Math.abs(f.lastYear.change).toFixed(1);
    if (n === '0.0') return wording.yoyFlat;
    return fill(f.lastYear.change > 0 ? wording.yoyUp : wording.yoyDown, { n });
  };
  const period = periodName(view.period);
  const overall = fill(wording.overall, {
    period,
    squad: unit.squadName,
    enterprises: text('enterprises-inspected'),
    inspections: text('inspections'),
    inspectionsYoy: yoy('inspections'),
    randomShare: text('random-share'),
    hazards: text('hazards'),
    hazardsYoy: yoy('hazards'),
    major: text('major-hazards'),
    rectified: text('hazards-rectified'),
    filed: text('cases-filed'),
    filedYoy: yoy('cases-filed'),
    decisions: text('decisions'),
    unit: text('decisions-unit'),
    person: text('decisions-person'),
    penaltyRate: text('penalty-rate'),
    fines: text('fines'),
    accident: text('fines-accident'),
    collected: text('fines-collected'),
  });
  const coverage = by.get('key-coverage');
  const plan =
    !coverage || coverage.unavailable
      ? wording.noPlan
      : fill(wording.plan, {
          date: chineseDate(view.period.to < view.asOf ? view.period.to : view.asOf),
          keyTotal: coverage.denominator ?? 0,
          keyCovered: coverage.numerator ?? 0,
          coverage: text('key-coverage'),
          completion: text('plan-completion'),
        });
  const other = fill(wording.other, {
    suspensions: text('suspensions'),
    closures: text('closures'),
    daily: text('daily-penalties'),
    transfers: text('transfers'),
    typical: text('typical-cases'),
    onDuty: text('officers-on-duty'),
    inspectionsComplete: text('inspections-complete'),
    casesComplete: text('cases-complete'),
  });
  const missed = view.figures.filter((f) => f.target?.status === 'missed');
  const names = (list: ReportFigure[]) => list.map((f) => wording.names[f.id] ?? f.id).join('、');
  const entered = view.figures.filter((f) => f.lastYear.entered);
  const first = entered[0]?.lastYear.entered;
  return {
    title: fill(wording.title, { agency: unit.agencyName, period }),
    overall,
    plan,
    other,
    targets: missed.length ? fill(wording.missed, { names: names(missed) }) : wording.allMet,
    entered: first
      ? fill(wording.entered, {
          names: names(entered),
          by: first.enteredBy,
          at: chineseDate(first.enteredAt.slice(0, 10)),
        })
      : null,
    notes: fill(wording.notes, {
      version: view.versions.enforcement,
      rules: view.versions.rules,
      date: chineseDate(view.period.to < view.asOf ? view.period.to : view.asOf),
    }),
    hash: fill(wording.hash, { hash: dataSha256.slice(0, 16) }),
  };
}
