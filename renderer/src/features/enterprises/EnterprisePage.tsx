import { ArrowLeftOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Result, Space, Spin, Tabs, Tag, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { EnterpriseHistoryEntry } from '../../../../shared/api/contract.ts';
import type { Enterprise } from '../../../../shared/entities/enterprise.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { auditActionLabel, formatDateTime } from '../format.ts';
import { RISK_COLORS, vocabLabel } from '../vocab.ts';
import { AccidentsCard } from './AccidentsCard.tsx';
import { WithdrawDialog } from '../WithdrawDialog.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { DocumentList } from '../documents/DocumentList.tsx';
import { InspectionList } from '../inspections/InspectionsPage.tsx';
import { EnterpriseHazards } from '../inspections/EnterpriseHazards.tsx';
import { CaseList } from '../cases/CaseList.tsx';
import { useCrumbs } from '../../app/crumbs.tsx';

export function EnterprisePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [history, setHistory] = useState<EnterpriseHistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const load = useCallback(async () => {
    try {
      const [e, h] = await Promise.all([api.enterprises.get({ id }), api.enterprises.history({ id })]);
      setEnterprise(e);
      setHistory(h);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useCrumbs(enterprise && [{ label: enterprise.name }]);

  if (error)
    return (
      <Result
        status="404"
        title={error}
        extra={<Button onClick={() => navigate('/enterprises')}>{t('nav.enterprises')}</Button>}
      />
    );
  if (!enterprise) return <Spin style={{ margin: 48 }} />;

  const reinstate = async () => {
    try {
      setEnterprise(await api.enterprises.reinstate({ id, version: enterprise.version }));
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const label = (field: string) => {
    const key = `enterprise.${field}`;
    const text = tKey(key);
    return text === key ? field : text;
  };
  const show = (v: unknown) =>
    v === null || v === '' || (Array.isArray(v) && v.length === 0)
      ? '—'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

  const e = enterprise;
  return (
    <div className="page">
      <div className="page-header">
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/enterprises')} />
          <h2 data-testid="enterprise-title" data-record>
            {e.name}
          </h2>
          {e.status === 'withdrawn' ? (
            <Tag>{t('enterprise.statusWithdrawn')}</Tag>
          ) : (
            <Tag color="green">{t('enterprise.statusActive')}</Tag>
          )}
          {e.riskGrade && <Tag color={RISK_COLORS[e.riskGrade]}>{vocabLabel(t, 'risks', e.riskGrade)}</Tag>}
        </Space>
        {can('ledger.write') && (
          <Space>
            {e.status === 'active' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {e.status === 'active' ? (
              <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>
                {t('enterprise.withdraw')}
              </Button>
            ) : (
              <Button icon={<RollbackOutlined />} onClick={() => void reinstate()}>
                {t('enterprise.reinstate')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {e.status === 'withdrawn' && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          message={t('enterprise.withdrawn', {
            date: e.withdrawnAt?.slice(0, 10),
            by: e.withdrawnBy,
            reason: e.withdrawReason,
          })}
        />
      )}
      {e.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon style={{ marginBottom: 16 }} message={tKey(w)} />
      ))}
      <Tabs
        items={[
          {
            key: 'basic',
            label: t('enterprise.tabBasic'),
            children: (
              <>
                <Descriptions bordered column={2} size="middle">
                  <Descriptions.Item label={t('enterprise.uscc')}>
                    <span className="mono">{e.uscc}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.township')}>{e.township}</Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.legalRepresentative')}>
                    {e.legalRepresentative}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.principal')}>{e.principal}</Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.address')} span={2}>
                    {e.address}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.industry')}>
                    {e.industryCode ? `${e.industryCode} ${e.industryName ?? t('enterprise.unlistedIndustry')}` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.categories')}>
                    {e.categories.map((c) => (
                      <Tag key={c}>{vocabLabel(t, 'categories', c)}</Tag>
                    ))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.enforcementLevel')}>
                    {vocabLabel(t, 'levels', e.enforcementLevel)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.standardizationGrade')}>
                    {vocabLabel(t, 'grades', e.standardizationGrade)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.creditStatus')}>
                    {vocabLabel(t, 'credit', e.creditStatus)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.riskGrade')}>
                    {vocabLabel(t, 'risks', e.riskGrade)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.contacts')} span={2}>
                    {e.contacts.map((c, i) => (
                      <div key={i}>
                        {c.name} {c.role} {c.phone}
                      </div>
                    ))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.accidentHistory')} span={2}>
                    {e.accidentHistory}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('enterprise.notes')} span={2}>
                    {e.notes}
                  </Descriptions.Item>
                </Descriptions>
                <div style={{ marginTop: 16 }}>
                  <AccidentsCard enterpriseId={id} />
                </div>
              </>
            ),
          },
          { key: 'inspections', label: t('enterprise.tabInspections'), children: <InspectionList enterpriseId={id} /> },
          { key: 'hazards', label: t('enterprise.tabHazards'), children: <EnterpriseHazards enterpriseId={id} /> },
          { key: 'documents', label: t('enterprise.tabDocuments'), children: <DocumentList enterpriseId={id} /> },
          { key: 'cases', label: t('enterprise.tabCases'), children: <CaseList enterpriseId={enterprise.id} /> },
          {
            key: 'history',
            label: t('enterprise.tabHistory'),
            children:
              history.length === 0 ? (
                <Empty description={t('enterprise.historyEmpty')} />
              ) : (
                <Timeline
                  items={history.map((h) => ({
                    children: (
                      <div>
                        <b>{auditActionLabel(h.action)}</b> · {h.userName} · {formatDateTime(h.at)}
                        {h.action === 'enterprises:update' &&
                          h.changes.map((c) => (
                            <div key={c.field} className="field-hint">
                              {label(c.field)}：{show(c.before)} → {show(c.after)}
                            </div>
                          ))}
                      </div>
                    ),
                  }))}
                />
              ),
          },
        ]}
      />
      <EnterpriseForm
        open={editing}
        enterprise={e}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setEnterprise(saved);
          void load();
        }}
      />
      <WithdrawDialog
        open={withdrawing}
        title={t('enterprise.withdrawTitle')}
        text={t('enterprise.withdrawText')}
        reasonLabel={t('enterprise.withdrawReason')}
        onCancel={() => setWithdrawing(false)}
        onWithdraw={async (reason) => {
          setEnterprise(await api.enterprises.withdraw({ id, version: enterprise.version, reason }));
          setWithdrawing(false);
          void load();
        }}
      />
    </div>
  );
}
