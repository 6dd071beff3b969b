import { CheckCircleOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, DatePicker, Form, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileDownload } from '../../../../shared/api/contract.ts';
import type { IssuedReport } from '../../../../shared/api/channels/reports.ts';
import type { Period } from '../../../../shared/domain/indicators/periods.ts';
import { api } from '../../api/client.ts';
import { today as clockToday } from '../../app/clock.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { PdfFrame } from '../../app/PrintPreview.tsx';
import { useSession } from '../../app/session.tsx';
import { saveDownload } from '../files.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { usePeriodName } from './PeriodBar.tsx';
import { issuedFor, rangeText, reportDateAllowed, reportDateFor } from './report-format.ts';

/** The preview's failure: under the date when the core refused the date, else said in the preview's place. */
type Failure = { error: unknown; underDate: boolean };

/**
 * 打印通报: the period's 执法工作情况通报 as it will print, dated a day the supervisor picks (its period's last day
 * once over, else today; never after today), made again for each date; downloaded as PDF or Excel, printed, and —
 * by the squad's leader — issued: kept as it is, whatever is recorded later.
 */
export function ReportPrint({
  period,
  issued,
  onClose,
  onIssued,
}: {
  period: Period;
  /** Everything issued so far, newest first: one of this period already issued is said before issuing another. */
  issued: IssuedReport[];
  onClose(): void;
  onIssued(report: IssuedReport): void;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const name = usePeriodName();
  const today = clockToday();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const [date, setDate] = useState(() => reportDateFor(period, today));
  // The PDF made for a date: shown only while that date is chosen.
  const [made, setMade] = useState<{ date: string; file: FileDownload } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [xlsxBusy, setXlsxBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const { from, to } = period;

  // The PDF for the date shown; a later date replaces an answer still on its way.
  useEffect(() => {
    let gone = false;
    setFailure(null);
    api.reports.preview({ from, to, date }).then(
      (file) => !gone && setMade({ date, file }),
      (e: unknown) => !gone && setFailure({ error: e, underDate: showFieldErrors(form, e) }),
    );
    return () => {
      gone = true;
    };
  }, [from, to, date, form]);

  const file = made?.date === date ? made.file : null;
  const earlier = issuedFor(issued, period)[0];
  const issuer = can('cases.approve');

  const downloadXlsx = () => {
    setXlsxBusy(true);
    api.reports
      .xlsx({ from, to, date })
      .then(saveDownload)
      .catch((e: unknown) => {
        if (!showFieldErrors(form, e)) message.error(errorMessage(e));
      })
      .finally(() => setXlsxBusy(false));
  };

  const issue = () =>
    modal.confirm({
      title: t('reports.print.confirmTitle', { period: name(period) }),
      content: (
        <Space orientation="vertical" size={8} data-testid="report-issue-confirm-text">
          <Typography.Text>{t('reports.print.confirmDate', { date: formatDate(date) })}</Typography.Text>
          <Typography.Text>{t('reports.print.confirmFrozen')}</Typography.Text>
        </Space>
      ),
      okText: t('reports.print.issue'),
      okButtonProps: { 'data-testid': 'report-issue-confirm' } as ButtonProps,
      width: 480,
      onOk: async () => {
        try {
          const report = await api.reports.issue({ from, to, date });
          message.success(t('reports.print.issued', { title: report.title }));
          onIssued(report);
        } catch (e) {
          if (!showFieldErrors(form, e)) message.error(errorMessage(e));
        }
      },
    });

  return (
    <Modal
      open
      centered
      width={1000}
      title={t('reports.print.title', { period: name(period) })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="report-print"
      footer={
        <Space wrap size={8} style={{ justifyContent: 'flex-end' }}>
          <Button icon={<FileExcelOutlined />} loading={xlsxBusy} onClick={downloadXlsx} data-testid="report-xlsx">
            {t('reports.print.xlsx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!file}
            onClick={() => file && saveDownload(file)}
            data-testid="report-pdf"
          >
            {t('reports.print.pdf')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={!file}
            onClick={() => frame.current?.contentWindow?.print()}
            data-testid="report-printout"
          >
            {t('reports.print.print')}
          </Button>
          {issuer && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={!file}
              onClick={issue}
              data-testid="report-issue"
            >
              {t('reports.print.issue')}
            </Button>
          )}
        </Space>
      }
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{ date: dayjs(date) }}
        onValuesChange={(changed: { date?: Dayjs | null }) => {
          clearErrorsOnChange(form)(changed);
          if (changed.date) setDate(changed.date.format('YYYY-MM-DD'));
        }}
        style={{ marginBottom: 12, rowGap: 4 }}
      >
        <Form.Item name="date" label={t('reports.print.date')} tooltip={t('reports.print.dateHint')}>
          <DatePicker
            allowClear={false}
            disabledDate={(d: Dayjs) => !reportDateAllowed(period, d.format('YYYY-MM-DD'), today)}
            style={{ width: 150 }}
            data-testid="report-date"
          />
        </Form.Item>
        <Form.Item label={t('reports.print.period')}>
          <Typography.Text data-testid="report-print-period">{rangeText(period, i18n.language)}</Typography.Text>
        </Form.Item>
      </Form>
      {earlier && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-print-earlier"
          title={t('reports.print.issuedBefore', {
            at: formatDateTime(earlier.issuedAt),
            by: earlier.issuedBy,
            date: formatDate(earlier.reportDate),
          })}
        />
      )}
      <div data-testid="report-preview" data-date={file ? date : undefined}>
        <PdfFrame
          file={file}
          error={failure ? (failure.underDate ? t('reports.print.fixDate') : errorMessage(failure.error)) : null}
          height={earlier ? 'calc(100vh - 320px)' : 'calc(100vh - 270px)'}
          frameRef={frame}
        />
      </div>
    </Modal>
  );
}
