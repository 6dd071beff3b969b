import { Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound.tsx';
import { useSession } from '../../app/session.tsx';
import { OfficersTab } from '../officers/OfficersTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { BackupTab } from './BackupTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { CasesTab } from './CasesTab.tsx';
import { SystemTab, UnitTab } from './UnitTab.tsx';
import { UsersTab } from './UsersTab.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const { can, info, enterDemo } = useSession();
  const navigate = useNavigate();
  const tab = useParams().tab ?? 'unit';
  const tabs = [
    { key: 'unit', label: t('settings.tabUnit'), children: <UnitTab />, show: true },
    { key: 'officers', label: t('settings.tabOfficers'), children: <OfficersTab />, show: can('roster.read') },
    { key: 'users', label: t('settings.tabUsers'), children: <UsersTab />, show: can('users.manage') },
    { key: 'calendar', label: t('settings.tabCalendar'), children: <CalendarTab />, show: true },
    { key: 'cases', label: t('settings.tabCases'), children: <CasesTab />, show: can('cases.read') },
    { key: 'backup', label: t('settings.tabBackup'), children: <BackupTab />, show: can('backup.manage') },
    { key: 'audit', label: t('settings.tabAudit'), children: <AuditTab />, show: can('audit.read') },
    { key: 'system', label: t('settings.tabSystem'), children: <SystemTab />, show: true },
  ].filter((x) => x.show);
  // A tab that does not exist, or one this role may not see (a link kept from another user's session).
  if (!tabs.some((x) => x.key === tab)) return <NotFound />;
  return (
    <div className="page">
      <div className="page-header">
        <h2>{t('settings.title')}</h2>
        {info.workspace === 'real' && (
          <Button onClick={enterDemo} data-testid="settings-demo">
            {t('auth.openDemo')}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/settings/${k}`)}
        items={tabs.map(({ show: _s, ...x }) => x)}
        destroyOnHidden
      />
    </div>
  );
}
