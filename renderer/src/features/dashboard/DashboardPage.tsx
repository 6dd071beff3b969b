import { Alert, App, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Officer } from '../../../../shared/entities/officer.ts';
import type { Escalation, Hazard } from '../../../../shared/entities/hazard.ts';
import type { CaseAwaitingRow, CaseDeadlineRow } from '../../../../shared/api/contract.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { nextStepText } from '../cases/case-page/NextStepCard.tsx';
import { CompletenessCard } from './CompletenessCard.tsx';
import { overdueByOfficer } from './deadlines.ts';
import { PlanCard } from './PlanCard.tsx';
import { QuarterCard } from './QuarterCard.tsx';
import { TypicalCaseCard } from './TypicalCaseCard.tsx';
import { SetupChecklist } from './SetupChecklist.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const { session, info, can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [enterprises, setEnterprises] = useState<number | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [due, setDue] = useState<{ dueThisWeek: Hazard[]; overdue: Hazard[]; uncertain: boolean } | null>(null);
  const [escalations, setEscalations] = useState<Escalation[]>([]);
  const [caseDeadlines, setCaseDeadlines] = useState<CaseDeadlineRow[] | null>(null);
  const [awaiting, setAwaiting] = useState<CaseAwaitingRow[]>([]);
  const squad = session.user.role === 'supervisor' || session.user.role === 'reviewer' || session.user.role === 'admin';

  useEffect(() => {
    if (can('ledger.read'))
      void api.enterprises
        .search({ pageSize: 1 })
        .then((r) => setEnterprises(r.total))
        .catch(() => undefined);
    if (can('roster.read'))
      void api.officers
        .list({ includeOffDuty: false })
        .then(setOfficers)
        .catch(() => undefined);
    if (can('cases.read')) {
      void api.cases
        .deadlines({ scope: squad ? 'all' : 'mine' })
        .then(setCaseDeadlines)
        .catch(() => undefined);
      void api.cases
        .awaiting()
        .then(setAwaiting)
        .catch(() => undefined);
    }
    if (can('inspections.read')) {
      void api.hazards
        .due()
        .then(setDue)
        .catch(() => undefined);
      void api.escalations
        .list({ status: 'open' })
        .then(setEscalations)
        .catch(() => undefined);
    }
  }, [can, squad]);
  const resolve = async (id: number, status: 'taken' | 'dismissed') => {
    try {
      await api.escalations.resolve({ id, status });
      setEscalations((list) => list.filter((e) => e.id !== id));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const hazardItem = (h: Hazard, late: boolean) => (
    <List.Item
      actions={[
        <a key="o" onClick={() => navigate(`/inspections/${h.inspectionId}`)}>
          {t('common.details')}
        </a>,
      ]}
    >
      <Tag color={late ? 'red' : 'orange'}>
        {late ? t('dashboard.overdue') : t('dashboard.dueOn', { date: h.recheckDue })}
      </Tag>
      {h.enterpriseName}：{h.description}
    </List.Item>
  );

  const overdue = overdueByOfficer(caseDeadlines ?? []);
  const alerts = officers.filter((o) => o.certStatus === 'expired' || o.certStatus === 'expiring');
  const years = info.calendar.coveredYears;
  const rechecks = due
    ? [...due.overdue.map((h) => [h, true] as const), ...due.dueThisWeek.map((h) => [h, false] as const)]
    : [];
  // Most urgent first: what waits on this user, what is overdue or due, what an inspection escalated, then the rest.
  // A card with nothing in it is left out; the figures come last.
  const cards = [
    can('settings.manage') && can('users.manage') && <SetupChecklist key="setup" officers={officers} />,
    awaiting.length > 0 && (
      <Card key="awaiting" title={t('dashboard.awaiting')} data-testid="awaiting">
        <List
          size="small"
          dataSource={awaiting}
          renderItem={(a) => (
            <List.Item
              actions={[
                <a key="o" onClick={() => navigate(`/cases/${a.caseId}`)}>
                  {t('cases.next.go')}
                </a>,
              ]}
            >
              <Tag color="blue">{t(`roles.${a.next.who}`)}</Tag>
              {a.caseNo} {a.enterpriseName}：{nextStepText(t, a.next)}
            </List.Item>
          )}
        />
      </Card>
    ),
    caseDeadlines && caseDeadlines.length > 0 && (
      <Card
        key="deadlines"
        title={squad ? t('dashboard.caseDeadlinesSquad') : t('dashboard.caseDeadlinesMine')}
        data-testid="case-deadlines"
      >
        {squad && overdue.length > 0 && (
          <Typography.Paragraph data-testid="overdue-by-officer" style={{ marginBottom: 8 }}>
            {t('dashboard.overdueByOfficer', {
              list: overdue
                .map((o) => t('dashboard.officerOverdue', { name: o.name, count: o.count }))
                .join(t('common.listSeparator')),
            })}
          </Typography.Paragraph>
        )}
        <List
          size="small"
          dataSource={caseDeadlines}
          renderItem={(d) => (
            <List.Item
              actions={[
                <a key="o" onClick={() => navigate(`/cases/${d.caseId}`)}>
                  {t('common.details')}
                </a>,
              ]}
            >
              <Tag color={d.urgency === 'overdue' ? 'red' : 'orange'}>
                {d.urgency === 'overdue'
                  ? t('cases.deadlineOverdue', { date: d.deadline.due })
                  : t('cases.dueBy', { date: d.deadline.due })}
              </Tag>
              {d.caseNo} {d.enterpriseName}：{d.deadline.name}
              {d.deadline.uncertain ? `（${t('cases.uncertain')}）` : ''}
              {squad && d.handlerNames.length > 0 && (
                <Typography.Text type="secondary">
                  {' '}
                  {t('dashboard.handlers', { names: d.handlerNames.join(t('common.listSeparator')) })}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      </Card>
    ),
    (rechecks.length > 0 || due?.uncertain) && (
      <Card key="rechecks" title={t('dashboard.upcoming')} data-testid="due-rechecks">
        {due?.uncertain && <Alert type="warning" style={{ marginBottom: 8 }} message={t('dashboard.dueUncertain')} />}
        {rechecks.length > 0 ? (
          <List size="small" dataSource={rechecks} renderItem={([h, late]) => hazardItem(h, late)} />
        ) : (
          <Empty description={t('dashboard.upcomingEmpty')} />
        )}
      </Card>
    ),
    escalations.length > 0 && (
      <Card key="escalations" title={t('dashboard.escalations')} data-testid="escalations">
        <List
          size="small"
          dataSource={escalations}
          renderItem={(e) => (
            <List.Item
              actions={
                can('inspections.write')
                  ? [
                      ...(can('cases.write')
                        ? [
                            <a
                              key="t"
                              onClick={() => navigate(`/cases?escalation=${e.id}`)}
                              data-testid={`escalation-case-${e.id}`}
                            >
                              {t('dashboard.openCase')}
                            </a>,
                          ]
                        : []),
                      <a key="d" onClick={() => void resolve(e.id, 'dismissed')}>
                        {t('dashboard.dismiss')}
                      </a>,
                    ]
                  : []
              }
            >
              <Tag color={e.kind === 'suggest-transfer' ? 'magenta' : 'volcano'}>
                {t(`dashboard.escalationKinds.${e.kind}`)}
              </Tag>
              {e.enterpriseName}：{e.reason}
            </List.Item>
          )}
        />
      </Card>
    ),
    alerts.length > 0 && (
      <Card key="certs" title={t('dashboard.certAlerts')} data-testid="cert-alerts">
        <List
          size="small"
          dataSource={alerts}
          renderItem={(o) => (
            <List.Item>
              <Tag color={o.certStatus === 'expired' ? 'red' : 'orange'}>
                {t(`officer.status.${o.certStatus}`, { days: o.daysToExpiry })}
              </Tag>
              {o.certStatus === 'expired'
                ? t('dashboard.certExpired', { name: o.name, date: o.certValidTo })
                : t('dashboard.certExpiring', { name: o.name, date: o.certValidTo, days: o.daysToExpiry })}
            </List.Item>
          )}
        />
      </Card>
    ),
  ].filter(Boolean);
  return (
    <div className="page">
      <div className="page-header">
        <h2>{t('dashboard.welcome', { name: session.user.displayName })}</h2>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
        {cards.length ? (
          cards
        ) : (
          <Card>
            <Empty description={t('dashboard.nothingDue')} data-testid="nothing-due" />
          </Card>
        )}
        {/* The supervisor's figures: this quarter against last year's, and the targets missed. */}
        {squad && can('cases.read') && <QuarterCard />}
        {((can('cases.read') && can('inspections.read')) || can('ledger.read')) && (
          <Row gutter={16}>
            {can('cases.read') && can('inspections.read') && (
              <Col span={16}>
                <CompletenessCard />
              </Col>
            )}
            <Col span={8}>
              {/* A block, not antd's inline Space: its top stays level with the card beside it. */}
              <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
                {can('cases.read') && can('inspections.read') && <TypicalCaseCard />}
                {can('ledger.read') && <PlanCard />}
              </div>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={6}>
            <Card hoverable size="small" onClick={() => navigate('/enterprises')}>
              <Statistic title={t('dashboard.enterprises')} value={enterprises ?? '—'} />
            </Card>
          </Col>
          <Col span={6}>
            <Card hoverable size="small" onClick={() => navigate('/settings/officers')}>
              <Statistic title={t('dashboard.officers')} value={officers.length} />
            </Card>
          </Col>
          <Col span={12}>
            <Card title={t('dashboard.calendar')} size="small">
              <Alert type="success" message={t('dashboard.calendarOk', { from: years[0], to: years.at(-1) })} />
              {info.calendar.uncoveredYears.length > 0 && (
                <Alert
                  style={{ marginTop: 8 }}
                  type="warning"
                  message={t('calendar.missing', { years: info.calendar.uncoveredYears.join('、') })}
                />
              )}
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
