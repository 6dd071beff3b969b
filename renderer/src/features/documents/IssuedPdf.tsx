import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { toBlob } from '../files.ts';

/** An issued document as it was printed: its frozen PDF, the main view of the page (the fields are history). */
export function IssuedPdf({ id, sha256 }: { id: number; sha256: string | null }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let gone = false;
    // Another document (or a new version): nothing of the last one is shown meanwhile.
    setUrl(null);
    setError(null);
    api.documents.pdf({ id }).then(
      (file) => {
        if (gone) return;
        made = URL.createObjectURL(toBlob(file));
        setUrl(made);
      },
      (e: unknown) => !gone && setError(errorMessage(e)),
    );
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
    // The frozen PDF changes only with a new version (its hash).
  }, [id, sha256]);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!url)
    return (
      <div style={{ height: '70vh', display: 'grid', placeItems: 'center' }}>
        <Spin tip={t('document.making')}>
          <div style={{ width: 200, height: 60 }} />
        </Spin>
      </div>
    );
  return (
    <iframe
      src={url}
      title={t('document.issuedPdf')}
      style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }}
      data-testid="issued-pdf"
    />
  );
}
