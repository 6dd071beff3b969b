import { Card, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TypicalOverview } from '../../../../shared/entities/typical-case.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../app/errors.ts';
import { today } from '../../app/clock.ts';
import { tKey } from '../../i18n.ts';

const COLORS = { met: 'green', due: 'orange', missed: 'red' } as const;

/** 典型案例: what this period asks for under each rule, what was sent, and how many decided cases would qualify. */
export function TypicalCaseCard() {
  const { t, i18n } = useTranslation();
  const [o, setO] = useState<TypicalOverview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    void api.typical
      .overview({})
      .then(setO)
      .catch((e) => setFailed(errorMessage(e)));
  }, []);
  const en = i18n.language.startsWith('en');
  // This period's, and an earlier one only where it was missed.
  const shown = o?.periods.filter((p) => p.to >= today() || p.status === 'missed') ?? [];
  const qualifying = o?.candidates.filter((c) => !c.refusal && !c.typicalCaseId).length ?? 0;
  return (
    <Card
      size="small"
      loading={!o && !failed}
      title={t('typicalCases.card.title')}
      extra={<Link to="/exports?tab=typical">{t('typicalCases.card.open')}</Link>}
      data-testid="typical-card"
    >
      {failed && <Typography.Text type="danger">{failed}</Typography.Text>}
      {o && (
        <>
          <List
            size="small"
            dataSource={shown}
            locale={{ emptyText: t('typicalCases.schedule.none') }}
            renderItem={(p) => (
              <List.Item>
                <span>
                  {en ? p.nameEn : p.name}
                  <Typography.Text type="secondary">
                    {' '}
                    {p.from} ~ {p.due}
                  </Typography.Text>
                </span>
                <Tag color={COLORS[p.status]} data-testid="typical-card-period">
                  {tKey(`typicalCases.periodStatus.${p.status}`)} {p.sent}/{p.required}
                </Tag>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary" data-testid="typical-card-qualifying">
            {t('typicalCases.card.qualifying', { count: qualifying })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
