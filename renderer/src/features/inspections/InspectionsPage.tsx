import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Inspection, InspectionFields } from '../../../../shared/entities/inspection.ts';
import type { Officer } from '../../../../shared/entities/officer.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { formatDateTime } from '../format.ts';
import { DayRangeFilter, type DayRange, orderOf, sortOrderOf, useListQuery } from '../list-filters.tsx';
import { EnterpriseSelect } from '../pickers.tsx';
import { vocabLabel, vocabOptions } from '../vocab.ts';
import { InspectionForm } from './InspectionForm.tsx';

/** The inspections list, also used on an enterprise's 一企一档 page (enterpriseId set). */
export function InspectionList({ enterpriseId }: { enterpriseId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const { page, setPage, filter, refine } = useListQuery<
    DayRange & { enterpriseId?: number; officerId?: number; kind?: string; order?: 'asc' | 'desc' }
  >({});
  const [data, setData] = useState<{ items: Inspection[]; total: number }>({ items: [], total: 0 });
  const [creating, setCreating] = useState(false);
  // The officers by name, as the list shows them and filters by, those no longer on duty included (the roster is
  // small; read once).
  const [officers, setOfficers] = useState<Officer[]>([]);
  const names = useMemo(() => new Map(officers.map((o) => [o.id, o.name])), [officers]);
  useEffect(() => {
    api.officers
      .list({})
      .then(setOfficers)
      .catch(() => undefined);
  }, []);
  const load = useCallback(async () => {
    try {
      setData(
        await api.inspections.list({
          ...filter,
          kind: filter.kind as InspectionFields['kind'] | undefined,
          enterpriseId: enterpriseId ?? filter.enterpriseId,
          page,
          pageSize: 20,
        }),
      );
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [enterpriseId, filter, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} data-testid="inspection-filters">
        {can('inspections.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="inspection-create"
          >
            {t('inspection.create')}
          </Button>
        )}
        <DayRangeFilter
          value={filter}
          onChange={refine}
          placeholder={[t('list.from'), t('list.to')]}
          testId="inspection-filter-dates"
        />
        {!enterpriseId && (
          <EnterpriseSelect
            allowClear
            style={{ width: 220 }}
            placeholder={t('inspection.enterprise')}
            value={filter.enterpriseId}
            onChange={(id) => refine({ enterpriseId: id })}
            testId="inspection-filter-enterprise"
          />
        )}
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 140 }}
          placeholder={t('inspection.officers')}
          value={filter.officerId}
          onChange={(officerId?: number) => refine({ officerId })}
          options={officers.map((o) => ({ value: o.id, label: o.name }))}
          data-testid="inspection-filter-officer"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('inspection.kind')}
          value={filter.kind}
          onChange={(kind?: string) => refine({ kind })}
          options={vocabOptions(t, 'inspectionKinds')}
          data-testid="inspection-filter-kind"
        />
      </Space>
      <Table<Inspection>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        onRow={(r) => ({ onClick: () => navigate(`/inspections/${r.id}`), style: { cursor: 'pointer' } })}
        // Paging calls this too, with the sorter unchanged: only a click on a header re-sorts (and starts at page 1).
        onChange={(_p, _f, sorter, { action }) => {
          if (action === 'sort') refine({ order: orderOf(sorter) });
        }}
        data-testid="inspection-list"
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
            sorter: true,
            sortDirections: ['descend', 'ascend'],
            sortOrder: sortOrderOf(filter.order ?? 'desc'),
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
              const text = names.size
                ? v.map((id) => names.get(id) ?? String(id)).join(t('common.listSeparator')) || '—'
                : '…';
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
