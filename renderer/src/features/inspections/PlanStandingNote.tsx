import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStanding } from '../../../../shared/domain/plans/standing.ts';
import { vocabLabel } from '../vocab.ts';

/**
 * Where the enterprise stands in the approved plan of the inspection's year, said before saving: what to record it as,
 * and how much of its annual cap the year has used. The core refuses the same things on save.
 */
export function PlanStandingNote({ standing }: { standing: PlanStanding }) {
  const { t } = useTranslation();
  const { year, plan } = standing;
  if (!plan)
    return (
      <Alert type="info" showIcon message={t('inspection.plan.standing.none', { year })} data-testid="plan-standing" />
    );
  const where =
    plan.track === 'key'
      ? t('inspection.plan.standing.key', { year, visits: plan.visits })
      : plan.track === 'random'
        ? standing.draws.length
          ? t('inspection.plan.standing.drawn', {
              labels: standing.draws
                .map((d) => t('inspection.plan.drawQuoted', { label: d.label }))
                .join(t('common.listSeparator')),
            })
          : t('inspection.plan.standing.notDrawn', { year })
        : t('inspection.plan.standing.outside', { year });
  const atCap = plan.cap !== null && standing.counted >= plan.cap;
  const cap =
    plan.cap === null
      ? ''
      : atCap
        ? t('inspection.plan.standing.capReached', {
            cap: plan.cap,
            rule: plan.capName ?? '',
            kinds: standing.capExempt.map((k) => vocabLabel(t, 'inspectionKinds', k)).join(t('common.listSeparator')),
          })
        : t('inspection.plan.standing.cap', { cap: plan.cap, rule: plan.capName ?? '', counted: standing.counted });
  return (
    <Alert
      type={atCap ? 'warning' : 'info'}
      showIcon
      title={where}
      description={cap || undefined}
      data-testid="plan-standing"
    />
  );
}
