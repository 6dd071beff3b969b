import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Inspection } from '../../../../shared/entities/inspection.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { formatDateTime } from '../format.ts';
import { vocabLabel } from '../vocab.ts';
import { InspectionForm } from './InspectionForm.tsx';

/** The inspections list, also used on an enterprise's 一企一档 page (enterpriseId set). */
export function InspectionList({ enterpriseId }: { enterpriseId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Inspection[]; total: number }>({ items: [], total: 0 });
  const [creating, setCreating] = useState(false);
  // The officers by name, as the list shows them (the roster is small; read once).
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    api.officers
      .list({})
      .then((list) => setNames(new Map(list.map((o) => [o.id, o.name]))))
      .catch(() => undefined);
  }, []);
  const load = useCallback(async () => {
    try {
      setData(await api.inspections.list({ enterpriseId, page, pageSize: 20 }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [enterpriseId, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      {can('inspections.write') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setCreating(true)}
          data-testid="inspection-create"
        >
          {t('inspection.create')}
        </Button>
      )}
      <Table<Inspection>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        onRow={(r) => ({ onClick: () => navigate(`/inspections/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          {
            title: t('inspection.startedAt'),
            dataIndex: 'startedAt',
            width: 190,
            render: (v: string) => formatDateTime(v),
          },
          ...(enterpriseId ? [] : [{ title: t('inspection.enterprise'), dataIndex: 'enterpriseName' }]),
          {
            title: t('inspection.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (v: string) => <Tag>{vocabLabel(t, 'inspectionKinds', v)}</Tag>,
          },
          { title: t('inspection.place'), dataIndex: 'place' },
          {
            title: t('inspection.officers'),
            dataIndex: 'officerIds',
            width: 160,
            // Fewer than two is flagged: a 现场检查记录 needs two officers (行政处罚法 第四十二条).
            render: (v: number[]) => {
              const text = names.size ? v.map((id) => names.get(id) ?? String(id)).join('、') || '—' : '…';
              return v.length < 2 ? (
                <Tooltip title={t('inspection.fewerThanTwo')}>
                  <Tag color="orange">{text}</Tag>
                </Tooltip>
              ) : (
                text
              );
            },
          },
        ]}
      />
      <InspectionForm
        open={creating}
        enterpriseId={enterpriseId}
        onClose={() => setCreating(false)}
        onSaved={(i) => {
          setCreating(false);
          navigate(`/inspections/${i.id}`);
        }}
      />
    </>
  );
}

export function InspectionsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page-header">
        <h2>{t('inspection.listTitle')}</h2>
      </div>
      <InspectionList />
    </div>
  );
}
