import type { ValidationIssue } from '../../base/errors.ts';
import type { InspectionKind } from '../../base/vocabulary.ts';
import type { PlanTrack } from './classify.ts';

/**
 * An enterprise's place in its year's approved plan, as an inspection is recorded: on the 重点 list or in a 双随机
 * stratum, the visits planned, the cap and how much of it this year's inspections have used, and the draws that
 * picked it. `plan` is null while the year has no approved plan: nothing is linked or capped then.
 */
export interface PlanStanding {
  year: number;
  /** Null while the year has no approved plan. `track` null: not in it (another level's, closed, or added since). */
  plan: {
    track: PlanTrack | null;
    visits: number;
    cap: number | null;
    capName: string | null;
  } | null;
  /** Inspections of the enterprise this year the caps count (the one being edited left out). */
  counted: number;
  /** Kinds the caps do not count (as the plan was approved, else the rules in force). */
  capExempt: InspectionKind[];
  /** Draws of this year and the last that picked it, the earliest first; `drawnOn` the day in China. */
  draws: { id: number; label: string; drawnAt: string; drawnOn: string }[];
}

/** Kinds that are the plan itself; every other kind is 计划外 and says why. */
export const PLANNED_KINDS: readonly InspectionKind[] = ['plan', 'random'];

export interface PlanLink {
  kind: InspectionKind;
  startedAt: string;
  drawId: number | null;
  recheckOf: number | null;
  unplannedReason: string;
}

/**
 * What keeps an inspection from being recorded against the plan. Always: a 双随机抽查 names only a draw that picked the
 * enterprise, and begins no earlier than the day it was drawn. Once the year's plan is approved: a 计划检查 only of a
 * 重点 enterprise, a 双随机抽查 only with its draw, a 复查 only from the inspection it re-checks, any other kind with its
 * reason, and not one inspection more than the enterprise's annual cap allows (国办发〔2024〕54号), the rule named.
 */
export function planLinkIssues(link: PlanLink, s: PlanStanding): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (link.kind === 'random' && link.drawId !== null) {
    const d = s.draws.find((x) => x.id === link.drawId);
    if (!d) issues.push({ path: ['drawId'], key: 'inspection.plan.notDrawn', params: { year: s.year } });
    else if (link.startedAt.slice(0, 10) < d.drawnOn)
      issues.push({ path: ['startedAt'], key: 'inspection.plan.beforeDraw', params: { date: d.drawnOn } });
  }
  if (!s.plan) return issues;
  if (link.kind === 'plan' && s.plan.track !== 'key')
    issues.push({ path: ['kind'], key: 'inspection.plan.notOnKeyList', params: { year: s.year } });
  if (link.kind === 'random' && link.drawId === null)
    issues.push({
      path: ['drawId'],
      key: s.draws.length ? 'inspection.plan.drawRequired' : 'inspection.plan.notDrawn',
      params: { year: s.year },
    });
  if (link.kind === 'recheck' && link.recheckOf === null)
    issues.push({ path: ['kind'], key: 'inspection.plan.recheckWithoutOriginal' });
  if (!PLANNED_KINDS.includes(link.kind) && link.kind !== 'recheck' && link.unplannedReason.trim().length < 2)
    issues.push({ path: ['unplannedReason'], key: 'inspection.plan.reasonRequired' });
  if (s.plan.cap !== null && !s.capExempt.includes(link.kind) && s.counted + 1 > s.plan.cap)
    issues.push({
      path: ['kind'],
      key: 'inspection.plan.overCap',
      params: { year: s.year, cap: s.plan.cap, rule: s.plan.capName ?? '', counted: s.counted },
    });
  return issues;
}

export interface ProgressInspection {
  id: number;
  enterpriseId: number;
  kind: InspectionKind;
  drawId: number | null;
  startedAt: string;
}

export interface ProgressKeyRow {
  enterpriseId: number;
  name: string;
  township: string;
  visits: number;
}

export interface ProgressDraw {
  id: number;
  label: string;
  drawnAt: string;
  picks: { enterpriseId: number; name: string; officerIds: [number, number] }[];
}

export interface PlanProgress {
  year: number;
  /** 重点: enterprises covered by at least one 计划检查 this year, and visits made against those planned. */
  key: {
    enterprises: number;
    covered: number;
    visitsPlanned: number;
    /** Each enterprise's 计划检查 counted up to its planned visits. */
    visitsDone: number;
    /** Each 重点 enterprise with the 计划检查 counted for it (up to its planned visits). */
    rows: (ProgressKeyRow & { done: number })[];
    notCovered: (ProgressKeyRow & { otherInspections: number })[];
  };
  /** 双随机: the year's quota, the enterprises drawn, and those a 双随机抽查 has been recorded for. */
  random: {
    quota: number;
    drawn: number;
    inspected: number;
    pending: (ProgressDraw['picks'][number] & { drawId: number; label: string })[];
  };
  /** 计划外: by kind. */
  unplanned: { total: number; byKind: Partial<Record<InspectionKind, number>> };
  /** Planned work done: 计划检查 made (up to plan) and draws inspected, over the planned visits and the quota. */
  done: number;
  planned: number;
}

/** A draw's picks, as its stored result holds them. */
export const progressDraw = (d: { id: number; label: string; drawnAt: string; result: unknown }): ProgressDraw => ({
  id: d.id,
  label: d.label,
  drawnAt: d.drawnAt,
  picks: ((d.result as { picks?: ProgressDraw['picks'] }).picks ?? []).map((p) => ({
    enterpriseId: p.enterpriseId,
    name: p.name,
    officerIds: p.officerIds,
  })),
});

/** What an approved plan set out to do: its 重点 list with the visits each, and the year's 双随机 quota. */
export function planTargets(snapshot: {
  rows: { track: string; enterpriseId: number; name: string; township: string; visits: number }[];
  strata: { quota: number }[];
}): { keyRows: ProgressKeyRow[]; randomQuota: number } {
  return {
    keyRows: snapshot.rows
      .filter((r) => r.track === 'key')
      .map((r) => ({ enterpriseId: r.enterpriseId, name: r.name, township: r.township, visits: r.visits })),
    randomQuota: snapshot.strata.reduce((n, s) => n + s.quota, 0),
  };
}

/**
 * How far the year's plan has been carried out, from the inspections recorded: those of the year, and those under
 * the year's draws.
 */
export function planProgress(
  year: number,
  keyRows: ProgressKeyRow[],
  randomQuota: number,
  draws: ProgressDraw[],
  inspections: ProgressInspection[],
): PlanProgress {
  const inYear = inspections.filter((i) => i.startedAt.slice(0, 4) === String(year));
  const planVisits = new Map<number, number>();
  const others = new Map<number, number>();
  for (const i of inYear) {
    const to = i.kind === 'plan' ? planVisits : others;
    to.set(i.enterpriseId, (to.get(i.enterpriseId) ?? 0) + 1);
  }
  const rows = keyRows.map((r) => ({ ...r, done: Math.min(r.visits, planVisits.get(r.enterpriseId) ?? 0) }));
  const visitsPlanned = keyRows.reduce((n, r) => n + r.visits, 0);
  const visitsDone = rows.reduce((n, r) => n + r.done, 0);
  const notCovered = keyRows
    .filter((r) => !planVisits.get(r.enterpriseId))
    .map((r) => ({ ...r, otherInspections: others.get(r.enterpriseId) ?? 0 }));

  // A pick is inspected under its draw, whatever the year the inspection falls in (a December draw visited in January).
  const inspectedPicks = new Set(
    inspections.filter((i) => i.kind === 'random' && i.drawId !== null).map((i) => `${i.drawId}:${i.enterpriseId}`),
  );
  const picks = draws.flatMap((d) => d.picks.map((p) => ({ ...p, drawId: d.id, label: d.label })));
  const pending = picks.filter((p) => !inspectedPicks.has(`${p.drawId}:${p.enterpriseId}`));
  const inspected = picks.length - pending.length;

  const byKind: PlanProgress['unplanned']['byKind'] = {};
  for (const i of inYear.filter((x) => !PLANNED_KINDS.includes(x.kind))) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
  return {
    year,
    key: {
      enterprises: keyRows.length,
      covered: keyRows.length - notCovered.length,
      visitsPlanned,
      visitsDone,
      rows,
      notCovered,
    },
    random: { quota: randomQuota, drawn: picks.length, inspected, pending },
    unplanned: { total: Object.values(byKind).reduce((n, k) => n + k, 0), byKind },
    done: visitsDone + inspected,
    planned: visitsPlanned + randomQuota,
  };
}
