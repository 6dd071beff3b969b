import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, InputNumber, Select, Space, Table, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarImportOutcome, CalendarInfo } from '../../../../shared/api/contract.ts';
import { movedDays } from '../../../../shared/domain/calendar-diff.ts';
import { addWorkdays, buildCalendar } from '../../../../shared/domain/workdays.ts';
import { periodEnd } from '../../../../shared/domain/periods.ts';
import type { StatutoryPeriod } from '../../../../shared/entities/period.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { CalendarChangeDialog, type PendingCalendarImport } from './CalendarChangeDialog.tsx';

export function CalendarTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, refreshInfo } = useSession();
  const [info, setInfo] = useState<CalendarInfo | null>(null);
  const [start, setStart] = useState<Dayjs | null>(null);
  const [days, setDays] = useState<number>(5);
  const [periods, setPeriods] = useState<StatutoryPeriod[]>([]);
  const [periodId, setPeriodId] = useState<string>();
  useEffect(() => {
    void api.knowledge
      .periods()
      .then(setPeriods)
      .catch(() => undefined);
  }, []);
  const load = useCallback(async () => {
    try {
      setInfo(await api.calendar.get());
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);
  const calendar = useMemo(() => (info ? buildCalendar(info.data) : null), [info]);
  // The same pure rule the core uses for statutory deadlines, so what the admin checks here is what cases get.
  const result = calendar && start ? addWorkdays(calendar, start.format('YYYY-MM-DD'), days) : null;
  const period = periods.find((x) => x.id === periodId);
  const statutory = calendar && start && period ? periodEnd(calendar, period, start.format('YYYY-MM-DD')) : null;

  const [pending, setPending] = useState<PendingCalendarImport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const applied = (r: CalendarImportOutcome) => {
    const moved = r.changes.reduce((n, c) => n + movedDays(c), 0);
    const covered = info?.years.some((y) => y.year === r.year);
    message.success(
      moved > 0
        ? t('calendar.change.applied', { year: r.year, count: moved })
        : t(covered ? 'calendar.change.same' : 'calendar.imported', { year: r.year }),
    );
    void load();
    void refreshInfo();
  };
  const importFile = async (file: File) => {
    try {
      const text = await file.text();
      const r = await api.calendar.import({ fileName: file.name, text });
      // A covered year whose days would move waits for the admin to look at them: nothing is written yet.
      if (r.applied) applied(r);
      else setPending({ fileName: file.name, text, outcome: r });
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };
  const confirmImport = async () => {
    if (!pending) return;
    setConfirming(true);
    try {
      const r = await api.calendar.import({
        fileName: pending.fileName,
        text: pending.text,
        confirm: true,
        basis: pending.outcome.basis,
      });
      if (r.applied) {
        applied(r);
        setPending(null);
      } else {
        // The year changed since the dialog opened: the days that would move now are shown instead, for another look.
        setPending({ ...pending, outcome: r });
        message.warning(t('calendar.change.stale', { year: r.year }));
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setConfirming(false);
    }
  };
  const cancelImport = () => {
    setPending(null);
    message.info(t('calendar.change.cancelled'));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      {info && info.uncoveredCurrentOrNext.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('calendar.missing', { years: info.uncoveredCurrentOrNext.join('、') })}
        />
      )}
      {can('calendar.manage') && (
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => importFile(f)}>
          <Button icon={<UploadOutlined />}>{t('calendar.import')}</Button>
        </Upload>
      )}
      <CalendarChangeDialog
        pending={pending}
        busy={confirming}
        onConfirm={() => void confirmImport()}
        onCancel={cancelImport}
      />
      <Card size="small" title={t('calendar.calculator')} style={{ maxWidth: 640 }}>
        <Space wrap>
          <span>{t('calendar.startDate')}</span>
          <DatePicker value={start} onChange={setStart} />
          <span>{t('calendar.days')}</span>
          <InputNumber min={0} max={400} value={days} onChange={(v) => setDays(v ?? 0)} />
        </Space>
        {result && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>{t('calendar.result', { n: days, date: result.date })}</Typography.Text>
            {result.uncertain && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                message={t('calendar.uncertain', { years: result.uncoveredYears.join('、') })}
              />
            )}
          </div>
        )}
        <Space wrap style={{ marginTop: 16 }}>
          <span>{t('calendar.statutory')}</span>
          <Select
            style={{ width: 360 }}
            allowClear
            value={periodId}
            onChange={setPeriodId}
            data-testid="period-select"
            options={periods.map((x) => ({
              value: x.id,
              label: `${x.name}（${x.length}${t(`calendar.units.${x.unit}`)}${x.uncertain ? `，${t('hazard.toVerify')}` : ''}）`,
            }))}
          />
        </Space>
        {statutory && period && (
          <div style={{ marginTop: 8 }} data-testid="period-result">
            <Typography.Text strong>
              {t(period.direction === 'before' ? 'calendar.periodBefore' : 'calendar.periodAfter', {
                from: period.from,
                date: statutory.date,
              })}
            </Typography.Text>
            <div className="field-hint">
              {period.basis}
              {period.note ? `。${period.note}` : ''}
            </div>
            {statutory.uncertain && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                message={t('calendar.uncertain', { years: statutory.uncoveredYears.join('、') })}
              />
            )}
          </div>
        )}
      </Card>
      <Table
        size="small"
        rowKey="year"
        pagination={{ pageSize: 10 }}
        dataSource={[...(info?.years ?? [])].reverse()}
        columns={[
          { title: t('calendar.year'), dataIndex: 'year' },
          { title: t('calendar.holidays'), dataIndex: 'holidays' },
          { title: t('calendar.makeUpWorkdays'), dataIndex: 'makeUpWorkdays' },
          { title: t('calendar.workdays'), dataIndex: 'workdays' },
          {
            title: t('calendar.source'),
            dataIndex: 'source',
            render: (v: string, y) =>
              y.importedBy ? `${v}（${t('calendar.importedBy', { user: y.importedBy })}）` : v,
          },
        ]}
      />
    </Space>
  );
}
