import { App, Button, Card, Dropdown, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { documentChoices } from '../../../../../shared/domain/case-next.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { tKey } from '../../../i18n.ts';
import { documentTypeLabel } from '../../vocab.ts';

/**
 * The case's documents: the menu of those it can make now (asked of the domain, grouped as the file
 * is), the 双公示 content once a decision is issued, and the documents made so far.
 */
export function DocumentsCard({ kase, write, onPublish }: { kase: CaseDetail; write: boolean; onPublish(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const createDocument = async (type: string, party?: number) => {
    try {
      navigate(`/documents/${(await api.documents.create({ type, caseId: kase.id, party })).id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title={t('cases.documents')}
      style={{ marginBottom: 16 }}
      data-testid="case-documents"
      id="case-documents"
      extra={
        write && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: documentChoices(kase).map(([group, choices]) => ({
                type: 'group' as const,
                key: group,
                label: tKey(`cases.documentGroups.${group}`),
                children: choices.map((d) => ({
                  key: `${d.type}|${d.party ?? ''}`,
                  label: `${tKey(`cases.documentTypes.${d.type}`)}${d.name ? `（${d.name}）` : ''}`,
                  onClick: () => void createDocument(d.type, d.party),
                })),
              })),
            }}
          >
            <Button type="primary" data-testid="case-document-create">
              {t('cases.makeDocument')}
            </Button>
          </Dropdown>
        )
      }
    >
      {kase.documents.some((d) => d.status === 'issued' && d.type.startsWith('penalty-decision-')) && (
        <Button size="small" style={{ marginBottom: 8 }} onClick={onPublish} data-testid="case-publication">
          {t('cases.publicationButton')}
        </Button>
      )}
      {kase.documents.length === 0 ? (
        <Empty description={t('cases.noDocuments')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={kase.documents}
          onRow={(r) => ({ onClick: () => navigate(`/documents/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('cases.documentType'),
              dataIndex: 'typeName',
              render: (v: string, d) => documentTypeLabel(t, d.type, v),
            },
            {
              title: t('cases.documentNumber'),
              dataIndex: 'numberText',
              render: (v: string | null, d) => (d.status === 'draft' ? t('cases.draft') : (v ?? '—')),
            },
            { title: t('cases.documentDate'), dataIndex: 'date', width: 120 },
            { title: t('cases.servedOn'), dataIndex: 'servedOn', width: 120, render: (v: string | null) => v ?? '—' },
            {
              title: t('cases.documentStatus'),
              dataIndex: 'status',
              width: 100,
              render: (v: string) => <Tag>{tKey(`cases.documentStatuses.${v}`)}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}
