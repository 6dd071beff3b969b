import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Input,
  Radio,
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ClassifiedEnterprise, PlanClassification } from '../../../../shared/api/channels/plans.ts';
import type { PlanTrack } from '../../../../shared/domain/plans/classify.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { vocabLabel } from '../vocab.ts';
import { DrawsPanel } from './DrawsPanel.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { percent, reasonText, type RuleName, ruleNamer } from './reasons.ts';
import { RulesEditor } from './RulesEditor.tsx';
import { YearPlanPanel } from './YearPlanPanel.tsx';
import { LoadFailed } from './LoadFailed.tsx';

const TRACKS: PlanTrack[] = ['key', 'random', 'elsewhere', 'withdrawn'];
export const TRACK_COLORS: Record<PlanTrack, string> = {
  key: 'volcano',
  random: 'blue',
  elsewhere: 'default',
  withdrawn: 'default',
};
const PAGE_SIZE = 20;

/** 执法计划: the annual plan's steps as tabs — 分类分级, the year's plan, the 双随机 draws, and how far it is carried out. */
export function PlansPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const open = (k: string) => setParams(k === 'classification' ? {} : { tab: k }, { replace: true });
  const tabs = [
    { key: 'classification', label: t('plans.tabs.classification'), children: <ClassificationPanel /> },
    { key: 'year', label: t('plans.tabs.year'), children: <YearPlanPanel onOpenDraws={() => open('draws')} /> },
    { key: 'draws', label: t('plans.tabs.draws'), children: <DrawsPanel onOpenPlan={() => open('year')} /> },
    { key: 'progress', label: t('plans.tabs.progress'), children: <ProgressPanel /> },
  ];
  const asked = params.get('tab');
  const tab = tabs.some((x) => x.key === asked) ? asked! : 'classification';
  return (
    <div className="page" data-testid="plans-page">
      <div className="page-header">
        <h2>{t('nav.plans')}</h2>
      </div>
      {/* Each tab read afresh when opened: an approval on one shows on the next. */}
      <Tabs activeKey={tab} onChange={open} items={tabs} destroyOnHidden />
    </div>
  );
}

/**
 * 分类分级: every enterprise of the ledger on its track for the year (重点, 双随机, another level's), each with the
 * reasons the rules gave, and the counts the plan starts from. No enterprise's track is edited here: a wrong one is
 * fixed at its source, the enterprise's record; the rules themselves an admin edits from here (RulesEditor).
 */
function ClassificationPanel() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [data, setData] = useState<PlanClassification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [track, setTrack] = useState<PlanTrack | 'all'>('all');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const load = useCallback(() => {
    setError(null);
    setData(null);
    api.plans
      .classification({})
      .then(setData)
      .catch((e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const ruleName = useMemo(
    () => (data ? ruleNamer(data.rules, data.rulesOwn, i18n.language === 'en') : (_l: string, n: string) => n),
    [data, i18n.language],
  );
  const rows = useMemo(() => {
    if (!data) return [];
    const q = text.trim().toLowerCase();
    return data.rows.filter(
      (r) =>
        (track === 'all' || r.track === track) &&
        (!q || r.name.toLowerCase().includes(q) || r.uscc.toLowerCase().includes(q)),
    );
  }, [data, track, text]);

  if (error) return <LoadFailed title={t('plans.loadFailed')} error={error} onRetry={load} testId="plans-error" />;
  if (!data)
    return (
      <Spin size="large" description={t('plans.loading')} data-testid="plans-loading">
        <div style={{ height: 280 }} />
      </Spin>
    );

  const { summary } = data;
  const count = (k: PlanTrack) => data.rows.filter((r) => r.track === k).length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plans-classification">
      <div>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t('plans.classification.intro')}{' '}
          <Typography.Text type="secondary">{t('plans.classification.asOf', { today: data.today })}</Typography.Text>
        </Typography.Paragraph>
        <Alert type="info" showIcon title={t('plans.classification.next')} data-testid="plans-next" />
      </div>
      <RuleSet data={data} ruleName={ruleName} onEdit={can('settings.manage') ? () => setEditing(true) : undefined} />
      <RulesEditor
        open={editing}
        rules={data.rules}
        own={data.rulesOwn}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          load();
        }}
      />
      <Row gutter={16}>
        <Col span={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('plans.summary.key')} data-testid="plans-summary-key">
              <Figure>{t('plans.summary.enterprises', { n: summary.key })}</Figure>
              <Typography.Text type="secondary">
                {t('plans.summary.keyVisits', { n: summary.keyVisits })}
              </Typography.Text>
            </Card>
            <Card size="small" title={t('plans.summary.elsewhere')} data-testid="plans-summary-elsewhere">
              <Figure>{t('plans.summary.enterprises', { n: summary.elsewhere })}</Figure>
              <Space orientation="vertical" size={0}>
                <Typography.Text type="secondary">{t('plans.summary.elsewhereHint')}</Typography.Text>
                {summary.withdrawn > 0 && (
                  <Typography.Text type="secondary">
                    {t('plans.summary.withdrawn', { n: summary.withdrawn })}
                  </Typography.Text>
                )}
              </Space>
            </Card>
          </Space>
        </Col>
        <Col span={15}>
          <Card
            size="small"
            title={t('plans.summary.random')}
            style={{ height: '100%' }}
            data-testid="plans-summary-random"
          >
            <Space align="baseline" size={16}>
              <Figure>{t('plans.summary.enterprises', { n: summary.random })}</Figure>
              <Typography.Text type="secondary">
                {t('plans.summary.quotaTotal', { n: summary.strata.reduce((n, s) => n + s.quota, 0) })}
              </Typography.Text>
            </Space>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={summary.strata}
              data-testid="plans-strata"
              columns={[
                {
                  title: t('plans.strata.name'),
                  dataIndex: 'name',
                  render: (v: string) => <span data-record>{ruleName('strata', v)}</span>,
                },
                { title: t('plans.strata.enterprises'), dataIndex: 'enterprises', align: 'right', width: 100 },
                {
                  title: t('plans.strata.ratio'),
                  dataIndex: 'ratio',
                  align: 'right',
                  width: 100,
                  render: (v: number) => percent(v),
                },
                { title: t('plans.strata.quota'), dataIndex: 'quota', align: 'right', width: 100 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            value={track}
            data-testid="plans-track-filter"
            onChange={(e) => {
              setTrack(e.target.value as PlanTrack | 'all');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('plans.filter.all', { n: data.rows.length }) },
              ...TRACKS.map((k) => ({
                value: k,
                label: t('plans.filter.track', { track: t(`plans.tracks.${k}`), n: count(k) }),
              })),
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('plans.filter.search')}
            value={text}
            data-testid="plans-search"
            onChange={(e) => {
              setText(e.target.value);
              setPage(1);
            }}
          />
        </Space>
        <Table<ClassifiedEnterprise>
          rowKey="enterpriseId"
          size="small"
          dataSource={rows}
          data-testid="plans-table"
          locale={{ emptyText: data.rows.length ? t('plans.noMatch') : t('plans.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('plans.table.enterprise'),
              width: 230,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/enterprises/${r.enterpriseId}`} data-record>
                    {r.name}
                  </Link>
                  <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                    {r.uscc}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('enterprise.township'), dataIndex: 'township', width: 100 },
            {
              title: t('plans.table.track'),
              dataIndex: 'track',
              width: 110,
              render: (v: PlanTrack) => (
                <Tag color={TRACK_COLORS[v]} data-testid="plans-track">
                  {t(`plans.tracks.${v}`)}
                </Tag>
              ),
            },
            {
              title: t('plans.table.visits'),
              width: 150,
              render: (_, r) => <Visits row={r} ruleName={ruleName} />,
            },
            {
              title: t('plans.table.cap'),
              width: 110,
              render: (_, r) =>
                r.cap ? (
                  // Which cap rule matched, for checking the bundled example's figures.
                  <Tooltip title={ruleName('caps', r.cap.name)}>
                    <span style={{ borderBottom: '1px dashed rgba(0, 0, 0, 0.25)', cursor: 'help' }}>
                      {t('plans.table.perYear', { n: r.cap.cap })}
                    </span>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: t('plans.table.reasons'),
              render: (_, r) => <Reasons row={r} ruleName={ruleName} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function Figure({ children }: { children: ReactNode }) {
  return <div style={{ fontSize: 24, fontWeight: 600, lineHeight: '36px' }}>{children}</div>;
}

/** A year's visits: a number on the 重点 list; the stratum and its share when sampled. */
function Visits({ row, ruleName }: { row: ClassifiedEnterprise; ruleName: RuleName }) {
  const { t } = useTranslation();
  if (row.track === 'key') return <>{t('plans.table.times', { n: row.visits })}</>;
  if (row.track === 'random' && row.stratum)
    return (
      <Space orientation="vertical" size={0}>
        {t('plans.table.sampled')}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plans-stratum">
          {t('plans.table.stratum', {
            stratum: ruleName('strata', row.stratum.name),
            ratio: percent(row.stratum.ratio),
          })}
        </Typography.Text>
      </Space>
    );
  return <>—</>;
}

/** The reasons the row's other columns do not already say (its stratum and cap), one sentence a line. */
function Reasons({ row, ruleName }: { row: ClassifiedEnterprise; ruleName: RuleName }) {
  const { t } = useTranslation();
  const shown = row.reasons.filter((r) => r.code !== 'stratum' && r.code !== 'cap');
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="plans-reasons">
      {shown.map((r, i) => (
        <li key={i}>{reasonText(t, r, ruleName)}</li>
      ))}
    </ul>
  );
}

/**
 * Which rules sorted the ledger: the bundled 示例 (to be checked by the unit) or its own, with what they say; an admin
 * (onEdit given) opens them to edit, anyone else is told who can.
 */
function RuleSet({ data, ruleName, onEdit }: { data: PlanClassification; ruleName: RuleName; onEdit?: () => void }) {
  const { t } = useTranslation();
  const { rules } = data;
  const sep = t('common.listSeparator');
  const extra = [
    rules.extraVisit.accidentWithinYears > 0 &&
      t('plans.ruleSet.extraAccident', { years: rules.extraVisit.accidentWithinYears }),
    rules.extraVisit.majorHazardWithinYears > 0 &&
      t('plans.ruleSet.extraHazard', { years: rules.extraVisit.majorHazardWithinYears }),
    rules.extraVisit.creditStatuses.length > 0 &&
      t('plans.ruleSet.extraCredit', {
        statuses: rules.extraVisit.creditStatuses.map((s) => vocabLabel(t, 'credit', s)).join(sep),
      }),
  ].filter(Boolean);
  const relief = [
    rules.relief.standardizationGrades.length > 0 &&
      t('plans.ruleSet.reliefGrades', {
        grades: rules.relief.standardizationGrades.map((g) => vocabLabel(t, 'grades', g)).join(sep),
      }),
    rules.relief.accidentFreeYears > 0 && t('plans.ruleSet.reliefYears', { years: rules.relief.accidentFreeYears }),
  ].filter(Boolean);
  return (
    <Collapse
      size="small"
      data-testid="plans-rules"
      items={[
        {
          key: 'rules',
          extra: onEdit ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              // The header opens and closes the details: the button only opens the editor.
              onClick={(e) => {
                e.stopPropagation();
                onEdit();
              }}
              data-testid="plans-rules-edit"
            >
              {t('plans.rulesEditor.open')}
            </Button>
          ) : (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="plans-rules-admin-only">
              {t('plans.rulesEditor.adminOnly')}
            </Typography.Text>
          ),
          label: (
            <span>
              <Tag color={data.rulesOwn ? 'green' : 'orange'} data-testid="plans-rules-kind">
                {data.rulesOwn ? t('plans.ruleSet.ownTag') : t('plans.ruleSet.exampleTag')}
              </Tag>
              {data.rulesOwn
                ? t('plans.ruleSet.own', { version: rules.version })
                : t('plans.ruleSet.example', { version: rules.version })}{' '}
              <Typography.Link>{t('plans.ruleSet.details')}</Typography.Link>
            </span>
          ),
          children: (
            <Descriptions size="small" column={1} bordered styles={{ label: { width: 210 } }}>
              <Descriptions.Item label={t('plans.ruleSet.keyScope')}>
                {rules.key.map((r) => ruleName('key', r.name)).join(sep)}
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.ruleSet.extraVisit')}>
                {extra.join(t('plans.ruleSet.or')) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.ruleSet.relief')}>
                {relief.join(t('plans.ruleSet.or')) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.ruleSet.caps')}>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {rules.caps.map((c) => (
                    <li key={c.id}>{t('plans.ruleSet.cap', { rule: ruleName('caps', c.name), cap: c.cap })}</li>
                  ))}
                </ul>
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.rulesEditor.capExempt')}>
                {rules.capExempt.map((k) => vocabLabel(t, 'inspectionKinds', k)).join(sep) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.ruleSet.note')}>
                <span data-record lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                  {rules.note}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.ruleSet.source')}>
                <span data-record lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                  {rules.source}
                </span>
              </Descriptions.Item>
            </Descriptions>
          ),
        },
      ]}
    />
  );
}
