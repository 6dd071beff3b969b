import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { permissionToRecord } from '../../../../../shared/domain/case-permissions.ts';
import { approval } from '../../../../../shared/domain/case-procedure.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { vocabLabel } from '../../vocab.ts';
import { formRows, nextRow } from './ApprovalPanel.tsx';
import { usePrintPreview } from '../../../app/PrintPreview.tsx';

export type Stage = 'filing' | 'disposal' | 'closing';

/**
 * Why a form cannot be signed yet, as the core would refuse its first row (case-procedure.ts eventIssues): the 呈批
 * after 立案 and with its content saved, the 结案 after 立案. What keeps a file from closing is said by the 审批 row.
 */
function blocked(kase: CaseDetail, stage: Stage): 'cases.rules.notFiled' | 'cases.rules.disposalContentMissing' | null {
  if (stage === 'filing' || kase.procedure === 'summary') return null;
  if (!kase.filedOn) return 'cases.rules.notFiled';
  return stage === 'disposal' && !kase.outcome ? 'cases.rules.disposalContentMissing' : null;
}
const ROLE_OF_ROW = ['handler', 'handler', 'review', 'approve'] as const;

/**
 * The approval forms (立案, 呈批, 结案; 当场处罚 only 结案): each a line with its four rows as signed so far and
 * whose turn it is; 签署 opens the form's panel, where the next row is entered from the signed paper.
 */
export function ApprovalsCard({ kase, onOpen }: { kase: CaseDetail; onOpen(stage: Stage): void }) {
  const { t } = useTranslation();
  const preview = usePrintPreview();
  const { can } = useSession();
  const maySign = (role: (typeof ROLE_OF_ROW)[number]) => can(permissionToRecord({ kind: 'approval', role }));
  // Whoever may sign some row opens the form: the reviewer and the head sign theirs there too.
  const mayOpen = !kase.archived && ROLE_OF_ROW.some(maySign);
  const stages: Stage[] = kase.procedure === 'summary' ? ['closing'] : ['filing', 'disposal', 'closing'];
  return (
    <Card
      size="small"
      title={t('cases.approvals')}
      style={{ marginBottom: 16 }}
      data-testid="case-approvals"
      id="case-approvals"
    >
      {stages.map((stage) => {
        const rows = formRows(kase, stage);
        const next = nextRow(kase, stage);
        const approved = approval(kase.events, stage).date;
        const nextRole = next === null ? null : ROLE_OF_ROW[next];
        const notYet = approved ? null : blocked(kase, stage);
        return (
          <div key={stage} style={{ marginBottom: 8 }}>
            <Space wrap>
              <b style={{ display: 'inline-block', minWidth: 96 }}>{vocabLabel(t, 'approvalStages', stage)}</b>
              {rows.map(
                (r, i) =>
                  r && (
                    <Tag key={i} color={r.approved ? 'green' : 'red'}>
                      {vocabLabel(t, 'approvalRoles', r.role)}：{r.name} {r.date}
                    </Tag>
                  ),
              )}
              {approved ? (
                <Typography.Text type="success">{t('cases.sign.approvedOn', { date: approved })}</Typography.Text>
              ) : (
                nextRole &&
                !notYet && (
                  <Typography.Text type="secondary">
                    {t('cases.sign.next', { role: vocabLabel(t, 'approvalRoles', nextRole) })}
                  </Typography.Text>
                )
              )}
              {notYet && (
                <Typography.Text type="warning" data-testid={`approval-blocked-${stage}`}>
                  {t(notYet)}
                </Typography.Text>
              )}
              {mayOpen && !approved && !notYet && (
                <Button
                  size="small"
                  type={nextRole && maySign(nextRole) ? 'primary' : 'default'}
                  data-testid={`approve-${stage}`}
                  onClick={() => onOpen(stage)}
                >
                  {t('cases.sign.open')}
                </Button>
              )}
              <Button
                size="small"
                type="link"
                icon={<PrinterOutlined />}
                data-testid={`approval-form-${stage}`}
                onClick={() =>
                  preview(
                    () => api.cases.approvalForm({ id: kase.id, stage }),
                    `${vocabLabel(t, 'approvalStages', stage)}${t('cases.formSuffix')}`,
                  )
                }
              >
                {t('cases.printApprovalForm')}
              </Button>
            </Space>
          </div>
        );
      })}
    </Card>
  );
}
