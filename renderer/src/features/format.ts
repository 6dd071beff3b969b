import dayjs from 'dayjs';
import i18next from '../i18n.ts';
import { tKey } from '../i18n.ts';

/** Date and time in the UI language (not the browser's): 2026年11月22日 14:05 or 2026-11-22 14:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).format(i18next.language === 'en' ? 'YYYY-MM-DD HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** An audit action (a channel name such as enterprises:create) as words. */
export function auditActionLabel(action: string): string {
  const key = `audit.actionNames.${action.replace(/[:-]/g, '_')}`;
  const text = tKey(key);
  return text === key ? action : text;
}

export function auditEntityLabel(type: string): string {
  const key = `audit.entities.${type}`;
  const text = tKey(key);
  return text === key ? type : text;
}
