import { AimOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ReviewRun } from '../../../../shared/api/contract.ts';
import type { ItemResult, ReviewFinding } from '../../../../shared/domain/review/review.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';
import { BatchReview } from './BatchReview.tsx';

const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 合格: 'blue', 不合格: 'red' };
const STATUS_COLORS = { ok: 'green', deducted: 'orange', hit: 'red', pending: 'default' } as const;

/**
 * The reviewer's screen for one case file: the standard's score sheet with the machine's findings in
 * place, each saying what is wrong, on what legal basis, and opening the document at the field to fix.
 * Judgement items (facts, evidence, law…) are shown as waiting for the reviewer.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [run, setRun] = useState<ReviewRun | null>(null);
  useEffect(() => {
    void api.reviews.run({ id }).then(setRun).catch((e) => message.error(errorMessage(e)));
  }, [id, message]);
  if (!run) return <div className="page" />;
  const r = run.result;
  const open = (f: ReviewFinding) => navigate(f.address.documentId ? `/documents/${f.address.documentId}?field=${f.address.path.join('.')}` : `/cases/${run.caseId}`);
  const findingList = (findings: ReviewFinding[]) => (
    <List size="small" dataSource={findings} renderItem={(f) => (
      <List.Item data-testid="review-finding" actions={[<Button key="open" size="small" icon={<AimOutlined />} onClick={() => open(f)}>{t('review.openAtFault')}</Button>]}>
        <List.Item.Meta title={tKey(f.key, f.params)} description={<Space size={4} wrap>
          <Typography.Text type="secondary">{tKey(`review.checks.${f.check}`)}</Typography.Text>
          <Typography.Text type="secondary">· {f.basis}</Typography.Text>
          {f.pointsLost > 0 && <Tag color="orange">{t('review.pointsLost', { n: f.pointsLost })}</Tag>}
        </Space>} />
      </List.Item>
    )} />
  );
  const unpriced = r.findings.filter((f) => !f.itemId && !f.vetoId);

  return (
    <div className="page" data-testid="review-page">
      <div className="page-header">
        <h2>{t('review.title')} · {run.caseNo} {run.cause}</h2>
        <Button onClick={() => navigate(`/cases/${run.caseId}`)}>{t('review.openCase')}</Button>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size="large" wrap align="center">
          <Statistic title={t('review.score')} value={r.score} suffix={`/ ${r.max}`} />
          <Statistic title={t('review.percent')} value={r.percent ?? '—'} suffix={r.percent === null ? '' : '%'} />
          <div><Typography.Text type="secondary">{t('review.grade')}</Typography.Text><br />
            {r.grade ? <Tag color={GRADE_COLORS[r.grade] ?? 'default'} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="review-grade">{r.grade}</Tag> : '—'}</div>
          <Space direction="vertical" size={0}>
            <Typography.Text>{r.standard.name}</Typography.Text>
            <Space size={4}><Typography.Text type="secondary">{r.standard.version}</Typography.Text>{r.standard.example && <Tag color="orange">{t('review.example')}</Tag>}</Space>
          </Space>
        </Space>
      </Card>
      {r.vetoed && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('review.vetoed')} />}
      {r.pendingJudgements > 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('review.pending', { n: r.pendingJudgements })} />}
      {r.findings.length === 0 && <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('review.noFindings')} />}

      <Card size="small" title={t('review.vetoes')} style={{ marginBottom: 16 }} data-testid="review-vetoes">
        <List size="small" dataSource={r.vetoes} renderItem={(v) => (
          <List.Item style={{ display: 'block' }}>
            <Space><Tag color={STATUS_COLORS[v.status]}>{t(`review.status.${v.status}`)}</Tag>{v.name}
              <Typography.Text type="secondary">{t(`review.modes.${v.mode}`)}</Typography.Text></Space>
            {v.findings.length > 0 && findingList(v.findings)}
          </List.Item>
        )} />
      </Card>

      {r.sections.map((sec) => (
        <Card key={sec.id} size="small" title={sec.name} style={{ marginBottom: 16 }} data-testid={`review-section-${sec.id}`}>
          <Table<ItemResult> rowKey="id" size="small" pagination={false} dataSource={sec.items}
            expandable={{ rowExpandable: (i) => i.findings.length > 0, expandedRowRender: (i) => findingList(i.findings), defaultExpandAllRows: true }}
            columns={[
              { title: t('review.item'), dataIndex: 'name' },
              { title: t('review.mode'), dataIndex: 'mode', width: 110, render: (m: ItemResult['mode']) => t(`review.modes.${m}`) },
              { title: t('review.points'), dataIndex: 'points', width: 80, align: 'right', render: (p: number | null) => p ?? '—' },
              { title: t('review.lost'), dataIndex: 'lost', width: 80, align: 'right', render: (n: number, i) => (i.points === null ? '—' : n) },
              { title: t('review.result'), dataIndex: 'status', width: 110, render: (s: ItemResult['status']) => <Tag color={STATUS_COLORS[s]}>{t(`review.status.${s}`)}</Tag> },
            ]} />
        </Card>
      ))}
      {unpriced.length > 0 && <Card size="small" title={t('review.unpriced')}>{findingList(unpriced)}</Card>}
    </div>
  );
}

/** 案卷评查: the files to review, each opening on its score sheet. */
export function ReviewListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Awaited<ReturnType<typeof api.cases.list>>>({ items: [], total: 0 });
  useEffect(() => {
    void api.cases.list({ page, pageSize: 20 }).then(setData).catch((e) => message.error(errorMessage(e)));
  }, [page, message]);
  return (
    <div className="page" data-testid="review-list">
      <div className="page-header"><h2>{t('review.title')}</h2></div>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <BatchReview />
      <Table rowKey="id" size="middle" dataSource={data.items}
        onRow={(r) => ({ onClick: () => navigate(`/review/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('cases.caseNo'), dataIndex: 'caseNo', width: 110 },
          { title: t('cases.party'), dataIndex: 'enterpriseName' },
          { title: t('cases.cause'), dataIndex: 'cause' },
          { title: t('cases.stage'), dataIndex: 'stage', width: 120, render: (v: string) => tKey(`cases.stages.${v}`) },
          { title: t('cases.handlers'), dataIndex: 'handlerNames', width: 140, render: (v: string[]) => v.join('、') },
        ]} />
    </div>
  );
}
