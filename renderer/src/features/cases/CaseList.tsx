import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CaseStage, CaseSummary } from '../../../../shared/entities/case.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { CaseForm } from './CaseForm.tsx';

export const STAGE_COLORS: Record<CaseStage, string> = {
  filing: 'default',
  investigation: 'blue',
  disposal: 'geekblue',
  transfer: 'red',
  notice: 'purple',
  hearing: 'volcano',
  decision: 'magenta',
  execution: 'orange',
  closing: 'gold',
  closed: 'green',
  archived: 'cyan',
};

export const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/** The cases list, also on an enterprise's 一企一档 page (enterpriseId set). */
export function CaseList({ enterpriseId }: { enterpriseId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const escalationId = Number(params.get('escalation')) || undefined;
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: CaseSummary[]; total: number }>({ items: [], total: 0 });
  const [creating, setCreating] = useState(!!escalationId);
  const load = useCallback(async () => {
    try {
      setData(await api.cases.list({ enterpriseId, page, pageSize: 20 }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [enterpriseId, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const close = () => {
    setCreating(false);
    if (escalationId) setParams({});
  };
  return (
    <>
      {can('cases.write') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setCreating(true)}
          data-testid="case-create"
        >
          {t('cases.create')}
        </Button>
      )}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('cases.caseNo'), dataIndex: 'caseNo', width: 110 },
          ...(enterpriseId ? [] : [{ title: t('cases.party'), dataIndex: 'enterpriseName' }]),
          { title: t('cases.cause'), dataIndex: 'cause' },
          {
            title: t('cases.stage'),
            dataIndex: 'stage',
            width: 120,
            render: (v: CaseStage) => <Tag color={STAGE_COLORS[v]}>{t(`cases.stages.${v}`)}</Tag>,
          },
          { title: t('cases.filedOn'), dataIndex: 'filedOn', width: 120 },
          {
            title: t('cases.totalFine'),
            dataIndex: 'totalFine',
            width: 130,
            align: 'right',
            render: (v: number) => (v ? yuan(v) : '—'),
          },
          { title: t('cases.handlers'), dataIndex: 'handlerNames', width: 140, render: (v: string[]) => v.join('、') },
        ]}
      />
      <CaseForm
        open={creating}
        enterpriseId={enterpriseId}
        escalationId={escalationId}
        onClose={close}
        onSaved={(c) => {
          close();
          navigate(`/cases/${c.id}`);
        }}
      />
    </>
  );
}

export function CasesPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page-header">
        <h2>{t('cases.listTitle')}</h2>
      </div>
      <CaseList />
    </div>
  );
}
