import { Alert, Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { today } from '../../../app/clock.ts';
import { useSession } from '../../../app/session.tsx';
import { tKey } from '../../../i18n.ts';
import { DisposalEditor } from '../DisposalEditor.tsx';
import type { EventDraft } from '../EventDialog.tsx';

/** The 呈批: what is decided (once the case is filed, or at once on the spot), and the 法制审核 it calls for. */
export function DisposalCard({
  kase,
  write,
  onSaved,
  onDraft,
}: {
  kase: CaseDetail;
  write: boolean;
  onSaved(kase: CaseDetail): void;
  onDraft(draft: EventDraft): void;
}) {
  const { t } = useTranslation();
  const { can, session } = useSession();
  return (
    <Card size="small" title={t('cases.disposal')} style={{ marginBottom: 16 }} id="case-disposal">
      {kase.filedOn || kase.procedure === 'summary' ? (
        <DisposalEditor
          kase={kase}
          editable={write && (['investigation', 'disposal'].includes(kase.stage) || kase.disposalRevisable)}
          onSaved={onSaved}
        />
      ) : (
        <Empty description={t('cases.fileFirst')} />
      )}
      {kase.triggers.legalReview.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          message={t('cases.legalReviewNeeded', {
            reasons: kase.triggers.legalReview.map((r) => tKey(`cases.triggers.${r}`)).join('、'),
          })}
          action={
            can('cases.review') && (
              <Button
                size="small"
                onClick={() =>
                  onDraft({
                    kind: 'legal-review',
                    values: { date: today(), name: session.user.displayName, result: 'pass' },
                  })
                }
                data-testid="legal-review"
              >
                {t('cases.events.legal-review')}
              </Button>
            )
          }
        />
      )}
    </Card>
  );
}
