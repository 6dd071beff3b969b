import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/api/contract.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { readAsUpload } from '../files.ts';
import { UnitFields } from './UnitFields.tsx';

interface Props {
  onDone(session: SessionInfo): void;
  onDemo(): void;
  onImported(): void;
}

export function SetupPage({ onDone, onDemo, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ recoveryCode: string; session: SessionInfo } | null>(null);
  const [ack, setAck] = useState(false);

  const next = async () => {
    await form.validateFields([
      ['admin', 'username'],
      ['admin', 'displayName'],
      ['admin', 'password'],
      ['admin', 'confirm'],
    ]);
    setStep(1);
  };

  const finish = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const { confirm: _c, ...admin } = values.admin;
      const r = await api.setup.initialize({
        admin,
        unit: values.unit,
        finePaymentPlace: values.finePaymentPlace ?? '',
      });
      setResult(r);
      setStep(2);
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
      // A problem in the admin part sends the user back to that step.
      if (JSON.stringify((e as { details?: unknown }).details ?? '').includes('"admin"')) setStep(0);
    } finally {
      setBusy(false);
    }
  };

  const importPackage = async (file: File) => {
    setBusy(true);
    try {
      const r = await api.setup.importData({ file: await readAsUpload(file) });
      message.success(t('setup.imported', r));
      onImported();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <div className="center-screen">
      <Row gutter={24} style={{ maxWidth: 1180, width: '100%' }}>
        <Col xs={24} lg={16}>
          <Card title={t('setup.title')}>
            <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
            <Steps
              current={step}
              items={[{ title: t('setup.stepAdmin') }, { title: t('setup.stepUnit') }, { title: t('setup.stepDone') }]}
              style={{ marginBottom: 24 }}
            />
            <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" requiredMark>
              <div hidden={step !== 0}>
                <Row gutter={16}>
                  <Col span={12}>
                    <Form.Item
                      name={['admin', 'username']}
                      label={t('setup.adminUsername')}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Input autoComplete="username" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item
                      name={['admin', 'displayName']}
                      label={t('setup.adminDisplayName')}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={16}>
                  <Col span={12}>
                    <Form.Item
                      name={['admin', 'password']}
                      label={t('setup.password')}
                      extra={t('setup.passwordHint')}
                      rules={[
                        { required: true, message: t('validation.required') },
                        { min: 8, message: t('validation.password.short') },
                        { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: t('validation.password.weak') },
                      ]}
                    >
                      <Input.Password autoComplete="new-password" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item
                      name={['admin', 'confirm']}
                      label={t('setup.passwordConfirm')}
                      dependencies={[['admin', 'password']]}
                      rules={[
                        { required: true, message: t('validation.required') },
                        ({ getFieldValue }) => ({
                          validator: (_, v) =>
                            v === getFieldValue(['admin', 'password'])
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('setup.passwordMismatch'))),
                        }),
                      ]}
                    >
                      <Input.Password autoComplete="new-password" />
                    </Form.Item>
                  </Col>
                </Row>
                <Button type="primary" onClick={() => void next()}>
                  {t('common.next')}
                </Button>
              </div>
              <div hidden={step !== 1}>
                <UnitFields prefix={['unit']} />
                <Form.Item
                  name="finePaymentPlace"
                  label={t('settings.cases.paymentPlace')}
                  extra={t('setup.paymentPlaceHint')}
                >
                  <Input maxLength={300} data-testid="setup-payment-place" />
                </Form.Item>
                <Button onClick={() => setStep(0)} style={{ marginRight: 8 }}>
                  {t('common.previous')}
                </Button>
                <Button type="primary" loading={busy} onClick={() => void finish()}>
                  {t('setup.finish')}
                </Button>
              </div>
            </Form>
            {step === 2 && result && (
              <div>
                <Alert
                  type="warning"
                  showIcon
                  message={t('setup.recoveryTitle')}
                  description={t('setup.recoveryText')}
                  style={{ marginBottom: 16 }}
                />
                <Typography.Title
                  level={3}
                  className="mono"
                  copyable
                  data-testid="recovery-code"
                  style={{ textAlign: 'center', letterSpacing: 2 }}
                >
                  {result.recoveryCode}
                </Typography.Title>
                <Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)}>
                  {t('setup.recoveryAck')}
                </Checkbox>
                <div style={{ marginTop: 16 }}>
                  <Button type="primary" disabled={!ack} onClick={() => onDone(result.session)}>
                    {t('common.confirm')}
                  </Button>
                </div>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('setup.demoTitle')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph>{t('setup.demoText')}</Typography.Paragraph>
            <Button onClick={onDemo} data-testid="enter-demo">
              {t('setup.demoEnter')}
            </Button>
          </Card>
          <Card title={t('setup.importTitle')}>
            <Typography.Paragraph>{t('setup.importText')}</Typography.Paragraph>
            <Upload accept=".zip" showUploadList={false} beforeUpload={(f) => importPackage(f)}>
              <Button loading={busy}>{t('setup.importButton')}</Button>
            </Upload>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
