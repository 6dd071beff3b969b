import i18n from '../../i18n.ts';

/**
 * A review standard's names in the UI language: the English a standard carries (the bundled one does; a province's
 * may not), else its own words. The 评查表 printed stays in the standard's Chinese.
 */
export function standardName(x: { name: string; nameEn?: string }): string {
  return i18n.language === 'en' && x.nameEn ? x.nameEn : x.name;
}

/** A grade (stored by its Chinese name) as the UI shows it. */
export function gradeName(standard: { grades?: { name: string; nameEn?: string }[] }, grade: string): string {
  const g = standard.grades?.find((x) => x.name === grade);
  return g ? standardName(g) : grade;
}
