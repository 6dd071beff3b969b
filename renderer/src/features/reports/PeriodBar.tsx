import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Segmented, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Period, PeriodKind } from '../../../../shared/domain/indicators/periods.ts';
import { periodOf } from '../../../../shared/domain/indicators/periods.ts';
import {
  canStepForward,
  englishMonth,
  type FixedKind,
  PERIOD_KINDS,
  periodTitle,
  rangeText,
  stepPeriod,
} from './report-format.ts';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** A period's name in the UI's language: 2026年第四季度, 2026年11月, 2026年 (Q4 2026, November 2026, 2026), or its days. */
export function usePeriodName() {
  const { t, i18n } = useTranslation();
  return (p: Period): string => {
    const title = periodTitle(p);
    switch (title.kind) {
      case 'quarter':
        return t('reports.period.quarterTitle', {
          year: title.year,
          quarter: t(`reports.period.quarters.${QUARTERS[title.quarter - 1]}`),
        });
      case 'month':
        return t('reports.period.monthTitle', {
          year: title.year,
          month: i18n.language === 'en' ? englishMonth(title.month) : title.month,
        });
      case 'year':
        return t('reports.period.yearTitle', { year: title.year });
      default:
        return rangeText(p, i18n.language);
    }
  };
}

/**
 * The period chooser: month, quarter, year or any run of days, stepped back and forth a period at a time (never into
 * one not yet begun), and reloaded on demand.
 */
export function PeriodBar({
  period,
  kind,
  today,
  busy,
  onChange,
  onKind,
  onReload,
}: {
  period: Period;
  kind: PeriodKind;
  today: string;
  busy: boolean;
  onChange(p: Period): void;
  onKind(k: PeriodKind): void;
  onReload(): void;
}) {
  const { t } = useTranslation();
  const name = usePeriodName();
  const fixed = kind === 'custom' ? null : (kind as FixedKind);
  return (
    <Space wrap size={8} data-testid="reports-period-bar">
      <Segmented
        value={kind}
        onChange={(k) => onKind(k as PeriodKind)}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.period.kinds.${k}`) }))}
        data-testid="reports-period-kind"
      />
      {fixed ? (
        <Space.Compact>
          <Tooltip title={t('reports.period.previous')}>
            <Button
              icon={<LeftOutlined />}
              onClick={() => onChange(stepPeriod(period, fixed, -1))}
              aria-label={t('reports.period.previous')}
              data-testid="reports-period-back"
            />
          </Tooltip>
          <DatePicker
            picker={fixed}
            allowClear={false}
            inputReadOnly
            value={dayjs(period.from)}
            format={() => name(period)}
            style={{ width: 170 }}
            disabledDate={(d: Dayjs) => periodOf(fixed, d.format('YYYY-MM-DD')).from > today}
            onChange={(d: Dayjs | null) => d && onChange(periodOf(fixed, d.format('YYYY-MM-DD')))}
            data-testid="reports-period-picker"
          />
          <Tooltip title={t('reports.period.next')}>
            <Button
              icon={<RightOutlined />}
              disabled={!canStepForward(period, fixed, today)}
              onClick={() => onChange(stepPeriod(period, fixed, 1))}
              aria-label={t('reports.period.next')}
              data-testid="reports-period-forward"
            />
          </Tooltip>
        </Space.Compact>
      ) : (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(v) =>
            v?.[0] && v[1] && onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
          }
          data-testid="reports-period-range"
        />
      )}
      <Button icon={<ReloadOutlined />} onClick={onReload} loading={busy} data-testid="reports-reload">
        {t('common.refresh')}
      </Button>
    </Space>
  );
}

/** The period and its two comparisons, as dates: what each figure and change below is counted over. */
export function PeriodLine({
  period,
  previous,
  lastYear,
  notes,
}: {
  period: Period;
  previous: Period;
  lastYear: Period;
  notes: { previous: string | null; lastYear: string | null };
}) {
  const { t, i18n } = useTranslation();
  const range = (p: Period) => rangeText(p, i18n.language);
  return (
    <Space wrap size={[20, 4]} data-testid="reports-periods">
      <span data-testid="reports-period-current">
        <Typography.Text type="secondary">{t('reports.period.current')}</Typography.Text>
        <Typography.Text strong>{range(period)}</Typography.Text>
      </span>
      <span data-testid="reports-period-last-year">
        <Typography.Text type="secondary">{t('reports.period.lastYear')}</Typography.Text>
        <Typography.Text>{range(lastYear)}</Typography.Text>
        {notes.lastYear && <Typography.Text type="warning">{notes.lastYear}</Typography.Text>}
      </span>
      <span data-testid="reports-period-previous">
        <Typography.Text type="secondary">{t('reports.period.previousPeriod')}</Typography.Text>
        <Typography.Text>{range(previous)}</Typography.Text>
        {notes.previous && <Typography.Text type="warning">{notes.previous}</Typography.Text>}
      </span>
    </Space>
  );
}
