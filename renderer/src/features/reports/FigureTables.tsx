import { InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/channels/reports.ts';
import { FIGURE_GROUPS, type FigureGroup, type ReportFigure } from '../../../../shared/domain/indicators/report.ts';
import type { TargetStatus } from '../../../../shared/domain/indicators/targets.ts';
import { tKey } from '../../i18n.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { useFigureText } from './figure-text.ts';
import { compareState, rangeText } from './report-format.ts';

export const STATUS_COLORS: Record<TargetStatus, string> = {
  met: 'green',
  missed: 'red',
  pending: 'orange',
  none: 'default',
};

/** A row of the table: a group's heading, or a figure. */
type Row = { heading: FigureGroup } | ReportFigure;
const isHeading = (r: Row): r is { heading: FigureGroup } => 'heading' in r;
type Which = 'lastYear' | 'previous';

/**
 * The period's figures as a statistics table is laid out — 本期, 去年同期 and 同比, 上期 and 环比, the target — grouped
 * under their headings. A figure's name (or its row) opens its records; its ⓘ says its 口径.
 */
export function FigureTables({ view, onOpen }: { view: ReportView; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  const rows: Row[] = FIGURE_GROUPS.flatMap((g) => {
    const figures = g.figures.flatMap((id) => view.figures.filter((f) => f.id === id));
    return figures.length ? [{ heading: g.id }, ...figures] : [];
  });
  // A heading spans the whole row; its other cells are not drawn.
  const span = (first: boolean) => (r: Row) => (isHeading(r) ? { colSpan: first ? 7 : 0 } : {});
  const partial = (which: Which) =>
    view.recordedFrom && view.figures.some((f) => f[which].source === 'partial') ? (
      <Tooltip title={t('reports.compare.partial', { from: formatDate(view.recordedFrom) })}>
        <WarningOutlined
          style={{ color: '#d48806', marginInlineStart: 4 }}
          aria-label={t('reports.compare.partialTag')}
          data-testid={`reports-partial-${which}`}
        />
      </Tooltip>
    ) : null;
  const heading = (which: Which, label: string) => (
    <Tooltip title={rangeText(view[which], i18n.language)}>
      <span style={{ cursor: 'help' }}>
        {label}
        {partial(which)}
      </span>
    </Tooltip>
  );
  const columns: TableColumnsType<Row> = [
    {
      title: t('reports.figures.name'),
      onCell: span(true),
      render: (_, r) =>
        isHeading(r) ? (
          <Typography.Text strong data-testid={`reports-group-${r.heading}`}>
            {t(`reports.groups.${r.heading}`)}
          </Typography.Text>
        ) : (
          <Space size={6}>
            {/* A button, so the keyboard reaches it too; the row around it opens the same. */}
            <Button
              type="link"
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                onOpen(r.id);
              }}
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
              data-testid={`figure-${r.id}`}
            >
              {text.name(r.id)}
            </Button>
            <Tooltip title={text.definition(r.id)} styles={{ root: { maxWidth: 440 } }}>
              <InfoCircleOutlined
                style={{ color: 'rgba(0, 0, 0, 0.45)' }}
                aria-label={t('reports.figures.definition')}
                onClick={(e) => e.stopPropagation()}
                data-testid={`figure-definition-${r.id}`}
              />
            </Tooltip>
          </Space>
        ),
    },
    {
      title: t('reports.figures.value'),
      width: 190,
      align: 'right',
      onCell: span(false),
      render: (_, r) =>
        isHeading(r) ? null : r.unavailable ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`figure-value-${r.id}`}>
            {tKey(r.unavailable)}
          </Typography.Text>
        ) : (
          <Typography.Text strong data-testid={`figure-value-${r.id}`}>
            {text.value(r.kind, r.value)}
          </Typography.Text>
        ),
    },
    {
      title: heading('lastYear', t('reports.figures.lastYearValue')),
      width: 150,
      align: 'right',
      onCell: span(false),
      render: (_, r) => (isHeading(r) ? null : <Before figure={r} which="lastYear" view={view} />),
    },
    {
      title: t('reports.figures.lastYear'),
      width: 110,
      align: 'right',
      onCell: span(false),
      render: (_, r) => (isHeading(r) ? null : <Change figure={r} which="lastYear" view={view} />),
    },
    {
      title: heading('previous', t('reports.figures.previousValue')),
      width: 110,
      align: 'right',
      onCell: span(false),
      render: (_, r) => (isHeading(r) ? null : <Before figure={r} which="previous" view={view} />),
    },
    {
      title: t('reports.figures.previous'),
      width: 110,
      align: 'right',
      onCell: span(false),
      render: (_, r) => (isHeading(r) ? null : <Change figure={r} which="previous" view={view} />),
    },
    {
      title: t('reports.figures.target'),
      width: 230,
      onCell: span(false),
      render: (_, r) => (isHeading(r) ? null : <Target figure={r} />),
    },
  ];
  return (
    <Card
      size="small"
      title={t('reports.figures.title')}
      extra={<Typography.Text type="secondary">{t('reports.figures.hint')}</Typography.Text>}
      styles={{ body: { padding: 0 } }}
      data-testid="reports-figures"
    >
      <Table<Row>
        rowKey={(r) => (isHeading(r) ? `group:${r.heading}` : r.id)}
        size="small"
        pagination={false}
        dataSource={rows}
        columns={columns}
        rowClassName={(r) => (isHeading(r) ? 'reports-group-row' : 'reports-figure-row')}
        onRow={(r) => (isHeading(r) ? {} : { onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}

/** The figure compared with: last year's (from the records, or entered by hand) or the previous period's. */
function Before({ figure: f, which, view }: { figure: ReportFigure; which: Which; view: ReportView }) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  const cmp = f[which];
  const entered = which === 'lastYear' ? f.lastYear.entered : null;
  const params = {
    which: t(`reports.compare.which.${which}`),
    period: rangeText(view[which], i18n.language),
    value: text.value(f.kind, cmp.value),
  };
  const lines: string[] = [
    cmp.source === 'none'
      ? t('reports.compare.none', params)
      : cmp.value === null
        ? t('reports.compare.noFigure', params)
        : t('reports.compare.was', params),
  ];
  if (entered) {
    lines.push(t('reports.compare.enteredBy', { by: entered.enteredBy, at: formatDateTime(entered.enteredAt) }));
    if (entered.note) lines.push(t('reports.compare.enteredNote', { note: entered.note }));
  }
  if (cmp.source === 'partial' && view.recordedFrom)
    lines.push(t('reports.compare.partial', { from: formatDate(view.recordedFrom) }));
  return (
    <Tooltip title={<Lines lines={lines} />}>
      <span style={{ cursor: 'help', whiteSpace: 'nowrap' }} data-testid={`figure-${which}-value-${f.id}`}>
        {entered && (
          <Tag color="blue" style={{ marginInlineEnd: 6 }} data-testid="figure-entered">
            {t('reports.compare.entered')}
          </Tag>
        )}
        {cmp.source === 'none' || cmp.value === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          text.value(f.kind, cmp.value)
        )}
      </span>
    </Tooltip>
  );
}

/** 同比 or 环比: ▲/▼ and how much, '—' with the reason on hover when there is nothing to compare with. */
function Change({ figure: f, which, view }: { figure: ReportFigure; which: Which; view: ReportView }) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  const cmp = f[which];
  const state = compareState(f.kind, f.value, cmp);
  const params = {
    which: t(`reports.compare.which.${which}`),
    period: rangeText(view[which], i18n.language),
    value: text.value(f.kind, cmp.value),
  };
  let tip: string | null = null;
  if (state.state === 'none') tip = t('reports.compare.none', params);
  else if (state.state === 'noChange')
    tip = state.before === null ? t('reports.compare.noFigure', params) : t('reports.compare.noRate', params);
  // Neither arrow is good or bad in itself (more inspections, fewer hazards): the target column judges.
  const shown =
    state.state === 'change' ? text.change(f.kind, cmp.change) : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={tip}>
      <span style={{ cursor: tip ? 'help' : undefined, whiteSpace: 'nowrap' }} data-testid={`figure-${which}-${f.id}`}>
        {shown}
      </span>
    </Tooltip>
  );
}

function Lines({ lines }: { lines: ReactNode[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </>
  );
}

/** The figure's target and whether it is met, missed or still open; its basis and the figure held to it on hover. */
function Target({ figure: f }: { figure: ReportFigure }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const check = f.target;
  if (!check) return <Typography.Text type="secondary">—</Typography.Text>;
  const { target, status, actual } = check;
  const yoy = target.kind === 'yoy';
  const lines: string[] = [];
  if (status === 'none') lines.push(t(yoy ? 'reports.target.noneYoy' : 'reports.target.noneValue'));
  else if (yoy) lines.push(t('reports.target.actualYoy', { value: text.change('count', actual) }));
  else
    lines.push(
      t(target.annual ? 'reports.target.actualYear' : 'reports.target.actual', { value: text.value(f.kind, actual) }),
    );
  if (status === 'pending' && target.due)
    lines.push(
      t('reports.target.pendingHint', {
        due: text.due({ month: Number(target.due.slice(0, 2)), day: Number(target.due.slice(3)) }),
      }),
    );
  lines.push(t('reports.target.basis', { basis: target.basis }));
  if (target.uncertain) lines.push(t('reports.target.uncertain'));
  return (
    <Tooltip title={<Lines lines={lines} />}>
      <Space size={6} style={{ cursor: 'help' }} data-testid={`figure-target-${f.id}`}>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>{text.target(target, f.kind)}</Typography.Text>
        <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={`figure-status-${f.id}`}>
          {t(`reports.target.status.${status}`)}
        </Tag>
      </Space>
    </Tooltip>
  );
}
