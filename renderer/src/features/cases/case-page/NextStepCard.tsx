import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate } from 'react-router';
import { permissionToRecord } from '../../../../../shared/domain/case-permissions.ts';
import type { CaseDetail, NextAction, NextStep, StepActor } from '../../../../../shared/entities/case.ts';
import type { Permission } from '../../../../../shared/base/roles.ts';
import { api } from '../../../api/client.ts';
import { today } from '../../../app/clock.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useSession } from '../../../app/session.tsx';
import { tKey } from '../../../i18n.ts';
import { vocabLabel } from '../../vocab.ts';
import type { EventDraft } from '../EventDialog.tsx';
import type { Stage } from './ApprovalsCard.tsx';

/** The step in words: its document type and approval row named in the user's language. */
export function nextStepText(t: TFunction, next: NextStep): string {
  return tKey(next.key, {
    ...next.params,
    type: next.params?.type ? tKey(`cases.documentTypes.${next.params.type}`) : '',
    role: next.params?.role ? vocabLabel(t, 'approvalRoles', next.params.role) : '',
  });
}

/** What the step's actor needs: the case staff run the case, the reviewer records 法制审核 and the 审核 row, the head the 审批 row. */
const ACTOR_PERMISSION: Record<StepActor, Permission> = {
  clerk: 'cases.write',
  reviewer: permissionToRecord({ kind: 'legal-review' }),
  supervisor: permissionToRecord({ kind: 'approval', role: 'approve' }),
};

/**
 * 下一步: the one step the case waits for (computed by the core from the rules it refuses with), who takes it, and a
 * button that does it for whoever may; the blockers below it say what stands in its way.
 */
export function NextStepCard({
  kase,
  onSign,
  onDraft,
  onEdit,
}: {
  kase: CaseDetail;
  onSign(stage: Stage): void;
  onDraft(draft: EventDraft): void;
  onEdit(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const next = kase.next;
  if (!next) return null;
  const who = t(`roles.${next.who}`);
  const mine = can(ACTOR_PERMISSION[next.who]) && !kase.archived;

  const act = async (action: NextAction) => {
    switch (action.kind) {
      case 'sign':
        return onSign(action.stage);
      case 'disposal':
        return document.getElementById('case-disposal')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      case 'edit':
        return onEdit();
      case 'record':
        // As the 登记 menu opens it: dated today, and 归档 with the year's next free number.
        return onDraft({
          kind: action.event,
          values: {
            date: today(),
            ...(action.event === 'archive' && kase.nextArchiveNo ? { archiveNo: kase.nextArchiveNo } : {}),
          },
        });
      case 'open-document':
        return navigate(`/documents/${action.documentId}`);
      case 'document':
        try {
          const made = await api.documents.create({ type: action.type, caseId: kase.id, party: action.party });
          navigate(`/documents/${made.id}`);
        } catch (e) {
          message.error(errorMessage(e));
        }
    }
  };

  return (
    <Alert
      type="info"
      showIcon
      icon={<ArrowRightOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="case-next"
      message={
        <span>
          <b>{t('cases.next.titled')}</b>
          <span data-testid="case-next-step">{nextStepText(t, next)}</span>
        </span>
      }
      description={mine ? t('cases.next.by', { who }) : t('cases.next.waiting', { who })}
      action={
        mine &&
        next.action && (
          <Button type="primary" data-testid="case-next-go" onClick={() => void act(next.action!)}>
            {t('cases.next.go')}
          </Button>
        )
      }
    />
  );
}
