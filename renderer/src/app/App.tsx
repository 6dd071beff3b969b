import { Alert, App as AntApp, Button, Result, Space, Spin, Watermark } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SessionInfo } from '../../../shared/api/contract.ts';
import { useNavigate } from 'react-router';
import { api, getWorkspace, onSessionProblem, setToken, setWorkspace } from '../api/client.ts';
import { LockScreen } from '../features/auth/LockScreen.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { BusyBar } from './BusyBar.tsx';
import { syncClock } from './clock.ts';
import { DemoMaking } from './DemoMaking.tsx';
import { errorMessage } from './errors.ts';
import { SessionContext, type SessionContextValue } from './session.tsx';
import { Shell } from './Shell.tsx';
import { PrintPreviewProvider } from './PrintPreview.tsx';

const ACTIVITY_EVENTS = ['mousedown', 'keydown', 'wheel', 'touchstart'] as const;

export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [checking, setChecking] = useState(true);
  const [locked, setLocked] = useState(false);
  const lastActivity = useRef(0);

  const refreshInfo = useCallback(async () => {
    try {
      const next = await api.app.info();
      syncClock(next.now);
      setInfo(next);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  const resume = useCallback(async () => {
    setChecking(true);
    try {
      setSession(await api.auth.session());
    } catch {
      setSession(null);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    void refreshInfo().then(resume);
  }, [refreshInfo, resume]);

  useEffect(
    () =>
      onSessionProblem((code) => {
        if (code === 'SESSION_LOCKED') setLocked(true);
        else {
          setToken(undefined);
          setSession(null);
        }
      }),
    [],
  );

  // The core locks an idle session on its side; the screen follows the same rule so nothing is left showing.
  useEffect(() => {
    if (!session) return;
    lastActivity.current = performance.now();
    const touch = () => {
      lastActivity.current = performance.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true });
    let lastPing = performance.now();
    const timer = window.setInterval(() => {
      const idle = performance.now() - lastActivity.current;
      if (idle > session.idleLockMinutes * 60_000) setLocked(true);
      else if (performance.now() - lastPing > 60_000 && idle < 60_000) {
        lastPing = performance.now();
        void api.auth.session().catch(() => undefined);
      }
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch);
    };
  }, [session]);

  // The demo county was made whole while this user was in: the banner offers to load the screens again.
  const [demoMadeUnder, setDemoMadeUnder] = useState(false);
  const signedIn = useCallback(
    (s: SessionInfo) => {
      setDemoMadeUnder(false);
      setToken(s.token);
      setSession(s);
      setLocked(false);
      lastActivity.current = performance.now();
      void refreshInfo();
    },
    [refreshInfo],
  );
  // Another user's sign-in starts on the workbench, which every role may see (the page left open was the last user's);
  // the same user signing in again after the session ended keeps their place.
  const navigate = useNavigate();
  const lastUser = useRef<number | null>(null);
  const signedInAfresh = useCallback(
    (s: SessionInfo) => {
      const changed = lastUser.current !== s.user.id;
      lastUser.current = s.user.id;
      signedIn(s);
      if (changed) void navigate('/', { replace: true });
    },
    [signedIn, navigate],
  );

  // Once the demo county is whole, the screens can load again to show what was made in the background: offered, not
  // done under the user (a half-filled form would be lost). Signed out, the next sign-in loads everything anyway.
  const [demoRound, setDemoRound] = useState(0);
  const demoMade = useCallback(() => {
    void refreshInfo();
    setDemoMadeUnder(true);
  }, [refreshInfo]);
  const reloadScreens = () => {
    setDemoMadeUnder(false);
    setDemoRound((n) => n + 1);
  };

  const switchWorkspace = useCallback(
    (ws: 'real' | 'demo') => {
      setWorkspace(ws);
      setSession(null);
      setInfo(null);
      void refreshInfo().then(resume);
    },
    [refreshInfo, resume],
  );

  const value = useMemo<SessionContextValue | null>(
    () =>
      info && session
        ? {
            info,
            session,
            can: (p) => session.permissions.includes(p),
            refreshInfo,
            leaveDemo: () => switchWorkspace('real'),
            enterDemo: () => switchWorkspace('demo'),
            async signOut() {
              await api.auth.signOut().catch(() => undefined);
              setToken(undefined);
              setSession(null);
            },
          }
        : null,
    [info, session, refreshInfo, switchWorkspace],
  );

  if (loadError) {
    return (
      <Result
        status="error"
        title={loadError}
        extra={<Button onClick={() => void refreshInfo()}>{t('common.refresh')}</Button>}
      />
    );
  }
  if (!info || checking)
    return (
      <div className="center-screen">
        <Spin size="large" tip={t('app.loading')}>
          <div style={{ padding: 50 }} />
        </Spin>
      </div>
    );

  const demo = info.workspace === 'demo';
  let body;
  if (info.needsSetup) {
    body = <SetupPage onDone={signedIn} onDemo={() => switchWorkspace('demo')} onImported={() => void refreshInfo()} />;
  } else if (!session || !value) {
    body = <SignInPage info={info} onSignedIn={signedInAfresh} onDemo={() => switchWorkspace('demo')} />;
  } else {
    body = (
      <SessionContext.Provider value={value}>
        <PrintPreviewProvider>
          {/* A new round (the demo county made whole, the user asked) loads every screen again. */}
          <Shell key={demoRound} />
        </PrintPreviewProvider>
        {locked && (
          <LockScreen name={session.user.displayName} onUnlocked={signedIn} onSignOut={() => void value.signOut()} />
        )}
      </SessionContext.Provider>
    );
  }
  return (
    <AntApp>
      <BusyBar />
      {demo ? (
        <Watermark
          content={t('app.demoWatermark')}
          font={{ fontSize: 18, color: 'rgba(200, 30, 30, 0.12)' }}
          gap={[120, 120]}
          zIndex={2000}
          // Clipped without being a scroll container (the default "hidden" is one): sticky headings stay sticky.
          style={{ overflow: 'clip' }}
        >
          <div className="demo-frame" data-workspace="demo">
            <Alert
              type="warning"
              banner
              message={
                <>
                  {t('app.demoBanner')}
                  {info.demoMaking && <DemoMaking making={info.demoMaking} onDone={demoMade} />}
                  {!info.demoMaking && demoMadeUnder && session && (
                    <Space style={{ marginLeft: 12 }} data-testid="demo-made">
                      {t('app.demoMade')}
                      <Button size="small" type="primary" onClick={reloadScreens} data-testid="demo-made-reload">
                        {t('app.demoReload')}
                      </Button>
                    </Space>
                  )}
                </>
              }
              action={
                getWorkspace() === 'demo' ? (
                  <Button size="small" onClick={() => switchWorkspace('real')}>
                    {t('app.leaveDemo')}
                  </Button>
                ) : undefined
              }
            />
            {body}
          </div>
        </Watermark>
      ) : (
        body
      )}
    </AntApp>
  );
}
