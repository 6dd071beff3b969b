import type { HandlerGroup } from '../../context.ts';
import { AppError } from '../../../../shared/base/errors.ts';
import { download } from '../files.ts';
import { draw, drawPool, toDrawRecord } from './draws.ts';
import { approvePlan, classification, filePlan, planForPrint, planOf, savePlan } from './service.ts';
import { planPdf, planWorkbook } from './report.ts';
import { progressOf, standingOf } from './standing.ts';

/** The plans:* channels (issue 20): 分类分级 and the year's plan; the 双随机 draws follow. */
export const planHandlers: HandlerGroup<'plans'> = {
  async 'plans:classification'(_input, { core, rules: cr }) {
    const { rules, own, rows, summary } = await classification(core, cr);
    return { today: cr.today, rules, rulesOwn: own, rows, summary };
  },
  async 'plans:get'({ year }, { core, rules }) {
    return planOf(core, rules, year);
  },
  async 'plans:save'(input, { core, rules, actor }) {
    return savePlan(core, rules, actor, input);
  },
  async 'plans:approve'(input, { core, rules, actor }) {
    return approvePlan(core, rules, actor, input);
  },
  async 'plans:file'(input, { core, rules, actor }) {
    return filePlan(core, rules, actor, input);
  },
  async 'plans:pdf'({ year }, { core, rules }) {
    const { plan, rows } = await planForPrint(core, rules, year);
    return download(`${year}年度安全生产监督检查计划.pdf`, await planPdf(core, rules, plan, rows));
  },
  async 'plans:xlsx'({ year }, { core, rules }) {
    const { plan, rows } = await planForPrint(core, rules, year);
    return download(`${year}年度安全生产监督检查计划.xlsx`, await planWorkbook(core, rules, plan, rows));
  },
  async 'plans:draw-pool'({ year, label }, { core, rules }) {
    return drawPool(core, rules, core.store.db, year, label);
  },
  async 'plans:draw'(input, { core, rules, actor }) {
    return draw(core, rules, actor, input);
  },
  async 'plans:draws'({ year }, { core }) {
    const rows = await core.store.db
      .selectFrom('draws')
      .selectAll()
      .where('planYear', '=', year)
      .orderBy('id')
      .execute();
    return rows.map(toDrawRecord);
  },
  async 'plans:standing'({ enterpriseId, year, except }, { core, rules }) {
    return standingOf(core, rules, core.store.db, enterpriseId, year, except);
  },
  async 'plans:progress'({ year }, { core }) {
    return progressOf(core.store.db, year);
  },
  async 'plans:draw-record'({ id }, { core }) {
    const row = await core.store.db.selectFrom('draws').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'draw', id });
    const record = toDrawRecord(row);
    return download(
      `双随机抽查记录_${record.planYear}_${record.id}.json`,
      Buffer.from(`${JSON.stringify(record, null, 2)}\n`),
    );
  },
};
