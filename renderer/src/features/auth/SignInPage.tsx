import { Alert, App, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SessionInfo } from '../../../../shared/api/contract.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors } from '../../app/errors.ts';

interface Props {
  info: AppInfo;
  onSignedIn(s: SessionInfo): void;
  /** Opens the demo county (fictitious data, for trying and training), offered only from the real workspace. */
  onDemo(): void;
}

export function SignInPage({ info, onSignedIn, onDemo }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.auth.signIn(values));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-screen">
      <Card
        style={{ width: 380 }}
        title={
          <div>
            {t('app.title')}
            <div className="field-hint">{info.unitName}</div>
          </div>
        }
      >
        {info.workspace === 'demo' && (
          <Alert type="info" style={{ marginBottom: 16 }} message={t('setup.demoAccounts', { password: 'demo1234' })} />
        )}
        {error && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} data-testid="sign-in-error" />
        )}
        <Form layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Link style={{ display: 'block', marginTop: 12 }} onClick={() => setRecovering(true)}>
          {t('auth.forgot')}
        </Typography.Link>
        {info.workspace === 'real' && (
          <Typography.Link style={{ display: 'block', marginTop: 8 }} onClick={onDemo} data-testid="sign-in-demo">
            {t('auth.openDemo')}
          </Typography.Link>
        )}
      </Card>
      <RecoverDialog open={recovering} onClose={() => setRecovering(false)} />
    </div>
  );
}

function RecoverDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [newCode, setNewCode] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      setNewCode((await api.auth.recover(values)).recoveryCode);
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  const close = () => {
    setNewCode(null);
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('auth.recoverTitle')}
      onCancel={close}
      onOk={newCode ? close : () => void submit()}
      okText={newCode ? t('common.close') : t('auth.recover')}
      destroyOnHidden
    >
      {newCode ? (
        <>
          <Alert type="success" message={t('auth.recovered')} />
          <Typography.Title level={3} className="mono" copyable style={{ textAlign: 'center' }}>
            {newCode}
          </Typography.Title>
        </>
      ) : (
        <Form form={form} layout="vertical">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="recoveryCode"
            label={t('auth.recoveryCode')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input className="mono" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            extra={t('setup.passwordHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
