import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/entities/backup.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { saveDownload } from '../files.ts';
import { formatDateTime } from '../format.ts';

export function BackupTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { signOut } = useSession();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setBackups(await api.backups.list());
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    setBusy(true);
    try {
      const b = await api.backups.create();
      message.success(t('backup.created', { name: b.name }));
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const restore = async (name: string) => {
    try {
      const r = await api.backups.restore({ name });
      modal.success({ title: t('backup.restored', { safety: r.safetyBackup }), onOk: () => void signOut() });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const exportData = async () => {
    setBusy(true);
    try {
      saveDownload(await api.backups.exportData());
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('backup.intro')}
      </Typography.Paragraph>
      <Button
        type="primary"
        icon={<SaveOutlined />}
        loading={busy}
        onClick={() => void create()}
        data-testid="backup-create"
      >
        {t('backup.create')}
      </Button>
      <Table<BackupInfo>
        rowKey="name"
        size="small"
        dataSource={backups}
        pagination={{ pageSize: 10 }}
        data-testid="backup-list"
        columns={[
          { title: t('backup.name'), dataIndex: 'name', className: 'mono' },
          { title: t('backup.kind'), dataIndex: 'kind', render: (k: BackupInfo['kind']) => t(`backup.kinds.${k}`) },
          { title: t('backup.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('backup.size'), dataIndex: 'sizeBytes', render: (v: number) => `${(v / 1024).toFixed(0)} KB` },
          {
            title: t('backup.auditHead'),
            dataIndex: 'auditHead',
            className: 'mono',
            render: (v: string | null) =>
              v ? <Typography.Text copyable={{ text: v }}>{v.slice(0, 12)}…</Typography.Text> : '',
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, b) => (
              <Popconfirm
                title={t('backup.restoreTitle')}
                description={<div style={{ maxWidth: 320 }}>{t('backup.restoreText', { name: b.name })}</div>}
                onConfirm={() => void restore(b.name)}
                okButtonProps={{ danger: true }}
              >
                <Button size="small" danger>
                  {t('backup.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Card title={t('backup.moveTitle')} size="small" style={{ maxWidth: 900 }}>
        <Typography.Paragraph>{t('backup.moveText')}</Typography.Paragraph>
        <Button icon={<CloudDownloadOutlined />} loading={busy} onClick={() => void exportData()}>
          {t('backup.export')}
        </Button>
      </Card>
    </Space>
  );
}
