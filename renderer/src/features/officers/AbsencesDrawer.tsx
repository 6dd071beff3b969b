import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer, OfficerAbsence } from '../../../../shared/entities/officer.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../fields.tsx';
import { WithdrawDialog } from '../WithdrawDialog.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { vocabLabel, vocabOptions } from '../vocab.ts';

/** The absence that keeps an officer away today, if any: what the roster's 请假中 tag says. */
export const coversToday = (a: OfficerAbsence, day: string) => !a.withdrawnAt && a.from <= day && day <= a.to;

/**
 * One officer's leave, secondment and training (请假/借调/培训): every entry, withdrawn ones greyed with their reason,
 * and — for whoever keeps the roster — a small form to record one and a withdraw that asks why.
 */
export function AbsencesDrawer({
  officer,
  onClose,
  onChanged,
}: {
  officer: Officer | null;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const writer = can('roster.write');
  const [absences, setAbsences] = useState<OfficerAbsence[] | null>(null);
  const [withdrawing, setWithdrawing] = useState<OfficerAbsence | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const officerId = officer?.id;

  const load = useCallback(() => {
    if (!officerId) return;
    api.officers
      .absences({ officerId })
      .then(setAbsences)
      .catch((e) => {
        message.error(errorMessage(e));
        // The list stops loading: nothing to show rather than a spinner that never ends.
        setAbsences([]);
      });
  }, [officerId, message]);
  useEffect(() => {
    setAbsences(null);
    load();
  }, [load]);

  const add = async () => {
    if (!officerId) return;
    // A field left wrong is marked under it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.officers.addAbsence({ officerId, ...v });
      message.success(t('absence.added'));
      form.resetFields();
      load();
      onChanged();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  const day = today();
  return (
    <Drawer
      open={officer !== null}
      onClose={onClose}
      width={820}
      destroyOnHidden
      data-testid="absence-drawer"
      title={
        officer && (
          <span>
            {t('absence.title')} · <span data-record>{officer.name}</span>
          </span>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('absence.hint')}</Typography.Text>
        {writer ? (
          <Card size="small" title={t('absence.addTitle')}>
            <Form
              form={form}
              clearOnDestroy
              layout="vertical"
              onValuesChange={clearErrorsOnChange(form)}
              // The drawer is rebuilt on each opening: a new entry starts as leave for today.
              initialValues={{ kind: 'leave', from: today(), to: today(), note: '' }}
              data-testid="absence-form"
            >
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="kind" label={t('absence.kind')} rules={required}>
                    <Select options={vocabOptions(t, 'absences')} data-testid="absence-kind" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="from" label={t('absence.from')} rules={required}>
                    <DateField id="absence-from" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="to" label={t('absence.to')} rules={required}>
                    <DateField id="absence-to" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12} align="bottom">
                <Col flex="auto">
                  <Form.Item name="note" label={t('absence.note')}>
                    <Input maxLength={200} placeholder={t('absence.notePlaceholder')} data-testid="absence-note" />
                  </Form.Item>
                </Col>
                <Col>
                  <Form.Item>
                    <Button
                      type="primary"
                      // Not a submit button: Enter in a date field confirms the day, never records the entry.
                      onClick={() => void add()}
                      icon={<PlusOutlined />}
                      loading={saving}
                      data-testid="absence-add"
                    >
                      {t('absence.add')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
        ) : (
          <Typography.Text type="secondary">{t('absence.readOnly')}</Typography.Text>
        )}
        <Table<OfficerAbsence>
          size="small"
          rowKey="id"
          loading={absences === null}
          dataSource={absences ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowClassName={(a) => (a.withdrawnAt ? 'row-withdrawn' : '')}
          locale={{ emptyText: t('absence.empty') }}
          data-testid="absence-list"
          columns={[
            {
              title: t('absence.kind'),
              dataIndex: 'kind',
              width: 140,
              render: (v: string, a) => (
                <Space size={4} wrap>
                  {vocabLabel(t, 'absences', v)}
                  {coversToday(a, day) && <Tag color="orange">{t(`absence.current.${a.kind}`)}</Tag>}
                </Space>
              ),
            },
            {
              title: t('absence.period'),
              width: 215,
              render: (_, a) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {t('absence.range', { from: formatDate(a.from), to: formatDate(a.to) })}
                </span>
              ),
            },
            {
              title: t('absence.note'),
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  {a.note && <span data-record>{a.note}</span>}
                  {a.withdrawnAt && (
                    <span className="field-hint" data-testid="absence-withdrawn">
                      {t('absence.withdrawn', { reason: a.withdrawReason, by: a.withdrawnBy })}
                    </span>
                  )}
                </Space>
              ),
            },
            {
              title: t('absence.createdBy'),
              width: 140,
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
                    render: (_: unknown, a: OfficerAbsence) =>
                      !a.withdrawnAt && (
                        <a onClick={() => setWithdrawing(a)} data-testid="absence-withdraw">
                          {t('absence.withdraw')}
                        </a>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <WithdrawDialog
        open={withdrawing !== null}
        title={t('absence.withdrawTitle')}
        text={t('absence.withdrawText')}
        reasonLabel={t('absence.withdrawReason')}
        testId="absence-withdraw"
        onCancel={() => setWithdrawing(null)}
        onWithdraw={async (reason) => {
          await api.officers.withdrawAbsence({ id: withdrawing!.id, reason });
          setWithdrawing(null);
          load();
          onChanged();
        }}
      >
        {withdrawing && (
          <p>
            {t('absence.currentTip', {
              kind: vocabLabel(t, 'absences', withdrawing.kind),
              from: formatDate(withdrawing.from),
              to: formatDate(withdrawing.to),
            })}
          </p>
        )}
      </WithdrawDialog>
    </Drawer>
  );
}
