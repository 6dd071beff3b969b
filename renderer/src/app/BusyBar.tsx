import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onWaiting } from '../api/client.ts';

/** Shown this soon after a call starts, so no action is a silent wait and a quick one does not flicker. */
const SHOW_AFTER_MS = 80;

/**
 * A thin moving bar along the top of the window while any call the user is waiting for is in flight: every action
 * that reaches the core shows it is under way within 100 ms, whatever screen made it (screens still show their own
 * spinner or progress where they have more to say).
 */
export function BusyBar() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const off = onWaiting((calls) => {
      window.clearTimeout(timer);
      if (calls > 0) timer = window.setTimeout(() => setShown(true), SHOW_AFTER_MS);
      else setShown(false);
    });
    return () => {
      window.clearTimeout(timer);
      off();
    };
  }, []);
  return shown ? (
    <div className="busy-bar" role="progressbar" aria-label={t('app.working')} data-testid="busy-bar" />
  ) : null;
}
