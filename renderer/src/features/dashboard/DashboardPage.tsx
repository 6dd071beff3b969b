import { Alert, Card, Col, Empty, List, Row, Statistic, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Officer } from '../../../../shared/entities/officer.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const { session, info, can } = useSession();
  const navigate = useNavigate();
  const [enterprises, setEnterprises] = useState<number | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);

  useEffect(() => {
    if (can('ledger.read')) void api.enterprises.search({ pageSize: 1 }).then((r) => setEnterprises(r.total)).catch(() => undefined);
    if (can('roster.read')) void api.officers.list({ includeOffDuty: false }).then(setOfficers).catch(() => undefined);
  }, [can]);

  const alerts = officers.filter((o) => o.certStatus === 'expired' || o.certStatus === 'expiring');
  const years = info.calendar.coveredYears;
  return (
    <div className="page">
      <div className="page-header"><h2>{t('dashboard.welcome', { name: session.user.displayName })}</h2></div>
      <Row gutter={16}>
        <Col span={6}><Card hoverable onClick={() => navigate('/enterprises')}><Statistic title={t('dashboard.enterprises')} value={enterprises ?? '—'} /></Card></Col>
        <Col span={6}><Card hoverable onClick={() => navigate('/settings/officers')}><Statistic title={t('dashboard.officers')} value={officers.length} /></Card></Col>
        <Col span={12}>
          <Card title={t('dashboard.calendar')} size="small">
            <Alert type="success" message={t('dashboard.calendarOk', { from: years[0], to: years.at(-1) })} />
            {info.calendar.uncoveredYears.length > 0 && (
              <Alert style={{ marginTop: 8 }} type="warning" message={t('calendar.missing', { years: info.calendar.uncoveredYears.join('、') })} />
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title={t('dashboard.certAlerts')}>
            {alerts.length === 0 ? <Empty description={t('dashboard.noAlerts')} /> : (
              <List dataSource={alerts} renderItem={(o) => (
                <List.Item>
                  <Tag color={o.certStatus === 'expired' ? 'red' : 'orange'}>{t(`officer.status.${o.certStatus}`, { days: o.daysToExpiry })}</Tag>
                  {o.certStatus === 'expired' ? t('dashboard.certExpired', { name: o.name, date: o.certValidTo }) : t('dashboard.certExpiring', { name: o.name, date: o.certValidTo, days: o.daysToExpiry })}
                </List.Item>
              )} />
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('dashboard.upcoming')}><Empty description={t('dashboard.upcomingEmpty')} /></Card>
        </Col>
      </Row>
    </div>
  );
}
