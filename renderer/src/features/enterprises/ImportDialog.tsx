import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportRowError } from '../../../../shared/api/contract.ts';
import { api, subscribeEvents } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';
import { readAsUpload, saveDownload } from '../files.ts';

export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  useEffect(() => {
    if (!open) {
      setPreview(null);
      setError(null);
      setProgress(null);
      return;
    }
    return subscribeEvents((e) => {
      if (e.type === 'job-progress') setProgress({ done: e.done, total: e.total });
    });
  }, [open]);

  const check = async (file: File) => {
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      setPreview(await api.enterprises.importPreview({ file: await readAsUpload(file) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
    return false;
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const { created } = await api.enterprises.importCommit({ importId: preview.importId });
      message.success(t('import.done', { count: created }));
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const bad = preview ? new Set(preview.errors.map((e) => e.row)).size : 0;
  const columns = [
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    { title: t('import.column'), dataIndex: 'column', width: 150 },
    { title: t('import.value'), dataIndex: 'value', width: 200, className: 'mono' },
    { title: t('import.reason'), key: 'reason', render: (_: unknown, r: ImportRowError) => tKey(r.reason, r.params) },
  ];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={900}
      title={t('import.title')}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => void api.enterprises.importTemplate().then(saveDownload)}>
            {t('enterprise.template')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!preview || preview.errors.length > 0 || preview.validRows === 0}
            loading={busy}
            onClick={() => void commit()}
            data-testid="import-confirm"
          >
            {t('import.confirm', { count: preview?.validRows ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => check(f)}
        disabled={busy}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('import.choose')}</p>
      </Upload.Dragger>
      {progress && (
        <Progress
          percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)}
          format={() => t('import.checking', progress)}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} message={error} data-testid="import-error" />}
      {preview && (
        <div style={{ marginTop: 16 }} data-testid="import-report">
          <Alert
            type={preview.errors.length ? 'error' : 'success'}
            showIcon
            message={
              preview.errors.length
                ? t('import.summary', { total: preview.totalRows, valid: preview.validRows, bad })
                : t('import.allGood', { total: preview.totalRows })
            }
            description={preview.errors.length ? t('import.fixAndRetry') : undefined}
          />
          {preview.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
              dataSource={preview.errors}
              columns={columns}
              pagination={{ pageSize: 8 }}
              style={{ marginTop: 12 }}
            />
          )}
          {preview.warnings.length > 0 && (
            <details style={{ marginTop: 12 }}>
              <summary>{t('import.warnings', { count: preview.warnings.length })}</summary>
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.reason}-${String(r.params?.char ?? '')}`}
                dataSource={preview.warnings}
                columns={columns}
                pagination={{ pageSize: 5 }}
              />
            </details>
          )}
        </div>
      )}
    </Modal>
  );
}
