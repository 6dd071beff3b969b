import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedReport } from '../../../../shared/api/channels/reports.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { saveDownload } from '../files.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { LoadFailed } from '../plans/LoadFailed.tsx';
import { rangeText, shortHash } from './report-format.ts';

/**
 * 已签发的通报: every report issued, newest first — its title, period, date, who issued it and when, and the SHA-256 of
 * the figures it was made from; each downloaded as issued (the PDF kept then, the workbook from the figures kept).
 */
export function IssuedReports({
  reports,
  error,
  highlight,
  onRetry,
}: {
  /** Null while being read. */
  reports: IssuedReport[] | null;
  error: string | null;
  /** The one just issued, marked in the list. */
  highlight: number | null;
  onRetry(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const download = (r: IssuedReport, format: 'pdf' | 'xlsx') => {
    setBusy(`${r.id}/${format}`);
    api.reports
      .issuedFile({ id: r.id, format })
      .then(saveDownload)
      .catch((e: unknown) => message.error(errorMessage(e)))
      .finally(() => setBusy(null));
  };

  const columns: TableColumnsType<IssuedReport> = [
    {
      key: 'title',
      title: t('reports.issued.col.title'),
      render: (_, r) => (
        <>
          <Typography.Text data-testid="issued-title">{r.title}</Typography.Text>
          {r.id === highlight && (
            <Tag color="success" style={{ marginInlineStart: 8 }} data-testid="issued-new">
              {t('reports.issued.new')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'period',
      title: t('reports.issued.col.period'),
      width: i18n.language === 'en' ? 200 : 180,
      render: (_, r) => rangeText({ from: r.periodFrom, to: r.periodTo }, i18n.language),
    },
    {
      key: 'date',
      title: t('reports.issued.col.date'),
      width: 135,
      render: (_, r) => <span data-testid="issued-date">{formatDate(r.reportDate)}</span>,
    },
    {
      key: 'issued',
      title: t('reports.issued.col.issued'),
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0} data-testid="issued-by">
          <Typography.Text>{r.issuedBy}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.issuedAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'sha',
      title: t('reports.issued.col.sha'),
      width: 185,
      render: (_, r) => (
        <Typography.Text
          className="mono"
          style={{ whiteSpace: 'nowrap' }}
          copyable={{ text: r.dataSha256, tooltips: [t('reports.issued.copySha'), t('reports.issued.copied')] }}
          data-testid="issued-sha"
        >
          {shortHash(r.dataSha256)}
        </Typography.Text>
      ),
    },
    {
      key: 'files',
      title: t('common.download'),
      width: 160,
      render: (_, r) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            loading={busy === `${r.id}/pdf`}
            onClick={() => download(r, 'pdf')}
            data-testid="issued-pdf"
          >
            {t('reports.issued.pdf')}
          </Button>
          <Button
            size="small"
            icon={<FileExcelOutlined />}
            loading={busy === `${r.id}/xlsx`}
            onClick={() => download(r, 'xlsx')}
            data-testid="issued-xlsx"
          >
            {t('reports.issued.xlsx')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('reports.issued.title')} data-testid="reports-issued">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('reports.issued.hint')}
      </Typography.Paragraph>
      {error ? (
        <LoadFailed title={t('reports.issued.loadFailed')} error={error} onRetry={onRetry} />
      ) : (
        <Table<IssuedReport>
          rowKey="id"
          size="small"
          loading={reports === null}
          dataSource={reports ?? []}
          columns={columns}
          pagination={reports && reports.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('reports.issued.empty') }}
          data-testid="issued-list"
        />
      )}
    </Card>
  );
}
