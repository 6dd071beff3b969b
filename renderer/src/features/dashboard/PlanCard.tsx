import { Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../../shared/api/channels/plans.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { formatDate } from '../format.ts';
import { filingOverdue, PLAN_STATUS_COLORS } from '../plans/status.ts';

/** 年度执法计划: this year's plan and its 报市局备案 deadline; in December, next year's too. */
export function PlanCard() {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const day = today();
  useEffect(() => {
    const year = Number(day.slice(0, 4));
    // Next year's is drafted in December.
    const years = day.slice(5, 7) === '12' ? [year, year + 1] : [year];
    void Promise.all(years.map((y) => api.plans.get({ year: y })))
      .then(setPlans)
      .catch((e) => setFailed(errorMessage(e)));
  }, [day]);
  return (
    <Card
      size="small"
      loading={!plans && !failed}
      title={t('plans.card.title')}
      extra={<Link to="/plans?tab=year">{t('plans.card.open')}</Link>}
      data-testid="plan-card"
    >
      {failed && <Typography.Text type="danger">{failed}</Typography.Text>}
      {plans && (
        <List
          size="small"
          dataSource={plans}
          renderItem={(p, i) => {
            const late = filingOverdue(p, day);
            // Next year's: not due for filing until its own January.
            const upcoming = i > 0;
            return (
              <List.Item data-testid="plan-card-year">
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
                    <strong>{t('plans.card.year', { year: p.year })}</strong>
                    <Tag color={PLAN_STATUS_COLORS[p.status]} data-testid="plan-card-status">
                      {t(`plans.year.status.${p.status}`)}
                    </Tag>
                  </Space>
                  {p.status === 'filed' ? (
                    <Typography.Text type="secondary">
                      {t('plans.card.filedOn', { date: formatDate(p.filedOn) })}
                    </Typography.Text>
                  ) : upcoming && p.status !== 'approved' ? (
                    <Typography.Text type="secondary">{t('plans.card.nextYearHint')}</Typography.Text>
                  ) : (
                    <Space size={6} wrap>
                      <Typography.Text type={late ? 'danger' : 'secondary'} data-testid="plan-card-due">
                        {t('plans.year.dueBy', { date: formatDate(p.filingDue) })}
                      </Typography.Text>
                      {late && <Tag color="red">{t('plans.year.overdue')}</Tag>}
                    </Space>
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
