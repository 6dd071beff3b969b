import { Alert, App, Button, Checkbox, Col, Drawer, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/entities/case.ts';
import { api } from '../../api/client.ts';
import { useDiscardGuard } from '../../app/discard.tsx';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { DateField } from '../fields.tsx';
import { vocabOptions } from '../vocab.ts';
import { EnterpriseSelect, OfficerSelect } from '../pickers.tsx';

interface Props {
  open: boolean;
  kase?: CaseDetail | null;
  enterpriseId?: number;
  /** Opening a case from an inspection's escalation: its facts, hazard and officers come along. */
  escalationId?: number;
  onClose(): void;
  onSaved(c: CaseDetail): void;
}

/** 立案: who the party is, where the case comes from, what it is about and who handles it. */
export function CaseForm({ open, kase, enterpriseId, escalationId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const close = useDiscardGuard(form, onClose);
  const [busy, setBusy] = useState(false);
  // A transfer review's advice: shown while the case is opened, never written into it.
  const [advice, setAdvice] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setAdvice(null);
    if (kase) form.setFieldsValue(kase);
    else if (escalationId)
      void api.cases
        .draftFromEscalation({ escalationId })
        .then(({ advice: said, ...draft }) => {
          setAdvice(said);
          form.setFieldsValue(draft);
        })
        .catch((e) => message.error(errorMessage(e)));
    else if (enterpriseId) form.setFieldsValue({ enterpriseId });
  }, [open, kase, enterpriseId, escalationId, form, message]);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const input = { ...values, escalationId: escalationId ?? null };
      onSaved(
        kase
          ? await api.cases.update({ id: kase.id, version: kase.version, case: values })
          : await api.cases.create(input),
      );
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Drawer
      open={open}
      onClose={close}
      width={760}
      title={kase ? t('cases.editTitle') : t('cases.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="case-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        initialValues={{
          source: 'inspection',
          procedure: 'ordinary',
          handlerIds: [],
          complex: false,
          suspectedCrime: false,
        }}
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="enterpriseId" label={t('cases.party')} rules={required}>
              <EnterpriseSelect disabled={!!kase || !!escalationId} testId="case-enterprise" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="source" label={t('cases.source')}>
              <Select options={vocabOptions(t, 'caseSources')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="inspectionId" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="cause" label={t('cases.cause')} rules={required} extra={t('cases.causeHint')}>
          <Input data-testid="case-cause" />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('cases.sourceNote')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="facts" label={t('cases.facts')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="violationDate"
              label={t('cases.violationDate')}
              rules={required}
              extra={t('cases.violationDateHint')}
            >
              <DateField />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="handlerIds" label={t('cases.handlers')} extra={t('cases.handlersHint')}>
              <OfficerSelect testId="case-handlers" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="procedure" label={t('cases.procedure')} extra={t('cases.procedureHint')}>
          <Radio.Group
            data-testid="case-procedure"
            options={(['ordinary', 'summary'] as const).map((p) => ({ value: p, label: t(`cases.procedures.${p}`) }))}
          />
        </Form.Item>
        {advice && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="case-advice"
            message={t('cases.adviceTitle')}
            description={
              <>
                {advice}
                <br />
                {t('cases.adviceHint')}
              </>
            }
          />
        )}
        <Space size="large">
          <Form.Item name="complex" valuePropName="checked">
            <Checkbox>{t('cases.complex')}</Checkbox>
          </Form.Item>
          <Form.Item name="suspectedCrime" valuePropName="checked">
            <Checkbox>{t('cases.suspectedCrime')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
