import type { DocumentTemplate } from '../template.ts';
import { sealSeizeDecision, sealSeizeDisposal, sealSeizeExtension } from './seal-seize.ts';
import { powerRestoreNotice, powerStopDecision, powerStopNotice } from './power-stop.ts';

/** 行政强制: 查封扣押 (decision with its 清单, extension, disposal) and 停止供电（供应民用爆炸物品）. */
export const COERCION_TEMPLATES: DocumentTemplate[] = [
  sealSeizeDecision,
  sealSeizeExtension,
  sealSeizeDisposal,
  powerStopDecision,
  powerStopNotice,
  powerRestoreNotice,
]
  // Each template is typed by its own schema; looked up by type name, they are all just templates.
  .map((t) => t as unknown as DocumentTemplate);
