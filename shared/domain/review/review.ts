import type { CheckFinding, ItemResult, ReviewFinding, ReviewResult } from '../../entities/review.ts';
import type { ReviewStandard } from '../../entities/review-standard.ts';
import { caseDay, REVIEW_CHECKS, type ReviewCheck, type ReviewSnapshot } from './checks.ts';
import { unknownChecks } from './standard.ts';

/**
 * review(snapshot, standard, decisions) → result: the machine checks run over the file, each finding
 * priced by the standard's item that names its check, veto items hit, the score and grade. Judgement
 * items (facts clear, evidence sufficient…) wait for the reviewer's decisions, which may also overrule
 * an automatic finding with a reason; until judged, the result says how many wait.
 */

/**
 * What the reviewer decided: each judgement item or veto judged (passed, or the points lost and why),
 * and automatic findings overruled with a reason.
 */
export interface ReviewDecisions {
  judgements: Record<string, { passed: boolean; lost?: number; comment: string }>;
  overruled: Record<string, string>;
}
export const NO_DECISIONS: ReviewDecisions = { judgements: {}, overruled: {} };

/** A finding's id: the check and the place it points at. */
export const findingId = (f: CheckFinding): string =>
  `${f.check}@${f.address.documentId ?? 'case'}:${f.address.path.join('.')}#${f.key}`;

/** The checks that apply to the file: in force on the day it was filed. */
function applicable(s: ReviewSnapshot, checks: ReviewCheck[]): ReviewCheck[] {
  const day = caseDay(s.detail);
  return checks.filter((c) => c.appliesFrom <= day && (!c.appliesTo || day <= c.appliesTo));
}

export function review(
  s: ReviewSnapshot,
  standard: ReviewStandard,
  decisions: ReviewDecisions = NO_DECISIONS,
  checks: ReviewCheck[] = REVIEW_CHECKS,
): ReviewResult {
  const byCheck = new Map<string, CheckFinding[]>();
  const basis = new Map(checks.map((c) => [c.id, c.basis]));
  for (const c of applicable(s, checks)) byCheck.set(c.id, c.run(s, standard));
  const found = (ids: string[]) => ids.flatMap((id) => byCheck.get(id) ?? []);
  const finding = (f: CheckFinding, itemId: string | null, vetoId: string | null): ReviewFinding => {
    const id = findingId(f);
    return {
      ...f,
      id,
      basis: basis.get(f.check) ?? '',
      overruled: decisions.overruled[id] ?? null,
      itemId,
      vetoId,
      pointsLost: 0,
    };
  };
  const judged = (id: string) => decisions.judgements[id];

  const vetoes = standard.vetoes.map((v) => {
    const findings = found(v.checks).map((f) => finding(f, null, v.id));
    const j = judged(v.id);
    const status: 'ok' | 'hit' | 'pending' =
      v.mode === 'judgement'
        ? j
          ? j.passed
            ? 'ok'
            : 'hit'
          : 'pending'
        : findings.some((f) => !f.overruled)
          ? 'hit'
          : 'ok';
    return { id: v.id, name: v.name, ...en(v), mode: v.mode, status, findings, comment: j?.comment ?? '' };
  });
  const sections = standard.sections.map((sec) => ({
    id: sec.id,
    name: sec.name,
    ...en(sec),
    items: sec.items.map((item): ItemResult => {
      const cap = item.points ?? 0;
      if (item.mode === 'judgement') {
        const j = judged(item.id);
        // Judged failed without a figure: the whole item is lost.
        const lost = !j || j.passed ? 0 : Math.min(cap, Math.max(0, j.lost ?? cap));
        return {
          id: item.id,
          name: item.name,
          ...en(item),
          points: item.points,
          mode: item.mode,
          lost,
          status: !j ? 'pending' : j.passed ? 'ok' : 'deducted',
          findings: [],
          comment: j?.comment ?? '',
        };
      }
      let left = cap;
      const findings = found(item.checks).map((f) => {
        const r = finding(f, item.id, null);
        const cost = r.overruled ? 0 : Math.min(left, item.deduct === 'all' ? cap : item.deduct);
        left -= cost;
        return { ...r, pointsLost: cost };
      });
      return {
        id: item.id,
        name: item.name,
        ...en(item),
        points: item.points,
        mode: item.mode,
        lost: cap - left,
        status: findings.some((f) => !f.overruled) ? 'deducted' : 'ok',
        findings,
        comment: '',
      };
    }),
  }));

  const items = sections.flatMap((x) => x.items);
  const max = items.reduce((n, i) => n + (i.points ?? 0), 0);
  const vetoed = vetoes.some((v) => v.status === 'hit');
  const failing = new Set(standard.sections.flatMap((x) => x.items.filter((i) => i.failsFile).map((i) => i.id)));
  const failedBy = items
    .filter((i) => failing.has(i.id) && i.status === 'deducted')
    .map(({ id, name, nameEn }) => ({ id, name, ...en({ nameEn }) }));
  const pending = [...vetoes, ...items]
    .filter((i) => i.status === 'pending')
    .map(({ id, name, nameEn }) => ({ id, name, ...en({ nameEn }) }));
  // A veto item failed makes the file 不合格 whatever it scored (评查标准: 基本标准).
  const score = vetoed ? 0 : Math.max(0, max - items.reduce((n, i) => n + i.lost, 0));
  const percent = max > 0 ? Math.round((score / max) * 1000) / 10 : null;
  const grades = [...standard.grades].sort((a, b) => b.min - a.min);
  const grade =
    vetoed || failedBy.length
      ? grades.at(-1)!.name
      : percent === null
        ? null
        : (grades.find((g) => percent >= g.min) ?? grades.at(-1)!).name;
  // Findings of checks the standard does not price are still shown: the clerk fixes them all.
  const priced = new Set([
    ...standard.vetoes.flatMap((v) => v.checks),
    ...standard.sections.flatMap((x) => x.items.flatMap((i) => i.checks)),
  ]);
  const unpriced = [...byCheck]
    .filter(([id]) => !priced.has(id))
    .flatMap(([, fs]) => fs.map((f) => finding(f, null, null)));

  return {
    standard: {
      id: standard.id,
      name: standard.name,
      ...en(standard),
      version: standard.version,
      example: standard.example,
      grades: standard.grades.map((g) => ({ name: g.name, ...en(g) })),
    },
    score,
    max,
    percent,
    grade,
    vetoed,
    vetoes,
    sections,
    findings: [...vetoes.flatMap((v) => v.findings), ...items.flatMap((i) => i.findings), ...unpriced],
    pendingJudgements: pending.length,
    pending,
    failedBy,
    unknownChecks: unknownChecks(standard, new Set(checks.map((c) => c.id))),
  };
}

/**
 * A short fingerprint of a result: what the reviewer saw must be what is signed (the file may have
 * changed in between). Not a security hash; FNV-1a over what the score rests on.
 */
export function resultDigest(r: ReviewResult): string {
  const basis = JSON.stringify([
    r.standard,
    r.score,
    r.max,
    r.grade,
    r.vetoed,
    r.findings.map((f) => [f.id, f.pointsLost, f.overruled]),
    r.sections.flatMap((x) => x.items.map((i) => [i.id, i.lost, i.status])),
    r.vetoes.map((v) => [v.id, v.status]),
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < basis.length; i++) {
    h ^= basis.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A name's English, where the standard gives one (only then: a stored result stays as it was made). */
const en = (x: { nameEn?: string }): { nameEn?: string } => (x.nameEn ? { nameEn: x.nameEn } : {});
