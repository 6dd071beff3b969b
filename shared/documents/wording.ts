import type { UnitProfile } from '../entities/unit.ts';
import { yuanFigures, yuanInWords } from '../domain/amount.ts';
import { optionalText } from '../entities/common.ts';
import { CONFISCATION } from '../entities/penalty-article.ts';
import { isCorrectionOrder } from '../domain/measures.ts';

/**
 * Official wording shared by several forms. Since the 2023 行政复议法 (in force 2024-01-01) the
 * review body of a county 应急管理局 is the county government alone: the 2016 templates' either/or
 * ("向…人民政府或者…申请行政复议") is outdated. Numbers in Arabic numerals, as the forms' own rules ask.
 */
export function remedyClause(unit: Pick<UnitProfile, 'reviewAgency' | 'court'>, what: '决定' | '指令'): string {
  return `如果不服本${what}，可以依法在60日内向${unit.reviewAgency}申请行政复议，或者在6个月内依法向${unit.court}提起行政诉讼，但本${what}不停止执行，法律另有规定的除外。`;
}

/**
 * The 复议机关 and the court a decision names, kept in its fields when it is made: the file then shows
 * what the party was told (a reviewer checks it), whatever the unit profile says later.
 */
export const remedyFields = { reviewAgency: optionalText(60), court: optionalText(60) };
export const remedyPrefill = (unit: Pick<UnitProfile, 'reviewAgency' | 'court'>) => ({
  reviewAgency: unit.reviewAgency,
  court: unit.court,
});
/** The bodies named: the document's own, or (made before it kept them) the unit profile's. */
export const remedyOf = (
  f: { reviewAgency?: string; court?: string },
  unit: Pick<UnitProfile, 'reviewAgency' | 'court'>,
) => ({ reviewAgency: f.reviewAgency || unit.reviewAgency, court: f.court || unit.court });

export const RECTIFICATION_DUTIES =
  '你单位应当按照上述期限整改完毕，达到有关法律法规规章和国家标准或者行业标准的要求。整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。';

/** 罚款人民币贰万元 / 警告 / 责令停产停业整顿: a case's proposed penalties joined as the forms write them. */
export function penaltyText(parts: string[]): string {
  return parts.filter(Boolean).join('，') || '　　　　';
}

/** 人民币贰万元整（¥20,000.00）: an amount of whole 元 as the forms write it, in 大写 and in figures. */
export const yuanText = (yuan: number): string => `人民币${yuanInWords(yuan * 100)}（¥${yuanFigures(yuan * 100)}）`;

/**
 * A violation's penalty as the forms word it, and apart from it the order to correct, which is no penalty
 * (shared/domain/measures.ts): 没收违法所得 first where ordered (with the amount the case established, in
 * 大写 and figures), as the articles put it; then the fine; then the other penalties.
 */
export function violationWording(v: { fine: number; measures: string[]; gains?: number | null }): {
  penalty: string;
  order: string;
} {
  const fine = v.fine > 0 ? `罚款${yuanText(v.fine)}` : '';
  const penalties = v.measures.filter((m) => !isCorrectionOrder(m));
  const confiscation = penalties
    .filter((m) => m === CONFISCATION)
    .map((m) => (v.gains ? `${m}${yuanText(v.gains)}` : m));
  return {
    penalty: [...confiscation, fine, ...penalties.filter((m) => m !== CONFISCATION)].filter(Boolean).join('，'),
    order: v.measures.filter(isCorrectionOrder).join('，'),
  };
}

/** "，并责令你单位限期消除事故隐患": the order to correct, addressed to the party, after the penalty. */
export function orderClause(order: string, party: string): string {
  if (!order.trim()) return '';
  return `，并${order
    .split('，')
    .map((o) => o.replace(/^责令/, `责令${party}`))
    .join('，')}`;
}
