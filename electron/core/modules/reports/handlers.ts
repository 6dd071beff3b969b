import type { HandlerGroup } from '../../context.ts';
import type { ReportView } from '../../../../shared/api/channels/reports.ts';
import { readFile } from '../../files.ts';
import { download } from '../files.ts';
import { reportWorkbook } from './document.ts';
import {
  basesOf,
  drillOf,
  figuresOf,
  issuedRow,
  issueReport,
  reportOf,
  reportRulesOf,
  saveBases,
  toIssued,
} from './service.ts';

/** The reports:* channels (issue 21): 统计报表's figures, their records, and the base figures of earlier years. */
export const reportHandlers: HandlerGroup<'reports'> = {
  async 'reports:figures'(period, { core, rules }) {
    return figuresOf(core, rules, period);
  },
  async 'reports:drill'(input, { core, rules }) {
    return drillOf(core, rules, input);
  },
  async 'reports:bases'({ year }, { core }) {
    return basesOf(core.store.db, year);
  },
  async 'reports:bases-save'(input, { core, rules, actor }) {
    return saveBases(core, rules, actor, input);
  },
  async 'reports:preview'(input, { core, rules }) {
    const made = await reportOf(core, rules, input);
    return download(`${made.title}.pdf`, made.pdf);
  },
  async 'reports:xlsx'(input, { core, rules }) {
    const made = await reportOf(core, rules, input);
    return download(`${made.title}.xlsx`, await reportWorkbook(made.view, core.knowledge.reportDocument));
  },
  async 'reports:issue'(input, { core, rules, actor }) {
    return issueReport(core, rules, actor, input);
  },
  async 'reports:issued'(_input, { core }) {
    const rows = await core.store.db.selectFrom('reports').selectAll().orderBy('id', 'desc').execute();
    return rows.map(toIssued);
  },
  async 'reports:issued-file'({ id, format }, { core }) {
    const row = await issuedRow(core.store.db, id);
    if (format === 'pdf') return download(`${row.title}.pdf`, readFile(core.dataDir, row.pdfSha256));
    const view = JSON.parse(row.viewJson) as ReportView;
    return download(`${row.title}.xlsx`, await reportWorkbook(view, core.knowledge.reportDocument));
  },
  async 'reports:rules'(_input, { core, rules }) {
    return reportRulesOf(core, rules);
  },
};
