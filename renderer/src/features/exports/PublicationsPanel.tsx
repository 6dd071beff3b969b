import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicationRow } from '../../../../shared/api/channels/exports.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { saveDownload } from '../files.ts';

const STATUS_COLORS: Record<PublicationRow['status'], string> = {
  done: 'green',
  late: 'orange',
  overdue: 'red',
  soon: 'orange',
  later: 'blue',
};

/**
 * 行政处罚公示: every decision to publish, with the 7 working days the case tracks, what is still to publish first;
 * and the publication fields (persons masked) as Excel or JSON for the 信用 platform.
 */
export function PublicationsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, info } = useSession();
  const demo = info.workspace === 'demo';
  const [rows, setRows] = useState<PublicationRow[] | null>(null);
  const [busy, setBusy] = useState<'xlsx' | 'json' | null>(null);
  useEffect(() => {
    api.exports
      .publications()
      .then(setRows)
      .catch((e) => message.error(errorMessage(e)));
  }, [message]);
  const save = async (format: 'xlsx' | 'json') => {
    setBusy(format);
    try {
      saveDownload(
        await api.exports.table({ mapping: 'default', format, tables: ['publications'], pendingOnly: true }),
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  // What is still to publish first, the most pressing at the top; what was published after.
  const order = { overdue: 0, soon: 1, later: 2, late: 3, done: 3 };
  const sorted =
    rows && [...rows].sort((a, b) => order[a.status] - order[b.status] || (a.due ?? '').localeCompare(b.due ?? ''));
  const pending = rows?.filter((r) => r.status !== 'done' && r.status !== 'late').length ?? 0;
  return (
    <Card size="small" title={t('exports.publications.title')} data-testid="publications">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('exports.publications.hint')}</Typography.Text>
        {rows && (
          <Typography.Text type={pending ? 'warning' : 'secondary'} data-testid="publications-next">
            {pending ? t('exports.publications.next', { count: pending }) : t('exports.publications.allDone')}
          </Typography.Text>
        )}
        {demo ? (
          <Alert type="info" showIcon message={t('errors.DEMO_EXPORT_REFUSED')} />
        ) : (
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'xlsx'}
              disabled={!can('exports.make') || !pending}
              onClick={() => void save('xlsx')}
              data-testid="publications-xlsx"
            >
              {t('exports.publications.xlsx')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              loading={busy === 'json'}
              disabled={!can('exports.make') || !pending}
              onClick={() => void save('json')}
            >
              {t('exports.publications.json')}
            </Button>
          </Space>
        )}
        <Table<PublicationRow>
          size="small"
          rowKey="documentId"
          loading={!rows}
          dataSource={sorted ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('exports.publications.none') }}
          expandable={{
            expandedRowRender: (r) => (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {t('exports.publications.facts')}：{r.values.facts}
                {'\n'}
                {t('exports.publications.content')}：{r.values.content}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            {
              title: t('exports.publications.case'),
              width: 190,
              render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link>,
            },
            { title: t('exports.publications.party'), render: (_, r) => r.values.partyName },
            { title: t('exports.publications.number'), width: 190, render: (_, r) => r.values.decisionNumber },
            { title: t('exports.publications.decided'), width: 110, render: (_, r) => r.values.decisionDate },
            { title: t('exports.publications.due'), width: 110, dataIndex: 'due' },
            {
              title: t('exports.publications.status'),
              width: 140,
              render: (_, r) => (
                <Tag color={STATUS_COLORS[r.status]} data-testid="publication-status">
                  {r.status === 'done'
                    ? t('exports.publications.published', { on: r.publishedOn })
                    : r.status === 'late'
                      ? t('exports.publications.publishedLate', { on: r.publishedOn })
                      : t(`exports.publications.statuses.${r.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
