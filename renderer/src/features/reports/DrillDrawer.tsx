import { Alert, Drawer, Space, Spin, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Breakdown } from '../../../../shared/domain/indicators/breakdown.ts';
import type { Period } from '../../../../shared/domain/indicators/periods.ts';
import type {
  AmountRecord,
  DrillRecord,
  ExcludedRecord,
  IndicatorValue,
  WeightedRecord,
} from '../../../../shared/domain/indicators/values.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';
import { LoadFailed } from '../plans/LoadFailed.tsx';
import { useFigureText } from './figure-text.ts';
import { rangeText, recordLink } from './report-format.ts';

/** What a drill-down shows: a figure of the period, or of one row of a breakdown (its name as shown there). */
export interface DrillTarget {
  id: string;
  /** `data`: the name is the record's (a township, an officer), not the app's words. */
  group?: { by: Breakdown; key: string; name: string; data: boolean };
}

type AnyRecord = DrillRecord & Partial<AmountRecord & WeightedRecord & ExcludedRecord>;
type ListKey = 'records' | 'short' | 'of' | 'excluded';
type ListLabel = 'records' | 'meets' | 'short' | 'numerator' | 'of' | 'excluded';
interface List {
  key: ListKey;
  label: ListLabel;
  rows: readonly AnyRecord[];
}
const PAGE_SIZE = 10;
/** A rate's part/whole heading, named for the figures whose records are not one thing each. */
const PART_HEADINGS = new Set(['officers-on-duty', 'plan-completion', 'typical-cases']);

/**
 * A figure's records, read afresh from the core: those it counts (with their amounts, or their part of the whole),
 * for a share those short of it, for a quotient the list it is divided by, and those of the period it leaves out with
 * why — each a link to its record where the desk has a page for it.
 */
export function DrillDrawer({
  target,
  period,
  onClose,
}: {
  target: DrillTarget | null;
  period: Period;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  const [value, setValue] = useState<IndicatorValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<ListKey>('records');
  const asked = useRef<DrillTarget | null>(null);

  const load = useCallback(() => {
    asked.current = target;
    setValue(null);
    setError(null);
    if (!target) return;
    api.reports
      .drill({
        from: period.from,
        to: period.to,
        indicator: target.id,
        ...(target.group ? { group: { by: target.group.by, key: target.group.key } } : {}),
      })
      // An answer for a figure closed or switched away from meanwhile is dropped.
      .then((v) => {
        if (asked.current !== target) return;
        setValue(v);
        setTab(firstList(v));
      })
      .catch((e) => asked.current === target && setError(errorMessage(e)));
  }, [target, period.from, period.to]);
  useEffect(load, [load]);

  const title = !target ? null : target.group ? (
    <Trans
      i18nKey="reports.drill.titleGroup"
      values={{ figure: text.name(target.id), group: target.group.name }}
      components={{ group: <span data-record={target.group.data || undefined} /> }}
    />
  ) : (
    text.name(target.id)
  );
  let body: ReactNode;
  if (error) body = <LoadFailed title={t('reports.drill.loadFailed')} error={error} onRetry={load} />;
  else if (!value)
    body = (
      <Spin description={t('reports.drill.loading')} data-testid="drill-loading">
        <div style={{ height: 200 }} />
      </Spin>
    );
  else {
    const lists = listsOf(value);
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="drill-definition">
          {text.definition(value.id)}
        </Typography.Paragraph>
        <Summary value={value} />
        {value.unavailable && (
          <Alert type="warning" showIcon title={tKey(value.unavailable)} data-testid="drill-unavailable" />
        )}
        {lists.length === 0 ? (
          <Typography.Text type="secondary" data-testid="drill-empty">
            {t('reports.drill.empty')}
          </Typography.Text>
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as ListKey)}
            items={lists.map((l) => ({
              key: l.key,
              label: t(`reports.drill.tabs.${l.label}`, { n: l.rows.length }),
              children: <RecordTable value={value} list={l.key} rows={l.rows} />,
            }))}
          />
        )}
      </Space>
    );
  }
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        <Space orientation="vertical" size={0}>
          <span data-testid="drill-title">{title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {rangeText(period, i18n.language)}
          </Typography.Text>
        </Space>
      }
      data-testid="drill-drawer"
    >
      {body}
    </Drawer>
  );
}

/** The lists a figure has, in order, with the tab's wording: a share's records are those meeting it. */
function listsOf(v: IndicatorValue): List[] {
  const out: List[] = [];
  const records = v.records as readonly AnyRecord[];
  if (v.kind === 'ratio') {
    // 录入率's counted records are not listed (only those short of it): no empty tab for them.
    if (records.length || v.numerator === 0) out.push({ key: 'records', label: 'meets', rows: records });
    out.push({ key: 'short', label: 'short', rows: v.short });
  } else if (v.kind === 'quotient') {
    out.push({ key: 'records', label: 'numerator', rows: records });
    out.push({ key: 'of', label: 'of', rows: v.of });
  } else out.push({ key: 'records', label: 'records', rows: records });
  if (v.excluded.length) out.push({ key: 'excluded', label: 'excluded', rows: v.excluded });
  // A figure with nothing in any list has nothing to list.
  return out.some((l) => l.rows.length) ? out : [];
}
const firstList = (v: IndicatorValue): ListKey => listsOf(v).find((l) => l.rows.length)?.key ?? 'records';

/** The figure and how it is made: a count, a sum and how many, a mean and its total, a share's two numbers. */
function Summary({ value: v }: { value: IndicatorValue }) {
  const { t } = useTranslation();
  const text = useFigureText();
  let line: string;
  switch (v.kind) {
    case 'count':
      line = t('reports.drill.summary.count', { n: v.value });
      break;
    case 'sum':
      line = t('reports.drill.summary.sum', { amount: text.value('sum', v.value), n: v.records.length });
      break;
    case 'mean':
      line = t('reports.drill.summary.mean', {
        amount: text.value('mean', v.value),
        total: text.value('sum', v.total),
        n: v.records.length,
      });
      break;
    default:
      line = t('reports.drill.summary.share', {
        n: v.numerator,
        d: v.denominator,
        percent: text.value(v.kind, v.percent),
      });
  }
  return (
    <Typography.Text strong style={{ fontSize: 16 }} data-testid="drill-summary">
      {line}
    </Typography.Text>
  );
}

function RecordTable({ value, list, rows }: { value: IndicatorValue; list: ListKey; rows: readonly AnyRecord[] }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const withAmount = list !== 'excluded' && (value.kind === 'sum' || value.kind === 'mean');
  const weighted = list === 'records' && value.kind === 'rate';
  const columns: TableColumnsType<AnyRecord> = [
    {
      title: t('reports.drill.col.record'),
      render: (_, r) => {
        const to = recordLink(r);
        return to ? (
          <Link to={to} data-record data-testid="drill-record">
            {r.label}
          </Link>
        ) : (
          <span data-record data-testid="drill-record">
            {r.label}
          </span>
        );
      },
    },
  ];
  // The kind of record only where a list mixes them (a plan's enterprises and the places not yet drawn).
  if (new Set(rows.map((r) => r.entity)).size > 1)
    columns.push({
      title: t('reports.drill.col.entity'),
      width: 110,
      render: (_, r) => <Tag style={{ marginInlineEnd: 0 }}>{t(`reports.drill.entities.${r.entity}`)}</Tag>,
    });
  if (withAmount)
    columns.push({
      title: t('reports.drill.col.amount'),
      width: 130,
      align: 'right',
      render: (_, r) => text.value('sum', r.amount ?? null),
    });
  if (weighted)
    columns.push({
      title: PART_HEADINGS.has(value.id)
        ? t(`reports.drill.col.part.${value.id as 'officers-on-duty' | 'plan-completion' | 'typical-cases'}`)
        : t('reports.drill.col.partOf'),
      width: 190,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{t('reports.drill.partWhole', { part: r.part ?? 0, whole: r.whole ?? 0 })}</span>
          {r.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tKey(r.note, r.params)}
            </Typography.Text>
          )}
        </Space>
      ),
    });
  if (list === 'excluded')
    columns.push({
      title: t('reports.drill.col.why'),
      width: 200,
      render: (_, r) => (r.why ? tKey(r.why) : ''),
    });
  return (
    <Table<AnyRecord>
      size="small"
      rowKey={(r) => `${r.entity}:${r.id}:${r.label}`}
      dataSource={rows as AnyRecord[]}
      columns={columns}
      data-testid={`drill-${list}`}
      locale={{ emptyText: t('reports.drill.none') }}
      pagination={{
        pageSize: PAGE_SIZE,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (n) => t('common.total', { count: n }),
      }}
    />
  );
}
