import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  type ButtonProps,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/base/errors.ts';
import { accidentGrade } from '../../../../shared/domain/accidents.ts';
import type { Accident } from '../../../../shared/entities/accident.ts';
import { api } from '../../api/client.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../fields.tsx';
import { WithdrawDialog } from '../WithdrawDialog.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { ACCIDENT_GRADE_COLORS, vocabLabel } from '../vocab.ts';

/**
 * 直接经济损失 as the form and the list say it: 万元 to four decimals, exact to the 元 the record keeps (two would
 * show 9,999,999 元 as 1,000.00 万元, the 较大事故 threshold, beside a 一般事故).
 */
export const wanYuan = (yuan: number): string =>
  (yuan / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

function GradeTag({ grade }: { grade: Accident['grade'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={ACCIDENT_GRADE_COLORS[grade]} data-testid="accident-grade">
      {vocabLabel(t, 'accidentGrades', grade)}
    </Tag>
  );
}

/**
 * 事故记录: an enterprise's accidents, one dated record each with its grade (条例第三条, computed by the core), withdrawn
 * rather than deleted. The plan's 分类分级 reads them; the enterprise form's free-text 事故情况 it does not.
 */
export function AccidentsCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const writer = can('ledger.write');
  const [accidents, setAccidents] = useState<Accident[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Accident | null>(null);

  const load = useCallback(() => {
    api.enterprises
      .accidents({ enterpriseId })
      .then(setAccidents)
      .catch((e) => {
        message.error(errorMessage(e));
        // The list stops loading: nothing to show rather than a spinner that never ends.
        setAccidents([]);
      });
  }, [enterpriseId, message]);
  useEffect(load, [load]);

  return (
    <Card
      size="small"
      title={t('accident.title')}
      data-testid="accidents-card"
      extra={
        writer && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="accident-add">
            {t('accident.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('accident.hint')}
      </Typography.Paragraph>
      <Table<Accident>
        size="small"
        rowKey="id"
        loading={accidents === null}
        dataSource={accidents ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowClassName={(a) => (a.withdrawnAt ? 'row-withdrawn' : '')}
        locale={{ emptyText: t('accident.empty') }}
        data-testid="accident-list"
        columns={[
          {
            title: t('accident.occurredOn'),
            dataIndex: 'occurredOn',
            width: 130,
            render: (d: string) => formatDate(d),
          },
          {
            title: t('accident.grade'),
            dataIndex: 'grade',
            width: 150,
            render: (v: Accident['grade']) => <GradeTag grade={v} />,
          },
          { title: t('accident.deaths'), dataIndex: 'deaths', width: 90, align: 'right' },
          { title: t('accident.seriousInjuries'), dataIndex: 'seriousInjuries', width: 90, align: 'right' },
          {
            title: t('accident.loss'),
            dataIndex: 'directLossYuan',
            width: 170,
            align: 'right',
            render: (v: number) => <span data-testid="accident-loss">{wanYuan(v)}</span>,
          },
          {
            title: t('accident.summary'),
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <span data-record>{a.summary}</span>
                {a.withdrawnAt && (
                  <span className="field-hint" data-testid="accident-withdrawn">
                    {t('accident.withdrawn', { reason: a.withdrawReason, by: a.withdrawnBy })}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('accident.createdBy'),
            width: 150,
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <span data-record>{a.createdBy}</span>
                <span className="field-hint">{formatDateTime(a.createdAt)}</span>
              </Space>
            ),
          },
          ...(writer
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, a: Accident) =>
                    !a.withdrawnAt && (
                      <a onClick={() => setWithdrawing(a)} data-testid="accident-withdraw">
                        {t('accident.withdraw')}
                      </a>
                    ),
                },
              ]
            : []),
        ]}
      />
      <AccidentDialog
        open={adding}
        enterpriseId={enterpriseId}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          message.success(t('accident.added'));
          load();
        }}
      />
      <WithdrawDialog
        open={withdrawing !== null}
        title={t('accident.withdrawTitle')}
        text={t('accident.withdrawText')}
        reasonLabel={t('accident.withdrawReason')}
        testId="accident-withdraw"
        onCancel={() => setWithdrawing(null)}
        onWithdraw={async (reason) => {
          await api.enterprises.withdrawAccident({ id: withdrawing!.id, reason });
          setWithdrawing(null);
          load();
        }}
      >
        {withdrawing && (
          <Space size={8} wrap style={{ marginBottom: 12 }}>
            {formatDate(withdrawing.occurredOn)}
            <GradeTag grade={withdrawing.grade} />
            <span data-record>{withdrawing.summary}</span>
          </Space>
        )}
      </WithdrawDialog>
    </Card>
  );
}

interface AccidentFields {
  occurredOn: string;
  deaths: number;
  seriousInjuries: number;
  /** 万元 on the form; whole 元 for the core. */
  lossWan: number | null;
  summary: string;
}

/** The core's issue about the loss in 元 belongs under the form's 万元 field. */
function onLossField(e: unknown): unknown {
  if (!(e instanceof AppError) || !e.details?.issues) return e;
  return new AppError(e.code, {
    ...e.details,
    issues: e.details.issues.map((i) => (i.path[0] === 'directLossYuan' ? { ...i, path: ['lossWan'] } : i)),
  });
}

function AccidentDialog({
  open,
  enterpriseId,
  onClose,
  onSaved,
}: {
  open: boolean;
  enterpriseId: number;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccidentFields>();
  const [saving, setSaving] = useState(false);
  const deaths = Form.useWatch('deaths', form) ?? 0;
  const seriousInjuries = Form.useWatch('seriousInjuries', form) ?? 0;
  const lossWan = Form.useWatch('lossWan', form) ?? 0;
  // The grade the core will compute, from the same rule, so the clerk sees it before saving.
  const grade = accidentGrade({ deaths, seriousInjuries, directLossYuan: Math.round(lossWan * 10_000) });

  const save = async () => {
    // A field left wrong is marked under it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.enterprises.addAccident({
        enterpriseId,
        occurredOn: v.occurredOn,
        deaths: v.deaths,
        seriousInjuries: v.seriousInjuries,
        directLossYuan: Math.round((v.lossWan ?? 0) * 10_000),
        summary: v.summary,
      });
      onSaved();
    } catch (e) {
      const placed = onLossField(e);
      if (!showFieldErrors(form, placed)) message.error(errorMessage(placed));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      width={640}
      title={t('accident.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'accident-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form<AccidentFields>
        form={form}
        // Each opening starts blank: the accident just saved or a half-typed one never comes back to be saved twice.
        clearOnDestroy
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ deaths: 0, seriousInjuries: 0, lossWan: 0, summary: '' }}
        data-testid="accident-form"
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="occurredOn" label={t('accident.occurredOn')} rules={required}>
              <DateField id="accident-occurred-on" past />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="deaths" label={t('accident.deaths')} rules={required}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} data-testid="accident-deaths" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="seriousInjuries"
              label={t('accident.seriousInjuries')}
              rules={required}
              tooltip={t('accident.seriousInjuriesHint')}
            >
              <InputNumber
                min={0}
                max={10_000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="accident-serious-injuries"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="lossWan" label={t('accident.loss')} extra={t('accident.lossHint')}>
          <InputNumber
            min={0}
            max={100_000_000}
            precision={4}
            style={{ width: 240 }}
            data-testid="accident-loss-input"
          />
        </Form.Item>
        <Form.Item name="summary" label={t('accident.summary')} rules={required}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('accident.summaryPlaceholder')}
            data-testid="accident-summary"
          />
        </Form.Item>
        <Space size={8} data-testid="accident-grade-preview">
          {t('accident.gradePreview')}
          <GradeTag grade={grade} />
        </Space>
      </Form>
    </Modal>
  );
}
