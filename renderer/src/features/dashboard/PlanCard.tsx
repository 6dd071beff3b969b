import { Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../../shared/api/channels/plans.ts';
import type { PlanProgress } from '../../../../shared/domain/plans/standing.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { formatDate } from '../format.ts';
import { coverageDeadline, coverageUrgent, daysUntil, rate } from '../plans/progress.ts';
import { filingOverdue, PLAN_STATUS_COLORS } from '../plans/status.ts';

/**
 * 年度执法计划: this year's plan and its 报市局备案 deadline, and once approved how far its 重点 enterprises are covered
 * (all by the end of December); in December, next year's plan too.
 */
export function PlanCard() {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // undefined while asked; null while the year has no approved plan.
  const [progress, setProgress] = useState<PlanProgress | null | undefined>(undefined);
  const day = today();
  useEffect(() => {
    const year = Number(day.slice(0, 4));
    // Next year's is drafted in December.
    const years = day.slice(5, 7) === '12' ? [year, year + 1] : [year];
    void Promise.all(years.map((y) => api.plans.get({ year: y })))
      .then(setPlans)
      .catch((e) => setFailed(errorMessage(e)));
    // Asked alongside rather than after the plan: the core answers null for a plan not approved.
    void api.plans
      .progress({ year })
      .then(setProgress)
      // The card's filing deadline stands without it: the progress line is left out rather than the card failed.
      .catch(() => setProgress(null));
  }, [day]);
  return (
    <Card
      size="small"
      loading={(!plans || progress === undefined) && !failed}
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
                  {i === 0 &&
                    (p.status === 'approved' || p.status === 'filed') &&
                    progress &&
                    progress.year === p.year && <CoverageLine progress={progress} day={day} />}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** 重点覆盖 in one line, with what is left and, in December while some are not covered, the days left to do it. */
function CoverageLine({ progress, day }: { progress: PlanProgress; day: string }) {
  const { t } = useTranslation();
  const { covered, enterprises, notCovered } = progress.key;
  const urgent = coverageUrgent(progress, day);
  const left = daysUntil(day, coverageDeadline(progress.year));
  const params = { covered, total: enterprises, rate: rate(covered, enterprises) ?? '—' };
  return (
    <Space size={6} wrap data-testid="plan-card-progress">
      <Typography.Text type={urgent ? 'danger' : 'secondary'} data-testid="plan-card-coverage">
        {enterprises === 0
          ? t('plans.card.noKey')
          : notCovered.length === 0
            ? t('plans.card.coverageDone', params)
            : t('plans.card.coverage', params)}
      </Typography.Text>
      {urgent && (
        <Tag color={left > 7 ? 'orange' : 'red'} data-testid="plan-card-urgent">
          {left > 0 ? t('plans.progress.key.daysLeft', { days: left }) : t('plans.progress.key.lastDay')}
        </Tag>
      )}
      <Link to="/plans?tab=progress" data-testid="plan-card-progress-link">
        {notCovered.length > 0 ? t('plans.card.notCovered', { n: notCovered.length }) : t('plans.card.progressOpen')}
      </Link>
      {notCovered.length > 0 && (
        // The first few by name, each a click from its record: who to visit next, the full list a click further.
        <Typography.Text type="secondary" data-testid="plan-card-not-covered">
          {t('plans.card.notCoveredNames')}
          {notCovered.slice(0, NAMES_SHOWN).map((e, i) => (
            <span key={e.enterpriseId}>
              {i > 0 && t('common.listSeparator')}
              <Link to={`/enterprises/${e.enterpriseId}`}>{e.name}</Link>
            </span>
          ))}
          {notCovered.length > NAMES_SHOWN && t('plans.card.andMore', { n: notCovered.length })}
        </Typography.Text>
      )}
    </Space>
  );
}

const NAMES_SHOWN = 3;
