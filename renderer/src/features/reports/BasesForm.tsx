import {
  App,
  Alert,
  type ButtonProps,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportBases } from '../../../../shared/api/channels/reports.ts';
import { FIGURE_GROUPS } from '../../../../shared/domain/indicators/report.ts';
import type { IndicatorValue } from '../../../../shared/domain/indicators/values.ts';
import { api } from '../../api/client.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { useFigureText } from './figure-text.ts';
import { isShareKind, isYuanKind } from './report-format.ts';

interface Values {
  year: number;
  quarter: number;
  values: Record<string, number | null>;
  note: string;
}
const QUARTERS = [0, 1, 2, 3, 4] as const;

/**
 * 录入基数 (admin): last year's figures entered by hand for 同比, where the desk did not yet record that period — a
 * quarter or the whole year, a number a figure (empty clears it), with a note saying where the numbers come from. The
 * core refuses a period the desk recorded, under the year.
 */
export function BasesForm({
  open,
  slot,
  kinds,
  recordedFrom,
  thisYear,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The year and quarter (0: the whole year) the form opens on. */
  slot: { year: number; quarter: number };
  /** Each figure's kind, for its unit (元, %). */
  kinds: Record<string, IndicatorValue['kind']>;
  recordedFrom: string | null;
  thisYear: number;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useFigureText();
  const [form] = Form.useForm<Values>();
  const [bases, setBases] = useState<ReportBases | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const year = Form.useWatch('year', form) ?? slot.year;
  const quarter = Form.useWatch('quarter', form) ?? slot.quarter;
  const asked = useRef<number | null>(null);

  // The year's entered figures, read whenever the year changes; the quarter's fill the fields.
  const load = useCallback((y: number) => {
    asked.current = y;
    setBases(null);
    setLoadError(null);
    api.reports
      .bases({ year: y })
      .then((b) => asked.current === y && setBases(b))
      .catch((e) => asked.current === y && setLoadError(errorMessage(e)));
  }, []);
  useEffect(() => {
    if (open && Number.isInteger(year) && year >= 2000 && year <= 2100) load(year);
  }, [open, year, load]);
  useEffect(() => {
    if (!bases || bases.year !== year) return;
    const rows = bases.rows.filter((r) => r.quarter === quarter);
    form.setFieldsValue({
      values: Object.fromEntries(
        bases.indicators.map((id) => [id, rows.find((r) => r.indicator === id)?.value ?? null]),
      ),
      note: rows[0]?.note ?? '',
    });
  }, [bases, year, quarter, form]);

  const entered = bases?.year === year ? bases.rows.filter((r) => r.quarter === quarter) : [];
  const last = entered.reduce<(typeof entered)[number] | null>(
    (a, b) => (!a || b.enteredAt > a.enteredAt ? b : a),
    null,
  );
  const ids = new Set(bases?.indicators ?? []);

  const save = async () => {
    const given = await form.validateFields().catch(() => null);
    if (!given || !bases) return;
    setBusy(true);
    try {
      await api.reports.basesSave({
        year: given.year,
        quarter: given.quarter,
        values: Object.fromEntries(bases.indicators.map((id) => [id, given.values?.[id] ?? null])),
        note: given.note ?? '',
      });
      message.success(t('reports.bases.saved'));
      onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('reports.bases.title')}
      width={980}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !bases, 'data-testid': 'bases-save' } as ButtonProps}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', overflowX: 'hidden' } }}
      data-testid="bases-form"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {recordedFrom
          ? t('reports.bases.intro', { from: formatDate(recordedFrom) })
          : t('reports.bases.introNoRecords')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="horizontal"
        initialValues={{ year: slot.year, quarter: slot.quarter, note: '', values: {} }}
        onValuesChange={clearErrorsOnChange(form)}
        labelCol={{ flex: '0 0 auto' }}
        labelWrap
        clearOnDestroy
      >
        <Space size={16} align="start" wrap>
          <Form.Item
            name="year"
            label={t('reports.bases.year')}
            rules={[{ required: true, message: t('reports.bases.yearRequired') }]}
          >
            <InputNumber min={2000} max={thisYear} precision={0} style={{ width: 110 }} data-testid="bases-year" />
          </Form.Item>
          <Form.Item name="quarter" label={t('reports.bases.quarter')}>
            <Select
              style={{ width: 140 }}
              data-testid="bases-quarter"
              options={QUARTERS.map((q) => ({ value: q, label: t(`reports.bases.quarters.${q}`) }))}
            />
          </Form.Item>
          {last && (
            <Typography.Text type="secondary" style={{ lineHeight: '32px' }} data-testid="bases-last">
              {t('reports.bases.last', {
                n: entered.length,
                by: last.enteredBy,
                at: formatDateTime(last.enteredAt),
              })}
            </Typography.Text>
          )}
        </Space>
        {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} />}
        <Spin spinning={!bases && !loadError}>
          {FIGURE_GROUPS.map((g) => {
            const figures = g.figures.filter((id) => ids.has(id));
            if (!figures.length) return null;
            return (
              <div key={g.id}>
                <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
                  {t(`reports.groups.${g.id}`)}
                </Divider>
                <Row gutter={[16, 0]}>
                  {figures.map((id) => {
                    const kind = kinds[id] ?? 'count';
                    const share = isShareKind(kind);
                    return (
                      <Col span={8} key={id}>
                        <Form.Item
                          name={['values', id]}
                          label={<span title={text.name(id)}>{text.name(id)}</span>}
                          labelCol={{ flex: '0 0 150px' }}
                          style={{ marginBottom: 12 }}
                        >
                          <InputNumber
                            min={0}
                            max={share ? 100 : 100_000_000_000}
                            precision={share ? 1 : 0}
                            style={{ width: '100%' }}
                            suffix={share ? '%' : isYuanKind(kind) ? t('reports.bases.yuan') : undefined}
                            data-testid={`bases-value-${id}`}
                          />
                        </Form.Item>
                      </Col>
                    );
                  })}
                </Row>
              </div>
            );
          })}
        </Spin>
        <Form.Item name="note" label={t('reports.bases.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('reports.bases.notePlaceholder')}
            data-testid="bases-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
