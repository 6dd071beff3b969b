import type { ReviewResult } from '../../entities/review.ts';

/**
 * What a squad leader reads after reviewing a period's files: how the files graded, each officer's
 * files and findings, and the most frequent deductions and the documents they fall on — the list
 * to train people from.
 */
export interface BatchEntry {
  caseId: number;
  handlerNames: string[];
  /** The name of each document of the file, by id (a finding points at a document id). */
  documentNames: Record<number, string>;
  result: ReviewResult;
}

export interface BatchSummary {
  files: number;
  averagePercent: number | null;
  grades: { grade: string; files: number }[];
  vetoed: number;
  byOfficer: { name: string; files: number; averagePercent: number | null; findings: number; pointsLost: number }[];
  byCheck: { check: string; findings: number; files: number; pointsLost: number }[];
  /** Findings by the document they point at (null: the case's own record). */
  byDocument: { name: string | null; findings: number }[];
}

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const lost = (r: ReviewResult) => r.findings.reduce((n, f) => n + f.pointsLost, 0);

export function summarise(entries: BatchEntry[]): BatchSummary {
  const percents = (es: BatchEntry[]) => es.map((e) => e.result.percent).filter((p): p is number => p !== null);
  const grades = new Map<string, number>();
  for (const e of entries) if (e.result.grade) grades.set(e.result.grade, (grades.get(e.result.grade) ?? 0) + 1);
  const officers = [...new Set(entries.flatMap((e) => e.handlerNames))]
    .map((name) => {
      const own = entries.filter((e) => e.handlerNames.includes(name));
      return {
        name,
        files: own.length,
        averagePercent: avg(percents(own)),
        findings: own.reduce((n, e) => n + e.result.findings.length, 0),
        pointsLost: own.reduce((n, e) => n + lost(e.result), 0),
      };
    })
    .sort((a, b) => (a.averagePercent ?? 101) - (b.averagePercent ?? 101) || b.findings - a.findings);
  const checks = new Map<string, { findings: number; files: Set<number>; pointsLost: number }>();
  const documents = new Map<string | null, number>();
  for (const e of entries) {
    for (const f of e.result.findings) {
      const c = checks.get(f.check) ?? { findings: 0, files: new Set<number>(), pointsLost: 0 };
      c.findings++;
      c.files.add(e.caseId);
      c.pointsLost += f.pointsLost;
      checks.set(f.check, c);
      const name = f.address.documentId === null ? null : (e.documentNames[f.address.documentId] ?? null);
      documents.set(name, (documents.get(name) ?? 0) + 1);
    }
  }
  return {
    files: entries.length,
    averagePercent: avg(percents(entries)),
    grades: [...grades].map(([grade, files]) => ({ grade, files })),
    vetoed: entries.filter((e) => e.result.vetoed).length,
    byOfficer: officers,
    byCheck: [...checks]
      .map(([check, c]) => ({ check, findings: c.findings, files: c.files.size, pointsLost: c.pointsLost }))
      .sort((a, b) => b.files - a.files || b.pointsLost - a.pointsLost),
    byDocument: [...documents].map(([name, findings]) => ({ name, findings })).sort((a, b) => b.findings - a.findings),
  };
}
