import { ArrowLeftOutlined, EditOutlined, FileAddOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Dropdown, Result, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Inspection } from '../../../../shared/entities/inspection.ts';
import type { Officer } from '../../../../shared/entities/officer.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { DocumentList } from '../documents/DocumentList.tsx';
import { formatDateTime } from '../format.ts';
import { vocabLabel } from '../vocab.ts';
import { readAsUpload, saveDownload } from '../files.ts';
import { HazardsCard } from './HazardsCard.tsx';
import { InspectionForm } from './InspectionForm.tsx';
import { InspectionNextStep } from './InspectionNextStep.tsx';
import { useCrumbs } from '../../app/crumbs.tsx';

export function InspectionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [categories, setCategories] = useState<string[]>([]);
  const [docsKey, setDocsKey] = useState(0);
  const load = useCallback(async () => {
    try {
      const [i, roster] = await Promise.all([api.inspections.get({ id }), api.officers.list({ includeOffDuty: true })]);
      setInspection(i);
      setOfficers(roster);
      setCategories((await api.enterprises.get({ id: i.enterpriseId })).categories);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useCrumbs(
    inspection && [
      { label: inspection.enterpriseName, to: `/enterprises/${inspection.enterpriseId}` },
      { label: formatDateTime(inspection.startedAt) },
    ],
  );
  if (error) return <Result status="404" title={error} />;
  if (!inspection) return <Spin style={{ margin: 48 }} />;

  const make = async (type: string) => {
    try {
      const d = await api.documents.create({ type, inspectionId: id });
      navigate(`/documents/${d.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const recheck = inspection.kind === 'recheck' && inspection.recheckOf !== null;
  const names = inspection.officerIds.map((i) => officers.find((o) => o.id === i)?.name ?? `#${i}`);
  return (
    <div className="page">
      <div className="page-header">
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/inspections')} />
          <h2 data-record>{inspection.enterpriseName}</h2>
          <Tag>{vocabLabel(t, 'inspectionKinds', inspection.kind)}</Tag>
        </Space>
        {can('inspections.write') && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            {!recheck && (
              <Button onClick={() => setScheduling(true)} data-testid="schedule-recheck">
                {t('inspection.scheduleRecheck')}
              </Button>
            )}
            <Button
              icon={<FileAddOutlined />}
              onClick={() => void make('inspection-record')}
              data-testid="make-inspection-record"
            >
              {t('inspection.makeRecord')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'inspection-plan', label: t('inspection.makePlan') },
                  { key: 'onsite-measures', label: t('inspection.makeMeasures') },
                  { key: 'service-receipt', label: t('inspection.makeReceipt') },
                ],
                onClick: ({ key }) => void make(key),
              }}
            >
              <Button>{t('inspection.moreDocuments')}</Button>
            </Dropdown>
            {recheck ? (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                onClick={() => void make('recheck-opinion')}
                data-testid="make-recheck-opinion"
              >
                {t('inspection.makeRecheckOpinion')}
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                onClick={() => void make('rectification-order')}
                data-testid="make-rectification-order"
              >
                {t('inspection.makeOrder')}
              </Button>
            )}
          </Space>
        )}
      </div>
      <InspectionNextStep inspection={inspection} version={docsKey} onScheduleRecheck={() => setScheduling(true)} />
      {inspection.officerIds.length < 2 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('documents.rules.twoOfficers')} />
      )}
      <Descriptions bordered size="middle" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('inspection.startedAt')}>{formatDateTime(inspection.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.endedAt')}>{formatDateTime(inspection.endedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.place')}>{inspection.place}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.officers')}>{names.join(t('common.listSeparator'))}</Descriptions.Item>
        {inspection.unplannedReason && (
          <Descriptions.Item label={t('inspection.plan.unplannedReason')} span={2}>
            {inspection.unplannedReason}
          </Descriptions.Item>
        )}
        {inspection.drawId !== null && (
          <Descriptions.Item label={t('inspection.plan.drawId')} span={2}>
            <Link to="/plans?tab=draws">{t('inspection.plan.drawNo', { id: inspection.drawId })}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('inspection.present')} span={2}>
          {inspection.present.map((p, i) => (
            <div key={i}>
              {vocabLabel(t, 'presentRoles', p.role)}：{p.name} {p.post} {p.phone}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.experts')} span={2}>
          {inspection.experts.map((x) => `${x.name}（${x.title} ${x.organisation}）`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.findings')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{inspection.findings}</div>
        </Descriptions.Item>
        {inspection.refusedToSign && (
          <Descriptions.Item label={t('inspection.refusedToSign')} span={2}>
            {inspection.refusalNote || t('common.yes')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {recheck && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('inspection.recheckOf')}
          action={
            <Button size="small" onClick={() => navigate(`/inspections/${inspection.recheckOf}`)}>
              {t('inspection.openOriginal')}
            </Button>
          }
        />
      )}
      <Card
        size="small"
        title={t('inspection.evidence')}
        style={{ marginBottom: 16 }}
        extra={
          can('inspections.write') && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void (async () => {
                  try {
                    setInspection(await api.inspections.attachFile({ id, file: await readAsUpload(file) }));
                  } catch (e) {
                    message.error(errorMessage(e));
                  }
                })();
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} data-testid="evidence-upload">
                {t('inspection.addEvidence')}
              </Button>
            </Upload>
          )
        }
      >
        {inspection.evidence.length === 0 ? (
          <Typography.Text type="secondary">{t('inspection.noEvidence')}</Typography.Text>
        ) : (
          <Space wrap>
            {inspection.evidence.map((e) => (
              <Button
                key={e.hash}
                size="small"
                icon={<PaperClipOutlined />}
                onClick={() =>
                  void api.inspections
                    .file({ id, hash: e.hash })
                    .then(saveDownload)
                    .catch((err) => message.error(errorMessage(err)))
                }
              >
                {e.name}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <div id="inspection-hazards">
        <HazardsCard inspection={inspection} categories={categories} onChanged={() => setDocsKey((k) => k + 1)} />
      </div>
      <Card title={t('inspection.documents')} size="small">
        <DocumentList key={docsKey} inspectionId={id} />
      </Card>
      <InspectionForm
        open={editing}
        inspection={inspection}
        onClose={() => setEditing(false)}
        onSaved={(i) => {
          setEditing(false);
          setInspection(i);
        }}
      />
      <InspectionForm
        open={scheduling}
        enterpriseId={inspection.enterpriseId}
        defaults={{ kind: 'recheck', recheckOf: inspection.id, officerIds: inspection.officerIds }}
        onClose={() => setScheduling(false)}
        onSaved={(i) => {
          setScheduling(false);
          navigate(`/inspections/${i.id}`);
        }}
      />
    </div>
  );
}
