import type { z } from 'zod';
import type { CoreState, HandlerGroup } from '../../context.ts';
import type { AuditActor } from '../../audit/audit-log.ts';
import { AppError } from '../../../../shared/base/errors.ts';
import { checklist } from '../../../../shared/entities/checklist.ts';
import { discretionBenchmark } from '../../../../shared/entities/discretion.ts';

/**
 * 知识库: the bundled law, checklists, periods and benchmarks (resources/knowledge, loaded by
 * knowledge.ts), and a unit's own checklists and benchmarks imported beside them.
 */
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
    return importUnitKnowledge(core, actor, {
      fileName,
      text,
      schema: checklist,
      errorCode: 'CHECKLIST_BAD_FILE',
      table: 'customChecklists',
      action: 'knowledge:import-checklist',
      entityType: 'checklist',
      // A unit's list may replace its own earlier import, never a bundled standard, nor take another list's item ids.
      conflict(list) {
        if (core.knowledge.bundledChecklists.some((c) => c.id === list.id)) return `id ${list.id}`;
        const clash = list.items.find((i) => {
          const found = core.knowledge.checklistItems.get(i.id);
          return found && found.checklist.id !== list.id;
        });
        return clash ? `item ${clash.id}` : null;
      },
      summary: (list) => ({ name: list.name, items: list.items.length }),
    });
  },
  async 'knowledge:file-order'(_input, { core }) {
    return core.knowledge.fileOrder;
  },
  async 'knowledge:benchmarks'(_input, { core }) {
    return core.knowledge.benchmarks;
  },
  async 'knowledge:import-benchmark'({ fileName, text }, { core, actor }) {
    return importUnitKnowledge(core, actor, {
      fileName,
      text,
      schema: discretionBenchmark,
      errorCode: 'BENCHMARK_BAD_FILE',
      table: 'discretionBenchmarks',
      action: 'knowledge:import-benchmark',
      entityType: 'benchmark',
      // Every row must name a penalty item we know, or the helper could not check its amounts.
      conflict(bench) {
        if (core.knowledge.bundledBenchmarks.some((b) => b.id === bench.id)) return `id ${bench.id}`;
        const unknown = bench.entries.find((e) => !core.knowledge.penalties.some((p) => p.id === e.penaltyItemId));
        return unknown ? `penaltyItemId ${unknown.penaltyItemId}` : null;
      },
      summary: (bench) => ({ name: bench.name, entries: bench.entries.length }),
    });
  },
};

/**
 * A unit's own knowledge file (a checklist, a discretion benchmark): parsed and checked whole, kept
 * in the database under its id (a later import of the same id replaces it), audited, then loaded.
 */
async function importUnitKnowledge<T extends { id: string }>(
  core: CoreState,
  actor: AuditActor,
  o: {
    fileName: string;
    text: string;
    schema: z.ZodType<T>;
    errorCode: 'CHECKLIST_BAD_FILE' | 'BENCHMARK_BAD_FILE';
    table: 'customChecklists' | 'discretionBenchmarks';
    action: string;
    entityType: string;
    conflict(value: T): string | null;
    summary(value: T): Record<string, unknown>;
  },
): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(o.text);
  } catch {
    throw new AppError(o.errorCode, { reasonText: o.fileName });
  }
  const parsed = o.schema.safeParse(json);
  if (!parsed.success)
    throw new AppError(o.errorCode, {
      reasonText: parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('；'),
    });
  const value = parsed.data;
  const conflict = o.conflict(value);
  if (conflict) throw new AppError(o.errorCode, { reasonText: conflict });
  await core.tx(async (trx) => {
    const values = { json: JSON.stringify(value), importedAt: core.now().toISOString(), importedBy: actor.userName };
    await trx
      .insertInto(o.table)
      .values({ id: value.id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    core.record(actor, {
      action: o.action,
      entityType: o.entityType,
      entityId: value.id,
      after: { ...o.summary(value), fileName: o.fileName },
    });
  });
  await core.reloadUnitKnowledge();
  return value;
}
