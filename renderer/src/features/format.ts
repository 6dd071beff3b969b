import { chinaClock, chineseDate } from '../../../shared/domain/dates.ts';
import i18next from '../i18n.ts';
import { tKey } from '../i18n.ts';

/**
 * A moment as a squad in China reads it, whatever zone the PC is set to (the core counts its days so
 * too): a stamp of the core's in China time, a time typed in as typed. In the UI language:
 * 2026年11月22日 14:05 or 2026-11-22 14:05.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = chinaClock(iso);
  if (!at) return iso;
  return i18next.language === 'en' ? `${at.date} ${at.time}` : `${chineseDate(at.date)} ${at.time}`;
}

/** A day in the UI language: 2026年1月31日 or 2026-01-31. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  return i18next.language === 'en' ? isoDate.slice(0, 10) : chineseDate(isoDate);
}

/** An audit action (a channel name such as enterprises:create) as words. */
export function auditActionLabel(action: string): string {
  const key = `audit.actionNames.${action.replace(/[:-]/g, '_')}`;
  const text = tKey(key);
  if (text !== key) return text;
  // A step recorded on a case is logged by its kind (cases:approval, cases:payment): said as the case page says it.
  const kind = /^cases:(.+)$/.exec(action)?.[1];
  const step = kind && tKey(`cases.events.${kind}`);
  return step && step !== `cases.events.${kind}` ? tKey('audit.caseStep', { step }) : action;
}

export function auditEntityLabel(type: string): string {
  const key = `audit.entities.${type}`;
  const text = tKey(key);
  return text === key ? type : text;
}
