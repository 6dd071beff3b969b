import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIGURE_GROUPS } from '../../../../shared/domain/indicators/report.ts';
import type { ReportRules, ReportTarget } from '../../../../shared/entities/report-rules.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { useFigureText } from './figure-text.ts';
import { targetIssues } from './targets-form.ts';

interface Props {
  open: boolean;
  onClose(): void;
  /** After a save or a restore: the figures are judged again by the targets now in force. */
  onSaved(): void;
}

const FIGURES = FIGURE_GROUPS.flatMap((g) => [...g.figures]);

/**
 * 考核目标, as the unit's superiors set them this year: each figure's minimum or its growth on last year, over the
 * period or the year to a day. Kept in the unit's settings (reportRules), the bundled 示例 until an admin saves.
 */
export function TargetsEditor({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useFigureText();
  const [rules, setRules] = useState<{ rules: ReportRules; own: boolean } | null>(null);
  const [targets, setTargets] = useState<ReportTarget[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    void api.reports
      .rules({})
      .then((r) => {
        setRules(r);
        setTargets(r.rules.targets.map((x) => ({ ...x })));
      })
      .catch((e) => message.error(errorMessage(e)));
  }, [open, message]);
  const change = (i: number, patch: Partial<ReportTarget>) =>
    setTargets((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const problems = targetIssues(targets);

  const send = async (next: ReportRules | null) => {
    setBusy(true);
    try {
      await api.settings.update({ reportRules: next });
      message.success(t(next ? 'reports.targets.saved' : 'reports.targets.resetDone'));
      onSaved();
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={980}
      destroyOnHidden
      title={t('reports.targets.title')}
      data-testid="targets-editor"
      extra={
        <Space>
          {rules?.own && (
            <Popconfirm title={t('reports.targets.resetTitle')} onConfirm={() => send(null)}>
              <Button danger disabled={busy} data-testid="targets-reset">
                {t('reports.targets.reset')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!rules || problems.length > 0}
            data-testid="targets-save"
            // A unit's own targets carry their own version: the printed report says which it was judged by.
            onClick={() => rules && void send({ ...rules.rules, version: `本单位 ${today()}`, targets })}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(rules?.own ? 'reports.targets.hintOwn' : 'reports.targets.hintExample')}
      </Typography.Paragraph>
      {problems.map((p) => (
        <Typography.Paragraph type="danger" key={`${p.row}-${p.key}`} data-testid="targets-problem">
          {t(`reports.targets.problem.${p.key}`, { row: p.row + 1 })}
        </Typography.Paragraph>
      ))}
      <Table<ReportTarget & { row: number }>
        size="small"
        pagination={false}
        rowKey="row"
        dataSource={targets.map((x, row) => ({ ...x, row }))}
        columns={[
          {
            title: t('reports.targets.figure'),
            width: 220,
            render: (_, x) => (
              <Select
                value={x.indicator}
                style={{ width: 210 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={FIGURES.map((id) => ({ value: id, label: text.name(id) }))}
                onChange={(indicator) => change(x.row, { indicator })}
                data-testid={`target-figure-${x.row}`}
              />
            ),
          },
          {
            title: t('reports.targets.kind'),
            width: 150,
            render: (_, x) => (
              <Select
                value={x.kind}
                style={{ width: 140 }}
                options={(['min', 'yoy'] as const).map((k) => ({ value: k, label: t(`reports.targets.kinds.${k}`) }))}
                onChange={(kind) => change(x.row, { kind })}
              />
            ),
          },
          {
            title: t('reports.targets.value'),
            width: 170,
            render: (_, x) => (
              <Space.Compact>
                <Select
                  value={x.op}
                  style={{ width: 60 }}
                  options={[
                    { value: '>=', label: '≥' },
                    { value: '>', label: '>' },
                  ]}
                  onChange={(op) => change(x.row, { op })}
                />
                <InputNumber
                  value={x.value}
                  min={-100}
                  max={1_000_000_000}
                  style={{ width: 100 }}
                  onChange={(value) => change(x.row, { value: value ?? 0 })}
                  data-testid={`target-value-${x.row}`}
                />
              </Space.Compact>
            ),
          },
          {
            title: t('reports.targets.annual'),
            width: 200,
            render: (_, x) => (
              <Space>
                <Switch
                  checked={x.annual}
                  disabled={x.kind === 'yoy'}
                  onChange={(annual) => change(x.row, { annual, due: annual ? x.due : null })}
                />
                {x.annual && (
                  <Input
                    value={x.due ?? ''}
                    placeholder="12-31"
                    style={{ width: 80 }}
                    onChange={(e) => change(x.row, { due: e.target.value.trim() || null })}
                  />
                )}
              </Space>
            ),
          },
          {
            title: t('reports.targets.basis'),
            render: (_, x) => (
              <Input value={x.basis} maxLength={300} onChange={(e) => change(x.row, { basis: e.target.value })} />
            ),
          },
          {
            width: 48,
            render: (_, x) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('reports.targets.remove')}
                onClick={() => setTargets((list) => list.filter((_, j) => j !== x.row))}
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        disabled={targets.length >= 40}
        onClick={() =>
          setTargets((list) => [
            ...list,
            {
              indicator: 'inspections',
              kind: 'min',
              op: '>=',
              value: 0,
              annual: false,
              due: null,
              basis: '',
              uncertain: false,
            },
          ])
        }
        data-testid="target-add"
      >
        {t('reports.targets.add')}
      </Button>
    </Drawer>
  );
}
