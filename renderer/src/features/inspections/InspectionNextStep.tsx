import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type InspectionAction,
  type InspectionStep,
  inspectionNextStep,
} from '../../../../shared/domain/inspection-next.ts';
import type { Inspection } from '../../../../shared/entities/inspection.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { documentTypeLabel } from '../vocab.ts';

/**
 * 下一步 on an inspection (shared/domain/inspection-next.ts): read again whenever its documents or hazards change
 * (`version`), with a button that does it for whoever may write inspections.
 */
export function InspectionNextStep({
  inspection,
  version,
  onScheduleRecheck,
}: {
  inspection: Inspection;
  /** Bumped by the page when a hazard or a document changed. */
  version: number;
  onScheduleRecheck(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const [step, setStep] = useState<InspectionStep | null>(null);
  const recheck = inspection.kind === 'recheck' && inspection.recheckOf !== null;
  useEffect(() => {
    let live = true;
    void Promise.all([
      api.documents.list({ inspectionId: inspection.id, pageSize: 200 }),
      api.hazards.list({ inspectionId: recheck ? inspection.recheckOf! : inspection.id }),
      recheck ? null : api.inspections.list({ recheckOf: inspection.id, pageSize: 1 }),
    ])
      .then(([docs, hazards, rechecks]) => {
        if (live)
          setStep(
            inspectionNextStep({
              recheck,
              documents: docs.items,
              hazards,
              recheckId: rechecks?.items[0]?.id ?? null,
              today: today(),
            }),
          );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [inspection, recheck, version]);
  if (!step) return null;
  // Making or opening a document asks for documents.write; the rest of the steps are the inspection's own.
  const mayDo = (action: InspectionAction) =>
    can('inspections.write') && (!['document', 'open-document'].includes(action.kind) || can('documents.write'));

  const act = async (action: InspectionAction) => {
    switch (action.kind) {
      case 'document':
        try {
          const d = await api.documents.create({ type: action.type, inspectionId: inspection.id });
          navigate(`/documents/${d.id}`);
        } catch (e) {
          message.error(errorMessage(e));
        }
        return;
      case 'open-document':
        return navigate(`/documents/${action.documentId}`);
      case 'schedule-recheck':
        return onScheduleRecheck();
      case 'hazards':
        return document.getElementById('inspection-hazards')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      case 'escalations':
        return navigate('/');
      case 'open-inspection':
        return navigate(`/inspections/${action.inspectionId}`);
    }
  };
  const text = tKey(step.key, {
    ...step.params,
    type: step.params?.type ? documentTypeLabel(t, step.params.type, step.params.type) : '',
  });
  return (
    <Alert
      type={step.action ? 'info' : 'success'}
      showIcon
      icon={<ArrowRightOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="inspection-next"
      message={
        <span>
          <b>{t('cases.next.titled')}</b>
          <span data-testid="inspection-next-step">{text}</span>
        </span>
      }
      action={
        step.action &&
        mayDo(step.action) && (
          <Button type="primary" data-testid="inspection-next-go" onClick={() => void act(step.action!)}>
            {t('cases.next.go')}
          </Button>
        )
      }
    />
  );
}
