import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function ComingSoon({ section }: { section: 'plans' | 'reports' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page">
      <Result
        status="info"
        title={t('coming.title', { section: t(`nav.${section}`) })}
        subTitle={t(`coming.${section}`)}
        extra={<Button onClick={() => navigate('/')}>{t('coming.back')}</Button>}
      />
    </div>
  );
}
