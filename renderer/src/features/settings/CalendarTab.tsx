import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, InputNumber, Space, Table, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarInfo } from '../../../../shared/api/contract.ts';
import { addWorkdays, buildCalendar } from '../../../../shared/domain/workdays.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';

export function CalendarTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, refreshInfo } = useSession();
  const [info, setInfo] = useState<CalendarInfo | null>(null);
  const [start, setStart] = useState<Dayjs | null>(null);
  const [days, setDays] = useState<number>(5);
  const load = useCallback(async () => { try { setInfo(await api.calendar.get()); } catch (e) { message.error(errorMessage(e)); } }, [message]);
  useEffect(() => { void load(); }, [load]);
  const calendar = useMemo(() => (info ? buildCalendar(info.data) : null), [info]);
  // The same pure rule the core uses for statutory deadlines, so what the admin checks here is what cases get.
  const result = calendar && start ? addWorkdays(calendar, start.format('YYYY-MM-DD'), days) : null;

  const importFile = async (file: File) => {
    try {
      const r = await api.calendar.import({ fileName: file.name, text: await file.text() });
      message.success(t('calendar.imported', { year: r.year }));
      void load();
      void refreshInfo();
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>{t('calendar.intro')}</Typography.Paragraph>
      {info && info.uncoveredCurrentOrNext.length > 0 && <Alert type="warning" showIcon message={t('calendar.missing', { years: info.uncoveredCurrentOrNext.join('、') })} />}
      {can('calendar.manage') && (
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => importFile(f)}>
          <Button icon={<UploadOutlined />}>{t('calendar.import')}</Button>
        </Upload>
      )}
      <Card size="small" title={t('calendar.calculator')} style={{ maxWidth: 640 }}>
        <Space wrap>
          <span>{t('calendar.startDate')}</span><DatePicker value={start} onChange={setStart} />
          <span>{t('calendar.days')}</span><InputNumber min={0} max={400} value={days} onChange={(v) => setDays(v ?? 0)} />
        </Space>
        {result && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>{t('calendar.result', { n: days, date: result.date })}</Typography.Text>
            {result.uncertain && <Alert style={{ marginTop: 8 }} type="warning" message={t('calendar.uncertain', { years: result.uncoveredYears.join('、') })} />}
          </div>
        )}
      </Card>
      <Table size="small" rowKey="year" pagination={{ pageSize: 10 }} dataSource={[...(info?.years ?? [])].reverse()} columns={[
        { title: t('calendar.year'), dataIndex: 'year' },
        { title: t('calendar.holidays'), dataIndex: 'holidays' },
        { title: t('calendar.makeUpWorkdays'), dataIndex: 'makeUpWorkdays' },
        { title: t('calendar.workdays'), dataIndex: 'workdays' },
        { title: t('calendar.source'), dataIndex: 'source', render: (v: string, y) => (y.importedBy ? `${v}（${t('calendar.importedBy', { user: y.importedBy })}）` : v) },
      ]} />
    </Space>
  );
}
