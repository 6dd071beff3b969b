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
    let stopped = false;
    const timer = window.setInterval(() => {
      void api.app.info().then(
        (info) => {
          if (stopped) return;
          if (info.demoMaking) setProgress(info.demoMaking);
          else {
            stopped = true;
            window.clearInterval(timer);
            onDone();
          }
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
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
