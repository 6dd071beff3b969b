import en from '../../resources/locales/en.json' with { type: 'json' };
import zhCN from '../../resources/locales/zh-CN.json' with { type: 'json' };
import type { ErrorCode } from '../base/errors.ts';

/**
 * UI wording (not official document text, which lives in templates and knowledge files).
 * zh-CN is the reference: the English file must have every key it has, and every error code
 * must have a message — both fail the typecheck otherwise.
 */
export type Messages = typeof zhCN;
const english: Messages = en;
const errorMessages: Record<ErrorCode, string> = zhCN.errors;
const englishErrors: Record<ErrorCode, string> = en.errors;
void errorMessages;
void englishErrors;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: english },
} as const;
