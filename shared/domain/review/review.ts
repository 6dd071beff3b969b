import { caseDay, type CheckFinding, REVIEW_CHECKS, type ReviewCheck, type ReviewSnapshot } from './checks.ts';
import type { ReviewStandard } from './standard.ts';

/**
 * review(snapshot, standard) → result: the machine checks run over the file, each finding priced by
 * the standard's item that names its check, veto items hit, the score and grade. Judgement items
 * (facts clear, evidence sufficient…) wait for the reviewer; until then the result says so.
 */
export interface ReviewFinding extends CheckFinding {
  basis: string;
  /** The standard's item (or veto) the finding counts against; null when the standard prices no item for it. */
  itemId: string | null;
  vetoId: string | null;
  pointsLost: number;
}

export interface ItemResult {
  id: string; name: string; points: number | null; mode: 'auto' | 'judgement';
  lost: number;
  status: 'ok' | 'deducted' | 'pending';
  findings: ReviewFinding[];
}

export interface ReviewResult {
  standard: { id: string; name: string; version: string; example: boolean };
  score: number;
  max: number;
  /** Score as a share of the points the standard gives (null when it gives none). */
  percent: number | null;
  grade: string | null;
  vetoed: boolean;
  vetoes: { id: string; name: string; mode: 'auto' | 'judgement'; status: 'ok' | 'hit' | 'pending'; findings: ReviewFinding[] }[];
  sections: { id: string; name: string; items: ItemResult[] }[];
  /** Every finding, in the order of the standard. */
  findings: ReviewFinding[];
  pendingJudgements: number;
}

/** The checks that apply to the file: in force on the day it was filed. */
function applicable(s: ReviewSnapshot, checks: ReviewCheck[]): ReviewCheck[] {
  const day = caseDay(s.detail);
  return checks.filter((c) => c.appliesFrom <= day && (!c.appliesTo || day <= c.appliesTo));
}

export function review(s: ReviewSnapshot, standard: ReviewStandard, checks: ReviewCheck[] = REVIEW_CHECKS): ReviewResult {
  const byCheck = new Map<string, CheckFinding[]>();
  const basis = new Map(checks.map((c) => [c.id, c.basis]));
  for (const c of applicable(s, checks)) byCheck.set(c.id, c.run(s));
  const found = (ids: string[]) => ids.flatMap((id) => byCheck.get(id) ?? []);

  const vetoes = standard.vetoes.map((v) => {
    const findings = found(v.checks).map((f) => ({ ...f, basis: basis.get(f.check) ?? '', itemId: null, vetoId: v.id, pointsLost: 0 }));
    const status: 'ok' | 'hit' | 'pending' = v.mode === 'judgement' ? 'pending' : findings.length ? 'hit' : 'ok';
    return { id: v.id, name: v.name, mode: v.mode, status, findings };
  });
  const sections = standard.sections.map((sec) => ({
    id: sec.id, name: sec.name,
    items: sec.items.map((item): ItemResult => {
      if (item.mode === 'judgement') return { id: item.id, name: item.name, points: item.points, mode: item.mode, lost: 0, status: 'pending', findings: [] };
      const raw = found(item.checks);
      const cap = item.points ?? 0;
      let left = cap;
      const findings = raw.map((f) => {
        const cost = Math.min(left, item.deduct === 'all' ? cap : item.deduct);
        left -= cost;
        return { ...f, basis: basis.get(f.check) ?? '', itemId: item.id, vetoId: null, pointsLost: cost };
      });
      return { id: item.id, name: item.name, points: item.points, mode: item.mode, lost: cap - left, status: findings.length ? 'deducted' : 'ok', findings };
    }),
  }));

  const items = sections.flatMap((x) => x.items);
  const max = items.reduce((n, i) => n + (i.points ?? 0), 0);
  const vetoed = vetoes.some((v) => v.status === 'hit');
  // A veto item failed makes the file 不合格 whatever it scored (评查标准: 基本标准).
  const score = vetoed ? 0 : Math.max(0, max - items.reduce((n, i) => n + i.lost, 0));
  const percent = max > 0 ? Math.round((score / max) * 1000) / 10 : null;
  const grades = [...standard.grades].sort((a, b) => b.min - a.min);
  const grade = vetoed ? grades.at(-1)!.name : percent === null ? null : (grades.find((g) => percent >= g.min) ?? grades.at(-1)!).name;
  // Findings of checks the standard does not price are still shown: the clerk fixes them all.
  const priced = new Set([...standard.vetoes.flatMap((v) => v.checks), ...standard.sections.flatMap((x) => x.items.flatMap((i) => i.checks))]);
  const unpriced = [...byCheck].filter(([id]) => !priced.has(id)).flatMap(([, fs]) => fs.map((f) => ({ ...f, basis: basis.get(f.check) ?? '', itemId: null, vetoId: null, pointsLost: 0 })));

  return {
    standard: { id: standard.id, name: standard.name, version: standard.version, example: standard.example },
    score, max, percent, grade, vetoed, vetoes, sections,
    findings: [...vetoes.flatMap((v) => v.findings), ...items.flatMap((i) => i.findings), ...unpriced],
    pendingJudgements: vetoes.filter((v) => v.status === 'pending').length + items.filter((i) => i.status === 'pending').length,
  };
}
