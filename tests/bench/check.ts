/**
 * The bench at tiny sizes, as a step of `npm test`: the whole of run.ts (ledger, documents and 案卷评查,
 * each part in its own process as always) runs once, its JSON is printed, and the step fails when any
 * figure is missing, null or not a number. No figure is compared with its target: timings on a shared
 * machine are noise, and `npm run bench` at full size is where they are read.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Tiny sizes (each may be overridden from the environment). */
const TINY = {
  BENCH_ROWS: '200',
  BENCH_REVIEW_FILES: '10',
  BENCH_RENDER_RUNS: '3',
  BENCH_CHROMIUM_RUNS: '1',
  BENCH_EXPORT_CASES: '4',
  BENCH_EXPORT_INSPECTIONS: '10',
  BENCH_REPORT_ENTERPRISES: '300',
  BENCH_REPORT_INSPECTIONS: '200',
  BENCH_REPORT_CASES: '20',
};

/** Every figure the bench prints (dotted paths into its JSON); each must be a finite number. */
export const FIGURES = [
  'machine.cpus',
  'machine.memGiB',
  'enterprises',
  'importMs.preview',
  'importMs.commit',
  'importMs.total',
  'importMs.targetTotal',
  'importMs.previewLongestStallMs',
  ...['oneChar', 'twoChars', 'fourPlusChars', 'noHit'].flatMap((q) =>
    ['p50', 'p95', 'hits'].map((f) => `searchMs.${q}.${f}`),
  ),
  'searchMs.targetP50',
  ...['classification', 'draw', 'total', 'enterprises', 'picks', 'target'].map((f) => `planMs.${f}`),
  'demoCountyMs.opens',
  'demoCountyMs.whole',
  'demoCountyMs.targetOpens',
  'coreStartMs.median',
  'coreStartMs.target',
  'databaseBytes',
  'peakRssMiB',
  ...['inspectionRecord', 'penaltyDecision'].flatMap((d) => [
    `documents.${d}.pages`,
    ...['cpuMs', 'wallMs', 'naiveCpuMs', 'naiveWallMs'].flatMap((k) => [
      `documents.${d}.${k}.p50`,
      `documents.${d}.${k}.p95`,
    ]),
    `documents.${d}.cpuMs.target`,
    `documents.${d}.speedup.value`,
    `documents.${d}.speedup.target`,
  ]),
  'documents.coldFirstDocumentMs.wall',
  'documents.coldFirstDocumentMs.target',
  'documents.distinctTypes.types',
  ...['oursCpuMs', 'naiveCpuMs', 'oursWallMs', 'naiveWallMs'].flatMap((k) => [
    `documents.distinctTypes.firstPass.${k}`,
    `documents.distinctTypes.warm.${k}`,
  ]),
  'documents.distinctTypes.firstPass.speedup',
  'documents.distinctTypes.warm.speedup.value',
  'documents.distinctTypes.warm.speedup.target',
  ...['first', 'p50', 'issuedDocuments', 'papers', 'numberedPages', 'pages', 'target'].map(
    (k) => `documents.boundCaseFileMs.${k}`,
  ),
  'documents.batchOfTwentyMs.appWorker',
  'documents.batchOfTwentyMs.poolOfTwo',
  'documents.batchOfTwentyMs.target',
  'documents.workerHeapMiB.app.0',
  'documents.workerHeapMiB.poolOfTwo.1',
  'documents.peakRssMiB.whileAppBatch',
  'documents.peakRssMiB.target',
  'documents.peakRssMiB.renderProcessAfterAll',
  'documents.chromiumPrintToPdfMs.p50',
  'documents.chromiumPrintToPdfMs.ratioToWarmRender',
  'review.filesGenerated',
  'review.filesLeftOut.count',
  'review.generateMs',
  'review.pureReviewOfThousandMs.value',
  'review.pureReviewOfThousandMs.files',
  'review.pureReviewOfThousandMs.distinctFiles',
  'review.pureReviewOfThousandMs.target',
  'review.loadFromDatabaseMs.total',
  'review.loadFromDatabaseMs.perFile',
  'review.loadFromDatabaseMs.projectedThousand',
  'review.loadAndReviewPerFileMs',
  'review.findingsInThousand',
  'review.peakRssMiB',
  'exports.fixture.cases',
  'exports.fixture.inspections',
  'exports.fixture.buildMs',
  'exports.distinctPdfs',
  'exports.pdfBytes',
  'exports.packageBytes',
  'exports.overridden',
  'exports.exportMs.value',
  'exports.exportMs.target',
  'exports.verifyMs.value',
  'exports.verifyMs.hashBothMs',
  'exports.verifyMs.ratio',
  'exports.verifyMs.targetRatio',
  'exports.peakRssMiB.value',
  'exports.peakRssMiB.target',
  'reports.fixture.enterprises',
  'reports.fixture.inspections',
  'reports.fixture.cases',
  'reports.quarterInspections',
  'reports.readRecordsMs',
  'reports.dictionaryWarmMs',
  'reports.completenessMs',
  'reports.reportFiguresMs.value',
  'reports.reportFiguresMs.target',
  'reports.drillYearMs',
  'reports.reportPdfMs.first',
  'reports.reportPdfMs.value',
  'reports.reportPdfMs.target',
  'reports.peakRssMiB',
];

/** What is wrong with the bench's JSON: figures absent or not numbers, and any null (JSON's NaN) anywhere in it. */
export function problems(result: unknown): string[] {
  const found: string[] = [];
  const at = (p: string) =>
    p
      .split('.')
      .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), result);
  for (const p of FIGURES) {
    const v = at(p);
    if (typeof v !== 'number' || !Number.isFinite(v))
      found.push(`${p}: ${v === undefined ? 'missing' : JSON.stringify(v)}`);
  }
  const walk = (v: unknown, p: string): void => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) {
      if (!found.some((f) => f.startsWith(`${p}:`))) found.push(`${p}: ${String(v)}`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}.${i}`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
  };
  walk(result, '');
  const frequent = at('review.mostFrequent');
  if (!Array.isArray(frequent) || frequent.length === 0) found.push(`review.mostFrequent: ${JSON.stringify(frequent)}`);
  return found;
}

if (import.meta.main) {
  const env = { ...process.env };
  for (const [k, v] of Object.entries(TINY)) env[k] ??= v;
  const r = spawnSync(process.execPath, [path.join(import.meta.dirname, 'run.ts')], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 2 ** 20,
  });
  process.stdout.write(r.stdout ?? '');
  let result: unknown = null;
  try {
    result = JSON.parse(r.stdout);
  } catch {
    /* reported below */
  }
  const found =
    r.status !== 0
      ? [`run.ts exited with ${r.status ?? r.signal}`]
      : result === null
        ? ['run.ts printed no JSON']
        : problems(result);
  if (found.length) {
    console.error(`Bench figures not produced:\n  ${found.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Every figure produced (${FIGURES.length} checked; timings are not compared with their targets here).`);
}
