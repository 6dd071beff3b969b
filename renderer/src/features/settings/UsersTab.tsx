import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/entities/user.ts';
import { ROLES } from '../../../../shared/base/roles.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { formatDateTime } from '../format.ts';

export function UsersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm();
  const [pwForm] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setUsers(await api.users.list());
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await api.users.create(v);
      else if (editing)
        await api.users.update({ id: editing.id, displayName: v.displayName, role: v.role, active: v.active });
      setEditing(null);
      void load();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  const reset = async () => {
    const v = await pwForm.validateFields();
    try {
      await api.users.resetPassword({ id: resetting!.id, password: v.password });
      message.success(t('users.passwordReset'));
      setResetting(null);
    } catch (e) {
      if (!showFieldErrors(pwForm, e)) message.error(errorMessage(e));
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          form.resetFields();
          setEditing('new');
        }}
      >
        {t('users.create')}
      </Button>
      <Table<User>
        rowKey="id"
        dataSource={users}
        pagination={false}
        size="middle"
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: User['role']) => t(`roles.${r}`) },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          { title: t('users.lastSignIn'), dataIndex: 'lastSignInAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, u) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    form.setFieldsValue(u);
                    setEditing(u);
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    pwForm.resetFields();
                    setResetting(u);
                  }}
                >
                  {t('users.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.createTitle') : t('users.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Form
          form={form}
          onValuesChange={clearErrorsOnChange(form)}
          layout="vertical"
          initialValues={{ role: 'clerk', active: true }}
        >
          <Form.Item name="username" label={t('users.username')} rules={required}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select options={roleOptions} />
          </Form.Item>
          {editing === 'new' ? (
            <Form.Item name="password" label={t('auth.password')} extra={t('setup.passwordHint')} rules={required}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : (
            <Form.Item name="active" label={t('users.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`${t('users.resetPassword')}：${resetting?.displayName ?? ''}`}
        onCancel={() => setResetting(null)}
        onOk={() => void reset()}
        destroyOnHidden
      >
        <Form form={pwForm} onValuesChange={clearErrorsOnChange(pwForm)} layout="vertical">
          <Form.Item name="password" label={t('auth.newPassword')} extra={t('setup.passwordHint')} rules={required}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
