import { z } from 'zod';
import type { Checklist } from '../../entities/checklist.ts';
import type { DiscretionBenchmark } from '../../entities/discretion.ts';
import type { FileOrder } from '../../entities/file-order.ts';
import type { PenaltyItem } from '../../entities/penalty-article.ts';
import type { StatutoryPeriod } from '../../entities/period.ts';
import { channel } from './channel.ts';
import { none, textFile } from './fragments.ts';

/** Versioned legal and standard data (resources/knowledge), and what a unit imports beside it. */
export interface IndustryEntry {
  code: string;
  name: string;
  level: 'section' | 'division' | 'group' | 'class';
  section: string;
}

export const knowledgeChannels = {
  'knowledge:industries': channel<IndustryEntry[]>()({ input: none, access: 'signed-in' }),
  'knowledge:checklists': channel<Checklist[]>()({ input: none, access: 'signed-in' }),
  /** Statutory periods as data (basis, how they count, when in force), for deadline computations. */
  'knowledge:periods': channel<StatutoryPeriod[]>()({ input: none, access: 'signed-in' }),
  /** 安全生产法 penalty items (第九十条–第一百一十四条): what each covers, fine ranges, measures. */
  'knowledge:penalties': channel<PenaltyItem[]>()({ input: none, access: 'signed-in' }),
  /** The bundled 卷内目录 order (an admin's imported one is the setting fileOrder). */
  'knowledge:file-order': channel<FileOrder>()({ input: none, access: 'signed-in' }),
  /** Discretion benchmarks: the bundled example (示例) and the province's imported ones. */
  'knowledge:benchmarks': channel<DiscretionBenchmark[]>()({ input: none, access: 'signed-in' }),
  'knowledge:import-benchmark': channel<DiscretionBenchmark>()({
    input: z.object(textFile(5_000_000)),
    access: 'settings.manage',
  }),
  /** A unit's own list (重点检查事项…) in the checklist format; an id already bundled cannot be replaced. */
  'knowledge:import-checklist': channel<Checklist>()({
    input: z.object(textFile(2_000_000)),
    access: 'settings.manage',
  }),
} as const;
