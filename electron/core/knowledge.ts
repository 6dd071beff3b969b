import fs from 'node:fs';
import path from 'node:path';
import type { IndustryEntry } from '../../shared/api/contract.ts';
import { type IndustryCatalogue, indexIndustries } from '../../shared/domain/industry.ts';
import { type Checklist, type ChecklistItem, checklist } from '../../shared/entities/checklist.ts';
import { periodCatalogue, type StatutoryPeriod } from '../../shared/entities/period.ts';
import { penaltyCatalogue, type PenaltyItem } from '../../shared/entities/penalty-article.ts';
import { discretionBenchmark, type DiscretionBenchmark } from '../../shared/entities/discretion.ts';
import { fileOrder, type FileOrder } from '../../shared/entities/file-order.ts';
import { reviewStandard, type ReviewStandard } from '../../shared/entities/review-standard.ts';
import { gradesInOrder, unknownChecks, unknownDocumentTypes } from '../../shared/domain/review/standard.ts';
import { CHECK_IDS } from '../../shared/domain/review/checks.ts';
import { TEMPLATES } from '../../shared/documents/registry.ts';
import { fieldMapping, type FieldMapping } from '../../shared/entities/field-mapping.ts';
import { mappingProblems } from '../../shared/domain/field-mapping.ts';
import { typicalCaseCatalogue, type TypicalCaseCatalogue } from '../../shared/entities/typical-case.ts';
import { planDocument, type PlanDocument, planRules, type PlanRules } from '../../shared/entities/plan-rules.ts';
import { reportRules, type ReportRules } from '../../shared/entities/report-rules.ts';
import { reportDocument, type ReportDocument } from '../../shared/entities/report-document.ts';

/** Versioned legal and standard data shipped in resources/knowledge, read once at start. */
export interface Knowledge {
  periods: StatutoryPeriod[];
  penalties: PenaltyItem[];
  /** The law the penalty articles are numbered by, and the day that version took effect. */
  penaltyLaw: { law: string; effectiveFrom: string };
  /** The lists shipped with the app; `checklists` adds the unit's own. */
  bundledChecklists: Checklist[];
  checklists: Checklist[];
  checklistItems: Map<string, { item: ChecklistItem; checklist: Checklist }>;
  industries: IndustryCatalogue;
  industryIndex: ReturnType<typeof indexIndustries>;
  industryList: IndustryEntry[];
  /** Discretion benchmarks: the bundled example, then the province's imported ones. */
  bundledBenchmarks: DiscretionBenchmark[];
  benchmarks: DiscretionBenchmark[];
  /** The order of a bound case file (卷内目录). */
  fileOrder: FileOrder;
  /** The bundled 案卷评查 standard (示例); a province's own comes later as an import. */
  reviewStandard: ReviewStandard;
  /** Field mappings onto provinces' templates (数据上报): this app's own fields, an example, a province's own. */
  mappings: FieldMapping[];
  /** 典型执法案例: the write-up's field list and the reporting schedule (the ministry's, and local rules). */
  typicalCases: TypicalCaseCatalogue;
  /** 分类分级 for the annual plan: the bundled 示例, which a unit replaces with its own (settings.planRules). */
  planRules: PlanRules;
  /** The printed plan's wording. */
  planDocument: PlanDocument;
  /** 统计报表: the targets, sectors and 在岗 rules bundled as the 示例 (settings.reportRules replaces them). */
  reportRules: ReportRules;
  /** The printed report's wording. */
  reportDocument: ReportDocument;
}

/** The imported benchmarks beside the bundled example; an imported id never replaces a bundled one. */
export function setCustomBenchmarks(knowledge: Knowledge, custom: DiscretionBenchmark[]): void {
  knowledge.benchmarks = [
    ...knowledge.bundledBenchmarks,
    ...custom.filter((c) => !knowledge.bundledBenchmarks.some((b) => b.id === c.id)),
  ];
}

/**
 * Bundled lists plus the unit's own (imported into the database): one index, rebuilt in place when
 * the unit's lists change, so every holder of `knowledge` sees them.
 */
export function setCustomChecklists(knowledge: Knowledge, custom: Checklist[]): void {
  const bundled = knowledge.bundledChecklists;
  knowledge.checklists = [...bundled, ...custom.filter((c) => !bundled.some((b) => b.id === c.id))];
  knowledge.checklistItems = new Map(
    knowledge.checklists.flatMap((c) => c.items.map((item) => [item.id, { item, checklist: c }] as const)),
  );
}

export function loadKnowledge(resourcesDir: string): Knowledge {
  const industries = JSON.parse(
    fs.readFileSync(path.join(resourcesDir, 'knowledge', 'industry-codes.json'), 'utf8'),
  ) as IndustryCatalogue;
  const industryList: IndustryEntry[] = [];
  for (const s of industries.sections) {
    industryList.push({ code: s.code, name: s.name, level: 'section', section: s.code });
    for (const d of s.divisions) {
      industryList.push({ code: d.code, name: d.name, level: 'division', section: s.code });
      for (const c of d.classes) industryList.push({ code: c.code, name: c.name, level: 'class', section: s.code });
    }
  }
  const dir = path.join(resourcesDir, 'knowledge', 'checklists');
  const bundledChecklists = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => checklist.parse(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8'))))
    : [];
  const periods = periodCatalogue.parse(
    JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'periods.json'), 'utf8')),
  ).periods;
  const penaltyFile = penaltyCatalogue.parse(
    JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'penalty-articles.json'), 'utf8')),
  );
  const penalties = penaltyFile.items;
  const benchDir = path.join(resourcesDir, 'knowledge', 'discretion');
  const bundledBenchmarks = fs.existsSync(benchDir)
    ? fs
        .readdirSync(benchDir)
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => discretionBenchmark.parse(JSON.parse(fs.readFileSync(path.join(benchDir, n), 'utf8'))))
    : [];
  const knowledge: Knowledge = {
    periods,
    penalties,
    penaltyLaw: { law: penaltyFile.law, effectiveFrom: penaltyFile.effectiveFrom },
    bundledChecklists,
    checklists: [],
    checklistItems: new Map(),
    industries,
    industryIndex: indexIndustries(industries),
    industryList,
    bundledBenchmarks,
    benchmarks: bundledBenchmarks,
    fileOrder: fileOrder.parse(
      JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'file-order.json'), 'utf8')),
    ),
    reviewStandard: bundledReviewStandard(resourcesDir),
    mappings: bundledMappings(resourcesDir),
    typicalCases: typicalCaseCatalogue.parse(
      JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'typical-cases.json'), 'utf8')),
    ),
    planRules: planRules.parse(
      JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'plan-rules.json'), 'utf8')),
    ),
    planDocument: planDocument.parse(
      JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'plan-document.json'), 'utf8')),
    ),
    reportRules: reportRules.parse(
      JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'report-rules.json'), 'utf8')),
    ),
    reportDocument: reportDocument.parse(
      JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'report-document.json'), 'utf8')),
    ),
  };
  setCustomChecklists(knowledge, []);
  return knowledge;
}

/** The mappings, each naming only fields the records have and coding every value of what it codes (a test holds the bundled ones to it). */
function bundledMappings(resourcesDir: string): FieldMapping[] {
  const dir = path.join(resourcesDir, 'knowledge', 'mappings');
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort((a, b) => (a === 'default.json' ? -1 : b === 'default.json' ? 1 : a < b ? -1 : 1))
    .flatMap((n) => {
      // A file put here by hand that is wrong is left out, said in the log, never the app's start.
      try {
        const m = fieldMapping.parse(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')));
        const problems = mappingProblems(m);
        if (!problems.length) return [m];
        console.warn(`[knowledge] mappings/${n} left out: ${problems.join('; ')}`);
      } catch (e) {
        console.warn(`[knowledge] mappings/${n} left out: ${e instanceof Error ? e.message : String(e)}`);
      }
      return [];
    });
}

/** The bundled review standard, every check it names one the app runs (a typo would silently score nothing). */
function bundledReviewStandard(resourcesDir: string): ReviewStandard {
  const s = reviewStandard.parse(
    JSON.parse(fs.readFileSync(path.join(resourcesDir, 'knowledge', 'review-standard.json'), 'utf8')),
  );
  const unknown = unknownChecks(s, CHECK_IDS);
  if (unknown.length) throw new Error(`review-standard.json names unknown checks: ${unknown.join(', ')}`);
  const types = unknownDocumentTypes(s, new Set(Object.keys(TEMPLATES)));
  if (types.length) throw new Error(`review-standard.json requires unknown document types: ${types.join(', ')}`);
  if (!gradesInOrder(s)) throw new Error('review-standard.json lists its grades out of order');
  return s;
}
