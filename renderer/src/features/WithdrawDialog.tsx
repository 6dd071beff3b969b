import { type ButtonProps, Form, Input, Modal, App } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearErrorsOnChange, errorMessage, showFieldErrors } from '../app/errors.ts';

/**
 * Withdrawing a record, never deleting it: what it is, what withdrawing means, and the reason the core requires.
 * Busy while sent (a second click sends nothing); a refusal is shown under the reason, or as a message; each opening
 * starts blank.
 */
export function WithdrawDialog({
  open,
  title,
  text,
  reasonLabel,
  testId,
  children,
  onCancel,
  onWithdraw,
}: {
  open: boolean;
  title: string;
  text: string;
  reasonLabel: string;
  /** `<testId>-ok` and `<testId>-reason` for the screen tests. */
  testId?: string;
  /** What is being withdrawn, above the text. */
  children?: ReactNode;
  onCancel(): void;
  onWithdraw(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const given = await form.validateFields().catch(() => null);
    if (!given) return;
    setBusy(true);
    try {
      await onWithdraw(given.reason);
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ danger: true, ...(testId ? { 'data-testid': `${testId}-ok` } : {}) } as ButtonProps}
      destroyOnHidden
    >
      {children}
      <p>{text}</p>
      <Form form={form} layout="vertical" clearOnDestroy onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item
          name="reason"
          label={reasonLabel}
          rules={[{ required: true, min: 2, message: t('validation.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid={testId && `${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
