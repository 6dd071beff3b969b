import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../../shared/api/channels/plans.ts';
import type { OutputOf } from '../../../../shared/api/contract.ts';
import type { DrawRecord } from '../../../../shared/domain/plans/draw.ts';
import { AppError } from '../../../../shared/base/errors.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { saveDownload } from '../files.ts';
import { formatDateTime } from '../format.ts';
import { percent, stratumLabel } from './reasons.ts';
import { LoadFailed } from './LoadFailed.tsx';

type Pool = OutputOf<'plans:draw-pool'>;

const short = (sha: string) => sha.slice(0, 16);

/** A SHA-256 by its first 16 digits, the whole of it copied. */
function Sha({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text className="mono" copyable={{ text: value }} data-testid={testId}>
      {short(value)}
    </Typography.Text>
  );
}

/**
 * 双随机抽查: this year's draws, each with what it drew and its record to download and re-run; and a new draw in
 * three steps — the pool made and its hash published, the witness's value, the result.
 */
export function DrawsPanel({ onOpenPlan }: { onOpenPlan(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const year = Number(today().slice(0, 4));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [draws, setDraws] = useState<DrawRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    setError(null);
    setDraws(null);
    Promise.all([api.plans.get({ year }), api.plans.draws({ year })])
      .then(([p, d]) => {
        setPlan(p);
        setDraws(d);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [year]);
  useEffect(load, [load]);

  if (error) return <LoadFailed title={t('plans.year.loadFailed')} error={error} onRetry={load} />;
  if (!plan || !draws)
    return (
      <Spin size="large" description={t('plans.year.loading')}>
        <div style={{ height: 280 }} />
      </Spin>
    );

  const approved = plan.status === 'approved' || plan.status === 'filed';
  const writer = can('ledger.write');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="draws-panel">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('plans.draws.intro')}</Typography.Paragraph>
      {approved ? (
        <Alert
          type="info"
          showIcon
          data-testid="draws-next"
          title={draws.length ? t('plans.draws.next.more') : t('plans.draws.next.first')}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="draws-not-approved"
          title={t('plans.draw.notApproved', { year })}
          description={t('plans.draws.next.notApproved')}
          action={
            <Button size="small" onClick={onOpenPlan} data-testid="draws-to-plan">
              {t('plans.draws.toPlan')}
            </Button>
          }
        />
      )}
      {approved && !writer && <Typography.Text type="secondary">{t('plans.draws.readOnly')}</Typography.Text>}
      {creating && (
        <NewDraw
          plan={plan}
          onCancel={() => setCreating(false)}
          onDrawn={(r) => setDraws((list) => [...(list ?? []), r])}
        />
      )}
      <Card
        size="small"
        title={t('plans.draws.listTitle', { year })}
        extra={
          <Space>
            {draws.length > 0 && can('exports.make') && <PublicationButton />}
            {approved && writer && !creating && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="draw-new">
                {t('plans.draws.new')}
              </Button>
            )}
          </Space>
        }
      >
        <DrawList draws={draws} />
      </Card>
    </Space>
  );
}

/** 双随机抽查结果公示: every pick with the result its inspection recorded, as the default mapping lays it out. */
function PublicationButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        void api.exports
          .table({ mapping: 'default', format: 'xlsx', tables: ['randomChecks'] })
          .then(saveDownload)
          .catch((e) => message.error(errorMessage(e)))
          .finally(() => setBusy(false));
      }}
      data-testid="draws-publication"
    >
      {t('plans.draws.publication')}
    </Button>
  );
}

function DownloadButton({ id, type }: { id: number; type?: 'primary' | 'link' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      type={type}
      size={type === 'link' ? 'small' : undefined}
      icon={<DownloadOutlined />}
      onClick={() =>
        void api.plans
          .drawRecord({ id })
          .then(saveDownload)
          .catch((e) => message.error(errorMessage(e)))
      }
      data-testid="draw-download"
    >
      {t('plans.draws.download')}
    </Button>
  );
}

function DrawList({ draws }: { draws: DrawRecord[] }) {
  const { t } = useTranslation();
  return (
    <Table<DrawRecord>
      rowKey="id"
      size="small"
      dataSource={[...draws].reverse()}
      pagination={false}
      data-testid="draw-list"
      locale={{ emptyText: t('plans.draws.empty') }}
      expandable={{ expandedRowRender: (r) => <DrawResultView record={r} /> }}
      columns={[
        { title: t('plans.draws.col.label'), dataIndex: 'label', render: (v: string) => <span data-record>{v}</span> },
        {
          title: t('plans.draws.col.drawnAt'),
          dataIndex: 'drawnAt',
          width: 170,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('plans.draws.col.operator'),
          dataIndex: 'operator',
          width: 110,
          render: (v: string) => <span data-record>{v}</span>,
        },
        {
          title: t('plans.draws.col.witness'),
          dataIndex: 'witnessName',
          width: 100,
          render: (v: string) => <span data-record>{v}</span>,
        },
        {
          title: t('plans.draws.col.picks'),
          width: 90,
          align: 'right',
          render: (_, r) => (
            <span data-testid="draw-picks-count">{t('plans.draws.picksCount', { n: r.result.picks.length })}</span>
          ),
        },
        {
          title: t('plans.draws.col.sha'),
          dataIndex: 'resultSha256',
          width: 190,
          className: 'mono',
          render: (v: string) => <Sha value={v} />,
        },
        { title: '', width: 150, render: (_, r) => <DownloadButton id={r.id} type="link" /> },
      ]}
    />
  );
}

/** What a draw gave: the strata against their quotas, the enterprises drawn with their two officers, how to check it. */
function DrawResultView({ record, download }: { record: DrawRecord; download?: boolean }) {
  const { t } = useTranslation();
  const names = new Map(record.input.inspectors.map((o) => [o.officerId, o.name]));
  const strata = new Map(record.result.strata.map((s) => [s.id, stratumLabel(s.id, s.name)]));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="draw-result">
      <Descriptions
        size="small"
        column={2}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'pool', label: t('plans.draws.poolSha'), children: <Sha value={record.result.poolSha256} /> },
          { key: 'result', label: t('plans.draws.col.sha'), children: <Sha value={record.resultSha256} /> },
          {
            key: 'witness',
            label: t('plans.draws.col.witness'),
            children: <span data-record>{record.witnessName}</span>,
          },
          {
            key: 'value',
            label: t('plans.draws.value'),
            children: (
              <span className="mono" data-record>
                {record.witnessValue}
              </span>
            ),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={record.result.strata}
        data-testid="draw-strata"
        columns={[
          { title: t('plans.draws.strata.stratum'), dataIndex: 'id', render: (id: string) => strata.get(id) },
          { title: t('plans.draws.strata.enterprises'), dataIndex: 'enterprises', align: 'right', width: 100 },
          {
            title: t('plans.draws.strata.ratio'),
            dataIndex: 'ratio',
            align: 'right',
            width: 90,
            render: (v: number) => percent(v),
          },
          { title: t('plans.draws.strata.quota'), dataIndex: 'quota', align: 'right', width: 80 },
          { title: t('plans.draws.strata.eligible'), dataIndex: 'eligible', align: 'right', width: 80 },
          { title: t('plans.draws.strata.drawn'), dataIndex: 'drawn', align: 'right', width: 80 },
          {
            title: t('plans.draws.strata.short'),
            dataIndex: 'short',
            align: 'right',
            width: 80,
            render: (v: number) => (v > 0 ? <Typography.Text type="warning">{v}</Typography.Text> : v),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="enterpriseId"
        pagination={false}
        dataSource={record.result.picks}
        data-testid="draw-picks"
        locale={{ emptyText: t('plans.draws.noPicks') }}
        columns={[
          {
            title: t('plans.draws.pick.enterprise'),
            render: (_, p) => (
              <Link to={`/enterprises/${p.enterpriseId}`} data-record>
                {p.name}
              </Link>
            ),
          },
          {
            title: t('plans.draws.pick.stratum'),
            dataIndex: 'stratum',
            width: 160,
            render: (id: string) => strata.get(id) ?? id,
          },
          {
            title: t('plans.draws.pick.officers'),
            width: 240,
            render: (_, p) => (
              <Space size={6} wrap>
                <span data-record data-testid="draw-pick-officers">
                  {p.officerIds.map((id) => names.get(id) ?? `#${id}`).join(t('common.listSeparator'))}
                </span>
                {p.repeatedPair && (
                  <Tooltip title={t('plans.draws.pick.repeatedHint')}>
                    <Tag color="orange" data-testid="draw-pick-repeated">
                      {t('plans.draws.pick.repeated')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      {record.result.excluded.length > 0 && (
        <Typography.Text type="secondary">
          {t('plans.draws.excluded', { n: record.result.excluded.length })}
        </Typography.Text>
      )}
      <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
        {download && <DownloadButton id={record.id} type="primary" />}
        <div>
          <Typography.Text type="secondary">{t('plans.draws.verifyHint')}</Typography.Text>
          <div>
            <Typography.Text code copyable style={{ whiteSpace: 'nowrap' }}>
              {t('plans.draws.verifyCommand')}
            </Typography.Text>
          </div>
        </div>
      </div>
    </Space>
  );
}

const poolChanged = (e: unknown) =>
  e instanceof AppError && !!e.details?.issues?.some((i) => i.key === 'plans.draw.poolChanged');

/** A new draw: name it and make the pool (published with its hash), take the witness's value, draw. */
function NewDraw({ plan, onCancel, onDrawn }: { plan: Plan; onCancel(): void; onDrawn(record: DrawRecord): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [label, setLabel] = useState('');
  const [pool, setPool] = useState<Pool | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [record, setRecord] = useState<DrawRecord | null>(null);
  const [form] = Form.useForm<{ witnessName: string; witnessValue: string }>();

  const makePool = async () => {
    setBusy(true);
    try {
      setPool(await api.plans.drawPool({ year: plan.year, label: label.trim() }));
      setChanged(false);
      setStep(0);
      // A value given for another pool is never used again: the witness gives a new one after the new hash is shown.
      form.resetFields(['witnessValue']);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const draw = async () => {
    // An invalid field says so under itself.
    const v = await form.validateFields().catch(() => null);
    if (!pool || !v) return;
    setBusy(true);
    try {
      const r = await api.plans.draw({
        year: plan.year,
        label: pool.input.label,
        poolSha256: pool.poolSha256,
        witnessName: v.witnessName.trim(),
        witnessValue: v.witnessValue.trim(),
      });
      setRecord(r);
      onDrawn(r);
      setStep(2);
      message.success(t('plans.draws.drawnMsg', { n: r.result.picks.length }));
    } catch (e) {
      if (poolChanged(e)) setChanged(true);
      else if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('plans.draws.new')}
      data-testid="draw-new-card"
      extra={
        step < 2 && (
          <Button size="small" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('plans.draws.steps.pool') },
          { title: t('plans.draws.steps.witness') },
          { title: t('plans.draws.steps.result') },
        ]}
      />
      {step === 0 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap align="end">
            <div>
              <div style={{ marginBottom: 4 }}>{t('plans.draws.label')}</div>
              <Input
                style={{ width: 360 }}
                maxLength={60}
                value={label}
                placeholder={t('plans.draws.labelPlaceholder', { year: plan.year })}
                // The label is part of what is hashed: a new name is a new pool.
                onChange={(e) => {
                  setLabel(e.target.value);
                  setPool(null);
                }}
                data-testid="draw-label"
              />
            </div>
            <Button
              type={pool ? 'default' : 'primary'}
              loading={busy}
              disabled={label.trim().length < 2}
              onClick={() => void makePool()}
              data-testid="draw-make-pool"
            >
              {pool ? t('plans.draws.regenerate') : t('plans.draws.makePool')}
            </Button>
          </Space>
          {pool && (
            <>
              <PoolView pool={pool} />
              <div>
                <Button type="primary" onClick={() => setStep(1)} data-testid="draw-to-witness">
                  {t('plans.draws.toWitness')}
                </Button>
              </div>
            </>
          )}
        </Space>
      )}
      {step === 1 && pool && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'label', label: t('plans.draws.label'), children: <span data-record>{pool.input.label}</span> },
              { key: 'sha', label: t('plans.draws.poolSha'), children: <Sha value={pool.poolSha256} /> },
            ]}
          />
          {changed && (
            <Alert
              type="error"
              showIcon
              title={t('plans.draw.poolChanged')}
              data-testid="draw-pool-changed"
              action={
                <Button size="small" loading={busy} onClick={() => void makePool()} data-testid="draw-regenerate">
                  {t('plans.draws.regenerate')}
                </Button>
              }
            />
          )}
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 640 }}
            onValuesChange={clearErrorsOnChange(form)}
            data-testid="draw-witness-form"
          >
            <Form.Item
              name="witnessName"
              label={t('plans.draws.witnessName')}
              extra={t('plans.draws.witnessNameHint')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={50} style={{ width: 240 }} data-testid="draw-witness-name" />
            </Form.Item>
            <Form.Item
              name="witnessValue"
              label={t('plans.draws.witnessValue')}
              extra={t('plans.draws.witnessValueHint')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                {
                  validator: (_, v: string | undefined) =>
                    !v || v.trim().length >= 8
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('plans.draws.valueTooShort'))),
                },
              ]}
            >
              <Input maxLength={200} className="mono" style={{ width: 360 }} data-testid="draw-witness-value" />
            </Form.Item>
          </Form>
          <Space>
            <Button onClick={() => setStep(0)}>{t('common.previous')}</Button>
            <Button type="primary" loading={busy} onClick={() => void draw()} data-testid="draw-run">
              {t('plans.draws.draw')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 2 && record && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <DrawResultView record={record} download />
          <div>
            <Button onClick={onCancel} data-testid="draw-done">
              {t('plans.draws.done')}
            </Button>
          </div>
        </Space>
      )}
    </Card>
  );
}

/** The pool as it will be drawn on: its hash first (to be published), then what it holds. */
function PoolView({ pool }: { pool: Pool }) {
  const { t } = useTranslation();
  const { input } = pool;
  // As the core counts them: the draw takes these, no figure of the UI's own.
  const strata = pool.quotas;
  const names = new Map(input.strata.map((s) => [s.id, stratumLabel(s.id, s.name)]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="draw-pool">
      <Alert
        type="warning"
        showIcon
        title={
          <Space wrap size={12}>
            <strong>{t('plans.draws.poolSha')}</strong>
            <Typography.Text className="mono" copyable style={{ fontSize: 15 }} data-testid="draw-pool-sha">
              {pool.poolSha256}
            </Typography.Text>
          </Space>
        }
        description={t('plans.draws.poolShaHint')}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={strata}
        data-testid="draw-pool-strata"
        columns={[
          { title: t('plans.draws.strata.stratum'), dataIndex: 'id', render: (id: string) => names.get(id) },
          { title: t('plans.draws.strata.enterprises'), dataIndex: 'enterprises', align: 'right', width: 100 },
          {
            title: t('plans.draws.strata.ratio'),
            dataIndex: 'ratio',
            align: 'right',
            width: 90,
            render: (v: number) => percent(v),
          },
          { title: t('plans.draws.strata.yearQuota'), dataIndex: 'yearQuota', align: 'right', width: 110 },
          { title: t('plans.draws.strata.drawnBefore'), dataIndex: 'drawnBefore', align: 'right', width: 110 },
          { title: t('plans.draws.strata.thisDraw'), dataIndex: 'quota', align: 'right', width: 110 },
          { title: t('plans.draws.strata.capped'), dataIndex: 'capped', align: 'right', width: 130 },
          { title: t('plans.draws.strata.eligible'), dataIndex: 'eligible', align: 'right', width: 80 },
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'in',
            label: t('plans.draws.inspectorsIn', { n: input.inspectors.length }),
            children: (
              <Space size={4} wrap data-testid="draw-inspectors">
                {input.inspectors.map((o) => (
                  <Tag key={o.officerId} color="blue">
                    <span data-record>{o.name}</span>
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'out',
            label: t('plans.draws.inspectorsOut', { n: pool.inspectorsLeftOut.length }),
            children: (
              <Space size={4} wrap data-testid="draw-inspectors-out">
                {pool.inspectorsLeftOut.length === 0
                  ? '—'
                  : pool.inspectorsLeftOut.map((o) => (
                      <Tag key={o.officerId}>
                        <span data-record>{o.name}</span>
                        {t('plans.draws.leftOutReason', { reason: t(`plans.draws.leftOut.${o.reason}`) })}
                      </Tag>
                    ))}
              </Space>
            ),
          },
          {
            key: 'conflicts',
            label: t('plans.draws.conflicts', { n: input.conflicts?.length ?? 0 }),
            children: (
              <Space size={4} wrap data-testid="draw-conflicts">
                {!input.conflicts?.length
                  ? '—'
                  : input.conflicts.map((c) => (
                      <Tag key={`${c.enterpriseId}:${c.officerId}`}>
                        {t('plans.draws.conflict', {
                          officer: input.inspectors.find((o) => o.officerId === c.officerId)?.name ?? c.officerId,
                          enterprise: input.pool.find((e) => e.enterpriseId === c.enterpriseId)?.name ?? c.enterpriseId,
                        })}
                      </Tag>
                    ))}
              </Space>
            ),
          },
        ]}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'pool',
            label: t('plans.draws.poolList', { n: input.pool.length }),
            children: (
              <Table
                size="small"
                rowKey="enterpriseId"
                dataSource={input.pool}
                pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('plans.draws.pick.enterprise'),
                    dataIndex: 'name',
                    render: (v: string) => <span data-record>{v}</span>,
                  },
                  {
                    title: t('plans.draws.pick.stratum'),
                    dataIndex: 'stratum',
                    width: 150,
                    render: (id: string) => names.get(id) ?? id,
                  },
                  {
                    title: '',
                    width: 230,
                    render: (_, e) =>
                      e.covered ? (
                        <Tag>{t('plans.draws.poolCovered')}</Tag>
                      ) : (
                        <Typography.Text type={e.visits >= e.cap ? 'warning' : 'secondary'}>
                          {t('plans.draws.poolVisits', { visits: e.visits, cap: e.cap })}
                        </Typography.Text>
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
