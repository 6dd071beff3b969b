import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, type Messages, resources } from '../../shared/i18n/resources.ts';
import { chineseDateParams } from '../../shared/domain/dates.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

const LANGUAGE_KEY = 'desk.language';
export const initialLanguage: Language = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lng: Language): void {
  localStorage.setItem(LANGUAGE_KEY, lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/**
 * For keys that arrive as data (validation and import reasons from the core). They are checked
 * against the locale files by tests/unit/i18n.test.ts rather than by the compiler.
 */
export function tKey(key: string, params?: Record<string, unknown>): string {
  const shown = i18next.language === 'en' ? params : chineseDateParams(params);
  return i18next.t(key as never, shown as never) as unknown as string;
}

export default i18next;
