import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Closing a form that has what the user typed asks first: cancelling a drawer never throws away unsaved work
 * silently. A form nobody touched closes at once.
 */
export function useDiscardGuard(form: FormInstance, onClose: () => void): () => void {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardHint'),
      okText: t('common.discard'),
      okButtonProps: { danger: true, 'data-testid': 'discard-ok' } as { danger: boolean },
      cancelText: t('common.keepEditing'),
      onOk: onClose,
    });
  };
}
