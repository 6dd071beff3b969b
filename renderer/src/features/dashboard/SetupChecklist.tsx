import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Officer } from '../../../../shared/entities/officer.ts';
import type { Settings } from '../../../../shared/entities/settings.ts';
import type { User } from '../../../../shared/entities/user.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';

/**
 * The admin's first-run checklist: what the squad needs before its first inspection and its first 决定书 — two
 * certified officers, the clerks' accounts, the 罚款缴纳地点, the approval forms' usual signers, this year's and next
 * year's calendar — each with where it is set. Gone once everything is done.
 */
export function SetupChecklist({ officers }: { officers: Officer[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { info } = useSession();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [users, setUsers] = useState<User[] | null>(null);
  useEffect(() => {
    void api.settings
      .get()
      .then(setSettings)
      .catch(() => undefined);
    void api.users
      .list()
      .then(setUsers)
      .catch(() => undefined);
  }, []);
  if (!settings || !users) return null;
  const certified = officers.filter((o) => o.certStatus !== 'expired').length;
  const items = [
    { key: 'officers', done: certified >= 2, to: '/settings/officers' },
    { key: 'users', done: users.some((u) => u.role !== 'admin' && u.active), to: '/settings/users' },
    { key: 'paymentPlace', done: settings.finePaymentPlace.trim() !== '', to: '/settings/cases' },
    {
      key: 'signers',
      done: !!settings.approvalSigners.review.name && !!settings.approvalSigners.approve.name,
      to: '/settings/cases',
    },
    { key: 'calendar', done: info.calendar.uncoveredYears.length === 0, to: '/settings/calendar' },
  ] as const;
  if (items.every((i) => i.done)) return null;
  return (
    <Card
      title={t('dashboard.setup.title', { done: items.filter((i) => i.done).length, total: items.length })}
      data-testid="setup-checklist"
    >
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(i) => (
          <List.Item
            data-testid={`setup-item-${i.key}`}
            actions={
              i.done
                ? []
                : [
                    <a key="go" onClick={() => navigate(i.to)}>
                      {t('dashboard.setup.go')}
                    </a>,
                  ]
            }
          >
            <span>
              {i.done ? (
                <CheckCircleFilled style={{ color: '#52c41a', marginRight: 8 }} />
              ) : (
                <ExclamationCircleOutlined style={{ color: '#faad14', marginRight: 8 }} />
              )}
              <Typography.Text type={i.done ? 'secondary' : undefined}>
                {t(`dashboard.setup.items.${i.key}`)}
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
