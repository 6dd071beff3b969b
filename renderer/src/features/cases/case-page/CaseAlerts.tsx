import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReviewFinding } from '../../../../../shared/entities/review.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { tKey } from '../../../i18n.ts';
import { live } from '../../../../../shared/domain/case-procedure.ts';
import { findingLink } from '../../review/links.ts';

/**
 * 行刑衔接 ahead of the decision: a violation that may be 危险作业罪, no assessment recorded yet, nothing decided, and the
 * blockers not already saying so.
 */
const crimeAssessmentDue = (k: CaseDetail) =>
  k.crimeRisks.length > 0 &&
  k.outcome !== 'transfer' &&
  !live(k.events, 'transfer-assessment').length &&
  !k.documents.some((d) => d.status === 'issued' && d.type.startsWith('penalty-decision-')) &&
  !k.blockers.some((b) => b.key === 'cases.rules.transferAssessmentMissing');

/**
 * What stands in the case's way, above its cards: the blockers of the next step by rule, the review's
 * findings on the file so far, the 提请关闭 prompt and the suspected crime.
 */
export function CaseAlerts({ kase, warnings }: { kase: CaseDetail; warnings: ReviewFinding[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      {kase.blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-blockers"
          message={t('cases.blockersTitle')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {kase.blockers.map((b, i) => (
                <li key={i}>{tKey(b.key, b.params)}</li>
              ))}
            </ul>
          }
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-review-warnings"
          message={t('review.caseWarnings')}
          action={
            <Button size="small" onClick={() => navigate(`/review/${kase.id}`)}>
              {t('review.openReview')}
            </Button>
          }
          description={
            <>
              {t('review.caseWarningsHint')}
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {warnings.map((f) => (
                  <li key={f.id}>
                    <a onClick={() => navigate(findingLink(f, kase.id))}>{tKey(f.key, f.params)}</a>
                    <Typography.Text type="secondary">（{f.basis}）</Typography.Text>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      {crimeAssessmentDue(kase) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="case-crime-risk"
          message={t('cases.crimeRiskNotice', {
            markers: [...new Set(kase.crimeRisks.map((c) => c.marker))].join('、'),
          })}
        />
      )}
      {kase.closurePrompt && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`cases.closurePrompt${kase.closurePrompt.days}`, kase.closurePrompt)}
        />
      )}
      {kase.suspectedCrime && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('cases.suspectedCrimeBanner')} />
      )}
    </>
  );
}
