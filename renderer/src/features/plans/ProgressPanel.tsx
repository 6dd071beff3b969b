import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Radio, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionKind } from '../../../../shared/base/vocabulary.ts';
import type { DrawRecord } from '../../../../shared/domain/plans/draw.ts';
import type { PlanProgress } from '../../../../shared/domain/plans/standing.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { vocabLabel } from '../vocab.ts';
import { coverageDeadline, coverageUrgent, daysUntil, rate } from './progress.ts';
import { LoadFailed } from './LoadFailed.tsx';

type NotCovered = PlanProgress['key']['notCovered'][number];
type Pending = PlanProgress['random']['pending'][number];

const PAGE_SIZE = 10;

function Figure({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div style={{ fontSize: 24, fontWeight: 600, lineHeight: '36px' }} data-testid={testId}>
      {children}
    </div>
  );
}

/**
 * 执行情况: how far the year's approved plan has been carried out — the 重点 enterprises covered by a 计划检查 against
 * the city's year-end deadline, the 双随机 picks inspected, the 计划外 inspections by kind — and, for the work left,
 * who and where: the enterprises still to be covered, the picks still to be inspected with their two officers.
 * Last year's stays selectable for the year's summary written in January.
 */
export function ProgressPanel({ year: initialYear }: { year?: number }) {
  const { t } = useTranslation();
  const day = today();
  const thisYear = Number(day.slice(0, 4));
  const [year, setYear] = useState(initialYear ?? thisYear);
  const [data, setData] = useState<{ progress: PlanProgress | null; draws: DrawRecord[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const yearRef = useRef(year);
  useEffect(() => {
    yearRef.current = year;
  }, [year]);
  const load = useCallback(() => {
    setError(null);
    setData(null);
    // The draws only for their officers' names as drawn (the roster may have changed since).
    Promise.all([api.plans.progress({ year }), api.plans.draws({ year })])
      // A late answer for the year switched away from is dropped: it must never show under another year.
      .then(([progress, draws]) => year === yearRef.current && setData({ progress, draws }))
      .catch((e) => year === yearRef.current && setError(errorMessage(e)));
  }, [year]);
  useEffect(load, [load]);

  const years = [...new Set([thisYear - 1, thisYear, year])].sort((a, b) => a - b);
  const header = (
    <Space wrap>
      <Radio.Group
        optionType="button"
        value={year}
        onChange={(e) => setYear(e.target.value as number)}
        data-testid="plan-progress-year"
        options={years.map((y) => ({ value: y, label: t('plans.year.yearOption', { year: y }) }))}
      />
      <Button icon={<ReloadOutlined />} onClick={load} disabled={!data && !error} data-testid="plan-progress-refresh">
        {t('common.refresh')}
      </Button>
    </Space>
  );

  let body: ReactNode;
  if (error)
    body = (
      <LoadFailed title={t('plans.progress.loadFailed')} error={error} onRetry={load} testId="plan-progress-error" />
    );
  else if (!data)
    body = (
      <Spin size="large" description={t('plans.progress.loading')} data-testid="plan-progress-loading">
        <div style={{ height: 280 }} />
      </Spin>
    );
  else if (!data.progress)
    body = (
      <Alert
        type="warning"
        showIcon
        data-testid="plan-progress-not-approved"
        // A past year's plan can no longer be drafted: only the current one has a next step.
        title={
          year < thisYear ? t('plans.progress.notApprovedPast', { year }) : t('plans.progress.notApproved', { year })
        }
        description={year < thisYear ? undefined : t('plans.progress.notApprovedNext')}
        action={
          year >= thisYear && (
            <Link to="/plans?tab=year" data-testid="plan-progress-to-plan">
              {t('plans.draws.toPlan')}
            </Link>
          )
        }
      />
    );
  else body = <ProgressView progress={data.progress} draws={data.draws} day={day} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan-progress">
      {header}
      {body}
    </Space>
  );
}

function ProgressView({ progress: p, draws, day }: { progress: PlanProgress; draws: DrawRecord[]; day: string }) {
  const { t } = useTranslation();
  const overall = rate(p.done, p.planned);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('plans.progress.intro', { year: p.year })}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={6}>
          <Card
            size="small"
            title={t('plans.progress.overall.title')}
            style={{ height: '100%' }}
            data-testid="plan-progress-overall"
          >
            <Figure testId="plan-progress-overall-rate">{overall ?? '—'}</Figure>
            <Space orientation="vertical" size={0}>
              <Typography.Text>
                {t('plans.progress.overall.counts', { done: p.done, planned: p.planned })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('plans.progress.overall.hint')}
              </Typography.Text>
            </Space>
          </Card>
        </Col>
        <Col span={7}>
          <KeyCard progress={p} day={day} />
        </Col>
        <Col span={6}>
          <RandomCard progress={p} />
        </Col>
        <Col span={5}>
          <UnplannedCard progress={p} />
        </Col>
      </Row>
      <NotCoveredTable rows={p.key.notCovered} enterprises={p.key.enterprises} />
      <PendingTable progress={p} draws={draws} />
    </Space>
  );
}

/** 重点覆盖 against the deadline: what is left, and in the plan's year how many days to do it in. */
function KeyCard({ progress: p, day }: { progress: PlanProgress; day: string }) {
  const { t } = useTranslation();
  const { key } = p;
  const deadline = coverageDeadline(p.year);
  const left = daysUntil(day, deadline);
  const missing = key.notCovered.length;
  const inYear = day.slice(0, 4) === String(p.year);
  const late = day > deadline && missing > 0;
  const pressing = coverageUrgent(p, day);
  return (
    <Card
      size="small"
      title={t('plans.progress.key.title')}
      style={{ height: '100%' }}
      data-testid="plan-progress-key"
      extra={
        key.enterprises > 0 && missing === 0 ? (
          <Tag color="green">{t('plans.progress.key.allCovered')}</Tag>
        ) : late ? (
          <Tag color="red">{t('plans.progress.key.lateTag')}</Tag>
        ) : null
      }
    >
      <Space align="baseline" size={12}>
        <Figure testId="plan-progress-coverage">
          {t('plans.progress.key.covered', { covered: key.covered, total: key.enterprises })}
        </Figure>
        <Typography.Text data-testid="plan-progress-coverage-rate">
          {t('plans.progress.key.rate', { rate: rate(key.covered, key.enterprises) ?? '—' })}
        </Typography.Text>
      </Space>
      <Progress
        percent={key.enterprises ? (key.covered / key.enterprises) * 100 : 0}
        showInfo={false}
        size="small"
        status={late ? 'exception' : missing === 0 && key.enterprises > 0 ? 'success' : 'normal'}
      />
      <Space orientation="vertical" size={0}>
        <Typography.Text data-testid="plan-progress-visits">
          {t('plans.progress.key.visits', { done: key.visitsDone, planned: key.visitsPlanned })}
        </Typography.Text>
        <Typography.Text type={late ? 'danger' : 'secondary'} data-testid="plan-progress-deadline">
          {t('plans.progress.key.deadline', { date: formatDate(deadline) })}
        </Typography.Text>
        {inYear && missing > 0 && (
          <Typography.Text type={pressing ? 'danger' : 'secondary'} data-testid="plan-progress-days">
            {left > 0 ? t('plans.progress.key.daysLeft', { days: left }) : t('plans.progress.key.lastDay')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function RandomCard({ progress: p }: { progress: PlanProgress }) {
  const { t } = useTranslation();
  const { random } = p;
  const undrawn = Math.max(0, random.quota - random.drawn);
  return (
    <Card
      size="small"
      title={t('plans.progress.random.title')}
      style={{ height: '100%' }}
      data-testid="plan-progress-random"
    >
      <Space align="baseline" size={12}>
        <Figure testId="plan-progress-random-inspected">
          {t('plans.progress.random.inspected', { inspected: random.inspected, quota: random.quota })}
        </Figure>
        <Typography.Text>{t('plans.progress.random.inspectedLabel')}</Typography.Text>
      </Space>
      <Progress
        percent={random.quota ? Math.min(100, (random.inspected / random.quota) * 100) : 0}
        showInfo={false}
        size="small"
        status={random.quota > 0 && random.inspected >= random.quota ? 'success' : 'normal'}
      />
      <Space orientation="vertical" size={0}>
        <Typography.Text data-testid="plan-progress-random-counts">
          {t('plans.progress.random.counts', { drawn: random.drawn, pending: random.pending.length })}
        </Typography.Text>
        {undrawn > 0 && (
          <Typography.Text type="secondary">
            {t('plans.progress.random.undrawn', { n: undrawn })}{' '}
            <Link to="/plans?tab=draws" data-testid="plan-progress-to-draws">
              {t('plans.progress.random.toDraws')}
            </Link>
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function UnplannedCard({ progress: p }: { progress: PlanProgress }) {
  const { t } = useTranslation();
  const kinds = (Object.entries(p.unplanned.byKind) as [InspectionKind, number][])
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a);
  return (
    <Card
      size="small"
      title={t('plans.progress.unplanned.title')}
      style={{ height: '100%' }}
      data-testid="plan-progress-unplanned"
    >
      <Figure testId="plan-progress-unplanned-total">{t('plans.table.times', { n: p.unplanned.total })}</Figure>
      {kinds.length === 0 ? (
        <Typography.Text type="secondary">{t('plans.progress.unplanned.none')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="plan-progress-unplanned-kinds">
          {kinds.map(([k, n]) => (
            <li key={k}>{t('plans.progress.unplanned.kind', { kind: vocabLabel(t, 'inspectionKinds', k), n })}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The 重点 enterprises no 计划检查 has reached yet, to be visited before the deadline. */
function NotCoveredTable({ rows, enterprises }: { rows: NotCovered[]; enterprises: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('plans.progress.key.listTitle', { n: rows.length })}>
      <Table<NotCovered>
        rowKey="enterpriseId"
        size="small"
        dataSource={rows}
        data-testid="plan-progress-not-covered"
        locale={{ emptyText: enterprises ? t('plans.progress.key.listEmpty') : t('plans.progress.key.noneInPlan') }}
        pagination={{
          pageSize: PAGE_SIZE,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          {
            title: t('plans.table.enterprise'),
            render: (_, r) => (
              <Link to={`/enterprises/${r.enterpriseId}`} data-record>
                {r.name}
              </Link>
            ),
          },
          {
            title: t('enterprise.township'),
            dataIndex: 'township',
            width: 160,
            // Visits are planned by township: sorting by it groups a day's route.
            sorter: (a, b) => a.township.localeCompare(b.township, 'zh-CN'),
            render: (v: string) => <span data-record>{v}</span>,
          },
          {
            title: t('plans.table.visits'),
            dataIndex: 'visits',
            width: 110,
            align: 'right',
            render: (n: number) => t('plans.table.times', { n }),
          },
          {
            title: t('plans.progress.key.otherCol'),
            dataIndex: 'otherInspections',
            width: 240,
            render: (n: number) =>
              n > 0 ? (
                // Visited, but not as a 计划检查: often the kind chosen when recording, which the clerk can correct.
                <Tooltip title={t('plans.progress.key.otherHint')}>
                  <Typography.Text type="warning" style={{ cursor: 'help' }} data-testid="plan-progress-other">
                    {t('plans.progress.key.other', { n })}
                  </Typography.Text>
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {rows.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('plans.progress.key.howTo')}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The enterprises drawn and not yet inspected, each with the draw and the two officers it sent. */
function PendingTable({ progress: p, draws }: { progress: PlanProgress; draws: DrawRecord[] }) {
  const { t } = useTranslation();
  const byId = new Map(draws.map((d) => [d.id, d]));
  const officerNames = (r: Pending) => {
    const names = new Map(byId.get(r.drawId)?.input.inspectors.map((o) => [o.officerId, o.name]));
    return r.officerIds.map((id) => names.get(id) ?? `#${id}`).join(t('common.listSeparator'));
  };
  return (
    <Card size="small" title={t('plans.progress.random.listTitle', { n: p.random.pending.length })}>
      {p.random.drawn === 0 && p.random.quota === 0 ? (
        <Typography.Text type="secondary">{t('plans.progress.random.noneInPlan')}</Typography.Text>
      ) : p.random.drawn === 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="plan-progress-no-draws"
          title={t('plans.progress.random.noDraws', { year: p.year })}
          description={t('plans.progress.random.noDrawsHint', { quota: p.random.quota })}
          action={
            <Link to="/plans?tab=draws" data-testid="plan-progress-no-draws-link">
              {t('plans.progress.random.toDraws')}
            </Link>
          }
        />
      ) : (
        <Table<Pending>
          rowKey={(r) => `${r.drawId}:${r.enterpriseId}`}
          size="small"
          dataSource={p.random.pending}
          data-testid="plan-progress-pending"
          locale={{ emptyText: t('plans.progress.random.listEmpty') }}
          pagination={{
            pageSize: PAGE_SIZE,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { count: n }),
          }}
          columns={[
            {
              title: t('plans.draws.pick.enterprise'),
              render: (_, r) => (
                <Link to={`/enterprises/${r.enterpriseId}`} data-record>
                  {r.name}
                </Link>
              ),
            },
            {
              title: t('plans.draws.col.label'),
              dataIndex: 'label',
              width: 240,
              render: (v: string) => <span data-record>{v}</span>,
            },
            {
              title: t('plans.draws.col.drawnAt'),
              width: 170,
              render: (_, r) => formatDateTime(byId.get(r.drawId)?.drawnAt),
            },
            {
              title: t('plans.draws.pick.officers'),
              width: 200,
              render: (_, r) => (
                <span data-record data-testid="plan-progress-pending-officers">
                  {officerNames(r)}
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
