import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentSummary, DocumentType } from '../../../../shared/entities/document.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { DayRangeFilter, type DayRange, orderOf, sortOrderOf, useListQuery } from '../list-filters.tsx';
import { EnterpriseSelect } from '../pickers.tsx';
import { documentTypeLabel } from '../vocab.ts';
import { usePrintPreview } from '../../app/PrintPreview.tsx';

export const STATUS_COLORS: Record<DocumentSummary['status'], string> = {
  draft: 'default',
  issued: 'green',
  voided: 'red',
};

/**
 * Documents of an inspection, an enterprise, or all of them, filtered and sorted on the core. The whole list (no
 * inspection or enterprise given) offers the filters; the short lists on an inspection or an enterprise do not need
 * them.
 */
export function DocumentList({
  inspectionId,
  enterpriseId,
  types = [],
}: {
  inspectionId?: number;
  enterpriseId?: number;
  /** The catalogue, for the type filter (the whole list only). */
  types?: DocumentType[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const whole = !inspectionId && !enterpriseId;
  const { page, setPage, filter, refine } = useListQuery<
    DayRange & {
      enterpriseId?: number;
      type?: string;
      status?: DocumentSummary['status'];
      sort?: 'updated' | 'date';
      order?: 'asc' | 'desc';
    }
  >({});
  const [data, setData] = useState<{ items: DocumentSummary[]; total: number }>({ items: [], total: 0 });
  const load = useCallback(async () => {
    try {
      setData(
        await api.documents.list({
          ...filter,
          inspectionId,
          enterpriseId: enterpriseId ?? filter.enterpriseId,
          page,
          pageSize: 20,
        }),
      );
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [inspectionId, enterpriseId, filter, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      {whole && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="document-filters">
          <DayRangeFilter
            value={filter}
            onChange={refine}
            placeholder={[t('list.from'), t('list.to')]}
            testId="document-filter-dates"
          />
          <EnterpriseSelect
            allowClear
            style={{ width: 220 }}
            placeholder={t('document.enterprise')}
            value={filter.enterpriseId}
            onChange={(id) => refine({ enterpriseId: id })}
            testId="document-filter-enterprise"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('document.type')}
            value={filter.type}
            onChange={(type?: string) => refine({ type })}
            options={types.map((x) => ({ value: x.id, label: documentTypeLabel(t, x.id, x.name) }))}
            data-testid="document-filter-type"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('document.status')}
            value={filter.status}
            onChange={(status?: DocumentSummary['status']) => refine({ status })}
            options={(['draft', 'issued', 'voided'] as const).map((x) => ({
              value: x,
              label: t(`document.statuses.${x}`),
            }))}
            data-testid="document-filter-status"
          />
        </Space>
      )}
      <Table<DocumentSummary>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        data-testid="document-list"
        onRow={(r) => ({ onClick: () => navigate(`/documents/${r.id}`), style: { cursor: 'pointer' } })}
        // Unsorted, the drafts in hand come first (last worked on); the date column sorts by the date each bears.
        // Paging calls this too, with the sorter unchanged: only a click on a header re-sorts (and starts at page 1).
        onChange={(_p, _f, sorter, { action }) => {
          if (action !== 'sort') return;
          const order = orderOf(sorter);
          refine(order ? { sort: 'date', order } : { sort: undefined, order: undefined });
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          {
            title: t('document.type'),
            dataIndex: 'typeName',
            render: (v: string, d) => documentTypeLabel(t, d.type, v),
          },
          {
            title: t('document.number'),
            dataIndex: 'numberText',
            render: (v: string | null) => v ?? t('document.noNumber'),
          },
          ...(enterpriseId ? [] : [{ title: t('document.enterprise'), dataIndex: 'enterpriseName' }]),
          {
            title: t('document.status'),
            dataIndex: 'status',
            width: 110,
            render: (v: DocumentSummary['status'], r: DocumentSummary) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[v]}>{t(`document.statuses.${v}`)}</Tag>
                {r.served && <Tag color="blue">{t('document.served')}</Tag>}
                {r.supersededById && <Tag color="orange">{t('document.superseded')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('document.date'),
            dataIndex: 'date',
            width: 150,
            sorter: true,
            sortOrder: filter.sort === 'date' ? sortOrderOf(filter.order) : null,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}

export function DocumentsPage() {
  const { t } = useTranslation();
  const [types, setTypes] = useState<DocumentType[]>([]);
  const [blank, setBlank] = useState<string>();
  useEffect(() => {
    void api.documents.catalogue().then((c) => setTypes(c.filter((x) => x.available)));
  }, []);
  const preview = usePrintPreview();
  const printBlank = () => {
    const type = types.find((x) => x.id === blank);
    if (type) preview(() => api.documents.blank({ type: type.id }), documentTypeLabel(t, type.id, type.name));
  };
  return (
    <div className="page">
      <div className="page-header">
        <h2>{t('document.listTitle')}</h2>
        <Space>
          <Select
            style={{ width: 220 }}
            placeholder={t('document.blankType')}
            value={blank}
            onChange={setBlank}
            options={types.map((x) => ({ value: x.id, label: documentTypeLabel(t, x.id, x.name) }))}
          />
          <Button icon={<FilePdfOutlined />} disabled={!blank} onClick={printBlank}>
            {t('document.blank')}
          </Button>
        </Space>
      </div>
      <DocumentList types={types} />
    </div>
  );
}
