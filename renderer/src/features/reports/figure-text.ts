import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorValue } from '../../../../shared/domain/indicators/values.ts';
import type { ReportTarget } from '../../../../shared/entities/report-rules.ts';
import { tKey } from '../../i18n.ts';
import { changeParts, englishMonth, figureKey, isShareKind, targetParts, valueParts } from './report-format.ts';

/** How the report's numbers read in the UI's language: a figure, a change, a target, a figure's name. */
export function useFigureText() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  // The same functions while the language stays: charts' options are made from them and redrawn when they change.
  return useMemo(() => figureText(t, en), [t, en]);
}

function figureText(t: TFunction, en: boolean) {
  const value = (kind: IndicatorValue['kind'], v: number | null): string => {
    const parts = valueParts(kind, v);
    if (!parts) return '—';
    if (parts.unit === 'yuan') return t('reports.value.yuan', { amount: parts.number });
    if (parts.unit === 'percent') return `${parts.number}%`;
    return parts.number;
  };
  const change = (kind: IndicatorValue['kind'], c: number | null): string => {
    const parts = changeParts(kind, c);
    if (!parts) return '—';
    if (parts.direction === 'flat') return t('reports.change.flat');
    return parts.unit === 'points'
      ? `${parts.arrow}${t('reports.change.points', { n: parts.magnitude })}`
      : `${parts.arrow}${parts.magnitude}%`;
  };
  const due = (d: { month: number; day: number }) =>
    en ? `${d.day} ${englishMonth(d.month, 'short')}` : `${d.month}月${d.day}日`;
  const target = (tg: ReportTarget, kind: IndicatorValue['kind']): string => {
    const p = targetParts(tg);
    // A 同比 target's value is growth in per cent; a minimum is in the figure's own unit.
    // A target is a round number: 90%, not 90.0%.
    const shown = p.key.startsWith('yoy') ? String(p.value) : isShareKind(kind) ? `${p.value}%` : value(kind, p.value);
    return t(`reports.target.${p.key}`, { op: p.op, value: shown, due: p.due ? due(p.due) : '' });
  };
  const name = (id: string) => tKey(figureKey(id, 'name'));
  const definition = (id: string) => tKey(figureKey(id, 'definition'));
  return { value, change, target, due, name, definition };
}
