import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** What the plan's tabs show when their figures could not be read: what failed, and a retry. */
export function LoadFailed({
  title,
  error,
  onRetry,
  testId,
}: {
  title: string;
  error: string;
  onRetry(): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={title}
      subTitle={error}
      data-testid={testId}
      extra={
        <Button icon={<ReloadOutlined />} onClick={onRetry}>
          {t('plans.retry')}
        </Button>
      }
    />
  );
}
