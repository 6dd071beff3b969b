import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../../../../../shared/entities/case.ts';
import { vocabLabel } from '../../vocab.ts';
import { yuan } from '../CaseList.tsx';

/** The case at a glance: number, party, source and procedure, dates, 承办人, fine and what was paid, the facts. */
export function CaseSummaryCard({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card size="small" style={{ marginBottom: 16 }} id="case-summary">
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'no', label: t('cases.caseNo'), children: kase.caseNo },
          {
            key: 'party',
            label: t('cases.party'),
            children: <a onClick={() => navigate(`/enterprises/${kase.enterpriseId}`)}>{kase.unit.name}</a>,
          },
          { key: 'code', label: t('cases.partyCode'), children: kase.unit.code },
          {
            key: 'src',
            label: t('cases.source'),
            children: (
              <>
                {vocabLabel(t, 'caseSources', kase.source)}
                {kase.procedure === 'summary' && <Tag style={{ marginLeft: 8 }}>{t('cases.procedures.summary')}</Tag>}
              </>
            ),
          },
          { key: 'vd', label: t('cases.violationDate'), children: kase.violationDate },
          { key: 'filed', label: t('cases.filedOn'), children: kase.filedOn ?? '—' },
          { key: 'h', label: t('cases.handlers'), children: kase.handlerNames.join('、') },
          { key: 'fine', label: t('cases.totalFine'), children: kase.totalFine ? yuan(kase.totalFine) : '—' },
          { key: 'paid', label: t('cases.paid'), children: kase.paid ? yuan(kase.paid) : '—' },
          { key: 'facts', label: t('cases.facts'), span: 3, children: kase.facts || '—' },
        ]}
      />
    </Card>
  );
}
