import {
  AppstoreOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Dropdown, Layout, Menu, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { EnterpriseListPage } from '../features/enterprises/EnterpriseListPage.tsx';
import { EnterprisePage } from '../features/enterprises/EnterprisePage.tsx';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { DocumentPage } from '../features/documents/DocumentPage.tsx';
import { DocumentsPage } from '../features/documents/DocumentList.tsx';
import { InspectionPage } from '../features/inspections/InspectionPage.tsx';
import { InspectionsPage } from '../features/inspections/InspectionsPage.tsx';
import { CasesPage } from '../features/cases/CaseList.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { ReviewListPage, ReviewPage } from '../features/review/ReviewPage.tsx';
import { setLanguage } from '../i18n.ts';
import { NotFound } from './NotFound.tsx';
import { useSession } from './session.tsx';
import { Crumbs, CrumbsProvider } from './crumbs.tsx';
import { ExportsPage } from '../features/exports/ExportsPage.tsx';
import { PlansPage } from '../features/plans/PlansPage.tsx';
import { ReportsPage } from '../features/reports/ReportsPage.tsx';

export const SECTIONS = [
  { key: 'dashboard', path: '/', icon: <AppstoreOutlined /> },
  { key: 'enterprises', path: '/enterprises', icon: <BankOutlined /> },
  { key: 'plans', path: '/plans', icon: <CalendarOutlined /> },
  { key: 'inspections', path: '/inspections', icon: <SafetyCertificateOutlined /> },
  { key: 'cases', path: '/cases', icon: <SolutionOutlined /> },
  { key: 'documents', path: '/documents', icon: <FileTextOutlined /> },
  { key: 'review', path: '/review', icon: <FileProtectOutlined /> },
  { key: 'exports', path: '/exports', icon: <CloudUploadOutlined /> },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
] as const;

export function Shell() {
  const { t, i18n } = useTranslation();
  const { info, session, signOut, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  // The section the address is in; none for an address of no section (the not-found page).
  const current =
    location.pathname === '/'
      ? 'dashboard'
      : (SECTIONS.filter((s) => s.path !== '/' && location.pathname.startsWith(s.path)).at(0)?.key ?? '');
  const missingYears = info.calendar.uncoveredYears;

  const section = SECTIONS.find((s) => s.key === current);
  return (
    <CrumbsProvider>
      {(trail) => (
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
            <div className="brand">
              {t('app.title')}
              <small>{info.unitName}</small>
            </div>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[current]}
              items={SECTIONS.map((s) => ({
                key: s.key,
                icon: s.icon,
                label: t(`nav.${s.key}`),
                onClick: () => navigate(s.path),
              }))}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: '#fff',
                padding: '0 24px',
                display: 'flex',
                alignItems: 'center',
                gap: 12,
              }}
            >
              <Crumbs section={section ? { label: t(`nav.${section.key}`), to: section.path } : null} trail={trail} />
              <span style={{ flex: 1 }} />
              {info.workspace === 'demo' && <Tag color="red">{t('app.demoBadge')}</Tag>}
              <Button
                type="text"
                icon={<TranslationOutlined />}
                onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
                // Its label names the other language, in that language.
                lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
              >
                {t('app.language')}
              </Button>
              <Dropdown
                menu={{
                  items: [
                    {
                      key: 'pw',
                      icon: <UserOutlined />,
                      label: t('app.changePassword'),
                      onClick: () => setChangingPassword(true),
                    },
                    { key: 'out', icon: <LogoutOutlined />, label: t('app.signOut'), onClick: () => void signOut() },
                  ],
                }}
              >
                <Button type="text" data-testid="user-menu">
                  <Space>
                    <UserOutlined />
                    {session.user.displayName}
                    <Tag>{t(`roles.${session.user.role}`)}</Tag>
                  </Space>
                </Button>
              </Dropdown>
            </Layout.Header>
            {/* Only an admin can import the calendar: the others see 待核实 where a deadline depends on it. */}
            {missingYears.length > 0 && can('calendar.manage') && (
              <Alert
                type="warning"
                showIcon
                banner
                closable
                message={t('app.calendarMissing', { years: missingYears.join('、') })}
                data-testid="calendar-missing"
              />
            )}
            <Layout.Content>
              <Routes>
                <Route path="/" element={<DashboardPage />} />
                <Route path="/enterprises" element={<EnterpriseListPage />} />
                <Route path="/enterprises/:id" element={<EnterprisePage />} />
                <Route path="/plans" element={<PlansPage />} />
                <Route path="/inspections" element={<InspectionsPage />} />
                <Route path="/inspections/:id" element={<InspectionPage />} />
                <Route path="/cases" element={<CasesPage />} />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route path="/documents" element={<DocumentsPage />} />
                <Route path="/documents/:id" element={<DocumentPage />} />
                <Route path="/review" element={<ReviewListPage />} />
                <Route path="/review/:id" element={<ReviewPage />} />
                <Route path="/exports" element={<ExportsPage />} />
                <Route path="/settings" element={<SettingsPage />} />
                <Route path="/settings/:tab" element={<SettingsPage />} />
                <Route path="/reports" element={<ReportsPage />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Layout.Content>
          </Layout>
          <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
        </Layout>
      )}
    </CrumbsProvider>
  );
}
