import type { CaseDeadline, CaseDetail, CaseDocument } from '../../entities/case.ts';
import type { Officer } from '../../entities/officer.ts';
import type { StatutoryPeriod } from '../../entities/period.ts';
import type { PenaltyItem } from '../../entities/penalty-article.ts';
import type { Hazard } from '../../entities/hazard.ts';
import type { DiscretionBenchmark } from '../../entities/discretion.ts';
import { benchmarkInForce, proposeDiscretion } from '../discretion.ts';
import { INVESTIGATION_TYPES, preInvestigationIssues } from '../case-measures.ts';
import {
  approval,
  decisionOf,
  DECISION_TYPES,
  onReceipt,
  issued,
  legalReviewReasons,
  live,
  partiesPenalised,
  periodFor,
  type ProcedureRules,
  sameActs,
  transferAssessmentIssues,
} from '../case-procedure.ts';
import { addMonths, periodEnd } from '../periods.ts';
import type { WorkCalendar } from '../workdays.ts';
import type { RequiredDocument, ReviewStandard } from '../../entities/review-standard.ts';
import type { CheckFinding, FieldAddress } from '../../entities/review.ts';

/**
 * The machine-decidable checks of a case-file review (案卷评查): pure functions over everything the
 * file holds. Each names its legal basis and the dates it applies to, and every finding points at the
 * document and field at fault (document id + field path), or at the case's own record when no
 * document holds it. A review standard (entities/review-standard.ts) decides what a finding costs.
 */
export interface ReviewSnapshot {
  detail: CaseDetail;
  /** The roster as it stands: a certificate is judged on each document's date. */
  roster: Officer[];
  periods: StatutoryPeriod[];
  cal: WorkCalendar;
  rules: ProcedureRules;
  /** The penalty articles, the law version they are numbered by, and the discretion benchmarks (bundled and imported). */
  penalties: PenaltyItem[];
  penaltyLaw: { law: string; effectiveFrom: string };
  benchmarks: DiscretionBenchmark[];
  /**
   * When the violation was discovered (第三十六条): the inspection the case came from, the first record of the
   * file, or its 立案, whichever is earliest.
   */
  discoveredOn: string;
  /**
   * The documents issued at the inspection the case came from and at its 复查 (现场检查方案, 现场检查记录, 责令限期整改
   * 指令书, 整改复查意见书…), as frozen: part of the file (none for other cases).
   */
  inspectionDocuments: CaseDocument[];
  /** The hazards of the inspection the case came from, with their re-check due dates (none for other cases). */
  hazards: Pick<Hazard, 'id' | 'inspectionId' | 'description' | 'deadline' | 'recheckDue' | 'recheckedAt'>[];
  today: string;
  /** The organs of remedy as the unit configures them (本单位): what every decision must name. */
  remedy: { reviewAgency: string; court: string };
  /**
   * Each issued document's legal content as the record gives it now (by document id; only for types whose
   * content comes from the record): what was printed is compared with it.
   */
  asRecorded: Record<number, Record<string, unknown>>;
  /** The hazards of this case's violations another case already fined the unit for. */
  finedElsewhere: { hazardId: number; caseNo: string }[];
  /**
   * 第一百一十三条: the enterprise's latest window of penalties holding three in 180 days or four in a year (with a major
   * hazard found by its end), counted up to this file's decision, and whether the 提请关闭 was recorded since on any of
   * the enterprise's cases; null where none.
   */
  closure: { count: number; days: 180 | 365; from: string; to: string; requested: boolean } | null;
}

export interface ReviewCheck {
  id: string;
  basis: string;
  /** Decided on or after this day (the day the case was filed, or the violation for an unfiled one). */
  appliesFrom: string;
  appliesTo: string | null;
  /** The standard is there for checks that read its data (the documents a file must hold). */
  run(s: ReviewSnapshot, standard: ReviewStandard): CheckFinding[];
  /** The statutory periods a period check reads: each has its hint pair (periodHint). */
  periods?: string[];
}

/** The records that gather evidence (not the notices and measures around them). */
const EVIDENCE_RECORDS = ['questioning-record', 'survey-record', 'sampling-receipt', 'appraisal-request'];

/** Where a violation's field is read: the party's decision (its violations in order) if issued, else the case's 呈批. */
function violationAt(
  s: ReviewSnapshot,
  index: number,
  field: 'penaltyProvision' | 'violatedProvision' | 'penalty',
): { documentId: number | null; path: (string | number)[] } {
  const v = s.detail.violations[index];
  const decision = decisionOf(s.detail, v.party);
  if (!decision) return { documentId: null, path: ['violations', index, field === 'penalty' ? 'fine' : field] };
  const own = s.detail.violations.filter((x) => String(x.party) === String(v.party));
  return { documentId: decision.id, path: ['violations', own.indexOf(v), field] };
}

const at = (
  check: string,
  documentId: number | null,
  path: (string | number)[],
  key: string,
  params?: CheckFinding['params'],
): CheckFinding => ({ check, address: { documentId, path }, key, params });

/** Deadlines of a period not met in time (late, or still overdue). */
const missed = (s: ReviewSnapshot, period: string): CaseDeadline[] =>
  s.detail.deadlines.filter((d) => d.period === period && (d.status === 'late' || d.status === 'overdue'));
/** The hint for a step done late (…Late, with the day it was done) or not done at all (…Missing). */
const lateOrMissing = (d: CaseDeadline, hint: string) =>
  d.metOn ? `review.hints.${hint}Late` : `review.hints.${hint}Missing`;

/** A period's own hint (evidence-disposal → review.hints.evidenceDisposalLate / …Missing). */
export const periodHint = (period: string): string => period.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The party a deadline concerns, as the last step of an address into the case's record (none for the unit or the case). */
const partyPath = (d: CaseDeadline) => (d.party === null || d.party === 'unit' ? [] : [d.party]);

/**
 * A statutory period the agency keeps, read from the case's deadlines: each one done late, or overdue
 * and not done, is a finding at the place it is fixed, with the period's hint (…Late with the day it
 * was done, …Missing).
 */
function periodCheck(
  id: string,
  basis: string,
  appliesFrom: string,
  periods: string[],
  where: (d: CaseDeadline, s: ReviewSnapshot) => FieldAddress,
  unless?: (d: CaseDeadline, s: ReviewSnapshot) => boolean,
): ReviewCheck {
  return {
    id,
    basis,
    appliesFrom,
    appliesTo: null,
    periods,
    run: (s) =>
      periods
        .flatMap((p) => missed(s, p))
        .filter((d) => !unless?.(d, s))
        .map((d) => {
          const { documentId, path } = where(d, s);
          const finding = at(id, documentId, path, lateOrMissing(d, periodHint(d.period)), {
            due: d.due,
            done: d.metOn ?? '',
          });
          return d.uncertain ? { ...finding, uncertain: true } : finding;
        }),
  };
}
const onDocument =
  (field: string) =>
  (d: CaseDeadline): FieldAddress => ({ documentId: d.documentId, path: d.documentId === null ? ['case'] : [field] });
const onEvent =
  (kind: string) =>
  (d: CaseDeadline): FieldAddress => ({ documentId: null, path: ['events', kind, ...partyPath(d)] });

export const REVIEW_CHECKS: ReviewCheck[] = [
  periodCheck('decision-in-time', '《中华人民共和国行政处罚法》第六十条', '2021-07-15', ['decision'], (_d, s) => ({
    documentId: decisionOf(s.detail)?.id ?? null,
    path: decisionOf(s.detail) ? ['date'] : ['case'],
  })),
  periodCheck('service-in-time', '《中华人民共和国行政处罚法》第六十一条', '2021-07-15', ['service'], (d) => ({
    documentId: d.documentId,
    path: ['service'],
  })),
  periodCheck(
    'publication-in-time',
    '《中华人民共和国安全生产法》第七十八条',
    '2021-09-01',
    ['publication'],
    onEvent('publication'),
  ),
  periodCheck(
    'hearing-notice-in-time',
    '《中华人民共和国行政处罚法》第六十四条第（二）项',
    '2021-07-15',
    ['hearing-notice'],
    onDocument('hearingDate'),
  ),
  // The coercive measures' own periods: 先行登记保存 decided on within 7 working days (第五十六条); 查封扣押 disposed of
  // within its period, extended once at most (行政强制法 第二十五条、第二十七条); 停止供电 announced 24 hours ahead.
  periodCheck(
    'evidence-disposal-in-time',
    '《中华人民共和国行政处罚法》第五十六条',
    '2021-07-15',
    ['evidence-disposal'],
    onDocument('date'),
  ),
  periodCheck(
    'seizure-in-time',
    '《中华人民共和国行政强制法》第二十五条、第二十七条',
    '2012-01-01',
    ['seizure-period'],
    onDocument('periodDays'),
  ),
  // The 办法's shorter time to dispose of what was seized (待核实): a seizure already past its whole period is found above, once.
  periodCheck(
    'seizure-disposal-in-time',
    '《安全生产违法行为行政处罚办法》（2015）',
    '2015-05-01',
    ['seizure-disposal'],
    onDocument('startsOn'),
    (d, s) => missed(s, 'seizure-period').some((x) => x.documentId === d.documentId),
  ),
  periodCheck(
    'power-cut-notice-in-time',
    '《中华人民共和国安全生产法》第七十条',
    '2021-09-01',
    ['power-cut-notice'],
    onDocument('service'),
  ),
  // 移送涉嫌犯罪案件: the 负责人 decides within 3 days of the report, the case goes to the police within 24 hours (国务院令第310号 第五条).
  periodCheck(
    'transfer-in-time',
    '《行政执法机关移送涉嫌犯罪案件的规定》第五条',
    '2020-08-07',
    ['transfer-approval', 'transfer-send'],
    (d) =>
      d.period === 'transfer-send' && d.documentId !== null
        ? { documentId: d.documentId, path: ['service'] }
        : { documentId: null, path: ['events', 'approval', 'disposal'] },
  ),
  periodCheck(
    'cash-hand-in-time',
    '《中华人民共和国行政处罚法》第七十一条',
    '2021-07-15',
    ['cash-hand-in'],
    onEvent('cash-handed-in'),
  ),
  periodCheck(
    'summary-filing-in-time',
    '《中华人民共和国行政处罚法》第五十二条第三款',
    '2021-07-15',
    ['summary-filing'],
    onEvent('summary-filed'),
  ),
  periodCheck(
    'publication-withdrawal-in-time',
    '《中华人民共和国行政处罚法》第四十八条第二款',
    '2021-07-15',
    ['publication-withdrawal'],
    onEvent('publication-withdrawn'),
  ),
  // Unpaid after the time to sue ran out: the court is asked within 3 months (行政强制法 第五十三条), or the decision goes unenforced.
  periodCheck(
    'enforcement-in-time',
    '《中华人民共和国行政强制法》第五十三条',
    '2012-01-01',
    ['enforcement-application'],
    onEvent('court-application'),
  ),
  {
    // 行政处罚法 第四十二条: two officers on every document they sign, each certificate valid that day (a veto item in
    // every standard), the inspection's documents included. A certificate is judged by its number: one renewed since
    // (a new number) was checked when signed.
    id: 'officer-qualification',
    basis: '《中华人民共和国行政处罚法》第四十二条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      [...s.inspectionDocuments, ...s.detail.documents]
        .filter((d) => d.status === 'issued' && !d.superseded && Array.isArray(d.fields.officers))
        .flatMap((d) => {
          const officers = d.fields.officers as { name: string; certificateNo: string }[];
          const day = d.date ?? '';
          const out: CheckFinding[] = [];
          if (new Set(officers.map((o) => o.certificateNo)).size < 2)
            out.push(at('officer-qualification', d.id, ['officers'], 'documents.rules.twoOfficers'));
          officers.forEach((o, i) => {
            const r = s.roster.find((x) => x.certificateNo === o.certificateNo);
            if (r && (day < r.certValidFrom || day > r.certValidTo)) {
              out.push(
                at('officer-qualification', d.id, ['officers', i], 'documents.rules.certificateInvalid', {
                  name: o.name,
                  date: day,
                  from: r.certValidFrom,
                  to: r.certValidTo,
                }),
              );
            }
          });
          return out;
        }),
  },
  {
    // 行刑衔接: a violation that may be 危险作业罪 (its penalty item or hazard criterion says so) is assessed for transfer
    // before the decision — a veto item, as a fine standing in for a transfer is (国务院令第310号 第十一条).
    id: 'transfer-assessed',
    basis: '《行政执法机关移送涉嫌犯罪案件的规定》第三条、第十一条；《中华人民共和国刑法》第一百三十四条之一',
    appliesFrom: '2021-03-01',
    appliesTo: null,
    run: (s) =>
      issued(s.detail, ...DECISION_TYPES)
        .filter((d) => d.type.startsWith('penalty-decision-'))
        .flatMap((d) =>
          transferAssessmentIssues(s.detail, d.date ?? '').map((i) =>
            i.key === 'cases.rules.transferConcluded'
              ? at('transfer-assessed', d.id, ['date'], 'review.hints.penaltyReplacedTransfer', {
                  assessed: String(i.params?.date ?? ''),
                })
              : at('transfer-assessed', d.id, ['date'], 'review.hints.transferNotAssessed', {
                  markers: String(i.params?.markers ?? ''),
                }),
          ),
        ),
  },
  {
    // 第二十九条: one act, one fine — violations stemming from the same hazard (or, found in the case, the same penalty
    // item) are one act however worded, and a hazard another case fined the unit for is not fined again.
    id: 'one-act-one-fine',
    basis: '《中华人民共和国行政处罚法》第二十九条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) => [
      ...sameActs(s.detail.violations).map(([i, first, how]) => {
        const where = violationAt(s, i, 'penalty');
        return at(
          'one-act-one-fine',
          where.documentId,
          where.path,
          how === 'hazard' ? 'review.hints.oneActTwice' : 'review.hints.oneActSameItem',
          { other: first + 1 },
        );
      }),
      ...s.detail.violations.flatMap((v, i) =>
        s.finedElsewhere
          .filter((e) => v.party === 'unit' && v.stage === 'first' && v.fine > 0 && e.hazardId === v.hazardId)
          .map((e) => {
            const where = violationAt(s, i, 'penalty');
            return at('one-act-one-fine', where.documentId, where.path, 'review.hints.finedElsewhere', {
              caseNo: e.caseNo,
            });
          }),
      ),
    ],
  },
  {
    // 第一百一十三条第（一）项: the decision that makes the third penalty in 180 days (or the fourth in a year) of a unit with a
    // major hazard is followed by the request to the government to close it — the window anchored on the penalties' dates.
    id: 'closure-considered',
    basis: '《中华人民共和国安全生产法》第一百一十三条第（一）项',
    appliesFrom: '2021-09-01',
    appliesTo: null,
    run: (s) => {
      const w = s.closure;
      const decision = issued(s.detail, 'penalty-decision-unit', 'summary-penalty-unit').find(
        (d) => w && d.date === w.to,
      );
      if (!w || !decision || w.requested) return [];
      return [
        at(
          'closure-considered',
          decision.id,
          ['date'],
          w.days === 180 ? 'review.hints.closureNotRequested180' : 'review.hints.closureNotRequested365',
          {
            count: w.count,
            days: w.days,
            from: w.from,
            to: w.to,
          },
        ),
      ];
    },
  },
  {
    // 第五十八条: where the unit's triggers call for 法制审核, a passing opinion comes before the decision.
    id: 'legal-review-before-decision',
    basis: '《中华人民共和国行政处罚法》第五十八条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) => {
      const reasons = legalReviewReasons(s.detail, s.rules);
      if (!reasons.length) return [];
      return issued(s.detail, ...DECISION_TYPES)
        .filter((d) => d.type.startsWith('penalty-decision-'))
        .flatMap((d) => {
          const passed = live(s.detail.events, 'legal-review').some(
            (r) => r.result === 'pass' && r.date <= (d.date ?? ''),
          );
          return passed
            ? []
            : [
                at('legal-review-before-decision', d.id, ['date'], 'review.hints.legalReviewMissing', {
                  reasons: reasons.join('、'),
                }),
              ];
        });
    },
  },
  {
    // 第四十六条: the evidence the decision rests on, listed by its kinds (the file's 证据清单).
    id: 'evidence-listed',
    basis: '《中华人民共和国行政处罚法》第四十六条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) => {
      const decided =
        partiesPenalised(s.detail).some((p) => decisionOf(s.detail, p)) && s.detail.procedure === 'ordinary';
      return decided && !issued(s.detail, 'evidence-list').length
        ? [at('evidence-listed', null, ['documents', 'evidence-list'], 'review.hints.evidenceListMissing')]
        : [];
    },
  },
  {
    // 先行调查取证 before 立案 stands on its recorded reason and the head's approval, and the case is filed within the
    // period after it (2015 办法 第二十三条; 待核实 under 18号令).
    id: 'investigation-before-filing',
    basis: '《安全生产违法行为行政处罚办法》（2015）第二十三条',
    appliesFrom: '2015-05-01',
    appliesTo: null,
    run: (s) => {
      const filed = approval(s.detail.events, 'filing').date;
      if (!filed || s.detail.procedure !== 'ordinary') return [];
      return issued(s.detail, ...INVESTIGATION_TYPES)
        .filter((d) => d.date && d.date < filed)
        .flatMap((d) => {
          const p = periodFor(s.periods, 'filing-urgent', d.date!, s.rules);
          const latest = p ? periodEnd(s.cal, p, d.date!).date : d.date!;
          // A file of an earlier version may hold investigation before 立案 with no 先行调查取证 recorded.
          const unapproved = preInvestigationIssues(s.detail, d.type, d.date!).length > 0;
          return [
            ...(unapproved
              ? [
                  at('investigation-before-filing', d.id, ['date'], 'review.hints.preInvestigationMissing', {
                    investigated: d.date!,
                    filed,
                  }),
                ]
              : []),
            ...(filed > latest
              ? [
                  at('investigation-before-filing', d.id, ['date'], 'review.hints.filedTooLate', {
                    investigated: d.date!,
                    filed,
                    latest,
                  }),
                ]
              : []),
          ];
        });
    },
  },
  {
    // 罚缴分离: every payment is proven by the bank's or the non-tax receipt (review standards: 执行).
    id: 'payment-receipt',
    basis: '《中华人民共和国行政处罚法》第六十七条、第七十条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      s.detail.events
        .filter((e) => !e.retracted && e.data.kind === 'payment' && !(e.data as { receiptNo?: string }).receiptNo)
        .map((e) =>
          at('payment-receipt', null, ['events', e.id, 'receiptNo'], 'review.hints.receiptMissing', {
            date: e.data.date,
          }),
        ),
  },
  {
    // 第三十六条: a violation not discovered within 2 years is not punished (5 where life or health was harmed:
    // the reviewer overrules the finding then). Counted to the day it was discovered.
    id: 'limitation',
    basis: '《中华人民共和国行政处罚法》第三十六条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) => {
      const last = addMonths(s.detail.violationDate, 24);
      return s.discoveredOn > last
        ? [
            at('limitation', null, ['case', 'violationDate'], 'review.hints.limitationPassed', {
              violated: s.detail.violationDate,
              last,
              discovered: s.discoveredOn,
            }),
          ]
        : [];
    },
  },
  {
    // 第五十四条、第五十七条: the facts are investigated, then decided on — not evidence gathered after the penalty.
    id: 'investigated-after-decision',
    basis: '《中华人民共和国行政处罚法》第五十四条、第五十七条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) => {
      // The last decision of the file: a record made for a party still to be decided is not after the fact.
      const decided = issued(s.detail, ...DECISION_TYPES)
        .map((d) => d.date ?? '')
        .filter(Boolean)
        .sort()
        .at(-1);
      if (!decided) return [];
      return issued(s.detail, ...EVIDENCE_RECORDS)
        .filter((d) => d.date && d.date > decided)
        .map((d) =>
          at('investigated-after-decision', d.id, ['date'], 'review.hints.investigatedAfterDecision', {
            made: d.date!,
            decided,
          }),
        );
    },
  },
  {
    // 第三十四条: the fine lies in the band of the benchmark row the 呈批 chose, for the tier its circumstances give.
    id: 'benchmark-band',
    basis: '《中华人民共和国行政处罚法》第三十四条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      s.detail.violations.flatMap((v, i) => {
        if (!v.benchmarkCircumstance || !['general', 'lighter', 'heavier'].includes(v.tier)) return [];
        const item = s.penalties.find((p) => p.id === v.penaltyItemId);
        const benchmark = benchmarkInForce(s.benchmarks, s.detail.violationDate);
        const entry =
          benchmark?.entries.find(
            (e) =>
              e.penaltyItemId === v.penaltyItemId && e.stage === v.stage && e.circumstance === v.benchmarkCircumstance,
          ) ?? null;
        if (!item || !entry) return [];
        const { band } = proposeDiscretion({
          item,
          party: v.party === 'unit' ? 'unit' : 'person',
          stage: v.stage,
          benchmark,
          entry,
          circumstanceIds: v.circumstanceIds,
          facts: v,
        });
        if (!band || (v.fine >= band.min && v.fine <= band.max)) return [];
        const where = violationAt(s, i, 'penalty');
        return [
          at('benchmark-band', where.documentId, where.path, 'review.hints.outsideBenchmark', {
            fine: v.fine,
            min: band.min,
            max: band.max,
            row: v.benchmarkCircumstance,
          }),
        ];
      }),
  },
  {
    // 第三十七条: the law in force when the act was done applies, unless the new one is lighter (the reviewer then overrules).
    id: 'law-in-force',
    basis: '《中华人民共和国行政处罚法》第三十七条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      s.detail.violationDate >= s.penaltyLaw.effectiveFrom
        ? []
        : s.detail.violations.flatMap((v, i) => {
            if (!v.penaltyItemId) return [];
            const where = violationAt(s, i, 'penaltyProvision');
            return [
              at('law-in-force', where.documentId, where.path, 'review.hints.lawNotInForce', {
                violated: s.detail.violationDate,
                law: s.penaltyLaw.law,
                from: s.penaltyLaw.effectiveFrom,
              }),
            ];
          }),
  },
  {
    // Citations to 条, 款 and 项 where the article has them (评查标准: "未引用到条、款、项"): the penalty basis as the
    // article of the penalty item, and the provision violated where it cites the item's article without its 款/项.
    id: 'citation-depth',
    basis: '《中华人民共和国行政处罚法》第五十九条第一款第（三）项',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      s.detail.violations.flatMap((v, i) => {
        const item = s.penalties.find((p) => p.id === v.penaltyItemId);
        if (!item) return [];
        const plain = (x: string) => x.replace(/\s+/g, '');
        const out: CheckFinding[] = [];
        if (!plain(v.penaltyProvision).includes(plain(item.article))) {
          const where = violationAt(s, i, 'penaltyProvision');
          out.push(
            at('citation-depth', where.documentId, where.path, 'review.hints.citationShallow', {
              cited: v.penaltyProvision,
              should: item.article,
            }),
          );
        }
        const violated = item.violatedProvision ?? '';
        const article = /^第[^条]+条/.exec(violated)?.[0];
        if (
          article &&
          /[款项]/.test(violated) &&
          !violated.includes('至') &&
          plain(v.violatedProvision).includes(article) &&
          !plain(v.violatedProvision).includes(plain(violated))
        ) {
          const where = violationAt(s, i, 'violatedProvision');
          out.push(
            at('citation-depth', where.documentId, where.path, 'review.hints.citationShallow', {
              cited: v.violatedProvision,
              should: violated,
            }),
          );
        }
        return out;
      }),
  },
  {
    // The decision's service proven in the file by a 文书送达回执 naming it (评查标准: 送达回执; a decision with
    // neither the recipient's signature nor a witnessed refusal counts as not served).
    id: 'service-receipt',
    basis: '《中华人民共和国行政处罚法》第六十一条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      issued(s.detail, ...DECISION_TYPES)
        .filter((d) => d.servedOn && d.numberText && !onReceipt(s.detail, d.numberText))
        .map((d) =>
          at('service-receipt', d.id, ['service'], 'review.hints.receiptNotInFile', { number: d.numberText! }),
        ),
  },
  {
    // The file's timeline ends at 结案: a document made after the 结案审批 was approved is out of order (R-DATE-ORDER;
    // what comes after — a 复议 outcome, enforcement — is recorded as events, not made as documents).
    id: 'after-closing',
    basis: '《中华人民共和国行政处罚法》第五十七条',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) => {
      const closed = approval(s.detail.events, 'closing').date;
      if (!closed) return [];
      return s.detail.documents
        .filter(
          (d) => d.status === 'issued' && !d.superseded && d.type !== 'service-receipt' && d.date && d.date > closed,
        )
        .map((d) => at('after-closing', d.id, ['date'], 'review.hints.afterClosing', { made: d.date!, closed }));
    },
  },
  {
    // The hazards ordered fixed at the inspection the case came from, re-checked on time (复查: within the unit's
    // period after the deadline, 10 days by default, 待核实 under 应急管理部令第18号).
    id: 'recheck-in-time',
    basis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项；《安全生产违法行为行政处罚办法》（2015）',
    appliesFrom: '2015-05-01',
    appliesTo: null,
    run: (s) =>
      s.hazards
        .filter((h) => h.recheckDue && (h.recheckedAt ? h.recheckedAt > h.recheckDue : s.today > h.recheckDue))
        .map((h) =>
          at(
            'recheck-in-time',
            null,
            ['inspection', h.inspectionId, 'hazards', h.id],
            h.recheckedAt ? 'review.hints.recheckLate' : 'review.hints.recheckMissing',
            { hazard: h.description, deadline: h.deadline ?? '', due: h.recheckDue!, done: h.recheckedAt ?? '' },
          ),
        ),
  },
  {
    // 第五十九条第一款第（一）项 and every standard's 文书制作 items: the party named as the file names it — full name,
    // 统一社会信用代码 or 身份证号 — in every document (an abbreviated name is a deduction).
    id: 'party-consistency',
    basis: '《中华人民共和国行政处罚法》第五十九条第一款第（一）项',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      s.detail.documents
        .filter((d) => d.status === 'issued' && !d.superseded)
        .flatMap((d) => {
          const f = d.fields;
          const key = f.party === undefined ? 'unit' : f.party;
          const person = typeof key === 'number' ? s.detail.persons[key] : undefined;
          const named =
            key === 'unit'
              ? { name: s.detail.unit.name, code: s.detail.unit.code }
              : person
                ? { name: person.name, code: person.idNumber ?? '' }
                : null;
          if (!named) return [];
          const written = (field: string) => (typeof f[field] === 'string' ? (f[field] as string) : null);
          // Where each type writes the party's name (a 询问通知书 to the unit: its addressee) and, on a document naming the
          // party, its code (the summary form has one box for either; a 询问笔录's 身份证号 is the interviewee's).
          const nameFields =
            d.type === 'questioning-notice' && !f.addresseeIsPerson ? ['partyName', 'addressee'] : ['partyName'];
          const codeFields = written('partyName') === null || !named.code ? [] : ['partyCode', 'idNumber', 'code'];
          return [
            ...nameFields
              .filter((x) => written(x) !== null && written(x) !== named.name)
              .map((x) =>
                at('party-consistency', d.id, [x], 'review.hints.partyNameDiffers', {
                  written: written(x)!,
                  name: named.name,
                }),
              ),
            ...codeFields
              .filter((x) => written(x) !== null && written(x) !== named.code)
              .map((x) =>
                at('party-consistency', d.id, [x], 'review.hints.partyCodeDiffers', {
                  written: written(x)!,
                  code: named.code,
                }),
              ),
          ];
        }),
  },
  {
    // Since 2024-01-01 the 复议机关 of a county department is the county government alone (行政复议法 第二十四条), named
    // in full, with the court in full (第五十九条第一款第（五）项: the ways and time limits of remedy). Each decision names
    // the organs the unit configures — another government or court is wrong however it is worded — and the unit's
    // own 复议机关 is a people's government, never an either/or.
    id: 'remedy-clause',
    basis: '《中华人民共和国行政复议法》第二十四条；《中华人民共和国行政处罚法》第五十九条第一款第（五）项',
    appliesFrom: '2024-01-01',
    appliesTo: null,
    run: (s) =>
      issued(s.detail, ...DECISION_TYPES).flatMap((d) => {
        const printed = d.fields as { reviewAgency?: string; court?: string };
        const { reviewAgency, court } = s.remedy;
        const differs = (field: 'reviewAgency' | 'court') => {
          const named = printed[field];
          return named !== undefined && named !== s.remedy[field]
            ? [at('remedy-clause', d.id, [field], 'review.hints.remedyDiffers', { named, configured: s.remedy[field] })]
            : [];
        };
        return [
          ...differs('reviewAgency'),
          ...differs('court'),
          ...(printed.reviewAgency === reviewAgency && (!/人民政府$/.test(reviewAgency) || /或/.test(reviewAgency))
            ? [at('remedy-clause', d.id, ['reviewAgency'], 'review.hints.remedyAgency', { named: reviewAgency })]
            : []),
          ...(printed.court === court && !/人民法院$/.test(court)
            ? [at('remedy-clause', d.id, ['court'], 'review.hints.remedyCourt', { named: court })]
            : []),
        ];
      }),
  },
  {
    // What each document printed, field by field, against what the record holds: the violations' provisions, penalties
    // and orders, the amounts, the defence and its adoption, the dates and numbers referred to (R-AMOUNT, R-CITATION;
    // 第五十九条). A document frozen before its content came from the record (issue 16), or a 呈批 revised after it was
    // issued, prints what the file no longer says. The party's name and code are party-consistency's; the remedy
    // organs remedy-clause's.
    id: 'printed-as-recorded',
    basis: '《中华人民共和国行政处罚法》第五十九条第一款',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s) =>
      [...s.detail.documents]
        .filter((d) => d.status === 'issued' && !d.superseded && s.asRecorded[d.id])
        .flatMap((d) =>
          differences(d.fields, s.asRecorded[d.id]).map(({ path, printed, recorded }) =>
            at('printed-as-recorded', d.id, path, 'review.hints.printedDiffers', { printed, recorded }),
          ),
        ),
  },
  {
    // The documents the procedure used calls for (the standard's list: 案卷文书齐全), each once the file has reached its stage.
    id: 'required-documents',
    basis: '《中华人民共和国行政处罚法》第五十四条第一款、第五十五条第二款；行政执法案卷评查标准',
    appliesFrom: '2021-07-15',
    appliesTo: null,
    run: (s, standard) =>
      standard.requiredDocuments
        .filter((r) => requiredNow(s, r) && !held(s, r.anyOf))
        .map((r) =>
          at('required-documents', null, ['documents', r.id], 'review.hints.documentMissing', { name: r.name }),
        ),
  },
];

/**
 * Fields not compared here: the party's name and code (party-consistency's), the remedy organs (remedy-clause's), the
 * addressee's key, and what follows settings that may have changed since (the hearing thresholds behind a 告知书's
 * hearing rights, judged when it was issued).
 */
const READ_ELSEWHERE = new Set([
  'party',
  'partyName',
  'partyCode',
  'idNumber',
  'code',
  'addressee',
  'reviewAgency',
  'court',
  'hearingRights',
]);

/** A value as a finding quotes it: short, and an empty one said so. */
const quoted = (v: unknown): string => {
  const named = v && typeof v === 'object' ? (v as { document?: unknown }).document : undefined;
  const text =
    v === undefined || v === null || v === ''
      ? '（空）'
      : typeof v === 'string'
        ? v
        : typeof named === 'string'
          ? named
          : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};
/** Equal as printed: an empty value is empty whether it was kept as '', null or not at all (a column added since). */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/**
 * Lists whose every row the document printed whole: a 送达回执's rows are the documents served when it was made, and
 * the record lists more as later ones are served, so its printed rows are compared as far as they go.
 */
const WHOLE_LISTS = new Set(['violations']);

/** Where a document's printed fields differ from the record's, down to a table's row and column. */
function differences(
  printed: Record<string, unknown>,
  recorded: Record<string, unknown>,
): { path: (string | number)[]; printed: string; recorded: string }[] {
  return Object.entries(recorded)
    .filter(([key]) => !READ_ELSEWHERE.has(key))
    .flatMap(([key, want]) => {
      const got = printed[key];
      if (!Array.isArray(want) || !Array.isArray(got))
        return same(got, want) ? [] : [{ path: [key], printed: quoted(got), recorded: quoted(want) }];
      const rows = Math.max(got.length, WHOLE_LISTS.has(key) ? want.length : 0);
      // A receipt's rows name their document: each printed row is compared with the record's row for that document.
      const named = (row: unknown) =>
        row && typeof row === 'object' ? (row as { document?: unknown }).document : undefined;
      const counterpart = (i: number): unknown =>
        typeof named(got[i]) === 'string' ? want.find((r: unknown) => named(r) === named(got[i])) : want[i];
      return Array.from({ length: rows }, (_, i) => {
        const [was, row]: unknown[] = [got[i], i < got.length ? counterpart(i) : want[i]];
        if (row && typeof row === 'object' && was && typeof was === 'object') {
          const [r, w] = [row, was] as Record<string, unknown>[];
          return Object.keys(r)
            .filter((col) => !same(w[col], r[col]))
            .map((col) => ({ path: [key, i, col], printed: quoted(w[col]), recorded: quoted(r[col]) }));
        }
        return same(was, row) ? [] : [{ path: [key, i], printed: quoted(was), recorded: quoted(row) }];
      }).flat();
    });
}

/** Whether the file has reached the stage from which it must hold the document. */
function requiredNow(s: ReviewSnapshot, r: RequiredDocument): boolean {
  const d = s.detail;
  if (d.procedure !== r.procedure || !d.outcome || !r.outcomes.includes(d.outcome)) return false;
  if (r.when === 'hearing-held' && !live(d.events, 'hearing').some((h) => h.attended)) return false;
  const closed = !!approval(d.events, 'closing').date;
  if (r.from === 'closed') return closed;
  if (r.from === 'approved') return d.procedure === 'summary' || !!approval(d.events, 'disposal').date;
  const penalised = partiesPenalised(d);
  return penalised.length ? penalised.every((p) => decisionOf(d, p)) : closed;
}

const held = (s: ReviewSnapshot, types: string[]) =>
  issued(s.detail, ...types).length > 0 ||
  s.inspectionDocuments.some((d) => d.status === 'issued' && types.includes(d.type));

export const CHECK_IDS: ReadonlySet<string> = new Set(REVIEW_CHECKS.map((c) => c.id));

/** The day a check is judged against: the 立案 (or, for a file never filed, the violation). */
export function caseDay(d: CaseDetail): string {
  return d.filedOn ?? d.violationDate;
}
