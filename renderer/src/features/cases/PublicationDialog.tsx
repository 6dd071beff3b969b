import { App, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PUBLICATION_FIELDS,
  type PublicationField,
  type PublicationRecord,
  publicationText,
} from '../../../../shared/domain/publication.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';

/**
 * What the squad publishes of each decision (安全生产法 第七十八条: within 7 working days), field by
 * field as the publication platform asks, with personal data already masked: copied from here, so
 * nobody retypes or forgets to mask.
 */
export function PublicationDialog({ caseId, onClose }: { caseId: number; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [records, setRecords] = useState<PublicationRecord[] | null>(null);
  useEffect(() => {
    void api.cases
      .publication({ id: caseId })
      .then(setRecords)
      .catch((e) => message.error(errorMessage(e)));
  }, [caseId, message]);
  const labels = Object.fromEntries(PUBLICATION_FIELDS.map((f) => [f, tKey(`cases.publicationFields.${f}`)])) as Record<
    PublicationField,
    string
  >;
  const copy = (r: PublicationRecord) =>
    navigator.clipboard.writeText(publicationText(r, labels)).then(
      () => message.success(t('cases.publicationCopied')),
      () => message.error(t('cases.publicationCopyFailed')),
    );

  return (
    <Modal
      open
      title={t('cases.publicationTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={820}
      data-testid="publication-dialog"
    >
      <Typography.Paragraph type="secondary">{t('cases.publicationHint')}</Typography.Paragraph>
      {records?.length === 0 && <Typography.Text>{t('cases.publicationNone')}</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        {records?.map((r) => (
          <Descriptions
            key={r.documentId}
            size="small"
            bordered
            column={1}
            title={r.values.decisionNumber}
            extra={
              <Button size="small" onClick={() => void copy(r)} data-testid="publication-copy">
                {t('cases.publicationCopy')}
              </Button>
            }
            items={PUBLICATION_FIELDS.filter((f) => r.values[f]).map((f) => ({
              key: f,
              label: labels[f],
              children: r.values[f],
            }))}
          />
        ))}
      </Space>
    </Modal>
  );
}
