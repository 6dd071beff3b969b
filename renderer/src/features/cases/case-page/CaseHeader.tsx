import { App, Button, Space, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stepsOf } from '../../../../../shared/domain/case-next.ts';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { saveDownload } from '../../files.ts';
import { STAGE_COLORS } from '../CaseList.tsx';

/** The case's cause and stage, the bound file once closed, the edit button, and the path it takes. */
export function CaseHeader({ kase, write, onEdit }: { kase: CaseDetail; write: boolean; onEdit(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const steps = stepsOf(kase);
  const stageIndex = steps.indexOf(kase.stage);
  return (
    <>
      <div className="page-header">
        <h2>
          {kase.cause}{' '}
          <Tag color={STAGE_COLORS[kase.stage]} data-testid="case-stage">
            {t(`cases.stages.${kase.stage}`)}
          </Tag>
        </h2>
        <Space>
          {(kase.stage === 'closed' || kase.stage === 'archived') && (
            <Button
              data-testid="case-binder"
              onClick={() =>
                void api.cases
                  .binder({ id: kase.id })
                  .then(saveDownload)
                  .catch((e) => message.error(errorMessage(e)))
              }
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
