import type { PlanDocument } from '../../entities/plan-rules.ts';
import { chinaClock } from '../dates.ts';

/** 双随机抽查结果公示: one row per enterprise drawn, in the columns the mapping files name. */
export const RANDOM_CHECK_FIELDS = [
  'planYear',
  'drawLabel',
  'drawnOn',
  'enterpriseName',
  'creditCode',
  'inspectionItem',
  'inspectors',
  'inspectedOn',
  'result',
  'agency',
  'drawSha256',
] as const;
export type RandomCheckField = (typeof RANDOM_CHECK_FIELDS)[number];

export interface RandomCheckSource {
  draws: {
    id: number;
    planYear: number;
    label: string;
    drawnAt: string;
    resultSha256: string;
    picks: { enterpriseId: number; officerIds: [number, number] }[];
  }[];
  enterprises: Map<number, { name: string; uscc: string }>;
  officers: Map<number, string>;
  /** 双随机抽查 recorded under a draw: who inspected, and the hazards each found. */
  inspections: {
    drawId: number;
    enterpriseId: number;
    startedAt: string;
    officerIds: number[];
    hazards: number;
    openHazards: number;
  }[];
}

/**
 * The published result of each pick, derived from the record: who inspected (the pair drawn while none has), when the
 * inspection under that draw began, and what it found — never typed a second time. A pick not yet inspected says so.
 */
export function randomCheckRecords(
  src: RandomCheckSource,
  wording: PlanDocument,
  agency: string,
): Record<RandomCheckField, string>[] {
  const fill = (text: string, n: number) => text.replaceAll('{{n}}', String(n));
  return src.draws.flatMap((d) =>
    d.picks.map((p) => {
      const visits = src.inspections
        .filter((i) => i.drawId === d.id && i.enterpriseId === p.enterpriseId)
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      const hazards = visits.reduce((n, i) => n + i.hazards, 0);
      const open = visits.reduce((n, i) => n + i.openHazards, 0);
      const r = wording.publicResults;
      const e = src.enterprises.get(p.enterpriseId);
      return {
        planYear: String(d.planYear),
        drawLabel: d.label,
        drawnOn: chinaClock(d.drawnAt)?.date ?? d.drawnAt.slice(0, 10),
        enterpriseName: e?.name ?? '',
        creditCode: e?.uscc ?? '',
        inspectionItem: wording.random.item,
        // Who inspected, as the record says (a drawn officer may have been replaced); the pair drawn until then.
        inspectors: (visits[0]?.officerIds ?? p.officerIds).map((o) => src.officers.get(o) ?? '').join('、'),
        inspectedOn: visits[0]?.startedAt.slice(0, 10) ?? '',
        result: !visits.length
          ? r.pending
          : !hazards
            ? r.clean
            : open
              ? fill(r.found, hazards)
              : fill(r.rectified, hazards),
        agency,
        drawSha256: d.resultSha256,
      };
    }),
  );
}
