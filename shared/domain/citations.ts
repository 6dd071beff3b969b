import type { ValidationIssue } from '../base/errors.ts';

/**
 * A citation as an outward document prints it: down to the article at least (第…条, with 款/项 where the
 * law has them), and a national law by its full name (《中华人民共和国安全生产法》, never 《安全生产法》).
 */
export function citationIssues(citation: string, path: (string | number)[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!/第[零一二三四五六七八九十百千]+条/.test(citation))
    issues.push({ path, key: 'documents.rules.citationArticle' });
  const short = [...citation.matchAll(/《([^》]+法)》/g)]
    .map((m) => m[1])
    // A law (…法) is cited by the name it was enacted under; a ministry's rules (…办法) are named as they are.
    .find((name) => !name.endsWith('办法') && !name.startsWith('中华人民共和国'));
  if (short) issues.push({ path, key: 'documents.rules.lawShortName', params: { name: `《${short}》` } });
  return issues;
}
