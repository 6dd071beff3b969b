import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/api/contract.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';

/** Covers the screen without unmounting it: after unlocking, the clerk is where they left off. */
export function LockScreen({
  name,
  onUnlocked,
  onSignOut,
}: {
  name: string;
  onUnlocked(s: SessionInfo): void;
  onSignOut(): void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ password }: { password: string }) => {
    try {
      onUnlocked(await api.auth.unlock({ password }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      title={
        <Space>
          <LockOutlined />
          {t('auth.lockedTitle')}
        </Space>
      }
      styles={{ mask: { backdropFilter: 'blur(8px)', background: 'rgba(20,30,50,.6)' } }}
    >
      <p>{t('auth.lockedText', { name })}</p>
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="password" rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('auth.unlock')}
          </Button>
          <Button onClick={onSignOut}>{t('app.signOut')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
