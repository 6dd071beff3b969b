import { Button, Card, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, ReportView } from '../../../../shared/api/channels/reports.ts';
import { BREAKDOWNS, type Breakdown } from '../../../../shared/domain/indicators/breakdown.ts';
import type { IndicatorValue } from '../../../../shared/domain/indicators/values.ts';
import type { DrillTarget } from './DrillDrawer.tsx';
import { useFigureText } from './figure-text.ts';
import { rowName } from './report-format.ts';

const PAGE_SIZE = 15;
const groupName = (n: { text: string; data: boolean }) => ({ name: n.text, data: n.data });

/**
 * The figures that split by enterprise or officer, by sector (sub-sectors under their sector), township and officer;
 * each number opens the records of that row.
 */
export function BreakdownTabs({ view, onOpen }: { view: ReportView; onOpen(target: DrillTarget): void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Breakdown>('sector');
  return (
    <Card size="small" title={t('reports.breakdown.title')} data-testid="reports-breakdown">
      <Tabs
        activeKey={by}
        onChange={(k) => setBy(k as Breakdown)}
        items={BREAKDOWNS.map((b) => ({
          key: b,
          label: t(`reports.breakdown.tabs.${b}`),
          children: <BreakdownTable by={b} view={view} onOpen={onOpen} />,
        }))}
      />
    </Card>
  );
}

function BreakdownTable({ by, view, onOpen }: { by: Breakdown; view: ReportView; onOpen(target: DrillTarget): void }) {
  const { t, i18n } = useTranslation();
  const text = useFigureText();
  const { ids, rows } = view.breakdowns[by];
  const kindOf = (id: string): IndicatorValue['kind'] => view.figures.find((f) => f.id === id)?.kind ?? 'count';
  const nameOf = (r: BreakdownRow) => {
    const n = rowName(by, r, i18n.language);
    return 'key' in n ? { text: t(`reports.breakdown.${n.key}`), data: false } : n;
  };
  const columns: TableColumnsType<BreakdownRow> = [
    {
      title: t(`reports.breakdown.col.${by}`),
      width: 170,
      render: (_, r) => {
        const n = nameOf(r);
        return (
          <span
            style={r.parent ? { paddingInlineStart: 20, color: 'rgba(0, 0, 0, 0.65)' } : { fontWeight: 500 }}
            data-record={n.data || undefined}
            data-testid="breakdown-row-name"
          >
            {r.parent ? `└ ${n.text}` : n.text}
          </span>
        );
      },
    },
    ...ids.map((id): TableColumnsType<BreakdownRow>[number] => ({
      title: text.name(id),
      align: 'right',
      render: (_, r) => {
        const v = r.values[id] ?? null;
        if (v === null) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Button
            type="link"
            size="small"
            onClick={() => onOpen({ id, group: { by, key: r.key, ...groupName(nameOf(r)) } })}
            style={{ padding: 0, height: 'auto' }}
            data-testid={`breakdown-cell-${id}`}
          >
            {text.value(kindOf(id), v)}
          </Button>
        );
      },
    })),
  ];
  return (
    <>
      <Table<BreakdownRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        data-testid={`breakdown-${by}`}
        locale={{ emptyText: t(`reports.breakdown.empty.${by}`) }}
        pagination={{
          pageSize: PAGE_SIZE,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        summary={() =>
          rows.length > 0 && (
            // The county's own figure: by officer the rows overlap (two officers to an inspection) and add up to more.
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('reports.breakdown.total')}</Typography.Text>
              </Table.Summary.Cell>
              {ids.map((id, i) => {
                const f = view.figures.find((x) => x.id === id);
                return (
                  <Table.Summary.Cell index={i + 1} key={id} align="right">
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                      {f ? text.value(f.kind, f.value) : '—'}
                    </Typography.Text>
                  </Table.Summary.Cell>
                );
              })}
            </Table.Summary.Row>
          )
        }
      />
      {by === 'officer' && rows.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reports.breakdown.officerNote')}
        </Typography.Text>
      )}
    </>
  );
}
