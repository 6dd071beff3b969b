/**
 * 案卷评查 figures: the pure review of 1,000 case files (target ≤ 2 s, loading excluded), and the time
 * to load files from the database and review them. The files are made through the contract by the
 * case generator, on every path it knows (some five minutes for 1,000: each issues and renders its
 * documents). BENCH_REVIEW_FILES makes fewer for a quick look; the pure part then reviews those
 * snapshots again in turn up to 1,000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedClock } from '../../electron/core/clock.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { caseGenerator, type CaseRecipe, GeneratorError } from '../../electron/core/modules/demo/case-generator.ts';
import { ruleContext } from '../../electron/core/create-core.ts';
import { reviewSnapshot } from '../../electron/core/modules/review/snapshot.ts';
import { review } from '../../shared/domain/review/review.ts';
import type { ReviewSnapshot } from '../../shared/domain/review/checks.ts';
import { summarise } from '../../shared/domain/review/batch.ts';
import { addCalendarDays } from '../../shared/domain/workdays.ts';
import { addUser, RESOURCES, setUp } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const FILES = Number(process.env.BENCH_REVIEW_FILES ?? 1000);
const REVIEWED = 1000;

/** Every path the generator knows, in turn, filed on days spread over the year. */
const PATHS: Omit<CaseRecipe, 'enterpriseId' | 'handlerIds' | 'filedOn'>[] = [
  { variations: ['statement-waived', 'investigated'] },
  { variations: ['statement-heard', 'late-service', 'late-publication'] },
  { variations: ['person-fined', 'statement-waived'] },
  { variations: ['hearing', 'investigated'] },
  { variations: ['transfer-accepted'] },
  { variations: ['summary'] },
  { variations: ['statement-waived', 'late-payment'], stopAt: 'closed' },
  { variations: ['no-penalty'] },
  { stopAt: 'approved' },
  { variations: ['statement-waived'], stopAt: 'decided' },
];

export async function reviewBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-review-'));
  const core = await createCore({
    dataDir,
    resourcesDir: RESOURCES,
    autoBackup: false,
    clock: pinnedClock('2026-11-22T10:00:00+08:00'),
  });
  try {
    const token = await setUp(core);
    const { enterprise, officers } = await inspectionReady(core, token);
    // The 法制审核 a hearing or a large fine calls for is recorded by a legal reviewer.
    const reviewerToken = await addUser(core, token, 'fzsh', 'reviewer');
    const generate = caseGenerator((c, i, e) => core.dispatch(c, i, e), token);
    const handlerIds = [officers[0].id, officers[1].id] as [number, number];
    let t = process.hrtime.bigint();
    const ids: number[] = [];
    // Why files were left out (the step refused, and its error), so a generator the core now refuses shows here.
    const leftOut: Record<string, number> = {};
    for (let i = 0; i < FILES; i++) {
      const recipe = PATHS[i % PATHS.length];
      // Filed between January and August, so every step lies before "today"; a file the calendar refuses is left out.
      const filedOn = addCalendarDays('2026-01-05', (i * 7) % 230);
      const c = await generate({
        ...recipe,
        enterpriseId: enterprise.id,
        handlerIds,
        filedOn,
        reviewerToken,
        formNo: recipe.variations?.includes('summary') ? `9${String(i).padStart(6, '0')}` : undefined,
      }).catch((e: unknown) => {
        const why = e instanceof GeneratorError ? `${e.channel} ${JSON.stringify(e.error)}` : String(e);
        leftOut[why] = (leftOut[why] ?? 0) + 1;
        return null;
      });
      if (c) ids.push(c.id);
    }
    const generateMs = ms(t);
    const cr = await ruleContext(core.state.store.db, core.state);
    const standard = core.state.knowledge.reviewStandard;
    t = process.hrtime.bigint();
    const snapshots: ReviewSnapshot[] = [];
    for (const id of ids) snapshots.push(await reviewSnapshot(core.state, core.state.store.db, id, cr));
    const loadMs = ms(t);
    t = process.hrtime.bigint();
    for (const s of snapshots) review(s, standard);
    const loadedReviewMs = ms(t);
    // The pure part on 1,000 files: the loaded snapshots taken again in turn.
    const thousand = Array.from({ length: REVIEWED }, (_, i) => snapshots[i % snapshots.length]);
    for (const s of thousand.slice(0, 50)) review(s, standard);
    t = process.hrtime.bigint();
    const results = thousand.map((s) => review(s, standard));
    const pureMs = ms(t);
    const summary = summarise(
      results.map((result, i) => ({
        caseId: i,
        handlerNames: thousand[i].detail.handlerNames,
        documentNames: {},
        result,
      })),
    );
    return {
      filesGenerated: ids.length,
      filesLeftOut: { count: FILES - ids.length, why: leftOut },
      generateMs: Math.round(generateMs),
      pureReviewOfThousandMs: {
        value: Math.round(pureMs),
        files: REVIEWED,
        distinctFiles: snapshots.length,
        target: 2000,
      },
      loadFromDatabaseMs: {
        total: Math.round(loadMs),
        perFile: +(loadMs / Math.max(1, ids.length)).toFixed(1),
        projectedThousand: Math.round((loadMs / Math.max(1, ids.length)) * REVIEWED),
      },
      loadAndReviewPerFileMs: +((loadMs + loadedReviewMs) / Math.max(1, ids.length)).toFixed(1),
      findingsInThousand: results.reduce((n, r) => n + r.findings.length, 0),
      mostFrequent: summary.byCheck.slice(0, 3).map((c) => c.check),
      // The generated files break rules on purpose (late service, no receipt…); what is printed stays as recorded.
      printedAsRecordedFindings: summary.byCheck.find((c) => c.check === 'printed-as-recorded')?.findings ?? 0,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(JSON.stringify(await reviewBench()));
