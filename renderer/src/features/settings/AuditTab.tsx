import { Alert, App, Button, DatePicker, Input, List, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult } from '../../../../shared/entities/audit.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { auditActionLabel, auditEntityLabel, formatDateTime } from '../format.ts';

/** The sections the log is filtered by: the first part of each action's name. */
const AUDIT_SECTIONS = [
  'cases',
  'documents',
  'inspections',
  'hazards',
  'enterprises',
  'reviews',
  'officers',
  'users',
  'escalations',
  'knowledge',
  'calendar',
  'unit',
  'settings',
  'backups',
  'exports',
  'auth',
  'setup',
] as const;

/** Where an entry's record is opened, for the kinds that have a page. */
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  enterprise: (id) => `/enterprises/${id}`,
  case: (id) => `/cases/${id}`,
  document: (id) => `/documents/${id}`,
  inspection: (id) => `/inspections/${id}`,
};

/** The audit log in words: what was done, by whom, to what (a link where it has a page), filtered on the core. */
export function AuditTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<{ range: [Dayjs, Dayjs] | null; section?: string; user: string }>({
    range: null,
    user: '',
  });
  const [data, setData] = useState<{ items: AuditEntry[]; total: number }>({ items: [], total: 0 });
  const [head, setHead] = useState('');
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const load = useCallback(async () => {
    try {
      setData(
        await api.audit.list({
          page,
          pageSize: 20,
          from: filter.range?.[0].format('YYYY-MM-DD'),
          to: filter.range?.[1].format('YYYY-MM-DD'),
          section: filter.section,
          user: filter.user.trim() || undefined,
        }),
      );
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [page, filter, message]);
  const refine = (change: Partial<typeof filter>) => {
    setPage(1);
    setFilter((f) => ({ ...f, ...change }));
  };
  useEffect(() => {
    void load();
  }, [load]);
  const verify = async () => {
    try {
      setResult(await api.audit.verify(head.trim() ? { head: head.trim() } : {}));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('audit.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Input
          style={{ width: 520 }}
          className="mono"
          placeholder={t('audit.head')}
          value={head}
          onChange={(e) => setHead(e.target.value)}
        />
        <Button type="primary" onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('audit.headHint')}</Typography.Text>
      {result &&
        (result.ok ? (
          <Alert
            type="success"
            showIcon
            message={t('audit.ok', { entries: result.entries, head: result.head ?? '—' })}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            message={t('audit.failed', { count: result.problems.length })}
            description={
              <List
                size="small"
                dataSource={result.problems}
                renderItem={(p) => <List.Item>{t(`audit.problem.${p.kind}`, { seq: p.seq })}</List.Item>}
              />
            }
          />
        ))}
      <Space wrap data-testid="audit-filters">
        <DatePicker.RangePicker
          value={filter.range}
          onChange={(r) => refine({ range: r && r[0] && r[1] ? [r[0], r[1]] : null })}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.section')}
          value={filter.section}
          onChange={(section?: string) => refine({ section })}
          options={AUDIT_SECTIONS.map((x) => ({ value: x, label: t(`audit.sections.${x}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('audit.user')}
          onSearch={(user) => refine({ user })}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        dataSource={data.items}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage }}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
          { title: t('audit.user'), dataIndex: 'userName', width: 120 },
          { title: t('audit.action'), dataIndex: 'action', width: 200, render: (v: string) => auditActionLabel(v) },
          {
            title: t('audit.entity'),
            key: 'e',
            render: (_: unknown, r) => {
              const to = r.entityId === null ? null : ENTITY_PAGES[r.entityType]?.(r.entityId);
              const label = `${auditEntityLabel(r.entityType)}${r.entityId === null ? '' : ` #${r.entityId}`}`;
              return to ? <a onClick={() => navigate(to)}>{label}</a> : label;
            },
          },
          { title: t('audit.hash'), dataIndex: 'hash', className: 'mono', render: (v: string) => `${v.slice(0, 12)}…` },
        ]}
      />
    </Space>
  );
}
