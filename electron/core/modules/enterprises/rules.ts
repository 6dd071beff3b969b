import type { ValidationIssue } from '../../../../shared/base/errors.ts';
import { lookupIndustry } from '../../../../shared/domain/industry.ts';
import type { EnterpriseFields } from '../../../../shared/entities/enterprise.ts';
import type { Knowledge } from '../../knowledge.ts';

/** Checks that need the knowledge files; the zod schema has done the shapes and the USCC check character. */
export function knowledgeIssues(
  f: EnterpriseFields,
  knowledge: Knowledge,
): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (f.industryCode) {
    const found = lookupIndustry(knowledge.industryIndex, f.industryCode);
    if (found.status === 'unknown')
      errors.push({ path: ['industryCode'], key: 'validation.industry.unknown', params: { code: f.industryCode } });
    if (found.status === 'unlisted')
      warnings.push({
        path: ['industryCode'],
        key: 'validation.industry.unlisted',
        params: { code: f.industryCode, division: found.divisionName },
      });
  }
  return { errors, warnings };
}
