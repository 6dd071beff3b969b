import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { InputOf } from '../../../../shared/api/contract.ts';
import type { EnterpriseListItem } from '../../../../shared/entities/enterprise.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { saveDownload } from '../files.ts';
import { RISK_COLORS, vocabLabel, vocabOptions } from '../vocab.ts';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { ImportDialog } from './ImportDialog.tsx';

type Query = Exclude<InputOf<'enterprises:search'>, undefined>;

export function EnterpriseListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState<Query>({ query: params.get('q') ?? '', page: 1, pageSize: 20, status: 'active' });
  const [data, setData] = useState<{ items: EnterpriseListItem[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [townships, setTownships] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.enterprises.search(query));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [query, message]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void api.enterprises
      .townships()
      .then(setTownships)
      .catch(() => undefined);
  }, []);

  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const exportAll = async () => {
    try {
      saveDownload(await api.enterprises.export({ includeWithdrawn: query.status !== 'active' }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h2>{t('enterprise.listTitle')}</h2>
        <Space wrap>
          {can('ledger.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('enterprise.import')}
            </Button>
          )}
          {can('ledger.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => void exportAll()}>
              {t('enterprise.export')}
            </Button>
          )}
          {can('ledger.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('enterprise.create')}
            </Button>
          )}
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 420 }}
          placeholder={t('enterprise.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            set({ query: v });
            setParams(v ? { q: v } : {});
          }}
          enterButton={t('common.search')}
          data-testid="enterprise-search"
        />
        <Select
          allowClear
          placeholder={t('enterprise.filterTownship')}
          style={{ width: 140 }}
          options={townships.map((x) => ({ value: x, label: x }))}
          onChange={(v) => set({ township: v })}
        />
        <Select
          allowClear
          placeholder={t('enterprise.filterCategory')}
          style={{ width: 140 }}
          options={vocabOptions(t, 'categories')}
          onChange={(v) => set({ category: v })}
        />
        <Select
          allowClear
          placeholder={t('enterprise.filterRisk')}
          style={{ width: 120 }}
          options={vocabOptions(t, 'risks')}
          onChange={(v) => set({ riskGrade: v })}
        />
        <Select
          allowClear
          placeholder={t('enterprise.filterLevel')}
          style={{ width: 120 }}
          options={vocabOptions(t, 'levels')}
          onChange={(v) => set({ enforcementLevel: v })}
        />
        <Select
          allowClear
          placeholder={t('enterprise.filterCredit')}
          style={{ width: 150 }}
          options={vocabOptions(t, 'credit')}
          onChange={(v) => set({ creditStatus: v })}
        />
        <Checkbox onChange={(e) => set({ status: e.target.checked ? 'all' : 'active' })}>
          {t('enterprise.showWithdrawn')}
        </Checkbox>
      </Space>
      <Table<EnterpriseListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data.items}
        onRow={(r) => ({ onClick: () => navigate(`/enterprises/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          {
            title: t('enterprise.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space>
                {v}
                {r.status === 'withdrawn' && <Tag>{t('enterprise.statusWithdrawn')}</Tag>}
              </Space>
            ),
          },
          { title: t('enterprise.uscc'), dataIndex: 'uscc', className: 'mono', width: 200 },
          { title: t('enterprise.township'), dataIndex: 'township', width: 110 },
          { title: t('enterprise.principal'), dataIndex: 'principal', width: 100 },
          {
            title: t('enterprise.industry'),
            dataIndex: 'industryCode',
            width: 170,
            render: (v: string, r) => (v ? `${v} ${r.industryName ?? ''}` : ''),
          },
          {
            title: t('enterprise.categories'),
            dataIndex: 'categories',
            render: (v: string[]) => v.map((c) => <Tag key={c}>{vocabLabel(t, 'categories', c)}</Tag>),
          },
          {
            title: t('enterprise.riskGrade'),
            dataIndex: 'riskGrade',
            width: 100,
            render: (v: string | null) => (v ? <Tag color={RISK_COLORS[v]}>{vocabLabel(t, 'risks', v)}</Tag> : null),
          },
        ]}
      />
      <EnterpriseForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => {
          setCreating(false);
          navigate(`/enterprises/${e.id}`);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          void load();
        }}
      />
    </div>
  );
}
