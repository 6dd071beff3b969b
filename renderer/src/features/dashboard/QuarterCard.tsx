import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportView } from '../../../../shared/api/channels/reports.ts';
import { periodOf } from '../../../../shared/domain/indicators/periods.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { useFigureText } from '../reports/figure-text.ts';

/** The figures a supervisor reads first, this quarter against the same quarter last year. */
const HEADLINE = ['inspections', 'hazards', 'cases-filed', 'decisions', 'fines'] as const;

/**
 * 本季度执法统计: the quarter's headline figures with their 同比, and the targets missed so far, each naming its
 * figure; the whole report one click away.
 */
export function QuarterCard() {
  const { t } = useTranslation();
  const text = useFigureText();
  const [view, setView] = useState<ReportView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const quarter = periodOf('quarter', today());
  useEffect(() => {
    void api.reports
      .figures(quarter)
      .then(setView)
      .catch((e) => setFailed(errorMessage(e)));
    // The quarter changes with the day, not with each render.
  }, [quarter.from, quarter.to]); // eslint-disable-line react-hooks/exhaustive-deps
  const missed = view?.figures.filter((f) => f.target?.status === 'missed') ?? [];
  const pending = view?.figures.filter((f) => f.target?.status === 'pending') ?? [];
  const names = (list: typeof missed) => list.map((f) => text.name(f.id)).join(t('common.listSeparator'));
  return (
    <Card
      size="small"
      loading={!view && !failed}
      title={t('dashboard.quarter.title', { quarter: (Number(quarter.from.slice(5, 7)) + 2) / 3 })}
      extra={<Link to={`/reports?from=${quarter.from}&to=${quarter.to}`}>{t('dashboard.quarter.open')}</Link>}
      data-testid="quarter-card"
    >
      {failed && <Typography.Text type="danger">{failed}</Typography.Text>}
      {view && (
        <>
          <Row gutter={8}>
            {HEADLINE.map((id) => {
              const f = view.figures.find((x) => x.id === id)!;
              return (
                <Col flex={1} key={id} data-testid={`quarter-${id}`}>
                  <Statistic title={text.name(id)} value={text.value(f.kind, f.value)} valueStyle={{ fontSize: 18 }} />
                  <Typography.Text type="secondary">
                    {f.lastYear.source === 'none'
                      ? t('dashboard.quarter.noYoy')
                      : t('dashboard.quarter.yoy', { change: text.change(f.kind, f.lastYear.change) })}
                  </Typography.Text>
                </Col>
              );
            })}
          </Row>
          <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="quarter-missed">
            {missed.length
              ? t('dashboard.quarter.missed', { names: names(missed) })
              : t('dashboard.quarter.noneMissed')}
            {pending.length > 0 && ` ${t('dashboard.quarter.pending', { names: names(pending) })}`}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
