import { AimOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  List,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ReviewRun } from '../../../../shared/api/contract.ts';
import type { ReviewDecisions } from '../../../../shared/domain/review/review.ts';
import type { ItemResult, ReviewFinding, SavedReview } from '../../../../shared/entities/review.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { formatDateTime } from '../format.ts';
import { BatchReview } from './BatchReview.tsx';
import { findingLink } from './links.ts';
import { documentTypeLabel } from '../vocab.ts';
import { gradeName, standardName } from './standard-names.ts';
import { usePrintPreview } from '../../app/PrintPreview.tsx';
import { useCrumbs } from '../../app/crumbs.tsx';

const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 合格: 'blue', 不合格: 'red' };
const STATUS_COLORS = { ok: 'green', deducted: 'orange', hit: 'red', pending: 'default' } as const;

/**
 * The reviewer's screen for one case file: the standard's score sheet with the machine's findings in
 * place, each saying what is wrong, on what legal basis, and opening the document at the field to fix.
 * The reviewer judges the judgement items (facts, evidence, law…), may overrule a finding with a
 * reason, watches the score move, and signs the review; the file's signed reviews are listed to print.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const preview = usePrintPreview();
  const [run, setRun] = useState<ReviewRun | null>(null);
  const [decisions, setDecisions] = useState<ReviewDecisions>({ judgements: {}, overruled: {} });
  const [history, setHistory] = useState<SavedReview[]>([]);
  const judge = can('cases.review');
  // Another file: its own judgements, from nothing.
  useEffect(() => {
    setDecisions({ judgements: {}, overruled: {} });
    setRun(null);
  }, [id]);
  // The score follows the judgements, once typing pauses; an answer to an older state is dropped.
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void api.reviews
        .run({ id, decisions })
        .then((r) => {
          if (current) setRun(r);
        })
        .catch((e) => {
          if (current) message.error(errorMessage(e));
        });
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [id, decisions, message]);
  const loadHistory = useCallback(
    () =>
      api.reviews
        .history({ id })
        .then(setHistory)
        .catch((e) => message.error(errorMessage(e))),
    [id, message],
  );
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);
  useCrumbs(run && [{ label: `${run.caseNo} ${run.cause}`, to: `/cases/${run.caseId}` }, { label: t('review.title') }]);
  if (!run) return <div className="page" />;
  const r = run.result;
  const open = (f: ReviewFinding) => navigate(findingLink(f, run.caseId));
  const setJudgement = (itemId: string, j: ReviewDecisions['judgements'][string] | null) =>
    setDecisions((d) => {
      const judgements = { ...d.judgements };
      if (j) judgements[itemId] = j;
      else delete judgements[itemId];
      return { ...d, judgements };
    });
  const overrule = (f: ReviewFinding) => {
    let reason = '';
    modal.confirm({
      title: t('review.judge.overruleTitle'),
      content: (
        <Input.TextArea
          autoFocus
          rows={3}
          placeholder={t('review.judge.overruleReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="overrule-reason"
        />
      ),
      onOk: () => {
        if (!reason.trim()) {
          message.error(t('review.rules.reasonRequired'));
          return Promise.reject(new Error('reason'));
        }
        setDecisions((d) => ({ ...d, overruled: { ...d.overruled, [f.id]: reason.trim() } }));
        return undefined;
      },
    });
  };
  const unoverrule = (f: ReviewFinding) =>
    setDecisions((d) => {
      const overruled = { ...d.overruled };
      delete overruled[f.id];
      return { ...d, overruled };
    });
  const sign = async () => {
    try {
      // Signed as seen: the core refuses if the file changed since this result was shown.
      const saved = await api.reviews.sign({ id, decisions, seen: run.digest });
      message.success(t('review.signed', { id: saved.id }));
      await loadHistory();
    } catch (e) {
      message.error(errorMessage(e));
      // Refused as changed since seen: show the file as it now stands.
      setDecisions((d) => ({ ...d }));
    }
  };
  const findingList = (findings: ReviewFinding[]) => (
    <List
      size="small"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item
          data-testid="review-finding"
          actions={[
            <Button key="open" size="small" icon={<AimOutlined />} onClick={() => open(f)}>
              {t('review.openAtFault')}
            </Button>,
            ...(judge
              ? [
                  f.overruled ? (
                    <Button key="undo" size="small" onClick={() => unoverrule(f)}>
                      {t('review.judge.undo')}
                    </Button>
                  ) : (
                    <Button key="overrule" size="small" onClick={() => overrule(f)} data-testid="finding-overrule">
                      {t('review.judge.overrule')}
                    </Button>
                  ),
                ]
              : []),
          ]}
        >
          <List.Item.Meta
            title={
              <span style={f.overruled ? { textDecoration: 'line-through', color: '#999' } : undefined}>
                {tKey(f.key, f.params)}
              </span>
            }
            description={
              <Space size={4} wrap>
                <Typography.Text type="secondary">{tKey(`review.checks.${f.check}`)}</Typography.Text>
                <Typography.Text type="secondary">· {f.basis}</Typography.Text>
                {f.pointsLost > 0 && <Tag color="orange">{t('review.pointsLost', { n: f.pointsLost })}</Tag>}
                {f.uncertain && (
                  <Tag color="gold" title={t('review.uncertainHint')}>
                    {t('cases.uncertain')}
                  </Tag>
                )}
                {f.overruled && <Tag color="blue">{t('review.judge.overruled', { reason: f.overruled })}</Tag>}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
  /** Passed / failed with the points lost and a comment, for a judgement item or veto. */
  const judgementControl = (itemId: string, points: number | null) => {
    const j = decisions.judgements[itemId];
    return (
      <Space wrap data-testid={`judge-${itemId}`}>
        <Radio.Group
          size="small"
          optionType="button"
          value={j ? (j.passed ? 'passed' : 'failed') : undefined}
          disabled={!judge}
          onChange={(e) =>
            setJudgement(itemId, {
              passed: e.target.value === 'passed',
              lost: e.target.value === 'passed' ? undefined : (points ?? undefined),
              comment: j?.comment ?? '',
            })
          }
          options={[
            { value: 'passed', label: t('review.judge.passed') },
            { value: 'failed', label: t('review.judge.failed') },
          ]}
        />
        {j && !j.passed && points !== null && (
          <InputNumber
            size="small"
            min={0}
            max={points}
            value={j.lost}
            addonBefore={t('review.judge.lostPoints')}
            disabled={!judge}
            onChange={(v) => setJudgement(itemId, { ...j, lost: typeof v === 'number' ? v : 0 })}
            style={{ width: 150 }}
          />
        )}
        {j && (
          <Input
            size="small"
            placeholder={t('review.judge.comment')}
            value={j.comment}
            disabled={!judge}
            style={{ width: 280 }}
            onChange={(e) => setJudgement(itemId, { ...j, comment: e.target.value })}
          />
        )}
      </Space>
    );
  };
  const unpriced = r.findings.filter((f) => !f.itemId && !f.vetoId);

  return (
    <div className="page" data-testid="review-page">
      <div className="page-header">
        <h2>
          {t('review.title')} · {run.caseNo} <span data-record>{run.cause}</span>
        </h2>
        <Space>
          <Button onClick={() => navigate(`/cases/${run.caseId}`)}>{t('review.openCase')}</Button>
          {judge && (
            <Button type="primary" onClick={() => void sign()} data-testid="review-sign">
              {t('review.sign')}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size="large" wrap align="center">
          <Statistic title={t('review.score')} value={r.score} suffix={`/ ${r.max}`} />
          <Statistic title={t('review.percent')} value={r.percent ?? '—'} suffix={r.percent === null ? '' : '%'} />
          <div>
            <Typography.Text type="secondary">{t('review.grade')}</Typography.Text>
            <br />
            {r.grade ? (
              <Tag
                color={GRADE_COLORS[r.grade] ?? 'default'}
                style={{ fontSize: 16, padding: '2px 10px' }}
                data-testid="review-grade"
              >
                {r.pending?.length
                  ? t('review.provisionalGrade', { grade: gradeName(r.standard, r.grade) })
                  : gradeName(r.standard, r.grade)}
              </Tag>
            ) : (
              '—'
            )}
          </div>
          <Space direction="vertical" size={0}>
            <Typography.Text>{standardName(r.standard)}</Typography.Text>
            <Space size={4}>
              <Typography.Text type="secondary">{r.standard.version}</Typography.Text>
              {r.standard.example && <Tag color="orange">{t('review.example')}</Tag>}
            </Space>
          </Space>
        </Space>
      </Card>
      {r.unknownChecks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('review.unknownChecks', { checks: r.unknownChecks.join('、') })}
        />
      )}
      {r.vetoed && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('review.vetoed')} />}
      {r.failedBy && r.failedBy.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('review.failedBy', { items: r.failedBy.map(standardName).join(t('common.listSeparator')) })}
          data-testid="review-failed-by"
        />
      )}
      {r.pendingJudgements > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('review.pending', { n: r.pendingJudgements })}
          description={r.pending?.map(standardName).join(t('common.listSeparator'))}
          data-testid="review-pending"
        />
      )}
      {r.findings.length === 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('review.noFindings')} />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={7}>
          <Card
            size="small"
            title={t('review.fileDocuments')}
            style={{ marginBottom: 16, position: 'sticky', top: 8 }}
            data-testid="review-documents"
          >
            <List
              size="small"
              dataSource={run.documents}
              renderItem={(d, i) => {
                const flagged = r.findings.filter((f) => f.address.documentId === d.id && !f.overruled).length;
                return (
                  <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/documents/${d.id}`)}>
                    <Space direction="vertical" size={0}>
                      <Space size={4}>
                        <Typography.Text type="secondary">{i + 1}</Typography.Text>
                        <Typography.Text>{documentTypeLabel(t, d.type, d.typeName)}</Typography.Text>
                        {flagged > 0 && <Tag color="orange">{flagged}</Tag>}
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[d.numberText, d.date].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card size="small" title={t('review.vetoes')} style={{ marginBottom: 16 }} data-testid="review-vetoes">
            <List
              size="small"
              dataSource={r.vetoes}
              renderItem={(v) => (
                <List.Item style={{ display: 'block' }}>
                  <Space wrap>
                    <Tag color={STATUS_COLORS[v.status]}>{t(`review.status.${v.status}`)}</Tag>
                    {standardName(v)}
                    <Typography.Text type="secondary">{t(`review.modes.${v.mode}`)}</Typography.Text>
                    {v.mode === 'judgement' && judgementControl(v.id, null)}
                  </Space>
                  {v.findings.length > 0 && findingList(v.findings)}
                </List.Item>
              )}
            />
          </Card>

          {r.sections.map((sec) => (
            <Card
              key={sec.id}
              size="small"
              title={standardName(sec)}
              style={{ marginBottom: 16 }}
              data-testid={`review-section-${sec.id}`}
            >
              <Table<ItemResult>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={sec.items}
                expandable={{
                  rowExpandable: (i) => i.findings.length > 0 || i.mode === 'judgement',
                  defaultExpandAllRows: true,
                  expandedRowRender: (i) =>
                    i.mode === 'judgement' ? judgementControl(i.id, i.points) : findingList(i.findings),
                }}
                columns={[
                  { title: t('review.item'), dataIndex: 'name', render: (_: string, i: ItemResult) => standardName(i) },
                  {
                    title: t('review.mode'),
                    dataIndex: 'mode',
                    width: 110,
                    render: (m: ItemResult['mode']) => t(`review.modes.${m}`),
                  },
                  {
                    title: t('review.points'),
                    dataIndex: 'points',
                    width: 80,
                    align: 'right',
                    render: (p: number | null) => p ?? '—',
                  },
                  {
                    title: t('review.lost'),
                    dataIndex: 'lost',
                    width: 80,
                    align: 'right',
                    render: (n: number, i) => (i.points === null ? '—' : n),
                  },
                  // An item without points is listed, not scored: its findings are "问题", not a deduction.
                  {
                    title: t('review.result'),
                    dataIndex: 'status',
                    width: 110,
                    render: (st: ItemResult['status'], i) => (
                      <Tag color={STATUS_COLORS[st]}>
                        {t(`review.status.${st === 'deducted' && i.points === null ? 'flagged' : st}`)}
                      </Tag>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
          {unpriced.length > 0 && (
            <Card size="small" title={t('review.unpriced')} style={{ marginBottom: 16 }}>
              {findingList(unpriced)}
            </Card>
          )}
        </Col>
      </Row>

      <Card size="small" title={t('review.history')} data-testid="review-history">
        {history.length === 0 ? (
          <Typography.Text type="secondary">{t('review.noHistory')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={history}
            renderItem={(h) => (
              <List.Item
                actions={[
                  <Button
                    key="print"
                    size="small"
                    icon={<PrinterOutlined />}
                    data-testid="review-print"
                    onClick={() => preview(() => api.reviews.report({ reviewId: h.id }), t('review.printReport'))}
                  >
                    {t('review.printReport')}
                  </Button>,
                ]}
              >
                <Space wrap>
                  <Typography.Text>#{h.id}</Typography.Text>
                  <Typography.Text>
                    {h.score} / {h.max}
                  </Typography.Text>
                  {h.grade && <Tag color={GRADE_COLORS[h.grade] ?? 'default'}>{gradeName(r.standard, h.grade)}</Tag>}
                  <Typography.Text type="secondary">
                    {t('review.signedBy', { reviewer: h.reviewer, at: formatDateTime(h.signedAt) })}
                  </Typography.Text>
                  <Typography.Text type="secondary" copyable={{ text: h.auditHead ?? '' }}>
                    {t('review.auditHead')} {h.auditHead?.slice(0, 12) ?? '—'}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
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
    void api.cases
      .list({ page, pageSize: 20 })
      .then(setData)
      .catch((e) => message.error(errorMessage(e)));
  }, [page, message]);
  return (
    <div className="page" data-testid="review-list">
      <div className="page-header">
        <h2>{t('review.title')}</h2>
      </div>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <BatchReview />
      <Table
        rowKey="id"
        size="middle"
        dataSource={data.items}
        onRow={(r) => ({ onClick: () => navigate(`/review/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        columns={[
          { title: t('cases.caseNo'), dataIndex: 'caseNo', width: 110 },
          { title: t('cases.party'), dataIndex: 'enterpriseName' },
          { title: t('cases.cause'), dataIndex: 'cause' },
          { title: t('cases.stage'), dataIndex: 'stage', width: 120, render: (v: string) => tKey(`cases.stages.${v}`) },
          { title: t('cases.handlers'), dataIndex: 'handlerNames', width: 140, render: (v: string[]) => v.join('、') },
        ]}
      />
    </div>
  );
}
