import { Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/contract.ts';
import { api } from '../api/client.ts';

const POLL_MS = 600;

/**
 * The demo county opens on its ledger while its case files and inspections are still being made in the background:
 * this says so, with how far it has got, and tells the screens to load again once it is whole. It asks app:info
 * (open to anyone), so it shows on the sign-in page too.
 */
export function DemoMaking({ making, onDone }: { making: NonNullable<AppInfo['demoMaking']>; onDone(): void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState(making);
  useEffect(() => {
    // Each poll waits for the last answer: a slow core is not asked again and again meanwhile.
    let timer: number | undefined;
    let stopped = false;
    const poll = () =>
      void api.app.info().then(
        (info) => {
          if (stopped) return;
          if (!info.demoMaking) return onDone();
          setProgress(info.demoMaking);
          timer = window.setTimeout(poll, POLL_MS);
        },
        () => {
          if (!stopped) timer = window.setTimeout(poll, POLL_MS);
        },
      );
    timer = window.setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [onDone]);
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Space data-testid="demo-making" style={{ marginLeft: 12 }}>
      <span>{t('app.demoMaking', { done: progress.done, total: progress.total })}</span>
      <Progress percent={percent} size="small" style={{ width: 160, margin: 0 }} status="active" />
    </Space>
  );
}
