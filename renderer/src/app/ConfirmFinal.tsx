import { Alert, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';

/**
 * The one confirmation before something becomes final (签发, and the signatures and packages after it): what will be
 * final, the number it will take where it takes one, and a button that shows it is working until it is done. A
 * refusal leaves the dialog open with the reason, so nothing is lost.
 */
export function ConfirmFinal(props: {
  open: boolean;
  title: string;
  /** What the action makes final, each a sentence. */
  consequences: string[];
  /** The number it will take (e.g. 示应急罚〔2026〕3号), if it takes one. */
  number?: string | null;
  okText: string;
  onConfirm(): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each opening starts clean: an earlier refusal is not shown again.
  useEffect(() => {
    if (props.open) setError(null);
  }, [props.open]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={() => !busy && props.onCancel()}
      // While it works, nothing pretends to cancel it.
      cancelButtonProps={{ disabled: busy }}
      closable={!busy}
      keyboard={!busy}
      maskClosable={!busy}
      okButtonProps={{ 'data-testid': 'confirm-final-ok' } as React.ComponentProps<typeof Modal>['okButtonProps']}
      destroyOnHidden
      data-testid="confirm-final"
    >
      {props.number && (
        <p data-testid="confirm-final-number">
          {t('confirmFinal.number')}
          <Typography.Text strong>{props.number}</Typography.Text>
        </p>
      )}
      <ul style={{ paddingLeft: 18 }}>
        {props.consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
