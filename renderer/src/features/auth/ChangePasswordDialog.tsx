import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await api.auth.changePassword(values);
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  return (
    <Modal open={open} title={t('app.changePassword')} onCancel={onClose} onOk={() => void submit()} destroyOnHidden>
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical">
        <Form.Item
          name="oldPassword"
          label={t('auth.oldPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('setup.passwordHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password />
        </Form.Item>
      </Form>
    </Modal>
  );
}
