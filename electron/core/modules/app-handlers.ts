import type { HandlerGroup } from '../context.ts';
import { coveredYears } from '../../../shared/domain/workdays.ts';
import { needsSetup } from './accounts/handlers.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { checklist } from '../../../shared/entities/checklist.ts';
import { discretionBenchmark } from '../../../shared/entities/discretion.ts';
import { uncoveredNear } from './calendar/handlers.ts';
import { getUnit } from './unit/handlers.ts';

export const appHandlers: HandlerGroup<'app'> = {
  async 'app:info'(_input, { core }) {
    const cal = await core.calendar();
    return {
      version: core.version,
      workspace: core.workspace,
      needsSetup: await needsSetup(core),
      unitName: (await getUnit(core.store.db))?.agencyName ?? null,
      calendar: { coveredYears: coveredYears(cal), uncoveredYears: uncoveredNear(cal, core.today()) },
    };
  },
};

export const knowledgeHandlers: HandlerGroup<'knowledge'> = {
  async 'knowledge:industries'(_input, { core }) {
    return core.knowledge.industryList;
  },
  async 'knowledge:checklists'(_input, { core }) {
    return core.knowledge.checklists;
  },
  async 'knowledge:periods'(_input, { core }) {
    return core.knowledge.periods;
  },
  async 'knowledge:penalties'(_input, { core }) {
    return core.knowledge.penalties;
  },
  async 'knowledge:import-checklist'({ fileName, text }, { core, actor }) {
    let json: unknown;
    try { json = JSON.parse(text); } catch { throw new AppError('CHECKLIST_BAD_FILE', { reasonText: fileName }); }
    const parsed = checklist.safeParse(json);
    if (!parsed.success) throw new AppError('CHECKLIST_BAD_FILE', { reasonText: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('；') });
    const list = parsed.data;
    // A unit's list may replace its own earlier import, never a bundled standard.
    if (core.knowledge.bundledChecklists.some((c) => c.id === list.id)) throw new AppError('CHECKLIST_BAD_FILE', { reasonText: `id ${list.id}` });
    const clash = list.items.find((i) => { const found = core.knowledge.checklistItems.get(i.id); return found && found.checklist.id !== list.id; });
    if (clash) throw new AppError('CHECKLIST_BAD_FILE', { reasonText: `item ${clash.id}` });
    await core.tx(async (trx) => {
      const values = { json: JSON.stringify(list), importedAt: core.now().toISOString(), importedBy: actor.userName };
      await trx.insertInto('customChecklists').values({ id: list.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
      core.record(actor, { action: 'knowledge:import-checklist', entityType: 'checklist', entityId: list.id, after: { name: list.name, items: list.items.length, fileName } });
    });
    await core.reloadUnitKnowledge();
    return list;
  },
  async 'knowledge:benchmarks'(_input, { core }) {
    return core.knowledge.benchmarks;
  },
  async 'knowledge:import-benchmark'({ fileName, text }, { core, actor }) {
    let json: unknown;
    try { json = JSON.parse(text); } catch { throw new AppError('BENCHMARK_BAD_FILE', { reasonText: fileName }); }
    const parsed = discretionBenchmark.safeParse(json);
    if (!parsed.success) throw new AppError('BENCHMARK_BAD_FILE', { reasonText: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('；') });
    const bench = parsed.data;
    if (core.knowledge.bundledBenchmarks.some((b) => b.id === bench.id)) throw new AppError('BENCHMARK_BAD_FILE', { reasonText: `id ${bench.id}` });
    // Every row must name a penalty item we know, or the helper could not check its amounts.
    const unknown = bench.entries.find((e) => !core.knowledge.penalties.some((p) => p.id === e.penaltyItemId));
    if (unknown) throw new AppError('BENCHMARK_BAD_FILE', { reasonText: `penaltyItemId ${unknown.penaltyItemId}` });
    await core.tx(async (trx) => {
      const values = { json: JSON.stringify(bench), importedAt: core.now().toISOString(), importedBy: actor.userName };
      await trx.insertInto('discretionBenchmarks').values({ id: bench.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
      core.record(actor, { action: 'knowledge:import-benchmark', entityType: 'benchmark', entityId: bench.id, after: { name: bench.name, entries: bench.entries.length, fileName } });
    });
    await core.reloadUnitKnowledge();
    return bench;
  },
};
