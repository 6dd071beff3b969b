import type { DocumentTemplate } from '../template.ts';
import { questioningNotice } from './questioning-notice.ts';
import { questioningRecord } from './questioning-record.ts';
import { surveyRecord } from './survey-record.ts';
import { samplingReceipt } from './sampling-receipt.ts';
import { appraisalRequest } from './appraisal-request.ts';

/** 调查取证: 询问通知书, 询问笔录, 勘验笔录, 抽样取证凭证, 鉴定委托书. */
export const INVESTIGATION_TEMPLATES: DocumentTemplate[] = [
  questioningNotice,
  questioningRecord,
  surveyRecord,
  samplingReceipt,
  appraisalRequest,
]
  // Each template is typed by its own schema; looked up by type name, they are all just templates.
  .map((t) => t as unknown as DocumentTemplate);
