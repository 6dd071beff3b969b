import { Alert, App, Button, Input, List, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult } from '../../../../shared/entities/audit.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { auditActionLabel, auditEntityLabel, formatDateTime } from '../format.ts';

export function AuditTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: AuditEntry[]; total: number }>({ items: [], total: 0 });
  const [head, setHead] = useState('');
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api.audit.list({ page, pageSize: 20 }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [page, message]);
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
            render: (_: unknown, r) => `${auditEntityLabel(r.entityType)} ${r.entityId ?? ''}`,
          },
          { title: t('audit.hash'), dataIndex: 'hash', className: 'mono', render: (v: string) => `${v.slice(0, 12)}…` },
        ]}
      />
    </Space>
  );
}
