import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { nextApprovalRole } from '../../../../../shared/domain/case-procedure.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { api } from '../../../api/client.ts';
import { today } from '../../../app/clock.ts';
import { errorMessage } from '../../../app/errors.ts';
import { saveDownload } from '../../files.ts';
import { vocabLabel } from '../../vocab.ts';
import type { EventDraft } from '../EventDialog.tsx';

/**
 * The approval forms (立案, 呈批, 结案; 当场处罚 only 结案) with their signatures, the next one
 * entered from the signed paper, and each form printed to sign.
 */
export function ApprovalsCard({
  kase,
  write,
  onDraft,
}: {
  kase: CaseDetail;
  write: boolean;
  onDraft(draft: EventDraft): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approvalStages =
    kase.procedure === 'summary' ? (['closing'] as const) : (['filing', 'disposal', 'closing'] as const);
  const approvals = (stage: 'filing' | 'disposal' | 'closing') =>
    kase.events.filter((e) => e.data.kind === 'approval' && e.data.stage === stage);
  return (
    <Card size="small" title={t('cases.approvals')} style={{ marginBottom: 16 }} data-testid="case-approvals">
      {approvalStages.map((stage) => (
        <div key={stage} style={{ marginBottom: 8 }}>
          <Space wrap>
            <b>{vocabLabel(t, 'approvalStages', stage)}</b>
            {approvals(stage).map(
              (e) =>
                e.data.kind === 'approval' && (
                  <Tag
                    key={e.id}
                    color={e.retracted ? 'default' : e.data.approved ? 'green' : 'red'}
                    style={e.retracted ? { textDecoration: 'line-through' } : undefined}
                  >
                    {vocabLabel(t, 'approvalRoles', e.data.role)}：{e.data.name}
                    {e.data.post ? `（${e.data.post}）` : ''} {e.data.date}
                  </Tag>
                ),
            )}
            {write && (
              <Button
                size="small"
                data-testid={`approve-${stage}`}
                onClick={() =>
                  onDraft({
                    kind: 'approval',
                    values: { stage, role: nextApprovalRole(kase.events, stage), date: today() },
                  })
                }
              >
                {t('cases.addSignature')}
              </Button>
            )}
            <Button
              size="small"
              type="link"
              icon={<PrinterOutlined />}
              data-testid={`approval-form-${stage}`}
              onClick={() =>
                void api.cases
                  .approvalForm({ id: kase.id, stage })
                  .then(saveDownload)
                  .catch((e) => message.error(errorMessage(e)))
              }
            >
              {t('cases.printApprovalForm')}
            </Button>
          </Space>
        </div>
      ))}
    </Card>
  );
}
