import type { DocumentTemplate } from '../template.ts';

/** 调查取证: 询问通知书, 询问笔录, 勘验笔录, 抽样取证凭证, 鉴定委托书. */
export const INVESTIGATION_TEMPLATES: DocumentTemplate[] = [];
