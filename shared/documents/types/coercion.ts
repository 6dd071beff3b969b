import type { DocumentTemplate } from '../template.ts';

/** 行政强制: 查封扣押 (decision with its 清单, extension, disposal) and 停止供电（供应民用爆炸物品）. */
export const COERCION_TEMPLATES: DocumentTemplate[] = [];
