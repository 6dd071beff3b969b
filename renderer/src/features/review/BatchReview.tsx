import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReviewRun } from '../../../../shared/api/contract.ts';
import { type BatchSummary, summarise } from '../../../../shared/domain/review/batch.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';
import { nowDayjs } from '../../app/clock.ts';
import { gradeName } from './standard-names.ts';
import { documentTypeLabel } from '../vocab.ts';

/** A file of the batch: the signed review where there is one, else the machine's result alone. */
type BatchRun = ReviewRun & { signed: boolean };

/**
 * Every file of a period reviewed in one go, with its progress shown file by file, then what the
 * squad leader trains from: grades, each officer's files, the most frequent deductions and the
 * documents they fall on.
 */
export function BatchReview() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([nowDayjs().startOf('year'), nowDayjs()]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [runs, setRuns] = useState<BatchRun[]>([]);
  const [summary, setSummary] = useState<BatchSummary | null>(null);

  const start = async () => {
    try {
      const files = await api.reviews.files({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
      setSummary(null);
      setRuns([]);
      setProgress({ done: 0, total: files.length });
      const done: BatchRun[] = [];
      for (const f of files) {
        // A file already reviewed counts as its reviewer signed it; the others by the machine alone, marked provisional.
        const [run, signed] = await Promise.all([api.reviews.run({ id: f.id }), api.reviews.history({ id: f.id })]);
        done.push({ ...run, result: signed[0]?.result ?? run.result, signed: !!signed[0] });
        setProgress({ done: done.length, total: files.length });
      }
      setRuns(done);
      setSummary(
        summarise(
          done.map((r) => ({
            caseId: r.caseId,
            handlerNames: r.handlerNames,
            result: r.result,
            documentNames: Object.fromEntries(r.documents.map((d) => [d.id, documentTypeLabel(t, d.type, d.typeName)])),
          })),
        ),
      );
    } catch (e) {
      message.error(errorMessage(e));
      setProgress(null);
    }
  };
  const running = !!progress && progress.done < progress.total;

  return (
    <Card size="small" title={t('review.batch.title')} style={{ marginBottom: 16 }} data-testid="review-batch">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Button type="primary" loading={running} onClick={() => void start()} data-testid="review-batch-start">
          {t('review.batch.start')}
        </Button>
      </Space>
      {progress && (
        <Progress
          percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 100}
          format={() => `${progress.done} / ${progress.total}`}
          data-testid="review-batch-progress"
        />
      )}
      {progress?.total === 0 && <Alert type="info" showIcon message={t('review.batch.none')} />}
      {summary && summary.files > 0 && (
        <>
          <Row gutter={16} style={{ margin: '12px 0' }}>
            <Col span={6}>
              <Statistic title={t('review.batch.files')} value={summary.files} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('review.batch.average')}
                value={summary.averagePercent ?? '—'}
                suffix={summary.averagePercent === null ? '' : '%'}
              />
            </Col>
            <Col span={6}>
              <Statistic title={t('review.batch.vetoed')} value={summary.vetoed} />
            </Col>
            <Col span={6}>
              <Typography.Text type="secondary">{t('review.grade')}</Typography.Text>
              <br />
              <Space wrap>
                {summary.grades.map((g) => (
                  <Tag key={g.grade}>
                    {runs[0] ? gradeName(runs[0].result.standard, g.grade) : g.grade} {g.files}
                  </Tag>
                ))}
              </Space>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Typography.Title level={5}>{t('review.batch.byCheck')}</Typography.Title>
              <Table
                rowKey="check"
                size="small"
                pagination={false}
                dataSource={summary.byCheck}
                data-testid="review-batch-checks"
                columns={[
                  { title: t('review.item'), dataIndex: 'check', render: (c: string) => tKey(`review.checks.${c}`) },
                  { title: t('review.batch.filesWith'), dataIndex: 'files', width: 90, align: 'right' },
                  { title: t('review.lost'), dataIndex: 'pointsLost', width: 80, align: 'right' },
                ]}
              />
            </Col>
            <Col span={12}>
              <Typography.Title level={5}>{t('review.batch.byOfficer')}</Typography.Title>
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={summary.byOfficer}
                data-testid="review-batch-officers"
                columns={[
                  { title: t('review.batch.officer'), dataIndex: 'name' },
                  { title: t('review.batch.files'), dataIndex: 'files', width: 70, align: 'right' },
                  {
                    title: t('review.batch.average'),
                    dataIndex: 'averagePercent',
                    width: 90,
                    align: 'right',
                    render: (p: number | null) => (p === null ? '—' : `${p}%`),
                  },
                  { title: t('review.batch.findings'), dataIndex: 'findings', width: 80, align: 'right' },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('review.batch.byDocument')}
              </Typography.Title>
              <Table
                rowKey={(d) => d.name ?? '—'}
                size="small"
                pagination={false}
                dataSource={summary.byDocument}
                columns={[
                  {
                    title: t('review.batch.document'),
                    dataIndex: 'name',
                    render: (n: string | null) => n ?? t('review.batch.caseRecord'),
                  },
                  { title: t('review.batch.findings'), dataIndex: 'findings', width: 80, align: 'right' },
                ]}
              />
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('review.batch.perFile')}
          </Typography.Title>
          <Table
            rowKey="caseId"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={runs}
            onRow={(r) => ({ onClick: () => navigate(`/review/${r.caseId}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('cases.caseNo'), dataIndex: 'caseNo', width: 110 },
              { title: t('cases.cause'), dataIndex: 'cause' },
              {
                title: t('cases.handlers'),
                dataIndex: 'handlerNames',
                width: 140,
                render: (v: string[]) => v.join(t('common.listSeparator')),
              },
              {
                title: t('review.score'),
                width: 100,
                align: 'right',
                render: (_, r) => `${r.result.score} / ${r.result.max}`,
              },
              {
                title: t('review.grade'),
                width: 90,
                render: (_, r) => (r.result.grade ? gradeName(r.result.standard, r.result.grade) : '—'),
              },
              {
                title: t('review.batch.state'),
                width: 100,
                render: (_, r) =>
                  r.signed ? (
                    <Tag color="green">{t('review.batch.signed')}</Tag>
                  ) : (
                    <Tag>{t('review.batch.provisional')}</Tag>
                  ),
              },
              {
                title: t('review.batch.findings'),
                width: 80,
                align: 'right',
                render: (_, r) => r.result.findings.length,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
