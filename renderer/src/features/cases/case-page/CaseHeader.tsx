import { Button, Space, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stepsOf } from '../../../../../shared/domain/case-next.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { api } from '../../../api/client.ts';
import { STAGE_COLORS } from '../CaseList.tsx';
import { usePrintPreview } from '../../../app/PrintPreview.tsx';

/** The case's cause and stage, the whole file as one PDF, its cover and 目录 once closed, the edit button, and the path it takes. */
export function CaseHeader({ kase, write, onEdit }: { kase: CaseDetail; write: boolean; onEdit(): void }) {
  const { t } = useTranslation();
  const preview = usePrintPreview();
  const steps = stepsOf(kase);
  const stageIndex = steps.indexOf(kase.stage);
  return (
    <>
      <div className="page-header">
        <h2>
          <span data-record>{kase.cause}</span>{' '}
          <Tag color={STAGE_COLORS[kase.stage]} data-testid="case-stage">
            {t(`cases.stages.${kase.stage}`)}
          </Tag>
        </h2>
        <Space>
          <Button
            data-testid="case-bound-file"
            onClick={() => preview(() => api.cases.boundFile({ id: kase.id }), t('cases.boundFile'))}
          >
            {t('cases.boundFile')}
          </Button>
          {(kase.stage === 'closed' || kase.stage === 'archived') && (
            <Button
              data-testid="case-binder"
              onClick={() => preview(() => api.cases.binder({ id: kase.id }), t('cases.binder'))}
            >
              {t('cases.binder')}
            </Button>
          )}
          {write && kase.stage !== 'closed' && <Button onClick={onEdit}>{t('common.edit')}</Button>}
        </Space>
      </div>
      <Steps
        size="small"
        current={stageIndex}
        style={{ marginBottom: 16 }}
        items={steps.map((s) => ({ title: t(`cases.stages.${s}`) }))}
      />
    </>
  );
}
