/**
 * The command line's side of a holiday-schedule import: the days a replaced schedule would move, and
 * the core's refusals in words. It speaks both languages, as its usage text does, in the app's own
 * wording from the locale files, so the CLI and the screen name a problem alike.
 */
import type { CalendarImportOutcome } from '../../shared/api/contract.ts';
import { movedDays, type YearChange } from '../../shared/domain/calendar-diff.ts';
import { resources } from '../../shared/i18n/resources.ts';

type Tree = { [k: string]: string | Tree };

function translate(lng: 'zh-CN' | 'en', key: string, params: Record<string, unknown>): string {
  let node: string | Tree | undefined = resources[lng].translation as unknown as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const both = (key: string, params: Record<string, unknown> = {}) =>
  `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`;

/** A coded error of the core as the app words it, e.g. CALENDAR_BAD_FILE with the rule and the day. */
export function explainError(code: string, details: Record<string, unknown> = {}): string {
  const reasonText = (lng: 'zh-CN' | 'en') =>
    typeof details.reason === 'string' ? translate(lng, details.reason, details) : '';
  return (['zh-CN', 'en'] as const)
    .map((lng) => translate(lng, `errors.${code}`, { ...details, reasonText: reasonText(lng) }))
    .join('\n');
}

const KINDS = ['offAdded', 'workdaysRemoved', 'workdaysAdded', 'offRemoved'] as const;

/** The days that move in one year: before applying (would be replaced) or after (was). */
export function describeChange(change: YearChange, fileName: string, applied: boolean): string {
  return [
    applied
      ? both('calendar.change.applied', { year: change.year, count: movedDays(change) })
      : both('calendar.change.title', { year: change.year }),
    `  ${change.previousSource} → ${fileName}`,
    ...KINDS.filter((k) => change[k].length > 0).map(
      (k) => `  ${both(`calendar.change.${k}`, { count: change[k].length })}\n    ${change[k].join(' ')}`,
    ),
    `  ${both('calendar.change.unchanged', { count: change.unchanged })}`,
  ].join('\n');
}

export function describeOutcome(outcome: CalendarImportOutcome, fileName: string): { text: string; exitCode: number } {
  const changes = outcome.changes.map((c) => describeChange(c, fileName, outcome.applied));
  if (!outcome.applied) {
    return {
      text: [
        ...changes,
        '未导入：与国务院办公厅通知核对无误后，加 --confirm 再次运行 / not imported: check against the State Council notice, then run again with --confirm',
      ].join('\n'),
      exitCode: 1,
    };
  }
  return {
    text: [
      ...changes,
      JSON.stringify({ applied: true, year: outcome.year, ignoredDays: outcome.ignoredDays }, null, 2),
    ].join('\n'),
    exitCode: 0,
  };
}
