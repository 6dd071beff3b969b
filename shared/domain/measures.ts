/**
 * 责令改正 (and ordering a hazard removed, now or by a date) goes with a penalty but is not one (行政处罚法
 * 第九条 lists the kinds; 第二十八条 orders correction beside them): documents word it as a separate order,
 * and the 行政处罚决定公开 dataset leaves it out. 责令停产停业整顿, 责令停止建设 and 责令关闭 are penalties.
 */
const CORRECTION_ORDER = /^责令.*(改正|消除|整改)/;

export const isCorrectionOrder = (measure: string): boolean =>
  CORRECTION_ORDER.test(measure) && !/停产停业|停止建设|关闭/.test(measure);

/**
 * What this department orders in its own decision: the orders to correct and the penalties it decides
 * (责令…, 没收…). 处分, 拘留 and 关闭 an article also names are for others to decide.
 */
export const orderedByTheDepartment = (measure: string): boolean => /^(责令|没收)/.test(measure);
