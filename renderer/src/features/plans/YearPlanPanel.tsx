import {
  CheckCircleFilled,
  CloseCircleFilled,
  FileExcelOutlined,
  PrinterOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../../shared/api/channels/plans.ts';
import {
  NON_ENFORCEMENT_DAYS,
  type NonEnforcementDay,
  OTHER_ENFORCEMENT_DAYS,
  type OtherEnforcementDay,
} from '../../../../shared/base/vocabulary.ts';
import type { PlanInputs } from '../../../../shared/entities/plan.ts';
import { AppError } from '../../../../shared/base/errors.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { usePrintPreview } from '../../app/PrintPreview.tsx';
import { saveDownload } from '../files.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { DateField } from '../fields.tsx';
import { formatDate } from '../format.ts';
import { vocabLabel } from '../vocab.ts';
import { percent, stratumLabel } from './reasons.ts';
import { filingOverdue, PLAN_STATUS_COLORS } from './status.ts';
import { LoadFailed } from './LoadFailed.tsx';

const OTHER = Object.keys(OTHER_ENFORCEMENT_DAYS) as OtherEnforcementDay[];
const NON = Object.keys(NON_ENFORCEMENT_DAYS) as NonEnforcementDay[];

/** The same inputs whatever order their keys were set in, and an emptied day count the same as one never entered. */
function sameInputs(a: PlanInputs, b: PlanInputs): boolean {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined && x !== null)
            .sort(([x], [y]) => (x < y ? -1 : 1))
            .map(([k, x]) => [k, canon(x)]),
        )
      : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

/**
 * 年度计划: the 监督检查工作日测算 as county plans print it — 法定工作日 × 人员数, the other and the non-enforcement
 * days by category, what is left for inspections — against what the 重点 visits and the 双随机 quotas need. The clerk
 * enters the day counts; every figure is the core's, worked out again on each save. Then the 本级人民政府's approval
 * (which freezes it) and the filing with the city.
 */
export function YearPlanPanel({ onOpenDraws }: { onOpenDraws(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = usePrintPreview();
  const { can } = useSession();
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [inputs, setInputs] = useState<PlanInputs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dialog, setDialog] = useState<'approve' | 'file' | null>(null);

  const show = useCallback((p: Plan) => {
    setPlan(p);
    setInputs(p.inputs);
  }, []);
  const yearRef = useRef(year);
  useEffect(() => {
    yearRef.current = year;
  }, [year]);
  const load = useCallback(() => {
    setError(null);
    setPlan(null);
    api.plans
      .get({ year })
      // A late answer for the year switched away from is dropped: it must never show under another year.
      .then((p) => p.year === yearRef.current && show(p))
      .catch((e) => setError(errorMessage(e)));
  }, [year, show]);
  useEffect(load, [load]);

  const editable = !!plan && can('ledger.write') && (plan.status === 'none' || plan.status === 'draft');
  const dirty = !!plan && !!inputs && editable && !sameInputs(inputs, plan.inputs);

  const save = async () => {
    if (!plan || !inputs) return;
    setSaving(true);
    try {
      show(await api.plans.save({ year, inputs, version: plan.version }));
      message.success(t('plans.year.saved'));
    } catch (e) {
      message.error(errorMessage(e));
      // Changed meanwhile elsewhere (another window, the approval): what is stored is shown again.
      if (e instanceof AppError && e.code === 'STALE_VERSION') load();
    } finally {
      setSaving(false);
    }
  };

  const yearPicker = (
    <Radio.Group
      optionType="button"
      value={year}
      onChange={(e) => setYear(e.target.value as number)}
      data-testid="plan-year"
      options={[thisYear, thisYear + 1].map((y) => ({ value: y, label: t('plans.year.yearOption', { year: y }) }))}
    />
  );

  if (error)
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {yearPicker}
        <LoadFailed title={t('plans.year.loadFailed')} error={error} onRetry={load} testId="plan-error" />
      </Space>
    );
  if (!plan || !inputs)
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {yearPicker}
        <Spin size="large" description={t('plans.year.loading')} data-testid="plan-loading">
          <div style={{ height: 280 }} />
        </Spin>
      </Space>
    );

  const frozen = plan.status === 'approved' || plan.status === 'filed';
  const approver = can('cases.approve');
  const approveBlocked =
    plan.status === 'none'
      ? t('plans.year.approveNeedsSave')
      : dirty
        ? t('plans.year.approveDirty')
        : plan.blockers.length
          ? t('plans.year.approveBlocked')
          : null;
  const due = formatDate(plan.filingDue);
  const next = dirty
    ? t('plans.year.next.dirty')
    : plan.status === 'filed'
      ? t('plans.year.next.filed')
      : plan.status === 'approved'
        ? can('ledger.write')
          ? t('plans.year.next.approved', { due })
          : t('plans.year.next.approvedOther', { due })
        : plan.status === 'none'
          ? t('plans.year.next.none')
          : plan.blockers.length
            ? t('plans.year.next.blocked')
            : approver
              ? t('plans.year.next.ready')
              : t('plans.year.next.readyOther');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan-year-panel">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        {yearPicker}
        <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status">
          {t(`plans.year.status.${plan.status}`)}
        </Tag>
        {plan.status !== 'none' && (
          <>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => preview(() => api.plans.pdf({ year }), t('plans.year.printTitle', { year }))}
              data-testid="plan-print"
            >
              {t('plans.year.print')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() =>
                void api.plans
                  .xlsx({ year })
                  .then(saveDownload)
                  .catch((e: unknown) => message.error(errorMessage(e)))
              }
              data-testid="plan-xlsx"
            >
              {t('plans.year.xlsx')}
            </Button>
          </>
        )}
        <div style={{ flex: 1 }} />
        {approver && !frozen && (
          <>
            {approveBlocked && (
              <Typography.Text type="secondary" data-testid="plan-approve-reason">
                {approveBlocked}
              </Typography.Text>
            )}
            <Button disabled={!!approveBlocked} onClick={() => setDialog('approve')} data-testid="plan-approve">
              {t('plans.year.approve')}
            </Button>
          </>
        )}
        {plan.status === 'approved' && can('ledger.write') && (
          <Button type="primary" onClick={() => setDialog('file')} data-testid="plan-file">
            {t('plans.year.file')}
          </Button>
        )}
        {editable && (
          <Space size={8}>
            {dirty && (
              <Tag color="orange" data-testid="plan-unsaved">
                {t('plans.year.unsaved')}
              </Tag>
            )}
            <Button
              type={dirty || plan.status === 'none' ? 'primary' : 'default'}
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!dirty && plan.status !== 'none'}
              onClick={() => void save()}
              data-testid="plan-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        )}
      </div>
      <Alert
        type={dirty ? 'warning' : 'info'}
        showIcon
        title={next}
        data-testid="plan-next"
        action={
          frozen ? (
            <Button size="small" onClick={onOpenDraws}>
              {t('plans.tabs.draws')}
            </Button>
          ) : undefined
        }
      />
      {!frozen && !can('ledger.write') && (
        <Typography.Text type="secondary">{t('plans.year.readOnly')}</Typography.Text>
      )}
      {plan.blockers.length > 0 && <Blockers plan={plan} />}
      {frozen && <ApprovalCard plan={plan} />}
      <Row gutter={16} align="top">
        <Col span={13}>
          <CapacityTable plan={plan} inputs={inputs} editable={editable} onChange={setInputs} />
        </Col>
        <Col span={11}>
          {/* A block, not antd's inline Space: its top stays level with the table beside it. */}
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <DemandCard plan={plan} inputs={inputs} editable={editable} onChange={setInputs} />
            {(editable || inputs.note) && (
              <Card size="small" title={t('plans.year.note')}>
                {editable ? (
                  <Input.TextArea
                    rows={3}
                    maxLength={2000}
                    value={inputs.note}
                    placeholder={t('plans.year.notePlaceholder')}
                    onChange={(e) => setInputs({ ...inputs, note: e.target.value })}
                    data-testid="plan-note"
                  />
                ) : (
                  <span data-record style={{ whiteSpace: 'pre-wrap' }}>
                    {inputs.note}
                  </span>
                )}
              </Card>
            )}
          </div>
        </Col>
      </Row>
      {dialog === 'approve' && (
        <DayAndRefDialog
          title={t('plans.year.approveTitle')}
          hint={t('plans.year.approveHint')}
          date={{ name: 'approvedOn', label: t('plans.year.approvedOn'), id: 'plan-approved-on' }}
          reference={{
            name: 'approvalRef',
            label: t('plans.year.approvalRef'),
            placeholder: t('plans.year.approvalRefPlaceholder'),
            required: true,
          }}
          testId="plan-approve-dialog"
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            show(await api.plans.approve({ year, version: plan.version!, approvedOn: v.day, approvalRef: v.ref }));
            message.success(t('plans.year.approvedMsg'));
          }}
        />
      )}
      {dialog === 'file' && (
        <DayAndRefDialog
          title={t('plans.year.fileTitle')}
          date={{ name: 'filedOn', label: t('plans.year.filedOn'), id: 'plan-filed-on' }}
          reference={{
            name: 'filingRef',
            label: t('plans.year.filingRef'),
            placeholder: t('plans.year.filingRefPlaceholder'),
            required: false,
          }}
          testId="plan-file-dialog"
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            show(await api.plans.file({ year, version: plan.version!, filedOn: v.day, filingRef: v.ref }));
            message.success(t('plans.year.filedMsg'));
          }}
        />
      )}
    </Space>
  );
}

/** What keeps the plan from approval, each in words; the missing calendar with the way to it. */
function Blockers({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('plans.year.blockersTitle')}
      data-testid="plan-blockers"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {plan.blockers.map((b) => (
            <li key={b.key} data-testid="plan-blocker">
              {tKey(b.key, b.params)}
              {b.key === 'plans.blockers.calendarMissing' && (
                <>
                  {' '}
                  <Link to="/settings/calendar">{t('plans.year.openCalendar')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** An approved plan: who entered the approval, on what, its frozen content's SHA-256, and the filing. */
function ApprovalCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const late = filingOverdue(plan, today());
  const sha = plan.snapshotSha256 ?? '';
  return (
    <Card size="small" title={t('plans.year.approvalTitle')} data-testid="plan-approval">
      <Descriptions
        size="small"
        column={3}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'on', label: t('plans.year.approvedOn'), children: formatDate(plan.approvedOn) },
          {
            key: 'ref',
            label: t('plans.year.approvalRef'),
            children: <span data-record>{plan.approvalRef}</span>,
          },
          { key: 'by', label: t('plans.year.enteredBy'), children: <span data-record>{plan.approvedBy}</span> },
          {
            key: 'sha',
            label: t('plans.year.sha'),
            span: 2,
            children: (
              <Space size={8} wrap>
                <Typography.Text className="mono" copyable={{ text: sha }} data-testid="plan-sha">
                  {sha.slice(0, 16)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('plans.year.shaHint')}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'rules', label: t('plans.year.rulesVersion'), children: plan.rulesVersion },
          {
            key: 'filing',
            label: t('plans.year.filing'),
            span: 2,
            children:
              plan.status === 'filed' ? (
                <span data-testid="plan-filed">
                  <Tag color="green">{t('plans.year.status.filed')}</Tag>
                  {t('plans.year.filedLine', { on: formatDate(plan.filedOn) })}
                  {plan.filingRef && (
                    <>
                      {' · '}
                      <span data-record>{plan.filingRef}</span>
                    </>
                  )}
                  {plan.filedBy && t('plans.year.filedBy', { by: plan.filedBy })}
                </span>
              ) : (
                <span data-testid="plan-filed">
                  <Tag color={late ? 'orange' : 'default'}>{t('plans.year.notFiled')}</Tag>
                  {late && <Tag color="orange">{t('plans.year.overdue')}</Tag>}
                </span>
              ),
          },
          {
            key: 'due',
            label: t('plans.year.filingDue'),
            children: (
              <Typography.Text type={late ? 'warning' : undefined} strong={late} data-testid="plan-filing-due">
                {formatDate(plan.filingDue)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

interface CapacityRow {
  key: string;
  label: ReactNode;
  days: ReactNode;
  share?: ReactNode;
  kind: 'plain' | 'item' | 'sum';
}

const num = (n: number) => <span className="plan-figure">{n}</span>;

/** 监督检查工作日测算 line by line, the day counts editable while drafted; the sums and shares are the core's. */
function CapacityTable({
  plan,
  inputs,
  editable,
  onChange,
}: {
  plan: Plan;
  inputs: PlanInputs;
  editable: boolean;
  onChange(inputs: PlanInputs): void;
}) {
  const { t } = useTranslation();
  const c = plan.capacity;
  const dayInput = (
    value: number | undefined,
    set: (v: number | undefined) => void,
    testId: string,
    label: string,
    max = 100_000,
  ): ReactNode =>
    editable ? (
      <InputNumber
        size="small"
        aria-label={label}
        min={0}
        max={max}
        precision={0}
        value={value}
        placeholder="0"
        onChange={(v) => set(typeof v === 'number' ? v : undefined)}
        style={{ width: 110 }}
        data-testid={testId}
      />
    ) : (
      num(value ?? 0)
    );
  const formula = (text: string) => (
    <div className="field-hint" style={{ fontWeight: 'normal' }}>
      {text}
    </div>
  );

  /** A group of day counts (其他执法 or 非执法): its subtotal and share, then one line a kind, each typed in. */
  const dayGroup = <K extends string>(
    group: 'other' | 'non',
    kinds: K[],
    list: 'otherEnforcementDays' | 'nonEnforcementDays',
    field: 'otherEnforcement' | 'nonEnforcement',
    note?: ReactNode,
  ): CapacityRow[] => [
    {
      key: group,
      kind: 'sum',
      label: (
        <>
          {t('plans.year.withSubtotal', { label: t(`plans.year.${group}`) })}
          {note}
        </>
      ),
      days: <span data-testid={`plan-${group}-total`}>{num(c[group])}</span>,
      share: <span data-testid={`plan-${group}-share`}>{c.shares[group]}%</span>,
    },
    ...kinds.map((k): CapacityRow => ({
      key: `${group}.${k}`,
      kind: 'item',
      label: vocabLabel(t, list, k),
      days: dayInput(
        (inputs[field] as Partial<Record<K, number>>)[k],
        (v) => onChange({ ...inputs, [field]: { ...inputs[field], [k]: v } }),
        `plan-${group}-${k}`,
        vocabLabel(t, list, k),
      ),
    })),
  ];

  const rows: CapacityRow[] = [
    {
      key: 'statutory',
      kind: 'plain',
      label: (
        <Space size={6}>
          {t('plans.year.statutory')}
          {plan.calendarMissing && <Tag color="orange">{t('plans.year.estimated')}</Tag>}
        </Space>
      ),
      days: <span data-testid="plan-statutory">{t('plans.year.statutoryDays', { n: plan.statutoryWorkdays })}</span>,
    },
    {
      key: 'officers',
      kind: 'plain',
      label: (
        <>
          {t('plans.year.officers')}
          {formula(t('plans.year.officersOnDuty', { n: plan.officersOnDuty }))}
        </>
      ),
      days: editable ? (
        <InputNumber
          size="small"
          min={1}
          max={1000}
          precision={0}
          value={inputs.officers}
          onChange={(v) => typeof v === 'number' && onChange({ ...inputs, officers: v })}
          suffix={t('plans.year.persons')}
          aria-label={t('plans.year.officers')}
          style={{ width: 110 }}
          data-testid="plan-officers"
        />
      ) : (
        <>
          {num(inputs.officers)} {t('plans.year.persons')}
        </>
      ),
    },
    {
      key: 'total',
      kind: 'sum',
      label: (
        <>
          {t('plans.year.total')}
          {/* The figures of the last save, as the total was worked out on them. */}
          {formula(t('plans.year.totalFormula', { days: plan.statutoryWorkdays, officers: plan.inputs.officers }))}
        </>
      ),
      days: <span data-testid="plan-total">{num(c.total)}</span>,
      share: '100%',
    },
    ...dayGroup('other', OTHER, 'otherEnforcementDays', 'otherEnforcement'),
    ...dayGroup(
      'non',
      NON,
      'nonEnforcementDays',
      'nonEnforcement',
      // What the roster records away this year, by kind: the figures here should at least hold them.
      Object.keys(plan.recordedAway).length > 0 &&
        formula(
          t('plans.year.recordedAway', {
            list: Object.entries(plan.recordedAway)
              .map(([k, n]) => t('plans.year.recordedAwayItem', { kind: vocabLabel(t, 'absences', k), n }))
              .join(t('plans.year.listSeparator')),
          }),
        ),
    ),
    {
      key: 'inspection',
      kind: 'sum',
      label: (
        <>
          {t('plans.year.inspection')}
          {formula(t('plans.year.inspectionFormula'))}
        </>
      ),
      days: (
        <Typography.Text type={c.inspection < 0 ? 'danger' : undefined} strong data-testid="plan-inspection">
          {c.inspection}
        </Typography.Text>
      ),
      share: <span data-testid="plan-inspection-share">{c.shares.inspection}%</span>,
    },
  ];
  return (
    <Card size="small" title={t('plans.year.title', { year: plan.year })} data-testid="plan-capacity">
      <Table<CapacityRow>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => `plan-row-${r.kind}`}
        columns={[
          {
            title: t('plans.year.col.item'),
            dataIndex: 'label',
            render: (v: ReactNode, r) => <div style={{ paddingInlineStart: r.kind === 'item' ? 20 : 0 }}>{v}</div>,
          },
          { title: t('plans.year.col.days'), dataIndex: 'days', align: 'right', width: 140 },
          { title: t('plans.year.col.share'), dataIndex: 'share', align: 'right', width: 130 },
        ]}
      />
    </Card>
  );
}

/** What the visits need (重点 visits and the 双随机 quotas, each × person-days a visit) against the days usable. */
function DemandCard({
  plan,
  inputs,
  editable,
  onChange,
}: {
  plan: Plan;
  inputs: PlanInputs;
  editable: boolean;
  onChange(inputs: PlanInputs): void;
}) {
  const { t } = useTranslation();
  const c = plan.capacity;
  const d = plan.demand;
  const perVisit = (track: 'key' | 'random') =>
    editable ? (
      <InputNumber
        size="small"
        min={1}
        max={30}
        // Halves may be typed (2.5); the arrows go by whole days, and a whole number shows without a decimal.
        step={1}
        value={inputs.perVisit[track]}
        // Whole days or halves, as the core takes them: 2.3 becomes 2.5 as it is typed, never refused after saving.
        onChange={(v) =>
          typeof v === 'number' &&
          onChange({ ...inputs, perVisit: { ...inputs.perVisit, [track]: Math.round(v * 2) / 2 } })
        }
        aria-label={t('plans.year.perVisit')}
        style={{ width: 72 }}
        data-testid={`plan-per-visit-${track}`}
      />
    ) : (
      num(inputs.perVisit[track])
    );
  const marginPercent = Math.round(inputs.margin * 1000) / 10;
  const rows: { key: string; label: ReactNode; factor?: ReactNode; days: ReactNode; sum?: boolean }[] = [
    {
      key: 'key',
      label: (
        <>
          {t('plans.year.key')}
          <div className="field-hint">
            {t('plans.year.keyLine', { enterprises: d.keyEnterprises, visits: d.keyVisits })}
          </div>
        </>
      ),
      factor: perVisit('key'),
      days: <span data-testid="plan-need-key">{num(c.need.key)}</span>,
    },
    {
      key: 'random',
      label: (
        <>
          {t('plans.year.random')}
          <div className="field-hint">
            {t('plans.year.randomLine', { enterprises: d.randomEnterprises, visits: d.randomVisits })}
          </div>
          {plan.strata.map((s) => (
            <div key={s.id} className="field-hint" data-testid="plan-stratum">
              {t('plans.year.stratumQuota', {
                name: stratumLabel(s.id, s.name),
                enterprises: s.enterprises,
                ratio: percent(s.ratio),
                quota: s.quota,
              })}
            </div>
          ))}
        </>
      ),
      factor: perVisit('random'),
      days: <span data-testid="plan-need-random">{num(c.need.random)}</span>,
    },
    {
      key: 'need',
      sum: true,
      label: t('plans.year.needTotal'),
      days: <span data-testid="plan-need-total">{num(c.need.total)}</span>,
    },
    { key: 'inspection', label: t('plans.year.inspection'), days: num(c.inspection) },
    {
      key: 'margin',
      label: t('plans.year.margin'),
      factor: editable ? (
        <InputNumber
          size="small"
          min={0}
          max={50}
          step={1}
          value={marginPercent}
          onChange={(v) => typeof v === 'number' && onChange({ ...inputs, margin: Math.round(v * 10) / 1000 })}
          suffix="%"
          aria-label={t('plans.year.margin')}
          style={{ width: 72 }}
          data-testid="plan-margin"
        />
      ) : (
        `${marginPercent}%`
      ),
      days: '',
    },
    {
      key: 'usable',
      sum: true,
      label: (
        <>
          {t('plans.year.usable')}
          <div className="field-hint" style={{ fontWeight: 'normal' }}>
            {t('plans.year.usableHint')}
          </div>
        </>
      ),
      days: <span data-testid="plan-usable">{num(c.usable)}</span>,
    },
  ];
  return (
    <Card size="small" title={t('plans.year.demandTitle')} data-testid="plan-demand">
      <Table
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.sum ? 'plan-row-sum' : '')}
        columns={[
          { title: t('plans.year.col.item'), dataIndex: 'label' },
          { title: t('plans.year.perVisit'), dataIndex: 'factor', align: 'right', width: 100 },
          { title: t('plans.year.col.days'), dataIndex: 'days', align: 'right', width: 120 },
        ]}
      />
      <div
        className={`plan-verdict ${c.feasible ? 'plan-verdict-ok' : 'plan-verdict-short'}`}
        data-testid="plan-verdict"
      >
        {c.feasible ? <CheckCircleFilled /> : <CloseCircleFilled />}
        <span className="plan-verdict-word">
          {c.feasible ? t('plans.year.feasible') : t('plans.year.short', { n: c.shortBy })}
        </span>
        <span className="plan-verdict-line">
          {t('plans.year.feasibleLine', { need: c.need.total, usable: c.usable })}
        </span>
      </div>
    </Card>
  );
}

/** 录入批准 and 登记备案: a day (not after today) and a reference; the core's refusal shown under its field. */
function DayAndRefDialog({
  title,
  hint,
  date,
  reference,
  testId,
  onClose,
  onSubmit,
}: {
  title: string;
  hint?: string;
  date: { name: string; label: string; id: string };
  reference: { name: string; label: string; placeholder: string; required: boolean };
  testId: string;
  onClose(): void;
  onSubmit(v: { day: string; ref: string }): Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial = useMemo(() => ({ [date.name]: today(), [reference.name]: '' }), [date.name, reference.name]);
  const ok = async () => {
    // An invalid field says so under itself.
    const v = (await form.validateFields().catch(() => null)) as Record<string, string> | null;
    if (!v) return;
    setBusy(true);
    try {
      await onSubmit({ day: v[date.name], ref: (v[reference.name] ?? '').trim() });
      onClose();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void ok()}
      confirmLoading={busy}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as ButtonProps}
      destroyOnHidden
      data-testid={testId}
    >
      {hint && <Alert type="warning" showIcon title={hint} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name={date.name} label={date.label} rules={[{ required: true, message: t('validation.required') }]}>
          <DateField id={date.id} past />
        </Form.Item>
        <Form.Item
          name={reference.name}
          label={reference.label}
          rules={reference.required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}
        >
          <Input maxLength={100} placeholder={reference.placeholder} data-testid={`${testId}-ref`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
